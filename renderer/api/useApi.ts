import { useMemo } from 'react';
import { useLocale } from '../ui/i18n';
import { createApiClient, type ApiClient, type RouteTable } from './client';

/**
 * A client in the current language for the page's own routes (the console's: the whole contract); it changes when
 * the language does, so pages reload their messages.
 */
export function useApi<R extends RouteTable>(token: string | null | undefined, routes: R): ApiClient<R> {
  const { locale } = useLocale();
  return useMemo(() => createApiClient({ routes, token, locale }), [routes, token, locale]);
}
