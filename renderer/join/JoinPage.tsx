import { useState, type FormEvent } from 'react';
import { useApi } from '../api/useApi';
import { judgeAccessRoutes } from '../../shared/api/judge-access-routes';
import { Button } from '../ui/Button';
import { Page } from '../ui/Page';
import { useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
// The trainee's check-in page has the same one-field phone form; its styles already suit old phone browsers.
import '../checkin/checkin.css';

/**
 * `#/join` (the card's short address `/j` leads here): a judge whose QR code does not open types the code printed
 * on their card and lands on their own score sheet. Kept tiny: it loads on venue Wi-Fi.
 */
export function JoinPage() {
  const t = useT();
  const message = useErrorMessage();
  const api = useApi(null, judgeAccessRoutes);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { url } = await api.call('publicJoin', { body: { code } });
      // Replaced, not pushed: "back" on the score sheet should not come here again.
      window.location.replace(url);
    } catch (failure) {
      setError(message(failure));
      setBusy(false);
    }
  }

  return (
    <Page title={t('join.title')} width="narrow">
      <div className="phone-checkin">
        <div className="card">
          <h1 className="phone-session">{t('join.title')}</h1>
          <form className="phone-form" onSubmit={(e) => void submit(e)} noValidate>
            <label className="phone-label" htmlFor="join-code">
              {t('join.code')}
            </label>
            <input
              id="join-code"
              className="phone-input phone-code"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setError(null);
              }}
              aria-describedby="join-code-hint"
              data-testid="join-code"
            />
            <p className="phone-hint muted" id="join-code-hint">
              {t('join.help')}
            </p>
            {error !== null ? (
              <p className="phone-error" role="alert" data-testid="join-error">
                {error}
              </p>
            ) : null}
            <Button type="submit" variant="primary" className="phone-submit" busy={busy} data-testid="join-submit">
              {busy ? t('join.joining') : t('join.submit')}
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
