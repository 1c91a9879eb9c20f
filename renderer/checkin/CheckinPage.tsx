import { ComingSoon } from '../ui/ComingSoon';
import { useT } from '../ui/i18n';

export function CheckinPage() {
  const t = useT();
  return <ComingSoon title={t('checkin.title')} message={t('checkin.comingSoon')} />;
}
