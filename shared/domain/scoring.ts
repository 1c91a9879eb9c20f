// The contest's scoring rules as functions of plain data: check a judge's sheet,
// aggregate the panel, rank, break ties and hand out awards. Exact throughout (see ./decimal).

import type { Rational } from './decimal';
import {
  add,
  compare,
  divide,
  formatUnits,
  fromHundredths,
  multiply,
  parseHundredths,
  rational,
  roundHalfUp,
  subtract,
  sum,
} from './decimal';

// ── Rubric ────────────────────────────────────────────────────────────────

export const criterionSteps = [1, 0.5, 0.1, 0.01] as const;
export type CriterionStep = (typeof criterionSteps)[number];

/** One line of the rubric: a judge gives 0..max in multiples of step. */
export interface Criterion {
  key: string;
  name: string;
  max: number;
  step: CriterionStep;
}

export const scoreProblemCodes = ['missing', 'unknown', 'out-of-range', 'off-step', 'not-a-number'] as const;
export type ScoreProblemCode = (typeof scoreProblemCodes)[number];

/** What is wrong with one criterion of a judge's sheet; the server turns it into a sentence. */
export interface ScoreProblem {
  key: string;
  code: ScoreProblemCode;
}

export type ScoreCheck =
  { ok: true; scores: Record<string, number>; total: number } | { ok: false; problems: ScoreProblem[] };

function limitsOf(criterion: Criterion): { max: number; step: number } {
  const max = parseHundredths(criterion.max);
  const step = parseHundredths(criterion.step);
  if (!max.ok || !step.ok || max.hundredths <= 0 || step.hundredths <= 0) {
    throw new RangeError(`Criterion "${criterion.key}" has no usable max and step; check the rules first.`);
  }
  return { max: max.hundredths, step: step.hundredths };
}

/**
 * Checks a judge's sheet against the rubric: exactly its keys, each 0..max in multiples of step.
 * Blank values (undefined, null, "") are 'missing'; finer than 0.01 is 'off-step' for every step.
 * On success the scores are integer hundredths per key and `total` is their sum.
 */
export function checkScores(criteria: readonly Criterion[], input: Readonly<Record<string, unknown>>): ScoreCheck {
  const problems: ScoreProblem[] = [];
  const scores: [string, number][] = [];
  for (const criterion of criteria) {
    const { max, step } = limitsOf(criterion);
    const key = criterion.key;
    const raw = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      problems.push({ key, code: 'missing' });
    } else if (typeof raw !== 'number' && typeof raw !== 'string') {
      problems.push({ key, code: 'not-a-number' });
    } else {
      const parsed = parseHundredths(raw);
      if (!parsed.ok)
        problems.push({ key, code: parsed.problem === 'too-many-decimals' ? 'off-step' : 'not-a-number' });
      else if (parsed.hundredths < 0 || parsed.hundredths > max) problems.push({ key, code: 'out-of-range' });
      else if (parsed.hundredths % step !== 0) problems.push({ key, code: 'off-step' });
      else scores.push([key, parsed.hundredths]);
    }
  }
  const known = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(input)) if (!known.has(key)) problems.push({ key, code: 'unknown' });
  if (problems.length > 0) return { ok: false, problems };
  // fromEntries defines own properties, so even a key like "__proto__" stays a score.
  return { ok: true, scores: Object.fromEntries(scores), total: scores.reduce((t, [, v]) => t + v, 0) };
}

