import { useLocale, useT } from './i18n';

/** One button showing both languages, so it is found whichever one is on screen. */
export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      title={t('app.switchLanguage')}
      aria-label={t('app.switchLanguage')}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      <span lang="zh-CN" className={locale === 'zh-CN' ? 'lang-current' : undefined}>
        中文
      </span>
      <span aria-hidden="true" className="lang-sep">
        /
      </span>
      <span lang="en" className={locale === 'en' ? 'lang-current' : undefined}>
        English
      </span>
    </button>
  );
}
