import { describe, it, expect } from 'vitest';
import { formatHundredths, parseHundredths } from '../../shared/domain/decimal';
import {
  judgeGroupKey,
  aggregateValues,
  assignAwards,
  checkScores,
  judgeTotal,
  parseTieBreakRule,
  rankParticipants,
  rulesProblems,
  scoreParticipant,
} from '../../shared/domain/scoring';
import type {
  AggregationMethod,
  AwardTier,
  Criterion,
  DroppedSide,
  JudgeGroup,
  ParticipantScores,
  ResultStatus,
  Rules,
  RulesProblem,
  ScoreProblem,
  TieBreakRule,
} from '../../shared/domain/scoring';
import { speechCriteria } from '../support/rubrics';

/** "88.13" → 8813, as the judge page stores it. */
function h(text: string): number {
  const parsed = parseHundredths(text);
  if (!parsed.ok) throw new Error(`bad test value ${text}`);
  return parsed.hundredths;
}

/** The speech criteria, each line in another step so every step is checked. */
const speechRubric = speechCriteria({ steps: { content: 0.5, delivery: 0.1, image: 1, time: 0.01 } });

/** One criterion, so a judge's sheet is just their total. */
const totalOnly: Criterion[] = [{ key: 'total', name: '总分', max: 100, step: 0.01 }];

function rules(method: AggregationMethod, drops: [number, number] = [0, 0], extra: Partial<Rules> = {}): Rules {
  return { criteria: totalOnly, aggregation: { method, dropHighest: drops[0], dropLowest: drops[1] }, ...extra };
}

