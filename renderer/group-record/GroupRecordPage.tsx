import { useCallback, useState, type FormEvent } from 'react';
import { GroupRecordCode, groupRecordAnswers } from '../../shared/api/group-record';
import { formatDate } from '../../shared/domain/dates';
import { wallClock } from '../../shared/domain/sessionTime';
import { useApi } from '../api/useApi';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import './group-record.css';

// A recorder's phone, often inside WeChat: kept small, and nothing newer than Chrome 90 / iOS 14 Safari.

interface Limits {
  topicLimit: number;
  summaryLimit: number;
}

/** `#/group-record/:code`: a discussion session, the recorder's phone number, the group's topic and summary. */
export function GroupRecordPage({ code }: { code: string }) {
  const t = useT();
  const valid = GroupRecordCode.safeParse(code).success;
  return (
    <Page title={t('groupRecordPage.title')} width="narrow">
      <div className="phone-group-record">
        {valid ? (
          <DiscussionSession code={code} />
        ) : (
          <div className="card">
            <h1 className="group-record-title">{t('groupRecordPage.title')}</h1>
            <Notice tone="error">{t('groupRecordPage.codeInvalid')}</Notice>
          </div>
        )}
      </div>
    </Page>
  );
}

function DiscussionSession({ code }: { code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useErrorMessage();
  const api = useApi(null, groupRecordAnswers);
  const session = useLoad(useCallback(() => api.call('publicGroupRecordSession', { params: { code } }), [api, code]));

  if (!session.data) {
    return (
      <div className="card">
        {session.error ? (
          <Notice tone="error">{message(session.error)}</Notice>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    );
  }
  const s = session.data;
  const when = wallClock(s.startsAt);
  return (
    <div className="card">
      <p className="group-record-event">{s.eventTitle}</p>
      <h1 className="group-record-title" data-testid="group-record-session">
        {s.title}
      </h1>
      <p className="muted">{`${formatDate(when.date, locale)} ${when.time}`}</p>
      <p className="group-record-who">{t('groupRecordPage.who')}</p>
      <RecordForm code={code} limits={s} />
    </div>
  );
}

interface Receipt {
  group: string;
  name: string;
  replaced: boolean;
}

function RecordForm({ code, limits }: { code: string; limits: Limits }) {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, groupRecordAnswers);
  const [phone, setPhone] = useState('');
  const [topic, setTopic] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const count = summary.trim().length;
  const over = count - limits.summaryLimit;

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    if (!phone.trim() || count === 0) return setError(t('groupRecordPage.required'));
    if (over > 0) return setError(t('groupRecordPage.tooLong', { max: limits.summaryLimit, over }));
    setBusy(true);
    try {
      setReceipt(await api.call('publicGroupRecord', { params: { code }, body: { phone, topic, summary } }));
    } catch (failure) {
      setError(message(failure));
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <div className="group-record-result" role="status" data-testid="group-record-result">
        <p className="group-record-result-head">
          {t(receipt.replaced ? 'groupRecordPage.replaced' : 'groupRecordPage.received', { group: receipt.group })}
        </p>
        <p>{t('groupRecordPage.thanks', { name: receipt.name })}</p>
        <Button onClick={() => setReceipt(null)} data-testid="group-record-again">
          {t('groupRecordPage.again')}
        </Button>
      </div>
    );
  }

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setError(null);
  };
  return (
    <form className="group-record-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="group-record-label" htmlFor="group-record-phone">
        {t('groupRecordPage.phone')}
      </label>
      <input
        id="group-record-phone"
        className="group-record-input"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        maxLength={30}
        value={phone}
        onChange={(e) => edit(setPhone)(e.currentTarget.value)}
        aria-describedby="group-record-phone-hint"
        data-testid="group-record-phone"
      />
      <p className="muted group-record-hint" id="group-record-phone-hint">
        {t('groupRecordPage.phoneHint')}
      </p>
      <label className="group-record-label" htmlFor="group-record-topic">
        {t('groupRecordPage.topic')}
      </label>
      <input
        id="group-record-topic"
        className="group-record-input"
        maxLength={limits.topicLimit}
        value={topic}
        onChange={(e) => edit(setTopic)(e.currentTarget.value)}
        data-testid="group-record-topic"
      />
      <label className="group-record-label" htmlFor="group-record-summary">
        {t('groupRecordPage.summary')}
      </label>
      <textarea
        id="group-record-summary"
        className="group-record-input group-record-summary"
        rows={10}
        value={summary}
        onChange={(e) => edit(setSummary)(e.currentTarget.value)}
        aria-describedby="group-record-count"
        data-testid="group-record-summary"
      />
      <p
        className={over > 0 ? 'group-record-count group-record-over' : 'group-record-count muted'}
        id="group-record-count"
        aria-live="polite"
      >
        {t('groupRecordPage.count', { count, max: limits.summaryLimit })}
      </p>
      {error !== null ? (
        <p className="group-record-error" role="alert" data-testid="group-record-error">
          {error}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        className="group-record-submit"
        busy={busy}
        data-testid="group-record-submit"
      >
        {busy ? t('groupRecordPage.sending') : t('groupRecordPage.submit')}
      </Button>
    </form>
  );
}
