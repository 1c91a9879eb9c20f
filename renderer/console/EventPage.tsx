import { useCallback, useState } from 'react';
import { participantSorts, type Participant } from '../../shared/api/events';
import { formatDateRange } from '../../shared/domain/dates';
import { getBridge } from '../api/bridge';
import { useApi } from '../api/useApi';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { Empty } from '../ui/Notice';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useToast } from '../ui/Toast';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';
import { BackupButton } from './BackupButton';
import { CertificatesPanel } from './certificates/CertificatesPanel';
import { ImportDialog } from './ImportDialog';
import { ContestSections } from './contest/ContestSections';
import { LanPanel } from './LanPanel';
import { ParticipantForm } from './ParticipantForm';
import { ParticipantTable } from './ParticipantTable';

type Sort = (typeof participantSorts)[number];

export function EventPage({ token, eventId }: { token: string; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const toast = useToast();
  const message = useErrorMessage();
  const api = useApi(token);
  const [sort, setSort] = useState<Sort>('registration');

  const event = useLoad(useCallback(() => api.call('getEvent', { params: { id: String(eventId) } }), [api, eventId]));
  const participants = useLoad(
    useCallback(
      () => api.call('listParticipants', { params: { id: String(eventId) }, query: sort === 'pinyin' ? { sort } : {} }),
      [api, eventId, sort],
    ),
  );

  function added(participant: Participant) {
    toast(t('participant.added', { name: participant.name }));
    participants.reload();
    event.reload();
  }

  async function openProjector() {
    try {
      await getBridge().openProjector(eventId);
    } catch (error) {
      toast(message(error), 'error');
    }
  }

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
          <LoadError error={event.error} onRetry={event.reload} />
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
            <ImportDialog
              api={api}
              eventId={eventId}
              onImported={() => {
                participants.reload();
                event.reload();
              }}
            />
            {participants.error ? <LoadError error={participants.error} onRetry={participants.reload} /> : null}
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
        {e.kind === 'training' ? <CertificatesPanel api={api} eventId={eventId} kind="completion" /> : null}
      </ContestSections>
    </Page>
  );
}
