import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { reflectAnswers, ReflectCode } from '../../shared/api/reflect';
import { formatDate } from '../../shared/domain/dates';
import { characterCount } from '../../shared/domain/reflections';
import { wallClock } from '../../shared/domain/sessionTime';
import { ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { loadDraft, saveDraft, type ReflectionDraft } from './draft';
import '../checkin/checkin.css';
import './reflect.css';

// A trainee's phone, often inside WeChat: kept small, and nothing newer than Chrome 90 / iOS 14 Safari.

interface Limits {
  titleLimit: number;
  bodyLimit: number;
}

/** `#/reflect/:code`: the assignment, the trainee's phone number, a title and the text with a live count. */
export function ReflectPage({ code }: { code: string | null }) {
  const t = useT();
  const valid = code !== null && ReflectCode.safeParse(code).success;
  return (
    <Page title={t('reflectPage.title')} width="narrow">
      <div className="phone-reflect">
        {valid ? (
          <Assignment code={code} />
        ) : (
          <div className="card">
            <h1 className="phone-session">{t('reflectPage.title')}</h1>
            <Notice tone="error">{t('reflectPage.codeInvalid')}</Notice>
          </div>
        )}
      </div>
    </Page>
  );
}

function Assignment({ code }: { code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useErrorMessage();
  const api = useApi(null, reflectAnswers);
  const form = useLoad(useCallback(() => api.call('publicReflectionAssignment', { params: { code } }), [api, code]));

  if (!form.data) {
    return (
      <div className="card">
        {form.error ? <Notice tone="error">{message(form.error)}</Notice> : <p className="muted">{t('app.loading')}</p>}
      </div>
    );
  }

  const a = form.data;
  const due = wallClock(a.dueAt);
  return (
    <div className="card">
      <p className="phone-event">{a.eventTitle}</p>
      <h1 className="phone-session" data-testid="reflect-assignment">
        {a.title}
      </h1>
      {a.prompt ? <p className="reflect-prompt">{a.prompt}</p> : null}
      <p className="phone-when muted">
        {t('reflectPage.due', { date: `${formatDate(due.date, locale)} ${due.time}`.trim() })}
      </p>
      {a.open ? <ReflectionForm code={code} limits={a} /> : <Notice tone="error">{t('reflectPage.closed')}</Notice>}
    </div>
  );
}

type Answer = { kind: 'received'; name: string; title: string; length: number; replaced: boolean };

function ReflectionForm({ code, limits }: { code: string; limits: Limits }) {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, reflectAnswers);
  const [draft, setDraft] = useState<ReflectionDraft>(() => loadDraft(code));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => saveDraft(code, draft), [code, draft]);

  const count = characterCount(draft.body);
  const over = count - limits.bodyLimit;
  const titleOver = characterCount(draft.title) > limits.titleLimit;

  function edit(field: 'phone' | 'title' | 'body', value: string) {
    setDraft((d) => ({ ...d, [field]: value }));
    setError(null);
  }

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    if (!draft.phone.trim() || !draft.title.trim() || count === 0) {
      setError(t('reflectPage.required'));
      return;
    }
    setBusy(true);
    try {
      const receipt = await api.call('publicReflection', {
        params: { code },
        body: { phone: draft.phone, title: draft.title, body: draft.body },
      });
      setDraft((d) => ({ ...d, handedIn: true }));
      setAnswer({ kind: 'received', ...receipt });
    } catch (failure) {
      // A proxy's bare 429 has no sentence of its own; say what to do.
      const tooMany = failure instanceof ApiError && failure.status === 429 && failure.code === 'bad_response';
      setError(tooMany ? t('reflectPage.tooMany') : message(failure));
    } finally {
      setBusy(false);
    }
  }

  if (answer) {
    return (
      <div className="phone-result reflect-result" role="status" data-testid="reflect-result">
        <p className="reflect-result-head">
          {t(answer.replaced ? 'reflectPage.replaced' : 'reflectPage.received', { name: answer.name })}
        </p>
        <p>{t('reflectPage.receivedDetail', { title: answer.title, count: answer.length })}</p>
        <Button className="reflect-again" onClick={() => setAnswer(null)} data-testid="reflect-edit-again">
          {t('reflectPage.editAgain')}
        </Button>
      </div>
    );
  }

  return (
    <form className="phone-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="phone-label reflect-label" htmlFor="reflect-phone">
        {t('reflectPage.phone')}
      </label>
      <input
        id="reflect-phone"
        className="phone-input reflect-input"
        type="tel"
        inputMode="numeric"
        autoComplete="tel"
        maxLength={30}
        value={draft.phone}
        onChange={(e) => edit('phone', e.currentTarget.value)}
        aria-describedby="reflect-phone-hint"
        data-testid="reflect-phone"
      />
      <p className="phone-hint muted" id="reflect-phone-hint">
        {t('reflectPage.phoneHint')}
      </p>

      <label className="phone-label reflect-label" htmlFor="reflect-title">
        {t('reflectPage.titleLabel')}
      </label>
      <input
        id="reflect-title"
        className={titleOver ? 'phone-input reflect-input reflect-over' : 'phone-input reflect-input'}
        type="text"
        value={draft.title}
        onChange={(e) => edit('title', e.currentTarget.value)}
        aria-describedby="reflect-title-hint"
        data-testid="reflect-title"
      />
      <p className="phone-hint muted" id="reflect-title-hint">
        {t('reflectPage.titleHint', { max: limits.titleLimit })}
      </p>

      <label className="phone-label reflect-label" htmlFor="reflect-body">
        {t('reflectPage.body')}
      </label>
      <textarea
        id="reflect-body"
        className={
          over > 0 ? 'phone-input reflect-input reflect-body reflect-over' : 'phone-input reflect-input reflect-body'
        }
        rows={12}
        value={draft.body}
        onChange={(e) => edit('body', e.currentTarget.value)}
        aria-describedby="reflect-count"
        data-testid="reflect-body"
      />
      <p
        className={over > 0 ? 'reflect-count reflect-count-over' : 'reflect-count muted'}
        id="reflect-count"
        aria-live="polite"
        data-testid="reflect-count"
      >
        {t('reflectPage.count', { count, max: limits.bodyLimit })}
        {over > 0 ? ` ${t('reflectPage.over', { over })}` : ''}
      </p>
      <p className="phone-hint muted">{t('reflectPage.draftKept')}</p>

      {error !== null ? (
        <p className="phone-error" role="alert" data-testid="reflect-error">
          {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" className="phone-submit" busy={busy} data-testid="reflect-submit">
        {busy ? t('reflectPage.sending') : t(draft.handedIn ? 'reflectPage.resubmit' : 'reflectPage.submit')}
      </Button>
    </form>
  );
}
