import { archiveFileName } from '../../../shared/api/archive-routes';
import type { Event } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';

/** 导出活动存档: the whole event as one .podium file, to open on another computer (导入活动存档). */
export function ArchiveExportButton({ api, event }: { api: ApiClient; event: Event | undefined }) {
  const t = useT();
  const { locale } = useLocale();
  const saveFile = useSaveFile();
  const action = useAction();
  const busy = action.busy !== null;

  const exportArchive = () => {
    if (!event) return;
    action.run('archive', async () =>
      saveFile(archiveFileName(locale, event), await api.call('exportArchive', { params: { id: String(event.id) } })),
    );
  };

  return (
    <Button busy={busy} disabled={!event} onClick={exportArchive} data-testid="archive-export">
      {busy ? t('archive.export.working') : t('archive.export.button')}
    </Button>
  );
}
