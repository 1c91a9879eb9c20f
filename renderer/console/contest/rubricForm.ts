// The rubric editor's state, without drawing: what the organiser typed, checked and turned into the host's body.
import type { Rubric, RubricInput } from '../../../shared/api/contest';
import { aggregationMethods, type AggregationMethod, type CriterionStep } from '../../../shared/domain/scoring';
import type { MessageKey, MessageParams } from '../../../shared/i18n';
import { clockText, parseClock } from './format';

export interface CriterionRow {
  rowId: number;
  key: string;
  name: string;
  max: string;
  step: CriterionStep;
}

export interface GroupRow {
  rowId: number;
  key: string;
  name: string;
  weight: string;
}

export interface RubricForm {
  criteria: CriterionRow[];
  groups: GroupRow[];
  method: AggregationMethod;
  dropHighest: string;
  dropLowest: string;
  decimals: string;
  tieBreak: string[];
  timerOn: boolean;
  greenAt: string;
  amberAt: string;
  redAt: string;
  overtime: string;
}

/** Messages by the request path they belong to ("criteria.0.max", "timer.redAt"). */
export type Errors = Record<string, string>;

const timerFields = ['greenAt', 'amberAt', 'redAt'] as const;

export function blankForm(): RubricForm {
  return {
    criteria: [{ rowId: 1, key: '', name: '', max: '', step: 1 }],
    groups: [],
    method: 'mean',
    dropHighest: '0',
    dropLowest: '0',
    decimals: '2',
    tieBreak: [],
    timerOn: false,
    greenAt: '0:00',
    amberAt: '',
    redAt: '',
    overtime: '0',
  };
}

/** The form showing a saved rubric; row ids are positions, so the same rubric gives the same form. */
export function formOf(rubric: Rubric): RubricForm {
  const groupIds = rubric.criteria.length + 1;
  return {
    criteria: rubric.criteria.map((c, i) => ({
      rowId: i + 1,
      key: c.key,
      name: c.name,
      max: String(c.max),
      step: c.step,
    })),
    groups: rubric.groups.map((g, i) => ({ rowId: groupIds + i, key: g.key, name: g.name, weight: String(g.weight) })),
    method: rubric.aggregation.method,
    dropHighest: String(rubric.aggregation.dropHighest),
    dropLowest: String(rubric.aggregation.dropLowest),
    decimals: String(rubric.decimals),
    tieBreak: [...rubric.tieBreak],
    timerOn: rubric.timer !== null,
    greenAt: clockText(rubric.timer?.greenAt ?? 0),
    amberAt: rubric.timer ? clockText(rubric.timer.amberAt) : '',
    redAt: rubric.timer ? clockText(rubric.timer.redAt) : '',
    overtime: String(rubric.timer?.overtimeDeductionPerMinute ?? 0),
  };
}

/** A row id no row of the form has yet (React tells rows apart by it). */
export function nextRowId(form: RubricForm): number {
  return Math.max(0, ...form.criteria.map((c) => c.rowId), ...form.groups.map((g) => g.rowId)) + 1;
}

export function addCriterion(form: RubricForm): Pick<RubricForm, 'criteria'> {
  const step = form.criteria.at(-1)?.step ?? 1;
  return { criteria: [...form.criteria, { rowId: nextRowId(form), key: '', name: '', max: '', step }] };
}

/** The first group is usually the panel (70), the next the audience (30). */
export function addGroup(form: RubricForm): Pick<RubricForm, 'groups'> {
  const weight = form.groups.length === 0 ? '70' : '30';
  return { groups: [...form.groups, { rowId: nextRowId(form), key: '', name: '', weight }] };
}

/** The usual speech-contest criteria (content 40, delivery 30, image 20, time 10), named in the page's language. */
export function presetCriteria(form: RubricForm, names: readonly [string, string, string, string]): CriterionRow[] {
  const first = nextRowId(form);
  return [40, 30, 20, 10].map((max, i) => ({
    rowId: first + i,
    key: `c${i + 1}`,
    name: names[i] ?? '',
    max: String(max),
    step: 0.5,
  }));
}

/** Choosing 去掉最高最低 with nothing to drop would silently be a plain mean: start from one of each. */
export function chooseMethod(form: RubricForm, method: AggregationMethod): Partial<RubricForm> {
  const trims = method === 'trimmed-mean' || method === 'trimmed-sum';
  const nothingDropped = num(form.dropHighest) === 0 && num(form.dropLowest) === 0;
  return trims && nothingDropped ? { method, dropHighest: '1', dropLowest: '1' } : { method };
}

