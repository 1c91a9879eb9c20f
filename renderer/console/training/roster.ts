// Who is still missing from a session, group by group, and the filters of the 考勤 matrix. Pure.
import type { AttendanceStatus } from '../../../shared/domain/attendance';

/** Groups in order, numbers by value (第2组 before 第10组), people with no group last. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'zh-CN', { numeric: true }) || (a < b ? -1 : 1);
}

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
