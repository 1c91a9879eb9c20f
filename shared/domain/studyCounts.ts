// Study-session counts (学习讨论次数): a street's series of sessions, each held by one organisation (居民区), summed
// per organisation and per month as the street reports them ("各居民区已累计开展了46次学习讨论").

export interface HeldSession {
  /** The organisation (居民区) that held it; null when not said (counted under 未指定). */
  organization: string | null;
  /** Local date-time 'YYYY-MM-DDTHH:mm' (the schedule's form). */
  startsAt: string;
  /** How many people attended (present, late or left early). */
  attended: number;
}

export interface StudyCountRow {
  organization: string | null;
  /** 'YYYY-MM' → sessions and attendance that month. */
  months: Record<string, { sessions: number; attended: number }>;
  sessions: number;
  attended: number;
}

export interface StudyCounts {
  /** The months that had any session, in order. */
  months: string[];
  /** One row per organisation, most sessions first, then by name as `compareNames` orders them. */
  rows: StudyCountRow[];
  sessions: number;
  attended: number;
}

/** Sums held sessions per organisation and month; `compareNames` is the pinyin order of organisation names. */
export function countStudySessions(
  sessions: readonly HeldSession[],
  compareNames: (a: string, b: string) => number,
): StudyCounts {
  const rows = new Map<string | null, StudyCountRow>();
  const months = new Set<string>();
  for (const session of sessions) {
    const month = session.startsAt.slice(0, 7);
    months.add(month);
    const key = session.organization?.trim() || null;
    const row = rows.get(key) ?? { organization: key, months: {}, sessions: 0, attended: 0 };
    const cell = (row.months[month] ??= { sessions: 0, attended: 0 });
    cell.sessions++;
    cell.attended += session.attended;
    row.sessions++;
    row.attended += session.attended;
    rows.set(key, row);
  }
  const ordered = [...rows.values()].sort(
    (a, b) =>
      b.sessions - a.sessions ||
      // 未指定 (no organisation) last among equals.
      (a.organization === null ? 1 : 0) - (b.organization === null ? 1 : 0) ||
      compareNames(a.organization ?? '', b.organization ?? ''),
  );
  return {
    months: [...months].sort(),
    rows: ordered,
    sessions: sessions.length,
    attended: sessions.reduce((sum, s) => sum + s.attended, 0),
  };
}
