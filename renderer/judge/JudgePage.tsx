import { Page } from '../ui/Page';
import { useT } from '../ui/i18n';

/** A judge's own page; scoring arrives with the contest endpoints, until then it says what to expect. */
export function JudgePage({ token }: { token: string | null }) {
  const t = useT();
  return (
    <Page title={t('judge.title')} width="narrow">
      <div className="card judge-card">
        <h1 className="page-title">{t('judge.title')}</h1>
        {token ? (
          <p className="judge-message" data-testid="judge-waiting">
            <span className="pulse" aria-hidden="true" />
            {t('judge.waiting')}
          </p>
        ) : (
          <p className="judge-message" data-testid="judge-need-token">
            {t('judge.needToken')}
          </p>
        )}
      </div>
    </Page>
  );
}
