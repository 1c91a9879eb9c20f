import { timeRange, trainingFileName } from '../../../shared/api/training-documents';
import { useId, useState } from 'react';
import type { AttendanceSummary } from '../../../shared/api/training';
import { attendanceStatuses } from '../../../shared/domain/attendance';
import type { ApiClient } from '../../api/client';
import { retry, useEvent } from '../../api/queries';
import { useAction } from '../../api/useAction';
import { Button } from '../../ui/Button';
import { LoadError } from '../../ui/LoadError';
import { Empty } from '../../ui/Notice';
import { useLocale, useT } from '../../ui/i18n';
import { useSaveFile } from '../useSaveFile';
import { AttendanceCorrection } from './AttendanceCorrection';
import { statusMarks } from './format';
import { useAttendance } from './queries';
import { choicesOf, matchesFilter, type MatrixFilter } from './roster';
import { wallClock } from '../../../shared/domain/sessionTime';

type Row = AttendanceSummary['rows'][number];
type Cell = { participantId: number; sessionId: number };

/** 考勤: trainees × sessions with a mark per cell, rate, hours and completion; a cell click corrects it. */
export function AttendancePanel({ api, eventId }: { api: ApiClient; eventId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const event = useEvent(api, eventId);
  const attendance = useAttendance(api, eventId);
  const action = useAction();
  const saveFile = useSaveFile();
  const [filter, setFilter] = useState<MatrixFilter>({ group: '', venue: '' });
  const [cell, setCell] = useState<Cell | null>(null);
  const groupId = useId();
  const venueId = useId();

  function download() {
    const e = event.data;
    if (!e) return;
    action.run('xlsx', async () => {
      const data = await api.call('attendanceXlsx', { params: { id: String(eventId) } });
      await saveFile(trainingFileName(t, locale, 'attendanceXlsx', e), data);
    });
  }

  if (attendance.error && !attendance.data) return <LoadError error={attendance.error} onRetry={retry(attendance)} />;
  if (!attendance.data) return <p className="muted">{t('app.loading')}</p>;
  const { sessions, rows, heldSessionIds } = attendance.data;
  const held = new Set(heldSessionIds);
  const shown = rows.filter((row) => matchesFilter(row, filter));
  const groups = choicesOf(rows.map((r) => r.group));
  const venues = choicesOf(rows.map((r) => r.venue));
  const chosen = cell
    ? { row: rows.find((r) => r.participantId === cell.participantId), sessionId: cell.sessionId }
    : null;
  const chosenSession = chosen ? sessions.find((s) => s.id === chosen.sessionId) : undefined;

  return (
    <section className="panel training-attendance" aria-labelledby="attendance-heading">
      <div className="panel-head">
        <h2 id="attendance-heading" className="panel-title">
          {t('trainingConsole.attendance.title')}{' '}
          <span className="count">
            {t('trainingConsole.attendance.summary', {
              people: rows.length,
              sessions: sessions.length,
              held: held.size,
            })}
          </span>
        </h2>
        <Button busy={action.busy === 'xlsx'} disabled={!event.data} onClick={download} data-testid="attendance-xlsx">
          {action.busy === 'xlsx' ? t('trainingConsole.working') : t('trainingConsole.attendance.download')}
        </Button>
      </div>
      {rows.length === 0 || sessions.length === 0 ? (
        <Empty>{t('trainingConsole.attendance.none')}</Empty>
      ) : (
        <>
          <div className="training-filters">
            <label className="field-label" htmlFor={groupId}>
              {t('trainingConsole.attendance.filterGroup')}
            </label>
            <select
              id={groupId}
              value={filter.group}
              onChange={(e) => setFilter((f) => ({ ...f, group: e.target.value }))}
              data-testid="attendance-group"
            >
              <option value="">{t('trainingConsole.all')}</option>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
            <label className="field-label" htmlFor={venueId}>
              {t('trainingConsole.attendance.filterVenue')}
            </label>
            <select
              id={venueId}
              value={filter.venue}
              onChange={(e) => setFilter((f) => ({ ...f, venue: e.target.value }))}
              data-testid="attendance-venue"
            >
              <option value="">{t('trainingConsole.all')}</option>
              {venues.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
            <span className="muted">
              {t('trainingConsole.attendance.shown', { shown: shown.length, total: rows.length })}
            </span>
          </div>
          <p className="muted training-small">
            {t('trainingConsole.attendance.legend', {
              parts: attendanceStatuses
                .map((status) =>
                  t('trainingDocs.attendance.legendPart', {
                    mark: t(statusMarks[status]),
                    status: t(`attendance.status.${status}`),
                  }),
                )
                .join(t('trainingConsole.attendance.legendSeparator')),
            })}
          </p>
          {chosen?.row && chosenSession ? (
            <AttendanceCorrection
              key={`${chosen.row.participantId}-${chosenSession.id}`}
              api={api}
              eventId={eventId}
              session={chosenSession}
              trainee={chosen.row}
              status={chosen.row.statuses[String(chosenSession.id)] ?? null}
              onDone={() => setCell(null)}
            />
          ) : null}
          <div className="table-wrap training-matrix-wrap">
            <table className="table training-matrix" data-testid="attendance-matrix">
              <thead>
                <tr>
                  <th scope="col">{t('trainingConsole.col.name')}</th>
                  <th scope="col">{t('trainingConsole.col.group')}</th>
                  {sessions.map((s) => (
                    <th key={s.id} scope="col" className="training-matrix-session" title={s.title}>
                      <span>{wallClock(s.startsAt).date.slice(5)}</span>
                      <span className="muted">{timeRange(s, t)}</span>
                      <span className="training-matrix-title">{s.title}</span>
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('trainingConsole.col.rate')}
                  </th>
                  <th scope="col" className="num">
                    {t('trainingConsole.col.hours')}
                  </th>
                  <th scope="col">{t('trainingConsole.col.completes')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <MatrixRow
                    key={row.participantId}
                    row={row}
                    sessions={sessions}
                    held={held}
                    selected={cell?.participantId === row.participantId ? cell.sessionId : null}
                    onPick={(sessionId) => setCell({ participantId: row.participantId, sessionId })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function MatrixRow({
  row,
  sessions,
  held,
  selected,
  onPick,
}: {
  row: Row;
  sessions: AttendanceSummary['sessions'];
  held: ReadonlySet<number>;
  selected: number | null;
  onPick: (sessionId: number) => void;
}) {
  const t = useT();
  return (
    <tr data-testid="attendance-row">
      <td className="nowrap strong">{row.name}</td>
      <td className="nowrap">{row.group ?? ''}</td>
      {sessions.map((s) => {
        const status = row.statuses[String(s.id)] ?? null;
        const label = t('trainingConsole.attendance.cell', {
          name: row.name,
          session: s.title,
          status: status ? t(`attendance.status.${status}`) : t('trainingConsole.attendance.empty'),
        });
        return (
          <td key={s.id} className={`training-cell ${held.has(s.id) ? '' : 'training-cell-ahead'}`}>
            <button
              type="button"
              className={`training-mark training-status-${status ?? 'none'}`}
              aria-label={label}
              title={label}
              aria-pressed={selected === s.id}
              onClick={() => onPick(s.id)}
              data-testid="attendance-cell"
            >
              {status ? t(statusMarks[status]) : ''}
            </button>
          </td>
        );
      })}
      <td className="num" data-testid="attendance-rate">
        {t('trainingConsole.rate', { rate: row.rate })}
      </td>
      <td className="num">{row.hours}</td>
      <td className="nowrap">{t(row.completes ? 'trainingConsole.yes' : 'trainingConsole.no')}</td>
    </tr>
  );
}
