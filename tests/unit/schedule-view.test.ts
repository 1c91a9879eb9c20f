import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/api/training';
import { choicesOf, matchesFilter, missingByGroup } from '../../renderer/console/training/roster';
import {
  blankDraft,
  checkDraft,
  defaultHours,
  draftFieldOf,
  draftOf,
  editDraft,
  scheduleDays,
  sessionAtOrNext,
  sessionInput,
} from '../../renderer/console/training/schedule';
import { wallClock } from '../../shared/domain/sessionTime';
import { sessionRecord } from '../support/sessions';

function session(id: number, startsAt: string, endsAt: string, extra: Partial<Session> = {}): Session {
  const hours = defaultHours(wallClock(startsAt).time, wallClock(endsAt).time);
  return sessionRecord(id, startsAt, endsAt, { hours, ...extra });
}

describe('scheduleDays', () => {
  it('groups sessions by day and 上午/下午/晚上, in time order, whatever order they came in', () => {
    const sessions = [
      session(4, '2024-09-10T09:00:00', '2024-09-10T11:30:00'),
      session(3, '2024-09-09T19:00:00', '2024-09-09T21:00:00'),
      session(2, '2024-09-09T14:30:00', '2024-09-09T17:00:00'),
      session(1, '2024-09-09T08:30:00', '2024-09-09T09:00:00'),
      session(5, '2024-09-09T09:30:00', '2024-09-09T11:30:00'),
    ];
    const days = scheduleDays(sessions).map((d) => ({
      date: d.date,
      parts: d.parts.map((p) => [p.period, p.sessions.map((s) => s.id)]),
    }));
    expect(days).toEqual([
      {
        date: '2024-09-09',
        parts: [
          ['morning', [1, 5]],
          ['afternoon', [2]],
          ['evening', [3]],
        ],
      },
      { date: '2024-09-10', parts: [['morning', [4]]] },
    ]);
  });

  it.each([
    ['11:59', 'morning'],
    ['12:00', 'afternoon'],
    ['17:59', 'afternoon'],
    ['18:00', 'evening'],
  ] as const)('puts a session starting at %s in the %s', (time, period) => {
    const [day] = scheduleDays([session(1, `2024-09-09T${time}:00`, '2024-09-09T23:00:00')]);
    expect(day?.parts.map((p) => p.period)).toEqual([period]);
  });

  it('has no days without sessions', () => {
    expect(scheduleDays([])).toEqual([]);
  });
});

