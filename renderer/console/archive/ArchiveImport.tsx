import type { OpenedFile } from '../../../shared/api/bridge';
import type { Event } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { getBridge } from '../../api/bridge';
import { keys } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { useErrorMessage } from '../../ui/useErrorMessage';
import { eventHref } from '../EventList';
import './archive.css';

/**
 * 导入活动存档: the organiser picks a .podium file; the host makes it a new event (or finds the one that archive
 * made before) and the console opens it.
 */
export function ArchiveImportButton({ api, events }: { api: ApiClient; events: readonly Event[] }) {
  const t = useT();
  const toast = useToast();
  const message = useErrorMessage();
  const action = useAction();

  function upload(file: OpenedFile) {
    action.run(
      'archive-import',
      async () => {
        const { eventId } = await api.call('importArchive', { body: file.data });
        const event = await api.call('getEvent', { params: { id: String(eventId) } });
        // The host answers 200 for an archive it has already: an event this list showed before.
        return { event, already: events.some((e) => e.id === eventId) };
      },
      {
        invalidate: [keys.events],
        done: ({ event, already }) =>
          t(already ? 'archive.import.already' : `archive.import.done.${event.kind}`, { title: event.title }),
        then: ({ event }) => {
          window.location.hash = eventHref(event.id);
        },
      },
    );
  }

  async function choose() {
    let file: OpenedFile | null;
    try {
      file = await getBridge().openFile({ extensions: ['podium'] });
    } catch (e) {
      toast(message(e), 'error');
      return;
    }
    if (file) upload(file);
  }

  const busy = action.busy !== null;
  return (
    <Button busy={busy} onClick={() => void choose()} data-testid="archive-import">
      {busy ? t('archive.import.working') : t('archive.import.button')}
    </Button>
  );
}
