import { todayIso } from '../../shared/domain/dates';
import type { ApiClient } from '../api/client';
import { useAction } from '../api/useAction';
import { Button } from '../ui/Button';
import { useT } from '../ui/i18n';
import { useSaveFile } from './useSaveFile';

/** Copies the whole database to a file the organiser keeps (a USB stick, another folder). */
export function BackupButton({ api }: { api: ApiClient }) {
  const t = useT();
  const saveFile = useSaveFile();
  const action = useAction();
  const busy = action.busy !== null;

  const backup = () =>
    action.run('backup', async () =>
      saveFile(t('console.backupFileName', { date: todayIso() }), await api.call('backup')),
    );

  return (
    <Button onClick={backup} busy={busy} data-testid="backup">
      {busy ? t('console.backingUp') : t('console.backup')}
    </Button>
  );
}
