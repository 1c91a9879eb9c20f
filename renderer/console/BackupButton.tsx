import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { Button } from '../ui/Button';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { useSaveFile } from './useSaveFile';
import { useErrorMessage } from '../ui/useErrorMessage';
import { todayIso } from '../../shared/domain/dates';

/** Copies the whole database to a file the organiser keeps (a USB stick, another folder). */
export function BackupButton({ api }: { api: ApiClient }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const saveFile = useSaveFile();
  const [busy, setBusy] = useState(false);

  async function backup() {
    setBusy(true);
    try {
      const data = await api.call('backup');
      await saveFile(t('console.backupFileName', { date: todayIso() }), data);
    } catch (error) {
      toast(message(error), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button onClick={backup} busy={busy} data-testid="backup">
      {busy ? t('console.backingUp') : t('console.backup')}
    </Button>
  );
}
