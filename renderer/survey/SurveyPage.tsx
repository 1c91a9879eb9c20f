import { ComingSoon } from '../ui/ComingSoon';
import { useT } from '../ui/i18n';

export function SurveyPage() {
  const t = useT();
  return <ComingSoon title={t('survey.title')} message={t('survey.comingSoon')} />;
}
