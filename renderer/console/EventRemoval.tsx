import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Event } from '../../shared/api/events';
import type { ApiClient } from '../api/client';
import { keys, retry } from '../api/queries';
import { useAction } from '../api/useAction';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { useT } from '../ui/i18n';
import './editing.css';

/**
 * 删除活动 asks first, saying what the event holds; when results or attendance would go, the organiser types
 * the title, so a slip of the mouse cannot take a contest's scores.
 */
export function EventRemoval({ api, event, onClose }: { api: ApiClient; event: Event; onClose: () => void }) {
  const t = useT();
  const client = useQueryClient();
  const action = useAction();
  const params = { id: String(event.id) };
  const [typed, setTyped] = useState('');
  const removal = useQuery({
    queryKey: [...keys.topic(event.id, 'details'), 'removal'],
    queryFn: () => api.call('eventRemoval', { params }),
    gcTime: 0,
  });
  const r = removal.data;
  const confirmed = r !== undefined && (!r.confirmTitle || typed.trim() === r.title);

  function remove() {
    action.run('remove-event', () => api.call('deleteEvent', { params }), {
      done: t('editing.eventDeleted', { title: event.title }),
      then: () => {
        window.location.hash = hrefFor('/console');
        client.removeQueries({ queryKey: ['event', event.id] });
        void client.invalidateQueries({ queryKey: keys.events });
      },
    });
  }

  const question = t('editing.askDeleteEvent', { title: event.title });
  return (
    <div className="event-removal" role="alertdialog" aria-label={question} data-testid="event-removal">
      <p className="strong">{question}</p>
      {removal.error ? <LoadError error={removal.error} onRetry={retry(removal)} /> : null}
      {r ? (
        <>
          <p data-testid="event-removal-holds">
            {t('editing.eventHolds', {
              participants: r.participants,
              judges: r.judges,
              scores: r.scores,
              checkins: r.checkins,
              certificates: r.certificates,
            })}
          </p>
          <p>{t('editing.eventCannotUndo')}</p>
          {r.confirmTitle ? (
            <label className="field">
              <span className="field-label">{t('editing.typeTitle')}</span>
              <input
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                data-testid="event-removal-title"
                aria-invalid={typed !== '' && !confirmed}
              />
              {typed !== '' && !confirmed ? <span className="muted">{t('editing.titleMismatch')}</span> : null}
            </label>
          ) : null}
        </>
      ) : !removal.error ? (
        <p className="muted">{t('editing.checking')}</p>
      ) : null}
      <div className="event-actions">
        <Button
          variant="primary"
          busy={action.busy !== null}
          disabled={!confirmed}
          onClick={remove}
          data-testid="event-delete-confirm"
        >
          {t('editing.confirmDelete')}
        </Button>
        <Button onClick={onClose} disabled={action.busy !== null}>
          {t('editing.cancel')}
        </Button>
      </div>
    </div>
  );
}