/** Judge ids 1..n in panel order. */
function panel(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** A participant whose judge i+1 gave totals[i]; null means that judge has not scored. */
function entrant(
  participantId: number,
  totals: readonly (string | null)[],
  extra: Partial<ParticipantScores> = {},
): ParticipantScores {
  const sheets = totals.flatMap((t, i) => (t === null ? [] : [{ judgeId: i + 1, scores: { total: h(t) } }]));
  return { participantId, sheets, ...extra };
}

describe('checkScores', () => {
  const valid = { content: 35.5, delivery: 27.3, image: 18, time: 9.95 };

  it.each<[string, Record<string, unknown>, string]>([
    ['numbers', valid, '90.75'],
    ['strings from the form', { content: '35.5', delivery: '27.3', image: '18', time: '9.95' }, '90.75'],
    ['zeros and maxima', { content: 0, delivery: 30, image: 20, time: 0 }, '50.00'],
    ['trailing zeros', { content: '40.0', delivery: 29.9, image: 20, time: '10.00' }, '99.90'],
  ])('accepts %s and totals them', (_label, input, total) => {
    const check = checkScores(speechRubric, input);
    expect(check.ok && formatHundredths(check.total)).toBe(total);
  });

  it.each<[string, Record<string, unknown>, ScoreProblem[]]>([
    ['a missing key', { content: 35.5, delivery: 27.3, time: 9.95 }, [{ key: 'image', code: 'missing' }]],
    ['a blank value', { ...valid, image: '' }, [{ key: 'image', code: 'missing' }]],
    ['a null value', { ...valid, image: null }, [{ key: 'image', code: 'missing' }]],
    ['an unknown key', { ...valid, extra: 5 }, [{ key: 'extra', code: 'unknown' }]],
    ['a prototype key', { ...valid, toString: 5 }, [{ key: 'toString', code: 'unknown' }]],
    ['above max', { ...valid, content: 40.5 }, [{ key: 'content', code: 'out-of-range' }]],
    ['negative', { ...valid, image: -1 }, [{ key: 'image', code: 'out-of-range' }]],
    ['0.3 with step 0.5', { ...valid, content: 0.3 }, [{ key: 'content', code: 'off-step' }]],
    ['9.95 with step 0.1', { ...valid, delivery: 9.95 }, [{ key: 'delivery', code: 'off-step' }]],
    ['17.5 with step 1', { ...valid, image: 17.5 }, [{ key: 'image', code: 'off-step' }]],
    ['more than 2 decimals', { ...valid, time: 9.555 }, [{ key: 'time', code: 'off-step' }]],
    ['NaN', { ...valid, time: Number.NaN }, [{ key: 'time', code: 'not-a-number' }]],
    ['text', { ...valid, time: 'nine' }, [{ key: 'time', code: 'not-a-number' }]],
    ['a boolean', { ...valid, time: true }, [{ key: 'time', code: 'not-a-number' }]],
    [
      'several at once, in rubric order then unknown keys',
      { delivery: 31, image: 18.5, time: 9, bonus: 1 },
      [
        { key: 'content', code: 'missing' },
        { key: 'delivery', code: 'out-of-range' },
        { key: 'image', code: 'off-step' },
        { key: 'bonus', code: 'unknown' },
      ],
    ],
  ])('names the criterion for %s', (_label, input, problems) => {
    expect(checkScores(speechRubric, input)).toEqual({ ok: false, problems });
  });

  it('gives the scores in hundredths', () => {
    expect(checkScores(speechRubric, valid)).toEqual({
      ok: true,
      scores: { content: 3550, delivery: 2730, image: 1800, time: 995 },
      total: 9075,
    });
  });
});

describe('judgeTotal', () => {
  it.each<[Record<string, number>, number | null]>([
    [{ content: 3550, delivery: 2730, image: 1800, time: 995 }, 9075],
    [{ content: 3550, delivery: 2730, image: 1800 }, null],
  ])('%o totals %s', (sheet, total) => {
    expect(judgeTotal(speechRubric, sheet)).toBe(total);
  });
});

describe('aggregating a panel', () => {
  it.each<[string, AggregationMethod, [number, number], string[], string, (DroppedSide | null)[]]>([
    [
      'mean of 88.1, 88.1, 88.1, 88.2',
      'mean',
      [0, 0],
      ['88.1', '88.1', '88.1', '88.2'],
      '88.13',
      [null, null, null, null],
    ],
    ['mean ignores drops', 'mean', [1, 1], ['90', '80'], '85.00', [null, null]],
    [
      'trimmed mean',
      'trimmed-mean',
      [1, 1],
      ['90', '95', '80', '85', '88'],
      '87.67',
      [null, 'high', 'low', null, null],
    ],
    [
      'trimmed mean with the highest repeated strikes one (the earlier judge)',
      'trimmed-mean',
      [1, 1],
      ['90', '95', '95', '80', '85'],
      '90.00',
      [null, 'high', null, 'low', null],
    ],
    [
      'trimmed mean of equal totals strikes exactly two',
      'trimmed-mean',
      [1, 1],
      ['90', '90', '90', '90'],
      '90.00',
      ['high', 'low', null, null],
    ],
    [
      'trimmed mean dropping two highest, one lowest',
      'trimmed-mean',
      [2, 1],
      ['90', '95', '95', '80', '85', '80'],
      '85.00',
      [null, 'high', 'high', 'low', null, null],
    ],
    [
      'trimmed mean with no drops is the mean',
      'trimmed-mean',
      [0, 0],
      ['88.1', '88.1', '88.1', '88.2'],
      '88.13',
      [null, null, null, null],
    ],
    ['median of an odd count', 'median', [0, 0], ['85', '90', '88'], '88.00', [null, null, null]],
    [
      'median of an even count is the mean of the middle two',
      'median',
      [0, 0],
      ['85', '90', '88', '86.25'],
      '87.13',
      [null, null, null, null],
    ],
    ['sum', 'sum', [0, 0], ['9.5', '9', '8.5'], '27.00', [null, null, null]],
    [
      'trimmed sum (diving style)',
      'trimmed-sum',
      [1, 1],
      ['9.5', '9', '8.5', '7', '9'],
      '26.50',
      ['high', null, null, 'low', null],
    ],
  ])('%s', (_label, method, [dropHighest, dropLowest], totals, final, dropped) => {
    const result = scoreParticipant(rules(method, [dropHighest, dropLowest]), panel(totals.length), entrant(1, totals));
    expect(result.final).toBe(final);
    expect(result.judgeTotals.map((t) => t.dropped)).toEqual(dropped);
  });

  it.each<[AggregationMethod, [number, number], number]>([
    ['trimmed-mean', [1, 1], 2],
    ['trimmed-sum', [2, 1], 3],
    ['mean', [0, 0], 0],
  ])('%s with drops %j keeps nothing from %i values', (method, [dropHighest, dropLowest], count) => {
    expect(
      aggregateValues(
        Array.from({ length: count }, () => 9000),
        { method, dropHighest, dropLowest },
      ),
    ).toBeNull();
  });
});

describe('decimals and deductions', () => {
  it.each<[string, number | undefined, string[], string | undefined, string]>([
    ['default 2 places', undefined, ['88.1', '88.1', '88.1', '88.2'], undefined, '88.13'],
    ['0 places', 0, ['88.5', '88.5'], undefined, '89'],
    ['1 place', 1, ['88.1', '88.1', '88.1', '88.2'], undefined, '88.1'],
    ['3 places', 3, ['88.1', '88.1', '88.1', '88.2'], undefined, '88.125'],
    ['overtime 0.5 off the exact mean', 2, ['88.1', '88.1', '88.1', '88.2'], '0.5', '87.63'],
    ['the deduction comes off before rounding', 1, ['88.1', '88.1', '88.1', '88.2'], '0.05', '88.1'],
    ['a whole point off with 0 places', 0, ['88.5', '88.5'], '1', '88'],
  ])('%s', (_label, decimals, totals, deduction, final) => {
    const participant = entrant(1, totals, deduction === undefined ? {} : { deduction: h(deduction) });
    const result = scoreParticipant(
      rules('mean', [0, 0], decimals === undefined ? {} : { decimals }),
      panel(totals.length),
      participant,
    );
    expect(result.final).toBe(final);
  });
});

describe('judge conflicts (回避) and missing scores', () => {
  it.each<
    [string, Rules, number, (string | null)[], number[], boolean, ResultStatus, string | null, (DroppedSide | null)[]]
  >([
    [
      'a recused judge, trimming still possible over four',
      rules('trimmed-mean', [1, 1]),
      5,
      ['90', '95', null, '80', '86'],
      [3],
      false,
      'final',
      '88.00',
      [null, 'high', null, 'low', null],
    ],
    [
      'a recused judge leaves too few to trim',
      rules('trimmed-mean', [1, 1]),
      3,
      ['90', null, '80'],
      [2],
      false,
      'too-few-scores',
      null,
      [null, null, null],
    ],
    [
      "a recused judge's sheet is not counted",
      rules('mean'),
      3,
      ['90', '60', '80'],
      [2],
      false,
      'final',
      '85.00',
      [null, null, null],
    ],
    [
      'sums count a recused judge as the mean of the others',
      rules('sum'),
      3,
      ['90', null, '80'],
      [2],
      false,
      'final',
      '255.00',
      [null, null, null],
    ],
    [
      'trimmed sum over a short panel keeps as many places as a full one',
      rules('trimmed-sum', [1, 1]),
      5,
      ['9', '9.5', null, '7', '8'],
      [3],
      false,
      'final',
      '25.50',
      [null, 'high', null, 'low', null],
    ],
    ['every judge recused', rules('mean'), 2, [null, null], [1, 2], false, 'too-few-scores', null, [null, null]],
    [
      'a judge still to score',
      rules('trimmed-mean', [1, 1]),
      4,
      ['90', null, '80', '85'],
      [],
      false,
      'missing-scores',
      null,
      [null, null, null, null],
    ],
    [
      'a judge still to score, aggregating what exists',
      rules('trimmed-mean', [1, 1]),
      4,
      ['90', null, '80', '85'],
      [],
      true,
      'final',
      '85.00',
      ['high', null, 'low', null],
    ],
    [
      'aggregating what exists still needs more than the drops',
      rules('trimmed-mean', [1, 1]),
      4,
      ['90', null, '80', null],
      [],
      true,
      'missing-scores',
      null,
      [null, null, null, null],
    ],
    ['nobody has scored yet', rules('mean'), 3, [null, null, null], [], true, 'unscored', null, [null, null, null]],
  ])('%s', (_label, theRules, judges, totals, recusedJudgeIds, aggregatePresent, status, final, dropped) => {
    const result = scoreParticipant(theRules, panel(judges), entrant(1, totals, { recusedJudgeIds }), {
      aggregatePresent,
    });
    expect(result.status).toBe(status);
    expect(result.final).toBe(final);
    expect(result.judgeTotals.map((t) => t.dropped)).toEqual(dropped);
    expect(result.judgeTotals.filter((t) => t.recused).map((t) => t.judgeId)).toEqual(recusedJudgeIds);
  });

  it('shows the totals of the judges who scored, and none for a recused one', () => {
    const result = scoreParticipant(rules('mean'), panel(3), entrant(1, ['90', '60', '80'], { recusedJudgeIds: [2] }));
    expect(result.judgeTotals.map((t) => (t.total === null ? null : formatHundredths(t.total)))).toEqual([
      '90.00',
      null,
      '80.00',
    ]);
  });

  it('refuses a sheet from a judge who is not on the panel', () => {
    expect(() => scoreParticipant(rules('mean'), panel(2), entrant(1, ['90', '80', '70']))).toThrow(RangeError);
  });
});

describe('weighted judge groups', () => {
  const proAndPublic = (
    weights: [number, number],
    method: AggregationMethod = 'mean',
    drops: [number, number] = [0, 0],
  ): Rules =>
    rules(method, drops, {
      groups: [
        { key: '专业评委', weight: weights[0], judgeIds: [1, 2, 3] },
        { key: '大众评委', weight: weights[1], judgeIds: [4, 5] },
      ],
    });

  it.each<[string, Rules, (string | null)[], string]>([
    // Float: 0.7 × 80 + 0.3 × 80.35 → 80.10.
    [
      '70/30 of means 80 and 80.35 is exactly 80.105',
      proAndPublic([70, 30]),
      ['80.1', '79.9', '80', '80.3', '80.4'],
      '80.11',
    ],
    ['weights 0.7/0.3 mean the same', proAndPublic([0.7, 0.3]), ['80.1', '79.9', '80', '80.3', '80.4'], '80.11'],
    [
      '70/30 of means 88.1 and 90.005 is 88.6715',
      proAndPublic([70, 30]),
      ['88', '88.1', '88.2', '90', '90.01'],
      '88.67',
    ],
  ])('%s', (_label, theRules, totals, final) => {
    expect(scoreParticipant(theRules, panel(5), entrant(1, totals)).final).toBe(final);
  });

  it('trims within each group', () => {
    const theRules = rules('trimmed-mean', [1, 1], {
      groups: [
        { key: '专业评委', weight: 70, judgeIds: [1, 2, 3, 4] },
        { key: '大众评委', weight: 30, judgeIds: [5, 6, 7] },
      ],
    });
    // Professional: drop 95 and 70, mean of 90, 80 = 85; public: drop 99 and 60, keep 75; 0.7×85 + 0.3×75 = 82.
    const result = scoreParticipant(theRules, panel(7), entrant(1, ['90', '95', '70', '80', '99', '60', '75']));
    expect(result.final).toBe('82.00');
    expect(result.judgeTotals.map((t) => t.dropped)).toEqual([null, 'high', 'low', null, 'high', 'low', null]);
  });

  it('a group left without scores leaves the participant incomplete, even aggregating what exists', () => {
    const result = scoreParticipant(proAndPublic([70, 30]), panel(5), entrant(1, ['90', '90', '90', null, null]), {
      aggregatePresent: true,
    });
    expect(result.status).toBe('missing-scores');
    expect(result.final).toBeNull();
  });

  it.each<[string, JudgeGroup[]]>([
    ['a judge in no group', [{ key: 'a', weight: 1, judgeIds: [1] }]],
    [
      'a judge in two groups',
      [
        { key: 'a', weight: 1, judgeIds: [1, 2] },
        { key: 'b', weight: 1, judgeIds: [2] },
      ],
    ],
    ['a zero weight', [{ key: 'a', weight: 0, judgeIds: [1, 2] }]],
  ])('refuses %s', (_label, groups) => {
    expect(() => scoreParticipant(rules('mean', [0, 0], { groups }), panel(2), entrant(1, ['90', '80']))).toThrow(
      RangeError,
    );
  });
});

describe('ranking', () => {
  type Expected = [participantId: number, rank: number | null, final: string | null, tieBrokenBy: TieBreakRule | null];
  const view = (rows: ReturnType<typeof rankParticipants>): Expected[] =>
    rows.map((r) => [r.participantId, r.rank, r.final, r.tieBrokenBy]);

  it.each<[string, Rules, number, ParticipantScores[], Expected[]]>([
    [
      'ties share a rank and the next one skips (1, 2, 2, 4)',
      rules('mean'),
      2,
      [entrant(1, ['90', '90']), entrant(2, ['85', '86']), entrant(3, ['86', '85']), entrant(4, ['80', '80'])],
      [
        [1, 1, '90.00', null],
        [2, 2, '85.50', null],
        [3, 2, '85.50', null],
        [4, 4, '80.00', null],
      ],
    ],
    [
      'ranked by the final people see, not the unrounded one',
      rules('mean'),
      4,
      [entrant(1, ['88.1', '88.1', '88.1', '88.2']), entrant(2, ['88.13', '88.13', '88.13', '88.13'])],
      [
        [1, 1, '88.13', null],
        [2, 1, '88.13', null],
      ],
    ],
    [
      'the unrounded final breaks the tie',
      rules('mean', [0, 0], { tieBreak: ['unrounded'] }),
      4,
      [entrant(1, ['88.1', '88.1', '88.1', '88.2']), entrant(2, ['88.13', '88.13', '88.13', '88.13'])],
      [
        [2, 1, '88.13', 'unrounded'],
        [1, 2, '88.13', 'unrounded'],
      ],
    ],
    [
      'the raw mean over all judges breaks what the trimmed mean ties',
      rules('trimmed-mean', [1, 1], { tieBreak: ['unrounded', 'raw-mean'] }),
      5,
      [
        entrant(1, ['95', '85', '85', '85', '70']),
        entrant(2, ['90', '85', '85', '85', '80']),
        entrant(3, ['70', '70', '70', '70', '70']),
      ],
      [
        [2, 1, '85.00', 'raw-mean'],
        [1, 2, '85.00', 'raw-mean'],
        [3, 3, '70.00', null],
      ],
    ],
    [
      'a chain that cannot separate leaves the tie',
      rules('mean', [0, 0], { tieBreak: ['unrounded', 'raw-mean'] }),
      2,
      [entrant(1, ['80', '90']), entrant(2, ['90', '80']), entrant(3, ['70', '70'])],
      [
        [1, 1, '85.00', null],
        [2, 1, '85.00', null],
        [3, 3, '70.00', null],
      ],
    ],
    [
      'three on one final: the chain separates the first, the other two stay tied',
      rules('mean', [0, 0], { tieBreak: ['unrounded'] }),
      4,
      [
        entrant(1, ['88.1', '88.1', '88.1', '88.2']),
        entrant(2, ['88.13', '88.13', '88.13', '88.13']),
        entrant(3, ['88.2', '88.1', '88.1', '88.1']),
      ],
      [
        [2, 1, '88.13', 'unrounded'],
        [1, 2, '88.13', 'unrounded'],
        [3, 2, '88.13', null],
      ],
    ],
    [
      'participants without a final follow, unranked, in the order given',
      rules('trimmed-mean', [1, 1]),
      3,
      [
        entrant(1, [null, null, null]),
        entrant(2, ['80', '82', '84']),
        entrant(3, ['90', null, '80'], { recusedJudgeIds: [2] }),
        entrant(4, ['90', '91', null]),
        entrant(5, ['88', '86', '87']),
      ],
      [
        [5, 1, '87.00', null],
        [2, 2, '82.00', null],
        [1, null, null, null],
        [3, null, null, null],
        [4, null, null, null],
      ],
    ],
    [
      'a deduction can change the order',
      rules('mean'),
      2,
      [entrant(1, ['90', '90'], { deduction: h('1.5') }), entrant(2, ['89', '89'])],
      [
        [2, 1, '89.00', null],
        [1, 2, '88.50', null],
      ],
    ],
  ])('%s', (_label, theRules, judges, participants, expected) => {
    expect(view(rankParticipants(theRules, panel(judges), participants))).toEqual(expected);
  });

  it('a criterion breaks the tie, aggregated like the totals', () => {
    const twoLines: Criterion[] = [
      { key: 'content', name: '内容', max: 60, step: 0.5 },
      { key: 'delivery', name: '表达', max: 40, step: 0.5 },
    ];
    const sheet = (judgeId: number, content: string, delivery: string) => ({
      judgeId,
      scores: { content: h(content), delivery: h(delivery) },
    });
    const theRules: Rules = {
      criteria: twoLines,
      aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
      tieBreak: ['unrounded', 'raw-mean', 'criterion:content'],
    };
    // Same totals from every judge (90, 85, 80): equal finals and raw means; content trimmed-mean 50 vs 52.
    const a: ParticipantScores = {
      participantId: 1,
      sheets: [sheet(1, '50', '40'), sheet(2, '50', '35'), sheet(3, '50', '30')],
    };
    const b: ParticipantScores = {
      participantId: 2,
      sheets: [sheet(1, '60', '30'), sheet(2, '52', '33'), sheet(3, '40', '40')],
    };
    expect(view(rankParticipants(theRules, panel(3), [a, b]))).toEqual([
      [2, 1, '85.00', 'criterion:content'],
      [1, 2, '85.00', 'criterion:content'],
    ]);
  });
});

describe('awards', () => {
  const tiers: AwardTier[] = [
    { name: '一等奖', count: 1 },
    { name: '二等奖', count: 2 },
    { name: '三等奖', count: 3 },
    { name: '优秀奖', count: null },
  ];
  type Award = [award: string | null, tiedAward: boolean];

  it.each<[string, (number | null)[], AwardTier[], Award[]]>([
    [
      'no ties',
      [1, 2, 3, 4, 5, 6, 7, 8],
      tiers,
      [
        ['一等奖', false],
        ['二等奖', false],
        ['二等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        ['优秀奖', false],
        ['优秀奖', false],
      ],
    ],
    [
      'two tied for first both get 一等奖 (并列) and 二等奖 keeps one place',
      [1, 1, 3, 4, 5, 6, 7, 8],
      tiers,
      [
        ['一等奖', true],
        ['一等奖', true],
        ['二等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        ['优秀奖', false],
        ['优秀奖', false],
      ],
    ],
    [
      'a tie across the 二等奖/三等奖 boundary takes 二等奖 and 三等奖 loses the place',
      [1, 2, 3, 3, 5, 6, 7, 8],
      tiers,
      [
        ['一等奖', false],
        ['二等奖', false],
        ['二等奖', true],
        ['二等奖', true],
        ['三等奖', false],
        ['三等奖', false],
        ['优秀奖', false],
        ['优秀奖', false],
      ],
    ],
    [
      'a tie inside one tier is not a boundary question',
      [1, 2, 2, 4],
      tiers,
      [
        ['一等奖', false],
        ['二等奖', false],
        ['二等奖', false],
        ['三等奖', false],
      ],
    ],
    [
      'a tie wider than the next tier swallows it',
      [1, 1, 1, 4],
      tiers.slice(0, 3),
      [
        ['一等奖', true],
        ['一等奖', true],
        ['一等奖', true],
        ['三等奖', false],
      ],
    ],
    [
      'without an everyone-else tier the rest get nothing; unranked never do',
      [1, 2, 3, 4, 5, 6, 7, null],
      tiers.slice(0, 3),
      [
        ['一等奖', false],
        ['二等奖', false],
        ['二等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        ['三等奖', false],
        [null, false],
        [null, false],
      ],
    ],
  ])('%s', (_label, ranks, theTiers, expected) => {
    const awarded = assignAwards(
      ranks.map((rank) => ({ rank })),
      theTiers,
    );
    expect(awarded.map((a): Award => [a.award, a.tiedAward])).toEqual(expected);
  });

  it('keeps the ranking row it was given', () => {
    const rows = rankParticipants(rules('mean'), panel(1), [entrant(7, ['90']), entrant(8, ['80'])]);
    expect(assignAwards(rows, tiers).map((r) => [r.participantId, r.final, r.award])).toEqual([
      [7, '90.00', '一等奖'],
      [8, '80.00', '二等奖'],
    ]);
  });

  it.each<[string, AwardTier[]]>([
    [
      'an everyone-else tier that is not last',
      [
        { name: '优秀奖', count: null },
        { name: '一等奖', count: 1 },
      ],
    ],
    ['a negative count', [{ name: '一等奖', count: -1 }]],
    ['a fractional count', [{ name: '一等奖', count: 1.5 }]],
  ])('refuses %s', (_label, theTiers) => {
    expect(() => assignAwards([{ rank: 1 }], theTiers)).toThrow(RangeError);
  });
});

describe('rulesProblems', () => {
  it.each<[string, Partial<Rules>, RulesProblem[]]>([
    ['good rules', { tieBreak: ['unrounded', 'raw-mean', 'criterion:content'] }, []],
    ['no criteria', { criteria: [] }, [{ field: 'criteria', code: 'no-criteria' }]],
    [
      'a repeated key',
      { criteria: [...speechRubric, { key: 'time', name: '时间', max: 5, step: 1 }] },
      [{ field: 'criteria.4.key', code: 'duplicate-key' }],
    ],
    [
      'a max off its step',
      { criteria: [{ key: 'x', name: 'x', max: 9.95, step: 0.1 }] },
      [{ field: 'criteria.0.max', code: 'bad-max' }],
    ],
    [
      'a max of 0',
      { criteria: [{ key: 'x', name: 'x', max: 0, step: 1 }] },
      [{ field: 'criteria.0.max', code: 'bad-max' }],
    ],
    [
      'negative and fractional drops',
      { aggregation: { method: 'trimmed-mean', dropHighest: -1, dropLowest: 0.5 } },
      [
        { field: 'aggregation.dropHighest', code: 'bad-drop' },
        { field: 'aggregation.dropLowest', code: 'bad-drop' },
      ],
    ],
    ['7 decimals', { decimals: 7 }, [{ field: 'decimals', code: 'bad-decimals' }]],
    [
      'a tie-break on an unknown criterion',
      { tieBreak: ['criterion:voice'] },
      [{ field: 'tieBreak.0', code: 'unknown-criterion' }],
    ],
    [
      'bad groups',
      {
        groups: [
          { key: 'a', weight: 0, judgeIds: [1, 2] },
          { key: 'b', weight: 30, judgeIds: [2] },
          { key: 'c', weight: 10, judgeIds: [] },
        ],
      },
      [
        { field: 'groups.0.weight', code: 'bad-weight' },
        { field: 'groups.1.judgeIds', code: 'duplicate-judge' },
        { field: 'groups.2.judgeIds', code: 'empty-group' },
      ],
    ],
  ])('%s', (_label, change, problems) => {
    const base: Rules = {
      criteria: speechRubric,
      aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
    };
    expect(rulesProblems({ ...base, ...change })).toEqual(problems);
  });
});

describe('parseTieBreakRule', () => {
  it.each<[string, TieBreakRule | null]>([
    ['unrounded', 'unrounded'],
    ['raw-mean', 'raw-mean'],
    ['criterion:content', 'criterion:content'],
    ['criterion:', null],
    ['mean', null],
  ])('%s → %s', (text, rule) => {
    expect(parseTieBreakRule(text)).toBe(rule);
  });
});

describe('the group a judge counts in', () => {
  it('is their own when the rubric knows it, else the first group, and none without groups', () => {
    expect(judgeGroupKey('g2', ['g1', 'g2'])).toBe('g2');
    expect(judgeGroupKey(null, ['g1', 'g2'])).toBe('g1');
    expect(judgeGroupKey('gone', ['g1', 'g2'])).toBe('g1');
    expect(judgeGroupKey('g1', [])).toBeUndefined();
  });
});
