import { useCallback, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { checkinAnswers, CheckinCode } from '../../shared/api/checkin';
import { ApiError } from '../api/client';
import { useApi } from '../api/useApi';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { deviceId } from './device';
import { sessionWhen } from './sessionTime';
import './checkin.css';

// A trainee's phone, often inside WeChat: kept small, and nothing newer than Chrome 90 / iOS 14 Safari.

/** `#/checkin/:code`: the session the code opens, a phone number, the answer in large type. */
export function CheckinPage({ code }: { code: string | null }) {
  const t = useT();
  const valid = code !== null && CheckinCode.safeParse(code).success;
  return (
    <Page title={t('phoneCheckin.title')} width="narrow">
      <div className="phone-checkin">
        {valid ? (
          <SelfCheckin code={code} />
        ) : (
          <div className="card">
            <h1 className="phone-session">{t('phoneCheckin.title')}</h1>
            {code !== null ? <Notice tone="error">{t('phoneCheckin.codeInvalid')}</Notice> : null}
            <CodeEntry />
          </div>
        )}
      </div>
    </Page>
  );
}

function SelfCheckin({ code }: { code: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useErrorMessage();
  const api = useApi(null, checkinAnswers);
  const session = useLoad(useCallback(() => api.call('publicCheckinSession', { params: { code } }), [api, code]));

  if (!session.data) {
    return (
      <div className="card">
        {session.error ? (
          <>
            <Notice tone="error">{message(session.error)}</Notice>
            <CodeEntry />
          </>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </div>
    );
  }

  const s = session.data;
  return (
    <div className="card">
      <p className="phone-event" data-testid="checkin-event">
        {s.eventTitle}
      </p>
      <h1 className="phone-session" data-testid="checkin-session">
        {s.title}
      </h1>
      <p className="phone-when muted">
        {sessionWhen(s.startsAt, s.endsAt, locale)}
        {s.venueName ? ` · ${s.venueName}` : ''}
      </p>
      <PhoneForm code={code} />
    </div>
  );
}

type Answer = { kind: 'in'; name: string; late: boolean } | { kind: 'refused'; message: string };

function PhoneForm({ code }: { code: string }) {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, checkinAnswers);
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    if (phone.trim() === '') {
      setAnswer({ kind: 'refused', message: t('phoneCheckin.phoneRequired') });
      return;
    }
    setBusy(true);
    try {
      const result = await api.call('publicCheckin', { params: { code }, body: { phone, device: deviceId() } });
      setAnswer({ kind: 'in', name: result.name, late: result.status === 'late' });
    } catch (error) {
      // A proxy's bare 429 has no sentence of its own; say what to do.
      const tooMany = error instanceof ApiError && error.status === 429 && error.code === 'bad_response';
      setAnswer({ kind: 'refused', message: tooMany ? t('phoneCheckin.tooMany') : message(error) });
    } finally {
      setBusy(false);
    }
  }

  if (answer?.kind === 'in') {
    return (
      <div
        className={answer.late ? 'phone-result phone-result-late' : 'phone-result'}
        role="status"
        data-testid="checkin-result"
      >
        <p className="phone-result-name" data-testid="checkin-name">
          {answer.name}
        </p>
        <p className="phone-result-status">{t(answer.late ? 'phoneCheckin.late' : 'phoneCheckin.present')}</p>
      </div>
    );
  }

  return (
    <form className="phone-form" onSubmit={(e) => void submit(e)} noValidate>
      <BigField
        id="checkin-phone"
        label={t('phoneCheckin.phone')}
        hint={t('phoneCheckin.phoneHint')}
        error={answer?.kind === 'refused' ? answer.message : null}
        input={{
          type: 'tel',
          inputMode: 'numeric',
          autoComplete: 'tel',
          maxLength: 30,
          value: phone,
          onChange: (e) => setPhone(e.currentTarget.value),
        }}
      />
      <Button type="submit" variant="primary" className="phone-submit" busy={busy} data-testid="checkin-submit">
        {busy ? t('phoneCheckin.sending') : t('phoneCheckin.submit')}
      </Button>
    </form>
  );
}

/** Where a QR code did not scan: the 4 digits from the projector lead to the same page. */
function CodeEntry() {
  const t = useT();
  const [value, setValue] = useState('');
  const [wrong, setWrong] = useState(false);

  function go(e: FormEvent<HTMLFormElement>): void {
    e.preventDefault();
    const code = value.replace(/\D/g, '');
    if (!CheckinCode.safeParse(code).success) {
      setWrong(true);
      return;
    }
    window.location.hash = hrefFor(`/checkin/${code}`);
  }

  return (
    <form className="phone-form" onSubmit={go} noValidate>
      <BigField
        id="checkin-code"
        label={t('phoneCheckin.code')}
        hint={t('phoneCheckin.codeHint')}
        error={wrong ? t('phoneCheckin.codeInvalid') : null}
        input={{
          type: 'text',
          inputMode: 'numeric',
          autoComplete: 'one-time-code',
          maxLength: 4,
          className: 'phone-code',
          value,
          onChange: (e) => {
            setValue(e.currentTarget.value);
            setWrong(false);
          },
        }}
      />
      <Button type="submit" variant="primary" className="phone-submit">
        {t('phoneCheckin.go')}
      </Button>
    </form>
  );
}

/** A label, one large input a thumb can hit, what to type, and what went wrong. */
function BigField({
  id,
  label,
  hint,
  error,
  input,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | null;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <>
      <label className="phone-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        className={['phone-input', input.className].filter(Boolean).join(' ')}
        aria-describedby={`${id}-hint`}
        data-testid={id}
      />
      <p className="phone-hint muted" id={`${id}-hint`}>
        {hint}
      </p>
      {error !== null ? (
        <p className="phone-error" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}
