import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../shared/api/contest';
import {
  addCriterion,
  addGroup,
  blankForm,
  chooseMethod,
  formOf,
  knownPath,
  localErrors,
  move,
  presetCriteria,
  tieOptions,
  toRubricInput,
  totalMax,
  withKeys,
  type RubricForm,
} from '../../renderer/console/contest/rubricForm';
import { speechCriteria } from '../support/rubrics';

/** A rubric as the host answers it: the speech criteria, trimmed mean, a timer of 5:00/6:00 with 1 point a minute. */
function savedRubric(change: Partial<Rubric> = {}): Rubric {
  return {
    criteria: speechCriteria(),
    aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
    decimals: 2,
    tieBreak: ['unrounded', 'criterion:content'],
    groups: [
      { key: 'panel', name: '专业评委', weight: 70 },
      { key: 'public', name: '大众评委', weight: 30 },
    ],
    timer: { greenAt: 0, amberAt: 300, redAt: 360, overtimeDeductionPerMinute: 1 },
    ...change,
  };
}

function form(change: Partial<RubricForm> = {}): RubricForm {
  return { ...blankForm(), ...change };
}

describe('rubric form: from the saved rubric and back', () => {
  it('shows a saved rubric as text fields and sends the same rubric back', () => {
    const shown = formOf(savedRubric());
    expect(shown.criteria.map((c) => [c.key, c.name, c.max, c.step])).toEqual([
      ['content', '内容', '40', 0.5],
      ['delivery', '表达', '30', 0.5],
      ['image', '形象', '20', 0.5],
      ['time', '时间', '10', 0.5],
    ]);
    expect([shown.greenAt, shown.amberAt, shown.redAt, shown.overtime]).toEqual(['0:00', '5:00', '6:00', '1']);
    // The host's rubric has exactly the fields of the body, so the round trip gives it back whole.
    expect(toRubricInput(shown)).toEqual(savedRubric());
  });

  it('gives every row its own id, the same each time the same rubric is shown', () => {
    const a = formOf(savedRubric());
    const ids = [...a.criteria, ...a.groups].map((r) => r.rowId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(formOf(savedRubric())).toEqual(a);
    const grown = { ...a, ...addCriterion(a) };
    expect(ids).not.toContain(grown.criteria.at(-1)?.rowId);
  });

  it('leaves the timer out when it is off, and has no timer fields for a rubric without one', () => {
    const shown = formOf(savedRubric({ timer: null }));
    expect(shown.timerOn).toBe(false);
    expect([shown.amberAt, shown.redAt]).toEqual(['', '']);
    expect(toRubricInput(shown)).not.toHaveProperty('timer');
  });
});

describe('rubric form: what the organiser types becomes the body', () => {
  const cases: Array<{
    name: string;
    typed: Partial<RubricForm>;
    part: keyof ReturnType<typeof toRubricInput>;
    want: unknown;
  }> = [
    {
      name: 'a full-width decimal point is read as a point',
      typed: { criteria: [{ rowId: 1, key: 'c1', name: ' 内容 ', max: '9．5', step: 0.5 }] },
      part: 'criteria',
      want: [{ key: 'c1', name: '内容', max: 9.5, step: 0.5 }],
    },
    {
      name: 'a blank maximum is sent as NaN so the host names the field',
      typed: { criteria: [{ rowId: 1, key: 'c1', name: '内容', max: '  ', step: 1 }] },
      part: 'criteria',
      want: [{ key: 'c1', name: '内容', max: Number.NaN, step: 1 }],
    },
    {
      name: 'blank codes become c1, c2… around the codes given',
      typed: {
        criteria: [
          { rowId: 1, key: '', name: 'A', max: '10', step: 1 },
          { rowId: 2, key: 'c1', name: 'B', max: '10', step: 1 },
          { rowId: 3, key: ' ', name: 'C', max: '10', step: 1 },
        ],
      },
      part: 'criteria',
      want: [
        { key: 'c2', name: 'A', max: 10, step: 1 },
        { key: 'c1', name: 'B', max: 10, step: 1 },
        { key: 'c3', name: 'C', max: 10, step: 1 },
      ],
    },
    {
      name: 'blank group codes become g1, g2…',
      typed: {
        groups: [
          { rowId: 2, key: '', name: '专业评委', weight: '70' },
          { rowId: 3, key: '', name: '大众评委', weight: '30' },
        ],
      },
      part: 'groups',
      want: [
        { key: 'g1', name: '专业评委', weight: 70 },
        { key: 'g2', name: '大众评委', weight: 30 },
      ],
    },
    {
      name: 'the drops and decimals are numbers',
      typed: { method: 'trimmed-sum', dropHighest: '2', dropLowest: '1' },
      part: 'aggregation',
      want: { method: 'trimmed-sum', dropHighest: 2, dropLowest: 1 },
    },
    {
      name: 'times are read as m:ss, a full-width colon too',
      typed: { timerOn: true, greenAt: '0', amberAt: '4：30', redAt: '5', overtime: '0.5' },
      part: 'timer',
      want: { greenAt: 0, amberAt: 270, redAt: 300, overtimeDeductionPerMinute: 0.5 },
    },
  ];
  for (const { name, typed, part, want } of cases) {
    it(name, () => {
      expect(toRubricInput(form(typed))[part]).toEqual(want);
    });
  }
});

describe('rubric form: what the page checks itself', () => {
  const cases: Array<{ name: string; typed: Partial<RubricForm>; errors: Record<string, string> }> = [
    { name: 'no timer, nothing to check', typed: { timerOn: false, amberAt: 'soon' }, errors: {} },
    {
      name: 'a timer with good times',
      typed: { timerOn: true, greenAt: '0:00', amberAt: '6:00', redAt: '7' },
      errors: {},
    },
    {
      name: 'each time that is not a time is marked',
      typed: { timerOn: true, greenAt: '', amberAt: '6:75', redAt: 'seven' },
      errors: {
        'timer.greenAt': 'contest.rubric.badClock',
        'timer.amberAt': 'contest.rubric.badClock',
        'timer.redAt': 'contest.rubric.badClock',
      },
    },
  ];
  for (const { name, typed, errors } of cases) {
    it(name, () => {
      expect(localErrors(form(typed))).toEqual(errors);
    });
  }

  const paths: Array<[string, number, boolean]> = [
    ['criteria.0.max', 1, true],
    ['criteria.3.name', 2, false],
    ['criteria', 1, true],
    ['aggregation.dropLowest', 1, true],
    ['tieBreak.2', 1, true],
    ['timer.overtimeDeductionPerMinute', 1, true],
    ['groups.0.weight', 1, false],
    ['title', 1, false],
  ];
  for (const [path, rows, shown] of paths) {
    it(`${path} with ${rows} rows is ${shown ? 'shown at its field' : 'shown above the form'}`, () => {
      expect(knownPath(path, rows)).toBe(shown);
    });
  }
});

describe('rubric form: the changes a click makes', () => {
  const methods: Array<[Partial<RubricForm>, RubricForm['method'], Partial<RubricForm>]> = [
    [
      { dropHighest: '0', dropLowest: '0' },
      'trimmed-mean',
      { method: 'trimmed-mean', dropHighest: '1', dropLowest: '1' },
    ],
    [
      { dropHighest: '0', dropLowest: '0' },
      'trimmed-sum',
      { method: 'trimmed-sum', dropHighest: '1', dropLowest: '1' },
    ],
    [{ dropHighest: '2', dropLowest: '0' }, 'trimmed-mean', { method: 'trimmed-mean' }],
    [{ dropHighest: '0', dropLowest: '0' }, 'median', { method: 'median' }],
  ];
  for (const [typed, method, change] of methods) {
    it(`choosing ${method} with drops ${typed.dropHighest}/${typed.dropLowest}`, () => {
      expect(chooseMethod(form(typed), method)).toEqual(change);
    });
  }

  it('a new criterion takes the step of the last one; new groups are 70 then 30', () => {
    const half = form({ criteria: [{ rowId: 1, key: '', name: '', max: '', step: 0.5 }] });
    expect(addCriterion(half).criteria.at(-1)?.step).toBe(0.5);
    const one = { ...half, ...addGroup(half) };
    expect(one.groups.map((g) => g.weight)).toEqual(['70']);
    expect(addGroup(one).groups.map((g) => g.weight)).toEqual(['70', '30']);
  });

  it('the preset is the four speech criteria, 100 points in half points', () => {
    const preset = presetCriteria(blankForm(), ['内容', '表达', '形象', '时间']);
    expect(preset.map((c) => [c.key, c.name, c.max, c.step])).toEqual([
      ['c1', '内容', '40', 0.5],
      ['c2', '表达', '30', 0.5],
      ['c3', '形象', '20', 0.5],
      ['c4', '时间', '10', 0.5],
    ]);
    expect(totalMax(preset)).toBe('100');
  });

  const totals: Array<[string[], string]> = [
    [['40', '30', '20', '10'], '100'],
    [['33.3', '33.3', '33.4'], '100'],
    [['9.5', '', 'x'], '9.5'],
    [['0.1', '0.2'], '0.3'],
  ];
  for (const [maxima, total] of totals) {
    it(`maxima ${maxima.join(' + ')} add up to ${total}`, () => {
      expect(totalMax(maxima.map((max, i) => ({ rowId: i, key: '', name: '', max, step: 1 })))).toBe(total);
    });
  }

  it('tie-break options are the rules not yet chosen, criteria by their codes', () => {
    const shown = form({
      criteria: [
        { rowId: 1, key: 'content', name: '内容', max: '60', step: 1 },
        { rowId: 2, key: '', name: '表达', max: '40', step: 1 },
      ],
      tieBreak: ['raw-mean'],
    });
    expect(tieOptions(shown)).toEqual(['unrounded', 'criterion:content', 'criterion:c1']);
  });

  const moves: Array<[number, number, string[]]> = [
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ];
  for (const [index, by, want] of moves) {
    it(`moving item ${index} by ${by}`, () => {
      expect(move(['a', 'b', 'c'], index, by)).toEqual(want);
    });
  }

  it('codes given are trimmed and kept', () => {
    expect(withKeys([{ key: ' x ' }, { key: '' }], 'c')).toEqual([{ key: 'x' }, { key: 'c1' }]);
  });
});
