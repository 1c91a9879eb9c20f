import { useEffect, useRef } from 'react';
import type { Backup } from '../../../shared/api/backup-routes';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useLocale, useT } from '../../ui/i18n';
import { Modal } from '../../ui/Modal';
import { backupTime } from './format';

/** 恢复 asks first: names the backup's time, says the data after it goes and that the current data is kept first. */
export function RestoreDialog({
  api,
  backup,
  onClose,
  onRestored,
}: {
  api: ApiClient;
  backup: Backup;
  onClose: () => void;
  onRestored: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const action = useAction();
  const cancel = useRef<HTMLButtonElement>(null);
  const time = backupTime(backup.at, locale);
  const busy = action.busy !== null;

  // The safe choice has the focus: Enter does not replace the data by accident.
  useEffect(() => {
    cancel.current?.focus();
  }, []);

  function restore() {
    action.run('restore', () => api.call('restoreBackup', { params: { name: backup.name } }), {
      done: (answer) => t('backups.restored', { time, before: backupTime(answer.before.at, locale) }),
      then: () => {
        onRestored();
        onClose();
      },
    });
  }

  return (
    <Modal
      className="backups-dialog"
      role="alertdialog"
      labelledBy="restore-heading"
      onClose={onClose}
      closable={!busy}
      testId="restore-dialog"
    >
      <h2 id="restore-heading" className="panel-title">
        {t('backups.confirm.title', { time })}
      </h2>
      <p>{t('backups.confirm.body', { time })}</p>
      <p className="muted">{t('backups.confirm.judges')}</p>
      <div className="form-actions">
        <Button variant="primary" busy={busy} onClick={restore} data-testid="restore-confirm">
          {busy ? t('backups.restoring') : t('backups.confirm.restore')}
        </Button>
        <Button ref={cancel} onClick={onClose} disabled={busy}>
          {t('backups.confirm.cancel')}
        </Button>
      </div>
    </Modal>
  );
}
