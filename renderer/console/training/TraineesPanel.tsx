import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { participantSorts, type Participant } from '../../../shared/api/events';
import type { ApiClient } from '../../api/client';
import { keys, retry, useEvent, useParticipants, type ParticipantSort } from '../../api/queries';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useT } from '../../ui/i18n';
import { useToast } from '../../ui/Toast';
import { ImportDialog } from '../ImportDialog';
import { ParticipantForm } from '../ParticipantForm';
import { ParticipantTable } from '../ParticipantTable';
import { attendanceKeys } from './queries';

/** 学员: the roster (imported from Excel or typed in), by pinyin unless asked otherwise, across the page. */
export function TraineesPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const toast = useToast();
  const client = useQueryClient();
  // A class list is read by name: pinyin order first.
  const [sort, setSort] = useState<ParticipantSort>('pinyin');
  const event = useEvent(api, eventId);
  const participants = useParticipants(api, eventId, sort);

  function changed() {
    for (const queryKey of [
      keys.topic(eventId, 'participants'),
      keys.topic(eventId, 'details'),
      ...attendanceKeys(eventId),
    ]) {
      void client.invalidateQueries({ queryKey });
    }
  }

  function added(participant: Participant) {
    toast(t('participant.added', { name: participant.name }));
    changed();
  }

  const list = participants.data;
  return (
    <section className="panel" aria-labelledby="trainees-heading">
      <div className="panel-head">
        <h2 id="trainees-heading" className="panel-title">
          {t('trainingConsole.trainees.title')}{' '}
          {event.data ? (
            <span className="count" data-testid="trainee-count">
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
      <ImportDialog api={api} eventId={eventId} onImported={changed} />
      {participants.error ? <LoadError error={participants.error} onRetry={retry(participants)} /> : null}
      {list && list.length > 0 ? (
        <ParticipantTable participants={list} kind="training" />
      ) : list ? (
        <Empty>{t('event.noParticipants')}</Empty>
      ) : !participants.error ? (
        <p className="muted">{t('app.loading')}</p>
      ) : null}
      <ParticipantForm api={api} eventId={eventId} onAdded={added} kind="training" />
    </section>
  );
}