/**
 * Codes the judges never see: c1, c2… (criteria) or g1, g2… (judge groups, which judges are filed under)
 * for rows left blank; codes given stay.
 */
export function withKeys<T extends { key: string }>(rows: readonly T[], prefix: string): T[] {
  const taken = new Set(rows.map((r) => r.key.trim()).filter(Boolean));
  let n = 1;
  return rows.map((r) => {
    if (r.key.trim()) return { ...r, key: r.key.trim() };
    while (taken.has(`${prefix}${n}`)) n++;
    const key = `${prefix}${n}`;
    taken.add(key);
    return { ...r, key };
  });
}

/** A number the person typed, or NaN (the server then names the field). */
export function num(text: string): number {
  const value = text.trim().replace('．', '.');
  return value === '' ? Number.NaN : Number(value);
}

/** What the page can tell before asking the host: times of the timer that are not times. */
export function localErrors(form: RubricForm): Record<string, MessageKey> {
  const found: Record<string, MessageKey> = {};
  if (!form.timerOn) return found;
  for (const name of timerFields) {
    if (parseClock(form[name]) === null) found[`timer.${name}`] = 'contest.rubric.badClock';
  }
  return found;
}

/** The body of PUT …/rubric; blank codes are filled in first (the form shows them after saving). */
export function toRubricInput(form: RubricForm): RubricInput {
  const criteria = withKeys(form.criteria, 'c');
  const groups = withKeys(form.groups, 'g');
  return {
    criteria: criteria.map((c) => ({ key: c.key, name: c.name.trim(), max: num(c.max), step: c.step })),
    aggregation: { method: form.method, dropHighest: num(form.dropHighest), dropLowest: num(form.dropLowest) },
    decimals: num(form.decimals),
    tieBreak: form.tieBreak,
    groups: groups.map((g) => ({ key: g.key, name: g.name.trim(), weight: num(g.weight) })),
    ...(form.timerOn
      ? {
          timer: {
            greenAt: parseClock(form.greenAt) ?? 0,
            amberAt: parseClock(form.amberAt) ?? 0,
            redAt: parseClock(form.redAt) ?? 0,
            overtimeDeductionPerMinute: num(form.overtime),
          },
        }
      : {}),
  };
}

/** Tie-break rules not yet in the chain: the unrounded final, the raw mean, then each criterion. */
export function tieOptions(form: RubricForm): string[] {
  const keys = withKeys(form.criteria, 'c');
  return ['unrounded', 'raw-mean', ...keys.map((c) => `criterion:${c.key}`)].filter((r) => !form.tieBreak.includes(r));
}

/** Whether the form shows a field for this request path (else the host's message goes above the form). */
export function knownPath(path: string, rows: number): boolean {
  if (/^criteria\.(\d+)\.(key|name|max|step)$/.test(path)) return Number(path.split('.')[1]) < rows;
  return (
    [
      'criteria',
      'aggregation.method',
      'aggregation.dropHighest',
      'aggregation.dropLowest',
      'decimals',
      'tieBreak',
    ].includes(path) ||
    /^tieBreak\.\d+$/.test(path) ||
    /^timer\.(greenAt|amberAt|redAt|overtimeDeductionPerMinute)$/.test(path)
  );
}

export function methodOf(value: string): AggregationMethod | undefined {
  return aggregationMethods.find((m) => m === value);
}

/** The sum of the criteria's maxima, in exact hundredths: "100", "99.5". */
export function totalMax(criteria: readonly CriterionRow[]): string {
  const sum = criteria.reduce((acc, c) => acc + Math.round((Number(c.max) || 0) * 100), 0);
  return (sum / 100).toString();
}

/** The list with the item at `index` swapped with its neighbour `by` places away (unchanged at the ends). */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const next = [...list];
  const target = index + by;
  const a = next[index];
  const b = next[target];
  if (a === undefined || b === undefined) return next;
  next[index] = b;
  next[target] = a;
  return next;
}

/** The page's translate function (useT), named here so this module stays free of React. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function tieBreakLabel(t: Translate, rule: string, criteria: readonly { key: string; name: string }[]): string {
  if (rule === 'unrounded') return t('contest.tieBreak.unrounded');
  if (rule === 'raw-mean') return t('contest.tieBreak.raw-mean');
  const key = rule.startsWith('criterion:') ? rule.slice('criterion:'.length) : rule;
  const name = criteria.find((c) => c.key === key)?.name ?? key;
  return t('contest.tieBreak.criterion', { name });
}
