import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Backup } from '../../../shared/api/backup-routes';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { BackupFolderForm } from './BackupFolderForm';
import { backupKeys } from './keys';
import { backupSize, backupTime, backupWhat } from './format';
import { RestoreDialog } from './RestoreDialog';
import './backups.css';

/** How many backups the list shows before 显示全部. */
const shortList = 8;

/** The host's automatic backups: the list with what happened before each, 立即备份, 恢复 (asked first), the folder. */
export function BackupsPanel({ api }: { api: ApiClient }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useQueryClient();
  const action = useAction();
  const list = useQuery({ queryKey: backupKeys.list, queryFn: () => api.call('listBackups') });
  const [all, setAll] = useState(false);
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const backups = list.data ?? [];
  const shown = all ? backups : backups.slice(0, shortList);

  function takeNow() {
    action.run('take', () => api.call('takeBackup'), {
      done: (taken) => t('backups.taken', { time: backupTime(taken.at, locale) }),
      // A backup that fell back from the chosen folder says so under the folder.
      invalidate: [backupKeys.list, backupKeys.folder],
    });
  }

  return (
    <section className="panel backups-panel" aria-labelledby="backups-heading" data-testid="backups-panel">
      <div className="panel-head">
        <h2 id="backups-heading" className="panel-title">
          {t('backups.title')}
        </h2>
        <Button onClick={takeNow} busy={action.busy === 'take'} data-testid="backup-now">
          {action.busy === 'take' ? t('backups.taking') : t('backups.takeNow')}
        </Button>
      </div>
      <p className="muted backups-intro">{t('backups.intro')}</p>
      {list.error ? <LoadError error={list.error} onRetry={retry(list)} /> : null}
      {list.isPending ? <p className="muted">{t('app.loading')}</p> : null}
      {list.data && backups.length === 0 ? <Empty>{t('backups.empty')}</Empty> : null}
      {shown.length > 0 ? (
        <div className="table-wrap">
          <table className="table backups-table" data-testid="backups-list">
            <thead>
              <tr>
                <th>{t('backups.time')}</th>
                <th>{t('backups.what')}</th>
                <th className="num">{t('backups.size')}</th>
                <th>
                  <span className="visually-hidden">{t('console.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((backup) => {
                const what = backupWhat(backup);
                const size = backupSize(backup.size);
                return (
                  <tr key={backup.name} data-testid="backup-row" data-name={backup.name}>
                    <td className="backups-time">{backupTime(backup.at, locale)}</td>
                    <td>{t(what.key, what.params)}</td>
                    <td className="num">{t(size.key, size.params)}</td>
                    <td className="cell-action">
                      <Button variant="quiet" onClick={() => setRestoring(backup)} data-testid="backup-restore">
                        {t('backups.restore')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {backups.length > shortList ? (
        <Button variant="quiet" onClick={() => setAll(!all)} data-testid="backups-show-all">
          {all ? t('backups.showFewer', { count: shortList }) : t('backups.showAll', { count: backups.length })}
        </Button>
      ) : null}
      <BackupFolderForm api={api} />
      {restoring ? (
        <RestoreDialog
          api={api}
          backup={restoring}
          onClose={() => setRestoring(null)}
          // Everything on the console may have changed: every query is asked again.
          onRestored={() => void client.invalidateQueries()}
        />
      ) : null}
    </section>
  );
}
