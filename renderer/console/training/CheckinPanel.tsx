import { trainingFileName } from '../../../shared/api/training-documents';
import { useId, useState } from 'react';
import type { AttendanceCounts, RosterRow, Session } from '../../../shared/api/training';
import { getBridge } from '../../api/bridge';
import type { ApiClient } from '../../api/client';
import { retry, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { LanPanel } from '../LanPanel';
import { AttendanceCorrection } from './AttendanceCorrection';
import { DesksCard } from './DesksCard';
import { clockTime, sessionWhen } from './format';
import { useAttendance, useCheckinRoster, useSessions } from './queries';
import { missingByGroup } from './roster';
import { sessionAtOrNext } from './schedule';
import { SelfCheckinCard } from './SelfCheckinCard';

/** 签到: one session at a time — its counts and who is missing, live; 扫码签到, desks, the paper sheet. */
export function CheckinPanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const sessions = useSessions(api, eventId);
  const [chosenId, setChosenId] = useState<number | null>(null);
  const pickId = useId();

  if (sessions.error && !sessions.data) return <LoadError error={sessions.error} onRetry={retry(sessions)} />;
  if (!sessions.data) return <p className="muted">{t('app.loading')}</p>;
  const list = sessions.data;
  if (list.length === 0) return <Empty>{t('trainingConsole.checkin.noSessions')}</Empty>;

  const now = new Date();
  const running = (s: Session) => Date.parse(s.startsAt) <= now.getTime() && now.getTime() < Date.parse(s.endsAt);
  const session = list.find((s) => s.id === chosenId) ?? sessionAtOrNext(list, now) ?? list[0];
  if (!session) return null;

  return (
    <div className="training-checkin">
      <div className="panel training-session-pick">
        <label className="field-label" htmlFor={pickId}>
          {t('trainingConsole.checkin.session')}
        </label>
        <select
          id={pickId}
          value={session.id}
          onChange={(e) => setChosenId(Number(e.target.value))}
          data-testid="checkin-session"
        >
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {`${sessionWhen(s, t, locale)} ${s.title}${running(s) ? ` ${t('trainingConsole.checkin.now')}` : ''}`}
            </option>
          ))}
        </select>
        <SigninSheetButton api={api} eventId={eventId} session={session} />
      </div>
      <div className="training-checkin-layout">
        <SessionAttendance key={session.id} api={api} eventId={eventId} session={session} />
        <aside className="training-checkin-side">
          <SelfCheckinCard api={api} eventId={eventId} session={session} sessions={list} />
          <DesksCard api={api} eventId={eventId} />
          {/* Phones and desks reach this computer only over the LAN: the switch is where they are handed out. */}
          <LanPanel api={api} eventId={eventId} />
        </aside>
      </div>
    </div>
  );
}

/** The paper 签到表 of the session, to print (the desktop's dialog, or the browser's PDF tab). */
function SigninSheetButton({ api, eventId, session }: { api: ApiClient; eventId: number; session: Session }) {
  const t = useT();
  const { locale } = useLocale();
  const event = useEvent(api, eventId);
  const action = useAction();

  function print() {
    const e = event.data;
    if (!e) return;
    action.run(
      'sheet',
      async () => {
        const data = await api.call('signinSheetPdf', {
          params: { id: String(eventId) },
          query: { session: String(session.id) },
        });
        const suggestedName = trainingFileName(t, locale, 'signinSheet', e, session.title);
        return getBridge().printPdf({ data, suggestedName });
      },
      {
        done: (outcome) =>
          outcome === 'tab'
            ? t('trainingConsole.checkin.sheetTab')
            : outcome === 'download'
              ? t('trainingConsole.checkin.sheetDownloaded')
              : null,
      },
    );
  }

  return (
    <Button busy={action.busy === 'sheet'} disabled={!event.data} onClick={print} data-testid="signin-sheet">
      {action.busy === 'sheet' ? t('trainingConsole.working') : t('trainingConsole.checkin.sheet')}
    </Button>
  );
}

