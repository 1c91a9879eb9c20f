import { Page } from '../ui/Page';
import { useT } from '../ui/i18n';

/** The organiser reissued or revoked this judge's link (a lost laptop): nothing here works any more. */
export function LinkLost() {
  const t = useT();
  return (
    <Page title={t('judge.title')} width="narrow">
      <div className="card judge-card" data-testid="judge-link-lost">
        <h1 className="page-title">{t('judgePage.linkLost')}</h1>
        <p className="judge-message">{t('judgePage.linkLostHelp')}</p>
      </div>
    </Page>
  );
}
