import { describe, expect, it } from 'vitest';
import { changesResults, rubricDiff, type RubricChange, type RubricRules } from '../../shared/domain/rubricDiff';
import { speechCriteria } from '../support/rubrics';

/** The speech rules as stored: 内容 40, 表达 30, 形象 20, 时间 10 in half points, trimmed mean, a 5:00/6:00 timer. */
function rules(change: Partial<RubricRules> = {}): RubricRules {
  return {
    criteria: speechCriteria(),
    aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
    decimals: 2,
    tieBreak: ['unrounded'],
    groups: [],
    timer: { greenAt: 0, amberAt: 300, redAt: 360, overtimeDeductionPerMinute: 1 },
    ...change,
  };
}

const renamed = speechCriteria({ names: { image: '仪态' } });

describe('rubricDiff: what a rules edit changed, and whether results move', () => {
  const cases: Array<[string, RubricRules, RubricChange[], boolean]> = [
    ['nothing changed', rules(), [], false],
    ['decimals', rules({ decimals: 1 }), [{ field: 'decimals', before: 2, after: 1 }], true],
    [
      'a maximum, named by the criterion',
      rules({ criteria: renamed.map((c) => (c.key === 'image' ? { ...c, max: 15 } : c)) }),
      [
        { field: 'criterion.name', item: '仪态', before: '形象', after: '仪态' },
        { field: 'criterion.max', item: '仪态', before: 20, after: 15 },
      ],
      true,
    ],
    [
      'a rename only',
      rules({ criteria: renamed }),
      [{ field: 'criterion.name', item: '仪态', before: '形象', after: '仪态' }],
      false,
    ],
    [
      'a step',
      rules({ criteria: speechCriteria({ steps: { time: 1 } }) }),
      [{ field: 'criterion.step', item: '时间', before: 0.5, after: 1 }],
      true,
    ],
    [
      'a criterion added and one removed (a new code is a new criterion)',
      rules({
        criteria: [...speechCriteria().filter((c) => c.key !== 'time'), { key: 'c5', name: '创新', max: 10, step: 1 }],
      }),
      [
        { field: 'criterion.removed', item: '时间', before: 10, after: null },
        { field: 'criterion.added', item: '创新', before: null, after: 10 },
      ],
      true,
    ],
    [
      'the lines shown in another order',
      rules({ criteria: [...speechCriteria()].reverse() }),
      [
        {
          field: 'criteria.order',
          before: ['内容', '表达', '形象', '时间'],
          after: ['时间', '形象', '表达', '内容'],
        },
      ],
      false,
    ],
    [
      'how totals are combined',
      rules({ aggregation: { method: 'mean', dropHighest: 0, dropLowest: 0 } }),
      [
        { field: 'aggregation.method', before: 'trimmed-mean', after: 'mean' },
        { field: 'aggregation.dropHighest', before: 1, after: 0 },
        { field: 'aggregation.dropLowest', before: 1, after: 0 },
      ],
      true,
    ],
    [
      'the tie-break chain',
      rules({ tieBreak: ['unrounded', 'criterion:content'] }),
      [{ field: 'tieBreak', before: ['unrounded'], after: ['unrounded', 'criterion:content'] }],
      true,
    ],
    [
      'a judge group weight, and a group renamed',
      rules({
        groups: [
          { key: 'g1', name: '专家评委', weight: 60 },
          { key: 'g2', name: '大众评委', weight: 40 },
        ],
      }),
      [
        { field: 'group.name', item: '专家评委', before: '专业评委', after: '专家评委' },
        { field: 'group.weight', item: '专家评委', before: 70, after: 60 },
        { field: 'group.weight', item: '大众评委', before: 30, after: 40 },
      ],
      true,
    ],
    [
      'the timer limits',
      rules({ timer: { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0.5 } }),
      [
        { field: 'timer.amberAt', before: 300, after: 240 },
        { field: 'timer.redAt', before: 360, after: 300 },
        { field: 'timer.overtimeDeductionPerMinute', before: 1, after: 0.5 },
      ],
      false,
    ],
    ['the timer switched off', rules({ timer: null }), [{ field: 'timer', before: true, after: false }], false],
  ];
  const panel = rules({
    groups: [
      { key: 'g1', name: '专业评委', weight: 70 },
      { key: 'g2', name: '大众评委', weight: 30 },
    ],
  });
  for (const [name, after, expected, moves] of cases) {
    it(name, () => {
      // The group case starts from a panel with groups; every other from the plain speech rules.
      const before = after.groups.length ? panel : rules();
      const changes = rubricDiff(before, after);
      expect(changes).toEqual(expected);
      expect(changes.some(changesResults)).toBe(moves);
    });
  }

  it('the first rules set: every criterion added, every rule from nothing', () => {
    const changes = rubricDiff(null, rules({ timer: null, tieBreak: [] }));
    expect(changes.filter((c) => c.field === 'criterion.added').map((c) => [c.item, c.after])).toEqual([
      ['内容', 40],
      ['表达', 30],
      ['形象', 20],
      ['时间', 10],
    ]);
    expect(changes).toContainEqual({ field: 'decimals', before: null, after: 2 });
    expect(changes.some((c) => c.field.startsWith('timer') || c.field === 'tieBreak')).toBe(false);
  });
});
