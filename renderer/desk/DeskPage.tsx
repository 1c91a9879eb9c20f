import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Session } from '../../shared/api/training';
import { LiveMessage } from '../../shared/api/live';
import { useLive } from '../api/live';
import { useApi } from '../api/useApi';
import { contract } from '../../shared/api/contract';
import { sessionWhen } from '../checkin/sessionTime';
import { LiveStatus } from '../ui/LiveStatus';
import { LoadError } from '../ui/LoadError';
import { Empty } from '../ui/Notice';
import { Page } from '../ui/Page';
import { useLocale, useT } from '../ui/i18n';
import { useLoad } from '../ui/useLoad';
import { CheckinDesk } from './CheckinDesk';
import { defaultSessionId, isRunning } from './deskState';
import './desk.css';

/** The check-in desk (签到台) at the door: a desk token checks trainees in, nothing else. */
export function DeskPage({ eventId, token }: { eventId: number; token: string | null }) {
  const t = useT();
  if (!token) {
    return (
      <Page title={t('deskPage.title')} width="narrow">
        <div className="card">
          <h1 className="page-title">{t('deskPage.title')}</h1>
          <p className="desk-need-token" data-testid="desk-need-token">
            {t('deskPage.needToken')}
          </p>
        </div>
      </Page>
    );
  }
  return <DeskSessions key={`${eventId}:${token}`} eventId={eventId} token={token} />;
}

// While the live socket is down the list is still read now and then, so another desk's check-ins show up.
const pollMs = 15_000;

function DeskSessions({ eventId, token }: { eventId: number; token: string }) {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi(token, contract);
  const sessions = useLoad(
    useCallback(() => api.call('listSessions', { params: { id: String(eventId) } }), [api, eventId]),
  );
  const [chosen, setChosen] = useState<number | null>(null);
  const list = sessions.data;
  const sessionId = chosen ?? (list ? defaultSessionId(list, new Date()) : null);
  const session = list?.find((s) => s.id === sessionId) ?? null;

  const roster = useLoad(
    useCallback(
      async () => ({
        sessionId,
        rows:
          sessionId === null
            ? []
            : await api.call('checkinRoster', {
                params: { id: String(eventId) },
                query: { session: String(sessionId) },
              }),
      }),
      [api, eventId, sessionId],
    ),
  );
  const { reload: reloadRoster } = roster;

  const live = useLive(LiveMessage, eventId, token, (message) => {
    if (message.type === 'attendance' && message.sessionId === sessionId) reloadRoster();
  });
  // Whatever other desks and phones did while we were away is read afresh on every (re)connect.
  useEffect(() => {
    if (live === 'open') reloadRoster();
  }, [live, reloadRoster]);
  useEffect(() => {
    if (live === 'open') return;
    const timer = window.setInterval(reloadRoster, pollMs);
    return () => window.clearInterval(timer);
  }, [live, reloadRoster]);

  const options = useMemo(() => {
    const now = new Date();
    return (list ?? []).map((s: Session) => ({
      id: s.id,
      label: [sessionWhen(s.startsAt, s.endsAt, locale), s.title, isRunning(s, now) ? t('deskPage.sessionNow') : '']
        .join(' ')
        .trim(),
    }));
  }, [list, locale, t]);

  // The list of the session on screen only: a slow answer for the previous one is not shown under this one.
  const rows = roster.data && roster.data.sessionId === sessionId ? roster.data.rows : null;
  const header = <LiveStatus state={live} />;
  if (!list) {
    return (
      <Page title={t('deskPage.title')} actions={header}>
        {sessions.error ? (
          <LoadError error={sessions.error} onRetry={sessions.reload} />
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </Page>
    );
  }
  if (list.length === 0 || session === null) {
    return (
      <Page title={t('deskPage.title')} actions={header}>
        <div className="card">
          <Empty>{t('deskPage.noSessions')}</Empty>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('deskPage.title')} actions={header}>
      <div className="desk">
        <label className="field desk-session">
          <span className="desk-session-label">{t('deskPage.session')}</span>
          <select
            value={session.id}
            data-testid="desk-session"
            onChange={(e) => setChosen(Number(e.currentTarget.value))}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        {roster.error && !rows ? <LoadError error={roster.error} onRetry={reloadRoster} /> : null}
        <CheckinDesk
          key={session.id}
          api={api}
          eventId={eventId}
          sessionId={session.id}
          rows={rows ?? []}
          loaded={rows !== null}
          onChanged={reloadRoster}
        />
      </div>
    </Page>
  );
}
