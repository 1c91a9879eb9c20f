import { useCallback, useEffect, useState } from 'react';
import type { LiveMessage } from '../../shared/api/live';
import { formatDateRange } from '../../shared/domain/dates';
import { ApiError } from '../api/client';
import { useLive } from '../api/live';
import { useApi } from '../api/useApi';
import { LiveStatus } from '../ui/LiveStatus';
import { useDocumentTitle } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useErrorMessage } from '../ui/useErrorMessage';
import { useLoad } from '../ui/useLoad';

type Performance = Extract<LiveMessage, { type: 'performance' }>['performance'];

// Nobody stands at the projector to press "retry": it keeps trying on its own.
const retryMs = 5000;

/** The projector: read from the back of a hall, so few words, large type, strong contrast. */
export function ScreenPage({ eventId }: { eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useErrorMessage();
  const api = useApi(null);
  const event = useLoad(useCallback(() => api.call('publicEvent', { params: { id: String(eventId) } }), [api, eventId]));
  const [performance, setPerformance] = useState<Performance>(null);

  const notFound = event.error instanceof ApiError && event.error.status === 404;
  const { error, reload } = event;
  useEffect(() => {
    if (!error || notFound) return;
    const timer = window.setTimeout(reload, retryMs);
    return () => window.clearTimeout(timer);
  }, [error, notFound, reload]);

  const live = useLive(event.data ? eventId : null, null, (m) => {
    if (m.type === 'performance' && m.eventId === eventId) setPerformance(m.performance);
  });

  useDocumentTitle(event.data?.title ?? t('app.name'));

  if (!event.data) {
    return (
      <div className="screen">
        <div className="screen-center">
          {notFound ? (
            <p className="screen-message" data-testid="screen-not-found">
              {t('screen.notFound')}
            </p>
          ) : error ? (
            <p className="screen-message">{message(error)}</p>
          ) : (
            <p className="screen-message screen-dim">{t('app.loading')}</p>
          )}
        </div>
      </div>
    );
  }

  const e = event.data;
  const speaking = performance && performance.status !== 'waiting' ? performance : null;

  return (
    <div className="screen">
      <header className="screen-top">
        <span className="screen-kind">{t(`kind.${e.kind}`)}</span>
        <span className="screen-date">{formatDateRange(e.startsOn, e.endsOn, locale)}</span>
      </header>

      <main className="screen-center">
        <h1 className={speaking ? 'screen-title screen-title-small' : 'screen-title'} data-testid="screen-title">
          {e.title}
        </h1>
        <div className="screen-rule" aria-hidden="true" />
        {speaking ? (
          <section className="screen-speaker" aria-live="polite">
            <p className="screen-label">
              {t('screen.nowSpeaking')} · {t('screen.order', { order: speaking.order })}
            </p>
            <p className="screen-name">{speaking.name}</p>
            {speaking.organization ? <p className="screen-body">{speaking.organization}</p> : null}
            {speaking.title ? <p className="screen-body screen-speech">{speaking.title}</p> : null}
          </section>
        ) : (
          <>
            <dl className="details screen-details">
              {e.organizer ? (
                <div>
                  <dt>{t('event.organizer')}</dt>
                  <dd>{e.organizer}</dd>
                </div>
              ) : null}
              {e.venue ? (
                <div>
                  <dt>{t('event.venue')}</dt>
                  <dd>{e.venue}</dd>
                </div>
              ) : null}
            </dl>
            <p className="screen-waiting" data-testid="screen-waiting">
              {t(e.kind === 'training' ? 'screen.waitingTraining' : 'screen.waiting')}
            </p>
          </>
        )}
      </main>

      <footer className="screen-bottom">
        <span className="screen-brand">{t('app.name')}</span>
        <LiveStatus state={live} className="screen-live" />
      </footer>
    </div>
  );
}
