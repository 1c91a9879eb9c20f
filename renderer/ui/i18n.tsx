import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { defaultLocale, type Locale } from '../../shared/domain/vocabulary';
import { isLocale, translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { isLocaleLoaded, loadLocale } from './messages';

const storageKey = 'podium.locale';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : defaultLocale;
  } catch {
    // Storage can be blocked (private windows, strict settings); the default is fine then.
    return defaultLocale;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [initial] = useState<Locale>(storedLocale);
  const [chosen, setChosen] = useState<Locale>(initial);
  // The language shown last; a page keeps showing it while the chosen one's strings arrive (null: none yet).
  const [arrived, setArrived] = useState<Locale | null>(isLocaleLoaded(initial) ? initial : null);
  const locale = isLocaleLoaded(chosen) ? chosen : arrived;

  useEffect(() => {
    if (isLocaleLoaded(chosen)) return;
    let live = true;
    loadLocale(chosen).then(
      () => live && setArrived(chosen),
      // Could not fetch them (offline): the page goes on in Chinese rather than waiting.
      () => live && setArrived((current) => current ?? defaultLocale),
    );
    return () => {
      live = false;
    };
  }, [chosen]);

  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      // What shows now stays until the next language's strings are here.
      setArrived(locale);
      setChosen(next);
      try {
        localStorage.setItem(storageKey, next);
      } catch {
        // Not remembered across reloads, but the switch still works for this page.
      }
    },
    [locale],
  );

  const value = useMemo<I18nValue | null>(
    () => (locale ? { locale, setLocale, t: (key, params) => translate(locale, key, params) } : null),
    [locale, setLocale],
  );
  // Only a page opened in English waits, for one small file, so it does not flash Chinese first.
  return value ? <I18nContext value={value}>{children}</I18nContext> : null;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('I18nProvider is missing above this component');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useI18n();
  return { locale, setLocale };
}
