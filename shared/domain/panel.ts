// Who scores a speaker: the judges of the event when the speaker's scores are locked. A judge added later scores
// only later speakers, so a locked or revealed result never changes (nor disappears) because the panel grew.

/** Whether a judge added at `joinedAt` is on the panel of a speaker locked at `lockedAt` (null: not locked yet). */
export function isOnPanel(joinedAt: string | undefined, lockedAt: string | null): boolean {
  if (lockedAt === null || joinedAt === undefined) return true;
  return Date.parse(joinedAt) <= Date.parse(lockedAt);
}

interface ScoredRow {
  final?: string | null | undefined;
  judgeTotals: readonly { total: unknown }[];
}

/** How many judges' totals a speaker's final was computed from. */
export function judgesScored(row: ScoredRow): number {
  return row.judgeTotals.filter((t) => t.total !== null).length;
}

/** Whether speakers with a final were scored by different numbers of judges: the ranking then says how many. */
export function panelSizesDiffer(rows: readonly ScoredRow[]): boolean {
  return new Set(rows.filter((r) => r.final !== null && r.final !== undefined).map(judgesScored)).size > 1;
}
