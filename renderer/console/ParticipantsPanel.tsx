import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { participantSorts, type Participant } from '../../shared/api/events';
import type { EventKind } from '../../shared/domain/vocabulary';
import type { ApiClient } from '../api/client';
import { keys, retry, useEvent, useParticipants, type ParticipantSort } from '../api/queries';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Empty } from '../ui/Notice';
import { useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { ImportDialog } from './ImportDialog';
import { ParticipantForm } from './ParticipantForm';
import { ParticipantRemoval } from './ParticipantRemoval';
import { ParticipantTable } from './ParticipantTable';

/** The roster of an event (speakers or trainees): sort, import from Excel, the table, and a form to add one. */
export function ParticipantsPanel({
  api,
  eventId,
  kind,
  title,
  alsoRefresh = [],
}: {
  api: ApiClient;
  eventId: number;
  kind: EventKind;
  title: string;
  /** Queries besides the roster that a change of the roster affects (e.g. a class's attendance). */
  alsoRefresh?: readonly QueryKey[];
}) {
  const t = useT();
  const toast = useToast();
  const client = useQueryClient();
  // A class list is read by name, so a class starts in pinyin order; a contest in the order people registered.
  const [sort, setSort] = useState<ParticipantSort>(kind === 'training' ? 'pinyin' : 'registration');
  const event = useEvent(api, eventId);
  const participants = useParticipants(api, eventId, sort);

  // 编辑 opens the form below filled in; 删除 asks under the person's row.
  const [editing, setEditing] = useState<Participant | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);

  function changed() {
    for (const queryKey of [keys.topic(eventId, 'participants'), keys.topic(eventId, 'details'), ...alsoRefresh]) {
      void client.invalidateQueries({ queryKey });
    }
  }

  /** A name is on the run of show, the ranking and the certificates (需重印): all of the event is read again. */
  function edited(participant: Participant | null) {
    setEditing(null);
    if (!participant) return;
    toast(t('editing.saved', { name: participant.name }));
    void client.invalidateQueries({ queryKey: ['event', eventId] });
    void client.invalidateQueries({ queryKey: keys.events });
    changed();
  }

  function removed() {
    setRemoving(null);
    setEditing(null);
    void client.invalidateQueries({ queryKey: ['event', eventId] });
    void client.invalidateQueries({ queryKey: keys.events });
    changed();
  }

  const rowActions = (p: Participant) => (
    <span className="row-actions">
      <Button
        variant="quiet"
        aria-label={t('editing.editNamed', { name: p.name })}
        data-testid="participant-edit"
        onClick={() => {
          setRemoving(null);
          setEditing(p);
        }}
      >
        {t('editing.edit')}
      </Button>
      <Button
        variant="quiet"
        aria-label={t('editing.deleteNamed', { name: p.name })}
        data-testid="participant-delete"
        onClick={() => setRemoving(p)}
      >
        {t('editing.delete')}
      </Button>
    </span>
  );

  function added(participant: Participant) {
    toast(t('participant.added', { name: participant.name }));
    changed();
  }

  const list = participants.data;
  const headingId = `${kind}-participants-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} className="panel-title">
          {title}{' '}
          {event.data ? (
            <span className="count" data-testid="participant-count">
              {t('event.participantCount', { count: event.data.participantCount })}
            </span>
          ) : null}
        </h2>
        <div className="segmented" role="group" aria-label={t('participant.sort')}>
          {participantSorts.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={sort === option}
              data-testid={`sort-${option}`}
              onClick={() => setSort(option)}
            >
              {t(option === 'pinyin' ? 'participant.sortByPinyin' : 'participant.sortByOrder')}
            </button>
          ))}
        </div>
      </div>
      <ImportDialog api={api} eventId={eventId} kind={kind} onImported={changed} />
      {participants.error ? <LoadError error={participants.error} onRetry={retry(participants)} /> : null}
      {list && list.length > 0 ? (
        <ParticipantTable
          participants={list}
          kind={kind}
          actions={rowActions}
          below={
            removing
              ? {
                  participantId: removing.id,
                  content: (
                    <ParticipantRemoval
                      key={removing.id}
                      api={api}
                      eventId={eventId}
                      participant={removing}
                      onRemoved={removed}
                      onClose={() => setRemoving(null)}
                    />
                  ),
                }
              : null
          }
        />
      ) : list ? (
        <Empty>{t(`event.empty.${kind}`)}</Empty>
      ) : !participants.error ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
      <ParticipantForm
        key={editing?.id ?? 'new'}
        api={api}
        eventId={eventId}
        onAdded={added}
        kind={kind}
        editing={editing}
        onEdited={edited}
      />
    </section>
  );
}
