import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { participantSorts, type Participant } from '../../shared/api/events';
import { formatDateRange } from '../../shared/domain/dates';
import { getBridge } from '../api/bridge';
import { keys, retry, useEvent, useParticipants, type ParticipantSort } from '../api/queries';
import { useAction } from '../api/useAction';
import { useApi } from '../api/useApi';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Notice';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { BackupButton } from './BackupButton';
import { ImportDialog } from './ImportDialog';
import { ContestSections } from './contest/ContestSections';
import { LanPanel } from './LanPanel';
import { ParticipantForm } from './ParticipantForm';
import { ParticipantTable } from './ParticipantTable';
import { TrainingSections } from './training/TrainingSections';
import './EventPage.css';

export function EventPage({ token, eventId }: { token: string; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const client = useQueryClient();
  const api = useApi(token);
  const action = useAction();
  const [sort, setSort] = useState<ParticipantSort>('registration');

  const event = useEvent(api, eventId);
  const participants = useParticipants(api, eventId, sort);

  /** A roster change: the list and the event's count of participants. */
  function rosterChanged() {
    void client.invalidateQueries({ queryKey: keys.topic(eventId, 'participants') });
    void client.invalidateQueries({ queryKey: keys.topic(eventId, 'details') });
  }

  function added(participant: Participant) {
    toast(t('participant.added', { name: participant.name }));
    rosterChanged();
  }

  const openProjector = () => action.run('projector', () => getBridge().openProjector(eventId));

  const back = (
    <a className="back-link" href={hrefFor('/console')}>
      ← {t('console.backToList')}
    </a>
  );

  if (!event.data) {
    return (
      <Page title={t('console.title')} actions={<BackupButton api={api} />}>
        {back}
        {event.error ? (
          <LoadError error={event.error} onRetry={retry(event)} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </Page>
    );
  }

  const e = event.data;
  const details: Array<[string, string | null]> = [
    [t('event.dates'), formatDateRange(e.startsOn, e.endsOn, locale)],
    [t('event.venue'), e.venue],
    [t('event.organizer'), e.organizer],
  ];

  return (
    <Page title={t('console.title')} actions={<BackupButton api={api} />}>
      {back}
      <header className="event-head">
        <div>
          <span className={`tag tag-${e.kind}`}>{t(`kind.${e.kind}`)}</span>
          <h1 className="page-title event-title">{e.title}</h1>
          <dl className="details event-details">
            {details.map(([label, value]) =>
              value ? (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </div>
        <Button variant="primary" onClick={openProjector} data-testid="open-screen">
          {t('event.openScreen')}
        </Button>
      </header>

      {e.kind === 'training' ? (
        <TrainingSections api={api} token={token} event={e} />
      ) : (
        <ContestSections enabled={e.kind === 'contest'} api={api} token={token} eventId={eventId}>
          <div className="event-layout">
            <section className="panel" aria-labelledby="participants-heading">
              <div className="panel-head">
                <h2 id="participants-heading" className="panel-title">
                  {t('event.participants')}{' '}
                  <span className="count">{t('event.participantCount', { count: e.participantCount })}</span>
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
              <ImportDialog api={api} eventId={eventId} onImported={rosterChanged} />
              {participants.error ? <LoadError error={participants.error} onRetry={retry(participants)} /> : null}
              {participants.data && participants.data.length > 0 ? (
                <ParticipantTable participants={participants.data} />
              ) : participants.data ? (
                <Empty>{t('event.noParticipants')}</Empty>
              ) : !participants.error ? (
                <p className="muted">{t('app.loading')}</p>
              ) : null}
              <ParticipantForm api={api} eventId={eventId} onAdded={added} />
            </section>

            <aside>
              <LanPanel api={api} eventId={eventId} />
            </aside>
          </div>
        </ContestSections>
      )}
    </Page>
  );
}
