import { useState } from 'react';
import { formatDateRange } from '../../shared/domain/dates';
import { getBridge } from '../api/bridge';
import { retry, useEvent, useNetwork } from '../api/queries';
import { useAction } from '../api/useAction';
import { useApi } from '../api/useApi';
import { contract } from '../../shared/api/contract';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { BackupButton } from './BackupButton';
import { BackupFailureNotice } from './backups/BackupFailureNotice';
import { EventEditing, type EventEditMode } from './EventEditing';
import { ContestSections } from './contest/ContestSections';
import { LanPanel } from './LanPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { TrainingSections } from './training/TrainingSections';
import './EventPage.css';

export function EventPage({ token, eventId }: { token: string; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi(token, contract);
  const action = useAction();
  const event = useEvent(api, eventId);
  const [editMode, setEditMode] = useState<EventEditMode>(null);
  const network = useNetwork(api);

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
  const details = [formatDateRange(e.startsOn, e.endsOn, locale), e.venue, e.organizer].filter(Boolean).join(' · ');
  const lan = network.data?.lan;

  // One slim row above the tabs (at 1366×768 the work below gets the screen): back, the event, then its state.
  const heading = (
    <div className="event-head">
      {back}
      <span className={`tag tag-${e.kind}`}>{t(`kind.${e.kind}`)}</span>
      <h1 className="event-title" title={`${e.title}\n${details}`}>
        {e.title}
      </h1>
      <span className="event-details">{details}</span>
    </div>
  );
  const actions = (
    <>
      {lan === undefined ? null : (
        <span className={`tag ${lan ? 'tag-on' : 'tag-off'}`} data-testid="head-lan-state">
          {t(lan ? 'lan.headOn' : 'lan.headOff')}
        </span>
      )}
      <Button variant="quiet" onClick={() => setEditMode(editMode ? null : 'edit')} data-testid="event-edit">
        {t('editing.editEvent')}
      </Button>
      <Button variant="primary" onClick={openProjector} data-testid="open-screen">
        {t('event.openScreen')}
      </Button>
      <BackupButton api={api} />
    </>
  );

  return (
    <Page title={e.title} heading={heading} actions={actions} compact>
      <EventEditing api={api} event={e} mode={editMode} onMode={setEditMode} />
      <BackupFailureNotice api={api} />

      {e.kind === 'training' ? (
        <TrainingSections api={api} token={token} event={e} />
      ) : (
        <ContestSections enabled={e.kind === 'contest'} api={api} token={token} eventId={eventId}>
          <div className="event-layout">
            <ParticipantsPanel api={api} eventId={eventId} kind={e.kind} title={t('event.roster.contest')} />

            <aside>
              <LanPanel api={api} eventId={eventId} />
            </aside>
          </div>
        </ContestSections>
      )}
    </Page>
  );
}
