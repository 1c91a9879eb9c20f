import { formatDateRange } from '../../shared/domain/dates';
import { getBridge } from '../api/bridge';
import { retry, useEvent } from '../api/queries';
import { useAction } from '../api/useAction';
import { useApi } from '../api/useApi';
import { hrefFor } from '../router';
import { Button } from '../ui/Button';
import { LoadError } from '../ui/LoadError';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { BackupButton } from './BackupButton';
import { ContestSections } from './contest/ContestSections';
import { LanPanel } from './LanPanel';
import { ParticipantsPanel } from './ParticipantsPanel';
import { TrainingSections } from './training/TrainingSections';
import './EventPage.css';

export function EventPage({ token, eventId }: { token: string; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi(token);
  const action = useAction();
  const event = useEvent(api, eventId);

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
            <ParticipantsPanel api={api} eventId={eventId} kind={e.kind} title={t('event.participants')} />

            <aside>
              <LanPanel api={api} eventId={eventId} />
            </aside>
          </div>
        </ContestSections>
      )}
    </Page>
  );
}
