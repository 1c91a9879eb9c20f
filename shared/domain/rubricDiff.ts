// What a rules edit changed, field by field (保留小数 2 → 1), and which of those changes move the results:
// the audit log records the first, the freeze after a lock refuses the second.
import type { AggregationMethod, CriterionStep } from './scoring';

/** The rules as stored: the parts of a rubric a diff looks at (timer in seconds, tie-breaks as written). */
export interface RubricRules {
  criteria: readonly { key: string; name: string; max: number; step: CriterionStep }[];
  aggregation: { method: AggregationMethod; dropHighest: number; dropLowest: number };
  decimals: number;
  tieBreak: readonly string[];
  groups: readonly { key: string; name: string; weight: number }[];
  timer: { greenAt: number; amberAt: number; redAt: number; overtimeDeductionPerMinute: number } | null;
}

export const rubricFields = [
  'criterion.added',
  'criterion.removed',
  'criterion.name',
  'criterion.max',
  'criterion.step',
  'criteria.order',
  'aggregation.method',
  'aggregation.dropHighest',
  'aggregation.dropLowest',
  'decimals',
  'tieBreak',
  'group.added',
  'group.removed',
  'group.name',
  'group.weight',
  'timer',
  'timer.greenAt',
  'timer.amberAt',
  'timer.redAt',
  'timer.overtimeDeductionPerMinute',
] as const;
export type RubricField = (typeof rubricFields)[number];

export type RubricValue = string | number | boolean | null | readonly string[];

/**
 * One change: `item` names the criterion or judge group (its new name; the old one is `before` of a rename).
 * An added criterion has `after` = its maximum, a removed one `before`; a group's are its weight.
 */
export interface RubricChange {
  field: RubricField;
  item?: string;
  before: RubricValue;
  after: RubricValue;
}

/** Changes that leave every final and rank as it is: names, the order lines are shown in, the speech timer. */
const resultNeutral: ReadonlySet<RubricField> = new Set<RubricField>([
  'criterion.name',
  'criteria.order',
  'group.name',
  'timer',
  'timer.greenAt',
  'timer.amberAt',
  'timer.redAt',
  // Overtime deductions are worked out when a speech ends and stored with it; a new rate applies to later speeches.
  'timer.overtimeDeductionPerMinute',
]);

export function changesResults(change: RubricChange): boolean {
  return !resultNeutral.has(change.field);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function keyed<T extends { key: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.key, r]));
}

/** Rows matched by key: what was added, removed, or changed in one of `fields`. */
function rowChanges<T extends { key: string; name: string }>(
  before: readonly T[],
  after: readonly T[],
  kind: 'criterion' | 'group',
  fields: readonly (keyof T & string)[],
  size: (row: T) => number,
): RubricChange[] {
  const old = keyed(before);
  const now = keyed(after);
  const changes: RubricChange[] = [];
  for (const row of before)
    if (!now.has(row.key)) changes.push({ field: `${kind}.removed`, item: row.name, before: size(row), after: null });
  for (const row of after) {
    const was = old.get(row.key);
    if (!was) {
      changes.push({ field: `${kind}.added`, item: row.name, before: null, after: size(row) });
      continue;
    }
    for (const name of fields) {
      const a = was[name];
      const b = row[name];
      if (
        a === b ||
        (typeof a !== 'string' && typeof a !== 'number') ||
        (typeof b !== 'string' && typeof b !== 'number')
      )
        continue;
      const field = rubricFields.find((f) => f === `${kind}.${name}`);
      if (field) changes.push({ field, item: row.name, before: a, after: b });
    }
  }
  return changes;
}

function scalar(field: RubricField, before: number | string | null, after: number | string | null): RubricChange[] {
  return before === after ? [] : [{ field, before, after }];
}

const timerParts = ['greenAt', 'amberAt', 'redAt', 'overtimeDeductionPerMinute'] as const;

/** Every change from `before` (null: no rules yet) to `after`, in the order the editor shows them. */
export function rubricDiff(before: RubricRules | null, after: RubricRules): RubricChange[] {
  const changes = rowChanges(
    before?.criteria ?? [],
    after.criteria,
    'criterion',
    ['name', 'max', 'step'],
    (c) => c.max,
  );
  const kept = (rows: readonly { key: string; name: string }[], other: readonly { key: string }[]) =>
    rows.filter((r) => other.some((o) => o.key === r.key));
  const oldOrder = kept(before?.criteria ?? [], after.criteria);
  const newOrder = kept(after.criteria, before?.criteria ?? []);
  if (
    !sameList(
      oldOrder.map((c) => c.key),
      newOrder.map((c) => c.key),
    )
  )
    changes.push({ field: 'criteria.order', before: oldOrder.map((c) => c.name), after: newOrder.map((c) => c.name) });

  const was = before?.aggregation;
  changes.push(
    ...scalar('aggregation.method', was?.method ?? null, after.aggregation.method),
    ...scalar('aggregation.dropHighest', was?.dropHighest ?? null, after.aggregation.dropHighest),
    ...scalar('aggregation.dropLowest', was?.dropLowest ?? null, after.aggregation.dropLowest),
    ...scalar('decimals', before?.decimals ?? null, after.decimals),
  );
  if (!sameList(before?.tieBreak ?? [], after.tieBreak))
    changes.push({ field: 'tieBreak', before: [...(before?.tieBreak ?? [])], after: [...after.tieBreak] });
  changes.push(...rowChanges(before?.groups ?? [], after.groups, 'group', ['name', 'weight'], (g) => g.weight));

  const timerBefore = before?.timer ?? null;
  if ((timerBefore === null) !== (after.timer === null))
    changes.push({ field: 'timer', before: timerBefore !== null, after: after.timer !== null });
  else if (timerBefore && after.timer)
    for (const part of timerParts) changes.push(...scalar(`timer.${part}`, timerBefore[part], after.timer[part]));
  return changes;
}
