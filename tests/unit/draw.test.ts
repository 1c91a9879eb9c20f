import { describe, expect, it } from 'vitest';
import { drawOrder, newSeed, overtime } from '../../shared/domain/draw';

describe('drawOrder', () => {
  const ids = [11, 12, 13, 14, 15, 16, 17, 18];
  it('gives the same order for the same seed, whatever the input order', () => {
    expect(drawOrder(ids, '20240703')).toEqual(drawOrder([...ids].reverse(), '20240703'));
  });
  it('is a permutation, and another seed gives another order', () => {
    const a = drawOrder(ids, '123456');
    expect([...a].sort()).toEqual(ids);
    expect(drawOrder(ids, '654321')).not.toEqual(a);
  });
  it('takes any text as a seed and makes six-digit seeds', () => {
    expect(drawOrder(ids, '江浦路')).toHaveLength(8);
    expect(newSeed(() => 0)).toBe('100000');
    expect(newSeed(() => 0.999999)).toMatch(/^\d{6}$/);
  });
});

describe('overtime', () => {
  it.each([
    [299_000, 300, 50, { seconds: 0, deduction: 0 }],
    [300_999, 300, 50, { seconds: 0, deduction: 0 }],
    [301_000, 300, 50, { seconds: 1, deduction: 50 }],
    [360_000, 300, 50, { seconds: 60, deduction: 50 }],
    [361_000, 300, 50, { seconds: 61, deduction: 100 }],
    [400_000, 300, 0, { seconds: 100, deduction: 0 }],
  ])('%d ms over a %d s limit at %d/min', (ms, limit, per, expected) => {
    expect(overtime(ms, limit, per)).toEqual(expected);
  });
});
