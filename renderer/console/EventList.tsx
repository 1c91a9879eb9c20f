import type { Event } from '../../shared/api/events';
import { formatDateRange } from '../../shared/domain/dates';
import { hrefFor } from '../router';
import { useLocale, useT } from '../ui/i18n';

export function eventHref(id: number): string {
  return hrefFor(`/console/events/${id}`);
}

export function EventList({ events }: { events: readonly Event[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('event.title')}</th>
            <th scope="col">{t('event.kind')}</th>
            <th scope="col">{t('event.dates')}</th>
            <th scope="col">{t('event.venue')}</th>
            <th scope="col" className="num">
              {t('event.peopleColumn')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('console.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="event-row">
              <td className="cell-title">
                <a href={eventHref(event.id)}>{event.title}</a>
                {event.organizer ? <div className="cell-sub">{event.organizer}</div> : null}
              </td>
              <td>
                <span className={`tag tag-${event.kind}`}>{t(`kind.${event.kind}`)}</span>
              </td>
              <td className="nowrap">{formatDateRange(event.startsOn, event.endsOn, locale)}</td>
              <td className="cell-place">{event.venue ?? '—'}</td>
              <td className="num nowrap">{t('event.participantCount', { count: event.participantCount })}</td>
              <td className="cell-action">
                <a
                  className="btn btn-secondary"
                  href={eventHref(event.id)}
                  aria-label={t('console.openEventNamed', { title: event.title })}
                >
                  {t('console.openEvent')}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
