import { dayLine, timeRange, trainingFileName } from '../../../shared/api/training-documents';
import { useState } from 'react';
import type { Session } from '../../../shared/api/training';
import type { ApiClient } from '../../api/client';
import { retry, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { ConfirmButton } from './ConfirmButton';
import { sessionWhen } from './format';
import { attendanceKeys, trainingKeys, useSessions, useVenues } from './queries';
import { scheduleDays } from './schedule';
import { SessionForm } from './SessionForm';
import { VenuesPanel } from './VenuesPanel';

/** Credit hours added exactly in tenths: "1.5" + "3.0" = "4.5". */
function totalHours(sessions: readonly Session[]): string {
  const tenths = sessions.reduce((sum, s) => sum + Math.round(Number(s.hours) * 10), 0);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** 课程表: the venues, then the sessions day by day in 上午 / 下午 / 晚上, each editable; the printed schedule. */
export function SchedulePanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const event = useEvent(api, eventId);
  const sessions = useSessions(api, eventId);
  const venues = useVenues(api, eventId);
  const action = useAction();
  const saveFile = useSaveFile();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const id = String(eventId);

  const list = sessions.data ?? [];
  const days = scheduleDays(list);
  const titles = new Map(list.map((s) => [s.id, s.title]));
  // A new session goes on the last planned day (or the class's first day).
  const nextDate = days.at(-1)?.date ?? event.data?.startsOn ?? '';

  function remove(session: Session) {
    action.run('delete', () => api.call('deleteSession', { params: { id, sid: String(session.id) } }), {
      done: t('trainingConsole.schedule.deleted', { title: session.title }),
      invalidate: [trainingKeys.topic(eventId, 'sessions'), ...attendanceKeys(eventId)],
    });
  }

  function download(file: 'schedulePdf' | 'scheduleXlsx') {
    const e = event.data;
    if (!e) return;
    action.run(file, async () => {
      const data = await api.call(file, { params: { id } });
      await saveFile(trainingFileName(t, locale, file, e), data);
    });
  }

  const form = (session: Session | null) => (
    <SessionForm
      api={api}
      eventId={eventId}
      venues={venues.data ?? []}
      session={session}
      date={nextDate}
      onDone={() => setEditing(null)}
    />
  );

  return (
    <div className="training-schedule">
      <VenuesPanel api={api} eventId={eventId} />
      <section className="panel" aria-labelledby="sessions-heading">
        <div className="panel-head">
          <h2 id="sessions-heading" className="panel-title">
            {t('trainingConsole.schedule.title')}{' '}
            {sessions.data ? (
              <span className="count" data-testid="schedule-summary">
                {t('trainingConsole.schedule.summary', { count: list.length, hours: totalHours(list) })}
              </span>
            ) : null}
          </h2>
          <div className="contest-row-actions">
            <Button
              busy={action.busy === 'schedulePdf'}
              disabled={!event.data || list.length === 0}
              onClick={() => download('schedulePdf')}
              data-testid="schedule-pdf"
            >
              {action.busy === 'schedulePdf' ? t('trainingConsole.working') : t('trainingConsole.schedule.downloadPdf')}
            </Button>
            <Button
              busy={action.busy === 'scheduleXlsx'}
              disabled={!event.data || list.length === 0}
              onClick={() => download('scheduleXlsx')}
              data-testid="schedule-xlsx"
            >
              {action.busy === 'scheduleXlsx'
                ? t('trainingConsole.working')
                : t('trainingConsole.schedule.downloadXlsx')}
            </Button>
            {editing === null ? (
              <Button variant="primary" onClick={() => setEditing('new')} data-testid="session-add">
                {t('trainingConsole.schedule.add')}
              </Button>
            ) : null}
          </div>
        </div>
        {sessions.error ? <LoadError error={sessions.error} onRetry={retry(sessions)} /> : null}
        {editing === 'new' ? form(null) : null}
        {sessions.data && list.length === 0 && editing !== 'new' ? (
          <Empty>{t('trainingConsole.schedule.none')}</Empty>
        ) : null}
        {!sessions.data && !sessions.error ? <p className="muted">{t('app.loading')}</p> : null}

        {days.map((day) => (
          <section key={day.date} className="training-day" data-testid="schedule-day" data-date={day.date}>
            <h3 className="training-day-title">{dayLine(day.date, t, locale)}</h3>
            {day.parts.map((part) => (
              <div key={part.period} className="training-part" data-testid="schedule-part" data-period={part.period}>
                <h4 className="training-part-title">{t(`trainingDocs.period.${part.period}`)}</h4>
                <ol className="training-sessions">
                  {part.sessions.map((session) =>
                    editing === session.id ? (
                      <li key={session.id}>{form(session)}</li>
                    ) : (
                      <li
                        key={session.id}
                        className={`training-session ${session.overlaps.length ? 'training-session-overlap' : ''}`}
                        data-testid="session-row"
                      >
                        <span className="training-session-time">{timeRange(session, t)}</span>
                        <div className="training-session-body">
                          <p>
                            <span className="strong" data-testid="session-name">
                              {session.title}
                            </span>{' '}
                            <span className="tag tag-training">{t(`session.kind.${session.kind}`)}</span>
                          </p>
                          <p className="muted">
                            {[
                              [session.teacher, session.teacherTitle].filter(Boolean).join(' '),
                              session.venueName,
                              session.location,
                              t('trainingConsole.schedule.hours', { hours: session.hours }),
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </p>
                          {session.overlaps.length ? (
                            <p className="training-warning" role="status" data-testid="session-overlap">
                              ⚠{' '}
                              {t('trainingConsole.schedule.overlap', {
                                titles: session.overlaps.map((o) => `“${titles.get(o) ?? o}”`).join('、'),
                              })}
                            </p>
                          ) : null}
                        </div>
                        <span className="training-row-actions">
                          <Button variant="quiet" onClick={() => setEditing(session.id)} data-testid="session-edit">
                            {t('trainingConsole.schedule.move')}
                          </Button>
                          <ConfirmButton
                            label={t('trainingConsole.delete')}
                            question={t('trainingConsole.schedule.deleteAsk', {
                              title: session.title,
                              when: sessionWhen(session, t, locale),
                            })}
                            busy={action.busy === 'delete'}
                            testId="session-delete"
                            onConfirm={() => remove(session)}
                          />
                        </span>
                      </li>
                    ),
                  )}
                </ol>
              </div>
            ))}
          </section>
        ))}
      </section>
    </div>
  );
}
