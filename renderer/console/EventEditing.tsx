import { useQueryClient } from '@tanstack/react-query';
import type { Event } from '../../shared/api/events';
import type { ApiClient } from '../api/client';
import { keys } from '../api/queries';
import { Button } from '../ui/Button';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { CreateEventForm } from './CreateEventForm';
import { EventRemoval } from './EventRemoval';
import './editing.css';

export type EventEditMode = 'edit' | 'delete' | null;

/** 编辑活动信息: the create form filled in, with 删除活动 beside it (which asks first). */
export function EventEditing({
  api,
  event,
  mode,
  onMode,
}: {
  api: ApiClient;
  event: Event;
  mode: EventEditMode;
  onMode: (mode: EventEditMode) => void;
}) {
  const t = useT();
  const toast = useToast();
  const client = useQueryClient();

  function saved() {
    onMode(null);
    toast(t('editing.eventSaved'));
    // The title and dates are on every page of the event, its documents and the list.
    void client.invalidateQueries({ queryKey: ['event', event.id] });
    void client.invalidateQueries({ queryKey: keys.events });
  }

  if (mode === 'delete') return <EventRemoval api={api} event={event} onClose={() => onMode('edit')} />;
  if (mode !== 'edit') return null;
  return (
    <div className="event-edit">
      <CreateEventForm api={api} editing={event} onCreated={saved} onCancel={() => onMode(null)} />
      <div className="event-actions">
        <Button variant="quiet" onClick={() => onMode('delete')} data-testid="event-delete">
          {t('editing.deleteEvent')}
        </Button>
      </div>
    </div>
  );
}
