import { describe, expect, it } from 'vitest';
import {
  checkinStatus,
  clockTime,
  completes,
  defaultCompletionRule,
  defaultHoursTenths,
  hoursToTenths,
  isHeld,
  sessionCounts,
  traineeAttendance,
  type AttendanceStatus,
  type HeldSession,
} from '../../shared/domain/attendance';

const nine = Date.parse('2026-03-02T09:00:00+08:00');
const minutes = (n: number) => nine + n * 60_000;

describe('status of a check-in', () => {
  it.each([
    ['an hour early', -60, 10, 'present'],
    ['on the dot', 0, 10, 'present'],
    ['at start + grace', 10, 10, 'present'],
    ['a minute after the grace', 11, 10, 'late'],
    ['with no grace, a second late', 1 / 60, 0, 'late'],
    ['with 15 minutes grace, at 09:14', 14, 15, 'present'],
  ] as const)('%s → %s', (_what, at, grace, expected) => {
    expect(checkinStatus(nine, grace, minutes(at))).toBe(expected);
  });
});

describe('held sessions and credit hours', () => {
  it.each([
    [-1, false],
    [0, true],
    [90, true],
  ])('a session starting at 09:00 is held at +%i min: %s', (offset, held) => {
    expect(isHeld(nine, minutes(offset))).toBe(held);
  });

  it.each([
    [180, 30],
    [90, 15],
    [100, 17], // 1.666… h → 1.7
    [105, 18], // 1.75 h → 1.8 (half up)
    [3, 1], // 0.05 h → 0.1
    [2, 0],
  ])('%i minutes give %i tenths of an hour', (length, tenths) => {
    expect(defaultHoursTenths(nine, minutes(length))).toBe(tenths);
  });

  it.each([
    [3, 30],
    [2.5, 25],
    [1.25, 13],
    [1.24, 12],
    [0, 0],
  ])('%f hours as typed are %i tenths', (hours, tenths) => {
    expect(hoursToTenths(hours)).toBe(tenths);
  });
});

const s = (status: AttendanceStatus | null, hoursTenths = 30): HeldSession => ({ status, hoursTenths });

describe('a trainee over the held sessions', () => {
  it.each([
    ['4 of 5 attended', [s('present'), s('late'), s('early'), s('present'), s('absent')], 'missed', 4, '80.0', '12.0'],
    ['2 of 3: 66.666… rounds to 66.7', [s('present'), s('present'), s(null)], 'missed', 2, '66.7', '6.0'],
    ['1 of 3: 33.333… rounds to 33.3', [s('late'), s('absent'), s('absent')], 'missed', 1, '33.3', '3.0'],
    ['1 of 8: 12.5 exactly', [s('present'), ...Array.from({ length: 7 }, () => s(null))], 'missed', 1, '12.5', '3.0'],
    ['leave counts as missed', [s('present'), s('present'), s('present'), s('leave')], 'missed', 3, '75.0', '9.0'],
    [
      'excused leave leaves the denominator',
      [s('present'), s('present'), s('present'), s('leave')],
      'excused',
      3,
      '100.0',
      '9.0',
    ],
    ['nothing held yet', [], 'missed', 0, '0.0', '0.0'],
    ['only leave, excused', [s('leave')], 'excused', 0, '0.0', '0.0'],
    [
      'hours add the attended sessions only',
      [s('present', 15), s('absent', 30), s('late', 25)],
      'missed',
      2,
      '66.7',
      '4.0',
    ],
  ] as const)('%s', (_what, held, leave, attended, rate, hours) => {
    const figures = traineeAttendance(held, leave);
    expect(figures.attended).toBe(attended);
    expect(figures.rate).toBe(rate);
    expect(figures.hours).toBe(hours);
  });

  it('counts leave apart', () => {
    expect(traineeAttendance([s('leave'), s('leave'), s('present')], 'missed').leave).toBe(2);
  });

  // A float division gives 99.49999… here on some paths; the exact fraction rounds half up to 99.5.
  it('199 of 200 is 99.5, not 99.4', () => {
    const held = [...Array.from({ length: 199 }, () => s('present')), s('absent')];
    expect(traineeAttendance(held, 'missed').rate).toBe('99.5');
  });
});

describe('completion', () => {
  const figures = (rate: string, hoursTenths = 0) => ({
    attended: 0,
    leave: 0,
    counted: 0,
    rate,
    hours: '',
    hoursTenths,
  });
  it.each([
    ['80.0 meets the default 80', '80.0', {}, undefined, true],
    ['79.9 does not', '79.9', {}, undefined, false],
    ['66.7 meets 66.7', '66.7', { minRate: 66.7 }, undefined, true],
    ['66.6 does not meet 66.7', '66.6', { minRate: 66.7 }, undefined, false],
    ['hours short of the minimum', '100.0', { minHours: 24 }, undefined, false],
    ['hours at the minimum', '100.0', { minHours: 3 }, undefined, true],
    ['an override to complete wins', '10.0', {}, true, true],
    ['an override not to complete wins', '100.0', {}, false, false],
  ] as const)('%s', (_what, rate, rule, override, expected) => {
    expect(completes(figures(rate, 30), { ...defaultCompletionRule, ...rule }, override)).toBe(expected);
  });
});

describe('counts of a session', () => {
  it('counts present (with early leavers), late and leave out of everyone expected', () => {
    expect(sessionCounts(40, ['present', 'present', 'early', 'late', 'leave', 'absent', null])).toEqual({
      expected: 40,
      present: 3,
      late: 1,
      leave: 1,
    });
  });
});

describe('wall-clock time of a check-in', () => {
  const at = Date.parse('2026-03-02T01:05:00Z');
  it.each([
    ['in the schedule offset +08:00', '2026-03-02T09:00:00+08:00', 0, '09:05'],
    ['in UTC', '2026-03-02T09:00:00Z', 480, '01:05'],
    ['without an offset: the host local offset', '2026-03-02T09:00:00', 480, '09:05'],
    ['a negative offset', '2026-03-01T20:00:00-05:00', 0, '20:05'],
  ])('%s', (_what, schedule, local, expected) => {
    expect(clockTime(at, schedule, local)).toBe(expected);
  });
});
