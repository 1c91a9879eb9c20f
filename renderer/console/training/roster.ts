// Who is still missing from a session, group by group, and the filters of the 考勤 matrix. Pure.
import type { AttendanceStatus } from '../../../shared/domain/attendance';
import { compareGroups } from '../../../shared/domain/groups';

export { compareGroups };

/** Not checked in and not excused: nothing recorded yet, or marked absent. */
export function isMissing(status: AttendanceStatus | null): boolean {
  return status === null || status === 'absent';
}

/** The people still missing, by group, each group keeping the list's own order. */
export function missingByGroup<R extends { group: string | null; status: AttendanceStatus | null }>(
  rows: readonly R[],
): Array<{ group: string | null; people: R[] }> {
  const groups = new Map<string | null, R[]>();
  for (const row of rows) {
    if (!isMissing(row.status)) continue;
    groups.set(row.group, [...(groups.get(row.group) ?? []), row]);
  }
  return [...groups].sort(([a], [b]) => compareGroups(a, b)).map(([group, people]) => ({ group, people }));
}

/** The different values of a column (groups, venues), in order, without blanks. */
export function choicesOf(values: ReadonlyArray<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort(compareGroups);
}

export interface MatrixFilter {
  /** '' for every group. */
  group: string;
  /** '' for every venue. */
  venue: string;
}

export function matchesFilter(row: { group: string | null; venue: string | null }, filter: MatrixFilter): boolean {
  return (filter.group === '' || row.group === filter.group) && (filter.venue === '' || row.venue === filter.venue);
}
