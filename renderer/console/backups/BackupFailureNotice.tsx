import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../api/client';
import { hrefFor } from '../../router';
import { Notice } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { backupTime } from './format';
import { backupKeys } from './keys';

/** Asked again every minute: a USB stick pulled out during the contest shows on the page the organiser is on. */
const checkEveryMs = 60_000;

/**
 * The last automatic backup could not be written to the chosen folder (else nothing): under the folder in the
 * backups panel, and on an event's page with a link to that panel.
 */
export function BackupFailureNotice({ api, link = true }: { api: ApiClient; link?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const state = useQuery({
    queryKey: backupKeys.folder,
    queryFn: () => api.call('getBackupFolder'),
    refetchInterval: checkEveryMs,
  });
  const failure = state.data?.lastFailure;
  if (!failure) return null;
  return (
    <Notice
      tone="error"
      action={
        link ? (
          <a className="btn btn-secondary" href={hrefFor('/console')}>
            {t('backups.failure.open')}
          </a>
        ) : undefined
      }
    >
      <span data-testid="backup-failure">
        {t('backups.folder.lastFailure', { time: backupTime(failure.at, locale) })} {failure.message}
      </span>
    </Notice>
  );
}
