import { describe, expect, it } from 'vitest';
import { joinBaseOf, joinCodeAlphabet, normalizeJoinCode, type HostPlace } from '../../electron/services/join';

const at = (lan: boolean, addresses: string[]): HostPlace => ({ lan, port: 8866, addresses });

describe('the address judges’ links start with', () => {
  const cases: Array<[string, HostPlace, string | null, string]> = [
    ['LAN closed, nothing chosen: this computer only', at(false, ['192.168.1.23']), null, 'http://127.0.0.1:8866'],
    [
      'LAN open, nothing chosen: the first venue address',
      at(true, ['192.168.1.23', '10.0.0.5']),
      null,
      'http://192.168.1.23:8866',
    ],
    [
      'chosen, LAN closed: the chosen one (cards printed early work)',
      at(false, ['192.168.1.23', '10.0.0.5']),
      '10.0.0.5',
      'http://10.0.0.5:8866',
    ],
    ['chosen, LAN open: the chosen one', at(true, ['192.168.1.23', '10.0.0.5']), '10.0.0.5', 'http://10.0.0.5:8866'],
    [
      'chosen at the office, not here now: the first venue address',
      at(true, ['192.168.1.23']),
      '10.0.0.5',
      'http://192.168.1.23:8866',
    ],
    [
      'chosen but not here, LAN closed: this computer only',
      at(false, ['192.168.1.23']),
      '10.0.0.5',
      'http://127.0.0.1:8866',
    ],
    ['no network at all', at(true, []), null, 'http://127.0.0.1:8866'],
  ];
  for (const [what, place, chosen, base] of cases) it(what, () => expect(joinBaseOf(place, chosen)).toBe(base));
});

describe('join codes as typed', () => {
  it('has no look-alikes in its alphabet', () => {
    for (const c of '01OI') expect(joinCodeAlphabet).not.toContain(c);
  });
  const cases: Array<[string, string]> = [
    ['ap5crk', 'AP5CRK'],
    ['AP5 CRK', 'AP5CRK'],
    ['ap5-crk ', 'AP5CRK'],
    [' A P 5 C R K', 'AP5CRK'],
  ];
  for (const [typed, code] of cases) it(`"${typed}" → ${code}`, () => expect(normalizeJoinCode(typed)).toBe(code));
});
