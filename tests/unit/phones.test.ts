import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../shared/domain/phones';

describe('normalizePhone: one spelling per number, so duplicates are found', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['0086-13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(021) 6358-1234', '02163581234'],
    ['+1 415 555 0100', '+14155550100'],
    // Not a mainland mobile after the 86: kept as typed (digits only).
    ['86 21 6358 1234', '862163581234'],
  ])('%s → %s', (typed, stored) => {
    expect(normalizePhone(typed)).toBe(stored);
  });
});
