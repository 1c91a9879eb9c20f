import { errorMessage } from '../api/client';
import { useLocale } from './i18n';

/** Turns whatever was thrown into a sentence in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { locale } = useLocale();
  return (error) => errorMessage(error, locale);
}
