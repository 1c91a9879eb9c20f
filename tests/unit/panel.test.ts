import { describe, expect, test } from 'vitest';
import { isOnPanel, judgesScored, panelSizesDiffer } from '../../shared/domain/panel';

const at = (time: string) => `2024-07-03T${time}:00.000Z`;

describe('a speaker’s panel is fixed at the lock', () => {
  test.each([
    ['a judge added before the lock is on the panel', at('10:00'), at('10:05'), true],
    ['a judge added at the moment of the lock is on it', at('10:05'), at('10:05'), true],
    ['a judge added after the lock is not', at('10:06'), at('10:05'), false],
    ['before the lock every judge is', at('10:06'), null, true],
    ['a judge whose joining time is unknown is', undefined, at('10:05'), true],
  ] as const)('%s', (_, joined, locked, on) => {
    expect(isOnPanel(joined, locked)).toBe(on);
  });
});

describe('how many judges scored each speaker', () => {
  const row = (final: string | null, ...totals: Array<string | null>) => ({
    final,
    judgeTotals: totals.map((total) => ({ total })),
  });
  test.each([
    ['the same panel for everyone', [row('90.00', '90.00', '90.00'), row('80.00', '80.00', '80.00')], false],
    [
      'five judges, then six',
      [row('90.00', '90', '90', '90', '90', '90'), row('80.00', '80', '80', '80', '80', '80', '80')],
      true,
    ],
    ['a judge left out by a forced lock', [row('90.00', '90', null), row('80.00', '80', '80')], true],
    ['speakers without a final do not count', [row('90.00', '90', '90'), row(null, '80', null, null)], false],
    ['nobody ranked yet', [], false],
  ] as const)('%s', (_, rows, differ) => {
    expect(panelSizesDiffer(rows)).toBe(differ);
  });
  test('counts the totals in, not the judges listed', () => {
    expect(judgesScored(row('90.00', '90', null, '91'))).toBe(2);
  });
});
