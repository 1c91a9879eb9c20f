import { describe, it, expect } from 'vitest';
import {
  add,
  compare,
  divide,
  formatHundredths,
  formatRational,
  fromHundredths,
  multiply,
  parseHundredths,
  rational,
  subtract,
  sum,
} from '../../shared/domain/decimal';
import type { ParseProblem, Rational } from '../../shared/domain/decimal';

describe('parseHundredths', () => {
  it.each<[number | string, number]>([
    ['88.13', 8813],
    [88.13, 8813],
    [88.1, 8810],
    [0.1, 10],
    [9.95, 995],
    ['9.50', 950],
    ['9.500', 950],
    [' 7 ', 700],
    ['7.', 700],
    ['.5', 50],
    ['+3', 300],
    ['-0.5', -50],
    ['-0.00', 0],
    [100, 10000],
    [0, 0],
    ['1e2', 10000],
    ['1.25e1', 1250],
    [1e11, 1e13],
  ])('%j is %i hundredths', (input, hundredths) => {
    expect(parseHundredths(input)).toEqual({ ok: true, hundredths });
  });

  it.each<[number | string, ParseProblem]>([
    ['88.125', 'too-many-decimals'],
    [9.555, 'too-many-decimals'],
    [0.001, 'too-many-decimals'],
    [0.1 + 0.2, 'too-many-decimals'],
    ['5e-3', 'too-many-decimals'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
    ['', 'not-a-number'],
    ['  ', 'not-a-number'],
    ['.', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['1,5', 'not-a-number'],
    ['1.2.3', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['Infinity', 'not-a-number'],
    ['1e400', 'not-a-number'],
    [1e300, 'not-a-number'],
  ])('%j is refused as %s', (input, problem) => {
    expect(parseHundredths(input)).toEqual({ ok: false, problem });
  });
});

describe('exact mean of totals', () => {
  it('88.1, 88.1, 88.1, 88.2 has mean 88.125 and shows 88.13 (float sums show 88.12)', () => {
    const totals = [8810, 8810, 8810, 8820];
    const mean = divide(sum(totals.map(fromHundredths)), rational(totals.length));
    expect(mean).toEqual(rational(88125, 1000));
    expect(formatRational(mean, 2)).toBe('88.13');
    expect(((88.1 + 88.1 + 88.1 + 88.2) / 4).toFixed(2)).toBe('88.12');
  });
});

describe('formatRational rounds half up', () => {
  it.each<[string, number, string, Rational]>([
    ['0.5', 0, '1', rational(1, 2)],
    ['2.5', 0, '3', rational(5, 2)],
    ['88.5', 0, '89', rational(885, 10)],
    ['88.49', 0, '88', rational(8849, 100)],
    ['88.05', 1, '88.1', rational(8805, 100)],
    ['88.15', 1, '88.2', rational(8815, 100)],
    ['88.25', 1, '88.3', rational(8825, 100)],
    ['88.049', 1, '88.0', rational(88049, 1000)],
    ['88.125', 2, '88.13', rational(88125, 1000)],
    ['88.135', 2, '88.14', rational(88135, 1000)],
    ['88.145', 2, '88.15', rational(88145, 1000)],
    ['1.005', 2, '1.01', rational(1005, 1000)],
    ['88.1249', 2, '88.12', rational(881249, 10000)],
    ['88.1235', 3, '88.124', rational(881235, 10000)],
    ['1.0005', 3, '1.001', rational(10005, 10000)],
    ['2/3', 3, '0.667', rational(2, 3)],
    ['1/3', 3, '0.333', rational(1, 3)],
    ['99.9995', 3, '100.000', rational(999995, 10000)],
    ['whole 88', 2, '88.00', rational(88)],
    ['-0.5 (away from zero)', 0, '-1', rational(-1, 2)],
    ['-87.625', 2, '-87.63', rational(-87625, 1000)],
    ['-0.004 (no minus zero)', 2, '0.00', rational(-4, 1000)],
  ])('%s to %i places is %s', (_label, decimals, text, value) => {
    expect(formatRational(value, decimals)).toBe(text);
  });

  it.each([-1, 7, 1.5])('refuses %d places', (decimals) => {
    expect(() => formatRational(rational(1), decimals)).toThrow(RangeError);
  });
});

describe('formatHundredths', () => {
  it.each<[number, number | undefined, string]>([
    [8810, undefined, '88.10'],
    [8813, 2, '88.13'],
    [8815, 1, '88.2'],
    [8850, 0, '89'],
    [8813, 3, '88.130'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-50, 2, '-0.50'],
  ])('%i hundredths with %s places is %s', (hundredths, decimals, text) => {
    expect(formatHundredths(hundredths, decimals)).toBe(text);
  });
});

describe('rational arithmetic', () => {
  it.each<[string, Rational, Rational]>([
    ['1/2 + 1/3', add(rational(1, 2), rational(1, 3)), rational(5, 6)],
    ['1/2 − 1/3', subtract(rational(1, 2), rational(1, 3)), rational(1, 6)],
    ['2/3 × 3/4', multiply(rational(2, 3), rational(3, 4)), rational(1, 2)],
    ['1/2 ÷ 1/4', divide(rational(1, 2), rational(1, 4)), rational(2)],
    ['sum of nothing', sum([]), rational(0)],
    ['lowest terms, positive denominator', rational(6, -4), { num: -3n, den: 2n }],
  ])('%s', (_label, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it.each<[Rational, Rational, -1 | 0 | 1]>([
    [rational(88125, 1000), rational(8813, 100), -1],
    [rational(1, 2), rational(2, 4), 0],
    [rational(-1, 3), rational(-1, 2), 1],
  ])('compare(%o, %o) is %i', (a, b, order) => {
    expect(compare(a, b)).toBe(order);
  });

  it('refuses a zero denominator and fractional hundredths', () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => fromHundredths(88.1)).toThrow(RangeError);
  });
});