/** A judge's total in hundredths: the sum of the rubric's criteria, or null when the sheet lacks one. */
export function judgeTotal(criteria: readonly Criterion[], sheet: Readonly<Record<string, number>>): number | null {
  let total = 0;
  for (const { key } of criteria) {
    const value = Object.prototype.hasOwnProperty.call(sheet, key) ? sheet[key] : undefined;
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

// ── Rules ─────────────────────────────────────────────────────────────────

export const aggregationMethods = ['mean', 'trimmed-mean', 'median', 'sum', 'trimmed-sum'] as const;
export type AggregationMethod = (typeof aggregationMethods)[number];

/** How a panel's totals become one score; the drops count only for the trimmed methods. */
export interface Aggregation {
  method: AggregationMethod;
  dropHighest: number;
  dropLowest: number;
}

export const droppedSides = ['high', 'low'] as const;
export type DroppedSide = (typeof droppedSides)[number];

export const tieBreakBases = ['unrounded', 'raw-mean'] as const;
export type TieBreakBase = (typeof tieBreakBases)[number];
/** `unrounded` final, `raw-mean` of all judges' totals, or one criterion aggregated like the totals. */
export type TieBreakRule = TieBreakBase | `criterion:${string}`;

/** A tie-break rule from text, or null when it is not one. */
export function parseTieBreakRule(text: string): TieBreakRule | null {
  if (text === 'unrounded' || text === 'raw-mean') return text;
  if (text.startsWith('criterion:') && text.length > 'criterion:'.length)
    return `criterion:${text.slice('criterion:'.length)}`;
  return null;
}

/** A part of the panel scored on its own and weighted (专业评委 70 + 大众评委 30); weights are relative. */
export interface JudgeGroup {
  key: string;
  weight: number;
  judgeIds: readonly number[];
}

/** The group a judge counts in: their own when the rubric knows it, else the first one (undefined without groups). */
export function judgeGroupKey(group: string | null, groupKeys: readonly string[]): string | undefined {
  return group !== null && groupKeys.includes(group) ? group : groupKeys[0];
}

export interface Rules {
  criteria: readonly Criterion[];
  aggregation: Aggregation;
  /** Places shown in the final (default 2), rounded half up. */
  decimals?: number;
  tieBreak?: readonly TieBreakRule[];
  groups?: readonly JudgeGroup[];
}

export const defaultDecimals = 2;

export const rulesProblemCodes = [
  'no-criteria',
  'duplicate-key',
  'bad-max',
  'bad-drop',
  'bad-decimals',
  'unknown-criterion',
  'bad-weight',
  'duplicate-judge',
  'empty-group',
] as const;
export type RulesProblemCode = (typeof rulesProblemCodes)[number];

/** What is wrong with the rules; `field` is the path in the rubric body (e.g. "criteria.1.max"). */
export interface RulesProblem {
  field: string;
  code: RulesProblemCode;
}

/** Checks rules that a schema cannot see: keys, max against step, drops, decimals, tie-breaks, groups. */
export function rulesProblems(rules: Rules): RulesProblem[] {
  const problems: RulesProblem[] = [];
  if (rules.criteria.length === 0) problems.push({ field: 'criteria', code: 'no-criteria' });
  const keys = new Set<string>();
  rules.criteria.forEach((c, i) => {
    if (c.key === '' || keys.has(c.key)) problems.push({ field: `criteria.${i}.key`, code: 'duplicate-key' });
    keys.add(c.key);
    const max = parseHundredths(c.max);
    const step = parseHundredths(c.step);
    const stepOk = step.ok && criterionSteps.some((s) => s === c.step);
    if (!max.ok || !stepOk || max.hundredths <= 0 || max.hundredths % step.hundredths !== 0) {
      problems.push({ field: `criteria.${i}.max`, code: 'bad-max' });
    }
  });
  for (const side of ['dropHighest', 'dropLowest'] as const) {
    const n = rules.aggregation[side];
    if (!Number.isInteger(n) || n < 0) problems.push({ field: `aggregation.${side}`, code: 'bad-drop' });
  }
  const decimals = rules.decimals ?? defaultDecimals;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    problems.push({ field: 'decimals', code: 'bad-decimals' });
  (rules.tieBreak ?? []).forEach((rule, i) => {
    if (rule.startsWith('criterion:') && !keys.has(rule.slice('criterion:'.length))) {
      problems.push({ field: `tieBreak.${i}`, code: 'unknown-criterion' });
    }
  });
  const grouped = new Set<number>();
  (rules.groups ?? []).forEach((g, i) => {
    const weight = parseHundredths(g.weight);
    if (!weight.ok || weight.hundredths <= 0) problems.push({ field: `groups.${i}.weight`, code: 'bad-weight' });
    if (g.judgeIds.length === 0) problems.push({ field: `groups.${i}.judgeIds`, code: 'empty-group' });
    for (const id of g.judgeIds) {
      if (grouped.has(id)) problems.push({ field: `groups.${i}.judgeIds`, code: 'duplicate-judge' });
      grouped.add(id);
    }
  });
  return problems;
}

// ── Aggregation ───────────────────────────────────────────────────────────

function dropsOf(aggregation: Aggregation): { high: number; low: number } {
  const trimmed = aggregation.method === 'trimmed-mean' || aggregation.method === 'trimmed-sum';
  const { dropHighest: high, dropLowest: low } = aggregation;
  if (!Number.isInteger(high) || !Number.isInteger(low) || high < 0 || low < 0) {
    throw new RangeError('dropHighest and dropLowest must be whole numbers of at least 0.');
  }
  return trimmed ? { high, low } : { high: 0, low: 0 };
}

export interface Aggregated {
  value: Rational;
  /** Per value, in the order given: which ones the trimming struck out. */
  dropped: (DroppedSide | null)[];
}

/**
 * One panel's values (hundredths, in judge order) aggregated exactly; null when trimming would keep nothing.
 * Exactly dropHighest + dropLowest values are marked even when they repeat: among equal values the earlier
 * judge is struck first, the highest before the lowest.
 * A sum over a short panel (a judge recused, 回避) would punish the participant, so the sums count each
 * missing place as the mean of the kept values; `panelSize` is how many values a full panel gives.
 */
export function aggregateValues(
  values: readonly number[],
  aggregation: Aggregation,
  panelSize: number = values.length,
): Aggregated | null {
  const { high, low } = dropsOf(aggregation);
  const kept = values.length - high - low;
  if (values.length === 0 || kept <= 0) return null;
  const dropped: (DroppedSide | null)[] = values.map(() => null);
  const order = values.map((_, i) => i);
  const byHigh = [...order].sort((a, b) => valueAt(values, b) - valueAt(values, a) || a - b);
  for (const i of byHigh.slice(0, high)) dropped[i] = 'high';
  const byLow = order
    .filter((i) => dropped[i] === null)
    .sort((a, b) => valueAt(values, a) - valueAt(values, b) || a - b);
  for (const i of byLow.slice(0, low)) dropped[i] = 'low';
  const keptValues = values.filter((_, i) => dropped[i] === null);
  const keptSum = rational(
    keptValues.reduce((t, v) => t + v, 0),
    100,
  );
  switch (aggregation.method) {
    case 'mean':
    case 'trimmed-mean':
      return { value: divide(keptSum, rational(kept)), dropped };
    case 'sum':
    case 'trimmed-sum': {
      const fullKept = panelSize - high - low;
      if (fullKept <= 0) return null;
      return { value: multiply(keptSum, rational(fullKept, kept)), dropped };
    }
    case 'median': {
      const sorted = [...keptValues].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const upper = fromHundredths(valueAt(sorted, mid));
      if (sorted.length % 2 === 1) return { value: upper, dropped };
      return { value: divide(add(fromHundredths(valueAt(sorted, mid - 1)), upper), rational(2)), dropped };
    }
  }
}

function valueAt(values: readonly number[], i: number): number {
  const v = values[i];
  if (v === undefined) throw new RangeError(`No value at ${i}.`);
  return v;
}

// ── One participant ───────────────────────────────────────────────────────

/** What the judges entered for one participant. */
export interface ParticipantScores {
  participantId: number;
  /** One per judge who scored: criterion key → hundredths. */
  sheets: readonly { judgeId: number; scores: Readonly<Record<string, number>> }[];
  /** Judges in conflict with this participant (回避); a sheet from one of them is not counted. */
  recusedJudgeIds?: readonly number[];
  /** Hundredths subtracted after aggregation (e.g. overtime). */
  deduction?: number;
}

export interface ScoreOptions {
  /**
   * Aggregate whatever scores exist while some non-recused judges have not scored (a provisional live
   * view); by default such a participant is 'missing-scores' and gets no final.
   */
  aggregatePresent?: boolean;
}

/** Only `final` has a score; the others: nobody has scored yet, judges still to score, too few judges left after 回避. */
export const resultStatuses = ['final', 'unscored', 'missing-scores', 'too-few-scores'] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export interface JudgeTotal {
  judgeId: number;
  /** Hundredths, or null when the judge has not scored or is recused. */
  total: number | null;
  dropped: DroppedSide | null;
  recused: boolean;
}

export interface ParticipantResult {
  participantId: number;
  status: ResultStatus;
  /** The score people see, with exactly `decimals` places; null unless status is 'final'. */
  final: string | null;
  /** The exact final after deductions, before rounding. */
  unrounded: Rational | null;
  deduction: number;
  /** Every judge of the panel in panel order; drops are marked only on a final. */
  judgeTotals: JudgeTotal[];
  /** Mean of all judges' totals, nothing dropped, groups ignored. */
  rawMean: Rational | null;
  /** Each criterion aggregated like the totals (own trimming, same groups and weights), without deductions. */
  criteria: Record<string, Rational>;
}

interface Group {
  weight: Rational;
  judgeIds: readonly number[];
}

function groupsOf(rules: Rules, judgeIds: readonly number[]): Group[] {
  if (!rules.groups || rules.groups.length === 0) return [{ weight: rational(1), judgeIds }];
  const panel = new Set(judgeIds);
  const seen = new Set<number>();
  const groups = rules.groups.map((g) => {
    const weight = parseHundredths(g.weight);
    if (!weight.ok || weight.hundredths <= 0) throw new RangeError(`Group "${g.key}" needs a positive weight.`);
    for (const id of g.judgeIds) {
      if (!panel.has(id) || seen.has(id))
        throw new RangeError(`Judge ${id} must be on the panel and in one group only.`);
      seen.add(id);
    }
    // Panel order, so trimming picks among equal values the same way with or without groups.
    return { weight: fromHundredths(weight.hundredths), judgeIds: judgeIds.filter((id) => g.judgeIds.includes(id)) };
  });
  if (seen.size !== panel.size) throw new RangeError('Every judge of the panel must be in a group.');
  return groups;
}

function checkedDecimals(rules: Rules): number {
  const decimals = rules.decimals ?? defaultDecimals;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new RangeError(`Decimals must be 0 to 6, not ${decimals}.`);
  return decimals;
}

/**
 * One participant's result from the panel (`judgeIds` in panel order, the order that settles equal drops).
 * A participant is only given a final when every non-recused judge has scored (unless
 * `aggregatePresent`) and every group keeps at least one score after trimming.
 */
export function scoreParticipant(
  rules: Rules,
  judgeIds: readonly number[],
  participant: ParticipantScores,
  options: ScoreOptions = {},
): ParticipantResult {
  const decimals = checkedDecimals(rules);
  const deduction = participant.deduction ?? 0;
  if (!Number.isSafeInteger(deduction)) throw new RangeError('A deduction is a whole number of hundredths.');
  const sheets = new Map<number, Readonly<Record<string, number>>>();
  for (const { judgeId, scores } of participant.sheets) {
    if (!judgeIds.includes(judgeId) || sheets.has(judgeId)) {
      throw new RangeError(`Judge ${judgeId} must be on the panel and give one sheet per participant.`);
    }
    sheets.set(judgeId, scores);
  }
  const recused = new Set(participant.recusedJudgeIds ?? []);
  // A sheet that does not cover the rubric counts as not scored rather than as a wrong total.
  const totals = new Map<number, number>();
  for (const judgeId of judgeIds) {
    const sheet = sheets.get(judgeId);
    const total = sheet && !recused.has(judgeId) ? judgeTotal(rules.criteria, sheet) : null;
    if (total !== null) totals.set(judgeId, total);
  }
  const { high, low } = dropsOf(rules.aggregation);
  const groups = groupsOf(rules, judgeIds);
  const counts = groups.map((g) => {
    const eligible = g.judgeIds.filter((id) => !recused.has(id)).length;
    return { eligible, present: g.judgeIds.filter((id) => totals.has(id)).length };
  });

  let status: ResultStatus = 'final';
  if (counts.some((c) => c.eligible === 0 || c.eligible <= high + low)) status = 'too-few-scores';
  else if (counts.every((c) => c.present === 0)) status = 'unscored';
  else if (counts.some((c) => c.present < c.eligible && (!options.aggregatePresent || c.present <= high + low))) {
    status = 'missing-scores';
  }

  const presentTotals = [...totals.values()];
  const rawMean =
    presentTotals.length > 0
      ? rational(
          presentTotals.reduce((t, v) => t + v, 0),
          presentTotals.length * 100,
        )
      : null;
  const judgeTotals: JudgeTotal[] = judgeIds.map((judgeId) => ({
    judgeId,
    total: totals.get(judgeId) ?? null,
    dropped: null,
    recused: recused.has(judgeId),
  }));
  const result: ParticipantResult = {
    participantId: participant.participantId,
    status,
    final: null,
    unrounded: null,
    deduction,
    judgeTotals,
    rawMean,
    criteria: {},
  };
  if (status !== 'final') return result;

  // Weighted across groups exactly; with one group this is just its aggregate.
  const weigh = (valueOf: (judgeId: number) => number, markDrops: boolean): Rational => {
    const totalWeight = sum(groups.map((g) => g.weight));
    const parts = groups.map((g) => {
      const ids = g.judgeIds.filter((id) => totals.has(id));
      const aggregated = aggregateValues(ids.map(valueOf), rules.aggregation, g.judgeIds.length);
      if (!aggregated) throw new RangeError('A group with enough scores could not be aggregated.');
      if (markDrops) {
        ids.forEach((id, i) => {
          const row = judgeTotals.find((t) => t.judgeId === id);
          if (row) row.dropped = aggregated.dropped[i] ?? null;
        });
      }
      return multiply(aggregated.value, g.weight);
    });
    return divide(sum(parts), totalWeight);
  };

  const aggregate = weigh((id) => totals.get(id) ?? 0, true);
  result.unrounded = subtract(aggregate, fromHundredths(deduction));
  result.final = formatUnits(roundHalfUp(result.unrounded, decimals), decimals);
  result.criteria = Object.fromEntries(
    rules.criteria.map((c) => [c.key, weigh((id) => sheets.get(id)?.[c.key] ?? 0, false)]),
  );
  return result;
}

// ── Ranking ───────────────────────────────────────────────────────────────

export interface RankingRow extends ParticipantResult {
  /** Shared by ties (1, 2, 2, 4); null for a participant without a final. */
  rank: number | null;
  /** The rule that separated this row from a neighbour with the same final (the one above first); null if none did. */
  tieBrokenBy: TieBreakRule | null;
}

function tieBreakValue(result: ParticipantResult, rule: TieBreakRule): Rational {
  const key = rule.slice('criterion:'.length);
  const value =
    rule === 'unrounded'
      ? result.unrounded
      : rule === 'raw-mean'
        ? result.rawMean
        : Object.prototype.hasOwnProperty.call(result.criteria, key)
          ? result.criteria[key]
          : undefined;
  if (!value) throw new RangeError(`Tie-break "${rule}" has no value; check the rules first.`);
  return value;
}

/**
 * Ranks results by the rounded final, the score people see; rows with equal finals are ordered by the
 * tie-break chain and share a rank when it cannot separate them. Rows without a final follow in input order.
 */
export function rankResults(rules: Rules, results: readonly ParticipantResult[]): RankingRow[] {
  const decimals = checkedDecimals(rules);
  const chain = rules.tieBreak ?? [];
  const scored = results
    .map((result, index) => ({
      result,
      index,
      shown: result.unrounded ? roundHalfUp(result.unrounded, decimals) : null,
    }))
    .filter(
      (r): r is { result: ParticipantResult; index: number; shown: bigint } =>
        r.shown !== null && r.result.status === 'final',
    );
  // The first rule that tells two equal finals apart, with its direction (better first).
  const separate = (a: ParticipantResult, b: ParticipantResult): { rule: TieBreakRule; order: number } | null => {
    for (const rule of chain) {
      const order = compare(tieBreakValue(b, rule), tieBreakValue(a, rule));
      if (order !== 0) return { rule, order };
    }
    return null;
  };
  scored.sort((a, b) => {
    if (a.shown !== b.shown) return a.shown > b.shown ? -1 : 1;
    return separate(a.result, b.result)?.order ?? a.index - b.index;
  });

  const rows: RankingRow[] = [];
  const between: (TieBreakRule | null)[] = []; // between[i]: what separated row i from row i-1 on an equal final
  scored.forEach((s, i) => {
    const prev = scored[i - 1];
    const prevRow = rows[i - 1];
    const sameFinal = prev !== undefined && prev.shown === s.shown;
    const rule = sameFinal ? (separate(prev.result, s.result)?.rule ?? null) : null;
    between.push(rule);
    const rank = prevRow && sameFinal && rule === null ? prevRow.rank : i + 1;
    rows.push({ ...s.result, rank, tieBrokenBy: null });
  });
  rows.forEach((row, i) => {
    row.tieBrokenBy = between[i] ?? between[i + 1] ?? null;
  });
  const unranked = results.filter((r) => r.status !== 'final' || !r.unrounded);
  return [...rows, ...unranked.map((r) => ({ ...r, rank: null, tieBrokenBy: null }))];
}

/** Scores every participant against the panel and ranks them (see scoreParticipant, rankResults). */
export function rankParticipants(
  rules: Rules,
  judgeIds: readonly number[],
  participants: readonly ParticipantScores[],
  options: ScoreOptions = {},
): RankingRow[] {
  return rankResults(
    rules,
    participants.map((p) => scoreParticipant(rules, judgeIds, p, options)),
  );
}

// ── Awards ────────────────────────────────────────────────────────────────

/** An award and how many places it has; count null means every ranked participant left (优秀奖). */
export interface AwardTier {
  name: string;
  count: number | null;
}

export interface Awarded {
  award: string | null;
  /** Tied across a tier boundary and given the better tier (并列): the organiser should confirm. */
  tiedAward: boolean;
}

/**
 * Awards by rank. Tier counts are places: tier k covers ranks up to the sum of counts 1..k. A tie that
 * spills over a boundary takes the better tier (all marked tiedAward) and the following tier loses
 * those places (一等奖×1 with two tied at 1: both 一等奖, 二等奖 then covers rank 3 only).
 */
export function assignAwards<T extends { rank: number | null }>(
  rows: readonly T[],
  tiers: readonly AwardTier[],
): (T & Awarded)[] {
  tiers.forEach((t, i) => {
    if (t.count === null ? i !== tiers.length - 1 : !Number.isInteger(t.count) || t.count < 0) {
      throw new RangeError('Award counts are whole numbers of at least 0; only the last tier may be "everyone else".');
    }
  });
  const tieSize = new Map<number, number>();
  for (const { rank } of rows) if (rank !== null) tieSize.set(rank, (tieSize.get(rank) ?? 0) + 1);
  return rows.map((row) => {
    if (row.rank === null) return { ...row, award: null, tiedAward: false };
    let lastPlace = 0;
    for (const tier of tiers) {
      if (tier.count === null) return { ...row, award: tier.name, tiedAward: false };
      lastPlace += tier.count;
      if (row.rank <= lastPlace) {
        const tiedAward = row.rank + (tieSize.get(row.rank) ?? 1) - 1 > lastPlace;
        return { ...row, award: tier.name, tiedAward };
      }
    }
    return { ...row, award: null, tiedAward: false };
  });
}