describe('the session form', () => {
  it.each([
    ['09:00', '11:30', '2.5'],
    ['09:00', '10:00', '1.0'],
    ['14:00', '14:45', '0.8'],
    ['08:00', '08:03', '0.1'],
    ['08:00', '08:02', '0.0'],
    ['10:00', '10:00', ''],
    ['11:00', '10:00', ''],
    ['9:00', '10:00', ''],
  ])('%s–%s gives %s credit hours by default', (start, end, hours) => {
    expect(defaultHours(start, end)).toBe(hours);
  });

  it('lets the hours follow the times until the organiser types them', () => {
    let draft = blankDraft('2024-09-09');
    expect(draft.hours).toBe('2.5');
    draft = editDraft(draft, 'end', '12:00');
    expect(draft.hours).toBe('3.0');
    draft = editDraft(draft, 'hours', '2');
    draft = editDraft(draft, 'start', '10:00');
    expect(draft.hours).toBe('2');
    // Clearing the hours hands them back to the times.
    draft = editDraft(editDraft(draft, 'hours', ''), 'start', '11:00');
    expect(draft.hours).toBe('1.0');
  });

  it.each([
    [{}, {}],
    [{ title: '  ' }, { title: 'required' }],
    [{ date: '' }, { date: 'required' }],
    [{ start: '25:00' }, { start: 'time' }],
    [{ end: '' }, { end: 'time' }],
    [{ end: '09:00' }, { end: 'timeOrder' }],
    [{ end: '08:00' }, { end: 'timeOrder' }],
    [{ hours: 'two' }, { hours: 'hours' }],
    [{ hours: '25' }, { hours: 'hours' }],
    [{ hours: '' }, {}],
  ])('checks %o as %o', (change, problems) => {
    const draft = { ...blankDraft('2024-09-09'), title: '社区工作者职业素养', ...change };
    expect(checkDraft(draft)).toEqual(problems);
  });

  it('sends wall-clock times and leaves empty optional fields out', () => {
    const draft = { ...blankDraft('2024-09-09'), title: ' 开班式 ', kind: 'opening' as const, venueId: '3' };
    expect(sessionInput(draft)).toEqual({
      title: '开班式',
      kind: 'opening',
      startsAt: '2024-09-09T09:00:00',
      endsAt: '2024-09-09T11:30:00',
      teacher: undefined,
      teacherTitle: undefined,
      location: undefined,
      venueId: 3,
      hours: 2.5,
    });
  });

  it('fills the form from a session and keeps hours someone set', () => {
    const own = draftOf(session(1, '2024-09-09T14:00:00', '2024-09-09T17:00:00', { venueId: 2, hours: '2.0' }));
    expect(own).toMatchObject({ date: '2024-09-09', start: '14:00', end: '17:00', venueId: '2', hoursTyped: true });
    const plain = draftOf(session(1, '2024-09-09T14:00:00', '2024-09-09T17:00:00'));
    expect(plain).toMatchObject({ hours: '3.0', hoursTyped: false, venueId: '' });
  });

  it.each([
    ['body.endsAt', 'end'],
    ['startsAt', 'start'],
    ['venueId', 'venueId'],
    ['title', 'title'],
    [undefined, null],
    ['criteria', null],
  ])('places a refusal naming %s beside %s', (field, expected) => {
    expect(draftFieldOf(field)).toBe(expected);
  });
});

describe('sessionAtOrNext', () => {
  const day = [
    session(1, '2024-09-09T09:00:00', '2024-09-09T11:30:00'),
    session(2, '2024-09-09T14:00:00', '2024-09-09T17:00:00'),
  ];
  it.each([
    ['2024-09-09T08:00:00', 1],
    ['2024-09-09T10:00:00', 1],
    ['2024-09-09T12:00:00', 2],
    ['2024-09-09T16:59:00', 2],
    ['2024-09-10T08:00:00', 2],
  ])('at %s it is session %i', (now, id) => {
    expect(sessionAtOrNext(day, new Date(now))?.id).toBe(id);
  });

  it('is none without sessions', () => {
    expect(sessionAtOrNext([], new Date())).toBeNull();
  });
});

describe('the roster', () => {
  const rows = [
    { name: '甲', group: '第十组', venue: '主会场', status: null },
    { name: '乙', group: '第二组', venue: '分会场', status: 'present' },
    { name: '丙', group: null, venue: null, status: 'absent' },
    { name: '丁', group: '第二组', venue: '主会场', status: null },
    { name: '戊', group: '第二组', venue: '主会场', status: 'leave' },
  ] as const;

  it('lists who is missing by group, no group last', () => {
    expect(missingByGroup(rows).map((g) => [g.group, g.people.map((p) => p.name)])).toEqual([
      ['第二组', ['丁']],
      ['第十组', ['甲']],
      [null, ['丙']],
    ]);
  });

  it('offers each group once, numbers by value (Chinese numbers too: 第四组 before 第十组)', () => {
    expect(choicesOf(['第十组', '第2组', null, '第二组', '第10组', '', '第二组', '第四组'])).toEqual([
      '第2组',
      '第二组',
      '第四组',
      '第10组',
      '第十组',
    ]);
  });

  it.each([
    [{ group: '', venue: '' }, ['甲', '乙', '丙', '丁', '戊']],
    [{ group: '第二组', venue: '' }, ['乙', '丁', '戊']],
    [{ group: '第二组', venue: '主会场' }, ['丁', '戊']],
    [{ group: '', venue: '分会场' }, ['乙']],
  ])('filters the matrix by %o', (filter, names) => {
    expect(rows.filter((r) => matchesFilter(r, filter)).map((r) => r.name)).toEqual(names);
  });
});