const countLabels = {
  expected: 'trainingConsole.checkin.expected',
  present: 'trainingConsole.checkin.present',
  leave: 'trainingConsole.checkin.leave',
  late: 'trainingConsole.checkin.late',
} as const;

/** The session's counts (the host's own), who is still missing by group, and every trainee with a correction. */
function SessionAttendance({ api, eventId, session }: { api: ApiClient; eventId: number; session: Session }) {
  const t = useT();
  const roster = useCheckinRoster(api, eventId, session.id);
  const attendance = useAttendance(api, eventId);
  const [correcting, setCorrecting] = useState<number | null>(null);

  const host: AttendanceCounts | undefined = attendance.data?.perSession.find((c) => c.sessionId === session.id);
  // 实到 is everyone who came: the host counts the late apart, so they are added back here.
  const counts = host ? { ...host, present: host.present + host.late } : undefined;
  const rows = roster.data ?? [];
  const missing = missingByGroup(rows);
  const missingCount = missing.reduce((n, g) => n + g.people.length, 0);

  return (
    <div className="training-checkin-main">
      <section className="panel" aria-label={t('trainingConsole.checkin.counts')}>
        {attendance.error ? <LoadError error={attendance.error} onRetry={retry(attendance)} /> : null}
        <dl className="training-counts" data-testid="checkin-counts">
          {(['expected', 'present', 'leave', 'late'] as const).map((key) => (
            <div key={key} className={`training-count training-count-${key}`}>
              <dt>{t(countLabels[key])}</dt>
              <dd data-testid={`count-${key}`}>{counts ? counts[key] : '–'}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="panel" aria-labelledby="missing-heading">
        <h2 id="missing-heading" className="panel-title training-gap-below">
          {t('trainingConsole.checkin.missing', { count: missingCount })}
        </h2>
        {roster.error ? <LoadError error={roster.error} onRetry={retry(roster)} /> : null}
        {roster.data && missingCount === 0 ? <p className="muted">{t('trainingConsole.checkin.allIn')}</p> : null}
        <div className="training-missing" data-testid="checkin-missing">
          {missing.map(({ group, people }) => (
            <div key={group ?? ''} className="training-missing-group">
              <h3 className="training-missing-title">
                {group ?? t('trainingConsole.noGroup')} <span className="count">{people.length}</span>
              </h3>
              <p>{people.map((p) => p.name).join('、')}</p>
            </div>
          ))}
        </div>
      </section>

      <section className="panel" aria-labelledby="roster-heading">
        <h2 id="roster-heading" className="panel-title training-gap-below">
          {t('trainingConsole.checkin.list')}
        </h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('trainingConsole.col.name')}</th>
                <th scope="col">{t('trainingConsole.col.group')}</th>
                <th scope="col">{t('trainingConsole.col.organization')}</th>
                <th scope="col">{t('attendance.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('console.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) =>
                correcting === row.participantId ? (
                  <tr key={row.participantId}>
                    <td colSpan={5}>
                      <AttendanceCorrection
                        api={api}
                        eventId={eventId}
                        session={session}
                        trainee={row}
                        status={row.status}
                        onDone={() => setCorrecting(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={row.participantId} data-testid="roster-row" data-status={row.status ?? 'none'}>
                    <td className="nowrap strong">{row.name}</td>
                    <td className="nowrap">{row.group ?? ''}</td>
                    <td className="cell-place">{row.organization ?? ''}</td>
                    <td className="nowrap">
                      <StatusText row={row} />
                    </td>
                    <td className="cell-action">
                      <Button
                        variant="quiet"
                        onClick={() => setCorrecting(row.participantId)}
                        data-testid="roster-correct"
                      >
                        {t('trainingConsole.correct')}
                      </Button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function StatusText({ row }: { row: RosterRow }) {
  const t = useT();
  if (row.status === null) return <span className="muted">{t('trainingConsole.checkin.notIn')}</span>;
  return (
    <span className={`training-status training-status-${row.status}`}>
      {t(`attendance.status.${row.status}`)}
      {row.at ? <span className="muted"> · {t('trainingConsole.checkin.at', { time: clockTime(row.at) })}</span> : null}
    </span>
  );
}
