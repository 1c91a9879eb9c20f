import { describe, expect, it } from 'vitest';
import { assignGroups, groupingProblem, type GroupCandidate } from '../../shared/domain/grouping';

/** A class as a roster would give it: provinces of uneven size, units within them, men and women. */
function nationalClass(size: number, provinces: readonly [string, number][]): GroupCandidate[] {
  const people: GroupCandidate[] = [];
  let id = 1;
  for (const [province, count] of provinces) {
    for (let i = 0; i < count && people.length < size; i++) {
      people.push({
        id: id++,
        region: province,
        // Three units per province, the first one the largest.
        unit: `${province}${i % 5 < 3 ? '组织部' : i % 5 === 3 ? '民政厅' : '党校'}`,
        gender: i % 3 === 0 ? 'female' : 'male',
      });
    }
  }
  return people;
}

const provinces: [string, number][] = [
  ['江苏', 40],
  ['浙江', 30],
  ['上海', 25],
  ['安徽', 20],
  ['山东', 18],
  ['福建', 15],
  ['江西', 12],
  ['湖北', 10],
  ['湖南', 6],
  ['河南', 4],
];

function countIn(group: readonly number[], people: readonly GroupCandidate[], key: 'region' | 'unit', value: string) {
  const byId = new Map(people.map((p) => [p.id, p]));
  return group.filter((id) => byId.get(id)?.[key] === value).length;
}

describe('assignGroups', () => {
  const people = nationalClass(180, provinces);

  it('puts everyone in exactly one group, with sizes that differ by at most one', () => {
    for (const [count, groups] of [
      [180, 12],
      [181, 12],
      [10, 4],
      [7, 7],
      [50, 6],
    ] as const) {
      const result = assignGroups(people.slice(0, count), groups, '20241130');
      expect(result).toHaveLength(groups);
      expect(
        result
          .flat()
          .sort((a, b) => a - b)
          .join(),
      ).toBe(
        people
          .slice(0, count)
          .map((p) => p.id)
          .join(),
      );
      const sizes = result.map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('spreads every province: no group has more than ⌈its share⌉ + 1 of one province', () => {
    const groups = assignGroups(people, 12, '20241130');
    for (const [province, total] of provinces) {
      const most = Math.max(...groups.map((g) => countIn(g, people, 'region', province)));
      expect(most, province).toBeLessThanOrEqual(Math.ceil(total / 12) + 1);
    }
  });

  it('spreads a unit over the groups before any group gets two of it', () => {
    // 江苏组织部 has 24 people: two per group in 12 groups, never three.
    const groups = assignGroups(people, 12, 'x');
    const counts = groups.map((g) => countIn(g, people, 'unit', '江苏组织部'));
    expect(Math.max(...counts)).toBe(2);
    expect(Math.min(...counts)).toBe(2);
  });

  it('spreads regions even when every trainee is from a unit of their own', () => {
    // The units sort 单位1, 单位2…, alternating between regions A and B: dealt in that order alone, one group gets
    // every A.
    const mixed = Array.from({ length: 8 }, (_, i) => ({
      id: i + 1,
      unit: `单位${i + 1}`,
      region: i % 2 === 0 ? 'A' : 'B',
      gender: null,
    }));
    for (const group of assignGroups(mixed, 2, 'any')) {
      expect(countIn(group, mixed, 'region', 'A')).toBe(2);
    }
  });

  it('mixes men and women when the class allows', () => {
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const group of assignGroups(people, 12, 'x')) {
      const women = group.filter((id) => byId.get(id)?.gender === 'female').length;
      expect(women).toBeGreaterThanOrEqual(3);
      expect(women).toBeLessThanOrEqual(7);
    }
  });

  it('gives the same groups for the same seed, whatever the roster order; another seed gives others', () => {
    const a = assignGroups(people, 12, '20241130');
    expect(assignGroups([...people].reverse(), 12, '20241130')).toEqual(a);
    expect(assignGroups(people, 12, '654321')).not.toEqual(a);
  });

  it('balances only what is asked: by gender alone, women are spread and the units are left to the lot', () => {
    const byId = new Map(people.map((p) => [p.id, p]));
    const groups = assignGroups(people, 12, 'x', ['gender']);
    for (const group of groups) {
      const women = group.filter((id) => byId.get(id)?.gender === 'female').length;
      expect(women).toBeGreaterThanOrEqual(4);
      expect(women).toBeLessThanOrEqual(6);
    }
    expect(groups).not.toEqual(assignGroups(people, 12, 'x'));
    expect(assignGroups(people, 12, 'x', ['gender', 'region', 'unit'])).toEqual(assignGroups(people, 12, 'x'));
  });

  it('handles missing units, regions and genders (a roster with names only)', () => {
    const bare = Array.from({ length: 23 }, (_, i) => ({ id: i + 1, unit: null, region: ' ', gender: null }));
    const groups = assignGroups(bare, 5, '1');
    expect(groups.map((g) => g.length).sort()).toEqual([4, 4, 5, 5, 5]);
  });

  it.each([
    [10, 0, 'noGroups'],
    [10, 2.5, 'noGroups'],
    [3, 4, 'tooManyGroups'],
  ] as const)('refuses %d trainees in %d groups (%s)', (count, groups, code) => {
    expect(groupingProblem(count, groups)).toEqual({ code });
    expect(() => assignGroups(people.slice(0, count), groups, 's')).toThrow();
  });
});
