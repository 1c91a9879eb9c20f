import { useMemo } from 'react';
import { useLocale } from '../ui/i18n';
import { createApiClient, type ApiClient } from './client';

/** A client in the current language; it changes when the language does, so pages reload their messages. */
export function useApi(token?: string | null): ApiClient {
  const { locale } = useLocale();
  return useMemo(() => createApiClient({ token, locale }), [token, locale]);
}
