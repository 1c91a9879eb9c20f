import { useT } from '../ui/i18n';
import { clock } from './clock';
import type { ScoreStatus } from './pendingScores';
import type { MyScore } from './types';
import './SaveStatus.css';

/** Whether this sheet is on the host, on its way, or refused: the judge's one question after pressing submit. */
export function SaveStatus({ status, saved }: { status: ScoreStatus | undefined; saved: MyScore | undefined }) {
  const t = useT();
  if (status?.state === 'pending') {
    const retrying = status.attempts > 0;
    return (
      <div className="judge-save judge-save-pending" data-testid="judge-save-status" data-state="pending" role="status">
        <span className="judge-save-icon" aria-hidden="true" />
        <div>
          <p className="judge-save-text">
            <span className="judge-save-long">{retrying ? t('judgePage.pending') : t('judgePage.sending')}</span>
            <span className="judge-save-short" aria-hidden="true">
              {retrying ? t('judgePage.pendingShort') : t('judgePage.sendingShort')}
            </span>
          </p>
          {retrying ? <p className="judge-save-help">{t('judgePage.pendingHelp')}</p> : null}
        </div>
      </div>
    );
  }
  if (status?.state === 'error') {
    return (
      <div className="judge-save judge-save-error" data-testid="judge-save-status" data-state="error" role="alert">
        <span className="judge-save-icon" aria-hidden="true" />
        <p className="judge-save-text">{t('judgePage.error', { message: status.message })}</p>
      </div>
    );
  }
  const confirmed = status?.state === 'saved' ? status : saved;
  if (confirmed) {
    return (
      <div className="judge-save judge-save-saved" data-testid="judge-save-status" data-state="saved" role="status">
        <span className="judge-save-icon" aria-hidden="true" />
        <p className="judge-save-text">
          <span className="judge-save-long">
            {t('judgePage.saved', { time: clock(confirmed.savedAt) })}
            <span className="judge-save-total"> · {t('judgePage.savedTotal', { total: confirmed.total })}</span>
          </span>
          <span className="judge-save-short" aria-hidden="true">
            {t('judgePage.savedShort')}
          </span>
        </p>
      </div>
    );
  }
  return <p className="judge-save judge-save-none muted">{t('judgePage.notSubmitted')}</p>;
}
