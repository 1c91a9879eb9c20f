import { describe, expect, it } from 'vitest';
import { compareNames } from '../../shared/domain/names';
import { countStudySessions, type HeldSession } from '../../shared/domain/studyCounts';

const held = (organization: string | null, startsAt: string, attended: number): HeldSession => ({
  organization,
  startsAt,
  attended,
});

describe('countStudySessions', () => {
  it('sums sessions and attendance per organisation and month, most sessions first, then by pinyin', () => {
    const counts = countStudySessions(
      [
        held('恒阳居民区', '2024-07-03T09:00', 12),
        held('恒阳居民区', '2024-07-17T09:00', 10),
        held('恒阳居民区', '2024-08-07T09:00', 11),
        held('安丘居民区', '2024-07-10T14:00', 8),
        held('安丘居民区', '2024-08-14T14:00', 9),
        held('长阳居民区', '2024-08-21T14:00', 15),
        held(' ', '2024-08-28T14:00', 5),
        held('长阳居民区 ', '2024-07-24T14:00', 14),
      ],
      compareNames,
    );
    expect(counts.months).toEqual(['2024-07', '2024-08']);
    expect(counts.sessions).toBe(8);
    expect(counts.attended).toBe(84);
    // 恒阳 has 3; 安丘 (ān) and 长阳 (cháng) have 2 each, in pinyin order; the unnamed one last.
    expect(counts.rows.map((r) => [r.organization, r.sessions, r.attended])).toEqual([
      ['恒阳居民区', 3, 33],
      ['安丘居民区', 2, 17],
      ['长阳居民区', 2, 29],
      [null, 1, 5],
    ]);
    expect(counts.rows[0]?.months).toEqual({
      '2024-07': { sessions: 2, attended: 22 },
      '2024-08': { sessions: 1, attended: 11 },
    });
  });

  it('counts nothing for no sessions', () => {
    expect(countStudySessions([], compareNames)).toEqual({ months: [], rows: [], sessions: 0, attended: 0 });
  });
});
