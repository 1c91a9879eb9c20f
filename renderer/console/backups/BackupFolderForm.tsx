import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { retry } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { LoadError } from '../../ui/LoadError';
import { useT } from '../../ui/i18n';
import { BackupFailureNotice } from './BackupFailureNotice';
import { backupKeys } from './keys';

/** Where backups go: the folder in the data folder, or one the organiser types (another drive, a USB stick). */
export function BackupFolderForm({ api }: { api: ApiClient }) {
  const t = useT();
  const action = useAction();
  const state = useQuery({ queryKey: backupKeys.folder, queryFn: () => api.call('getBackupFolder') });
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = state.data;
  // The desktop app has the system's folder picker (a USB stick is picked, not typed); a browser has none.
  const bridge = getBridge();

  async function browse() {
    const picked = await bridge.chooseFolder();
    if (picked) choose(picked);
  }

  function choose(wanted: string | null) {
    setError(null);
    action.run('folder', () => api.call('setBackupFolder', { body: { folder: wanted } }), {
      done: (answer) => t('backups.folder.saved', { folder: answer.folder }),
      invalidate: [backupKeys.folder, backupKeys.list],
      then: () => setFolder(''),
      failed: (_error, text) => setError(text),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!folder.trim()) {
      setError(t('form.required', { field: t('backups.folder.label') }));
      return;
    }
    choose(folder.trim());
  }

  return (
    <div className="backups-folder" data-testid="backup-folder">
      <h3 className="subhead">{t('backups.folder.title')}</h3>
      {state.error ? <LoadError error={state.error} onRetry={retry(state)} /> : null}
      {current ? (
        <p>
          {t('backups.folder.current')} <code data-testid="backup-folder-path">{current.folder}</code>
          {current.custom ? null : <span className="muted"> {t('backups.folder.default')}</span>}
        </p>
      ) : null}
      <BackupFailureNotice api={api} link={false} />
      <form className="backups-folder-form" onSubmit={submit} noValidate>
        <Field
          label={t('backups.folder.other')}
          marker={false}
          hint={t('backups.folder.hint')}
          error={error ?? undefined}
        >
          {(control) => (
            <input
              {...control}
              value={folder}
              placeholder={t('backups.folder.placeholder')}
              onChange={(e) => {
                setFolder(e.target.value);
                setError(null);
              }}
              data-testid="backup-folder-input"
            />
          )}
        </Field>
        <div className="form-actions">
          {bridge.platform === 'desktop' ? (
            <Button onClick={() => void browse()} disabled={action.busy !== null} data-testid="backup-folder-browse">
              {t('backups.folder.browse')}
            </Button>
          ) : null}
          <Button type="submit" busy={action.busy === 'folder'} data-testid="backup-folder-save">
            {t('backups.folder.save')}
          </Button>
          {current?.custom ? (
            <Button variant="quiet" onClick={() => choose(null)} disabled={action.busy !== null}>
              {t('backups.folder.reset')}
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
