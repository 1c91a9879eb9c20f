// Discussion groups (分组) of a training class: N groups of sizes that differ by at most one, each as mixed as the
// class allows in unit (单位), region (省份/地区) and gender, so no group is "the Jiangsu table" or "the bureau's table".
// The same trainees, group count and seed always give the same groups, so an organiser can write the seed down.
import { drawOrder } from './draw';
import type { Gender } from './vocabulary';

export interface GroupCandidate {
  id: number;
  /** 单位: trainees of one unit are spread first. */
  unit: string | null;
  /** Province, district or 居民区, whatever the roster's region column says. */
  region: string | null;
  gender: Gender | null;
}

export interface GroupingProblem {
  code: 'noGroups' | 'tooManyGroups';
}

export const groupingTraits = ['unit', 'region', 'gender'] as const;
export type GroupingTrait = (typeof groupingTraits)[number];
type Trait = GroupingTrait;

function traitOf(candidate: GroupCandidate, trait: Trait): string | null {
  const value = candidate[trait];
  return value === null || value.trim() === '' ? null : value.trim();
}

/** The problem with grouping `count` trainees into `groups` groups, if any. */
export function groupingProblem(count: number, groups: number): GroupingProblem | null {
  if (!Number.isInteger(groups) || groups < 1) return { code: 'noGroups' };
  if (groups > count) return { code: 'tooManyGroups' };
  return null;
}

/**
 * Deals the trainees into `groupCount` groups (ids per group, each sorted). The members of the largest units and
 * regions are placed first, each into the group that has the fewest of the same unit, then region, then gender,
 * then the fewest people; the seed's shuffle decides among equals. Sizes: ⌈n/N⌉ or ⌊n/N⌋.
 */
export function assignGroups(
  candidates: readonly GroupCandidate[],
  groupCount: number,
  seed: string,
  balance: readonly GroupingTrait[] = groupingTraits,
): number[][] {
  // What is spread first: a unit's people, then a region's, then men and women (those asked for).
  const traits = groupingTraits.filter((trait) => balance.includes(trait));
  const problem = groupingProblem(candidates.length, groupCount);
  if (problem) throw new Error(`cannot group ${candidates.length} trainees into ${groupCount} groups`);

  const byId = new Map(candidates.map((c) => [c.id, c]));
  const lot = new Map(drawOrder([...byId.keys()], seed).map((id, index) => [id, index]));
  const sizeOf = (trait: Trait) => {
    if (!traits.includes(trait)) return () => 0;
    const sizes = new Map<string, number>();
    for (const c of candidates) {
      const value = traitOf(c, trait);
      if (value !== null) sizes.set(value, (sizes.get(value) ?? 0) + 1);
    }
    return (c: GroupCandidate) => {
      const value = traitOf(c, trait);
      return value === null ? 0 : (sizes.get(value) ?? 0);
    };
  };
  const sameValue = (a: GroupCandidate, b: GroupCandidate, trait: Trait) =>
    traits.includes(trait) ? (traitOf(a, trait) ?? '').localeCompare(traitOf(b, trait) ?? '') : 0;
  const unitSize = sizeOf('unit');
  const regionSize = sizeOf('region');
  // Largest unit first, then largest region; the people of one unit or region stay together in the queue, so each
  // is dealt round the groups before the next begins. The lot orders the rest.
  const queue = [...byId.values()].sort(
    (a, b) =>
      unitSize(b) - unitSize(a) ||
      sameValue(a, b, 'unit') ||
      regionSize(b) - regionSize(a) ||
      sameValue(a, b, 'region') ||
      (lot.get(a.id) ?? 0) - (lot.get(b.id) ?? 0),
  );

  const small = Math.floor(candidates.length / groupCount);
  const largeGroups = candidates.length % groupCount;
  const groups = Array.from({ length: groupCount }, () => ({
    members: [] as number[],
    counts: new Map<string, number>(),
  }));
  let large = 0;
  // The groups are tried from a place the seed picks, so equal choices do not always favour group 1.
  const start = (lot.get(queue[0]?.id ?? 0) ?? 0) % groupCount;

  for (const candidate of queue) {
    let best = -1;
    let bestCost: number[] = [];
    for (let k = 0; k < groupCount; k++) {
      const index = (start + k) % groupCount;
      const group = groups[index]!;
      const size = group.members.length;
      const open = size < small || (size === small && large < largeGroups);
      if (!open) continue;
      const cost = traits.map((trait) => {
        const value = traitOf(candidate, trait);
        return value === null ? 0 : (group.counts.get(`${trait}:${value}`) ?? 0);
      });
      cost.push(size);
      if (best === -1 || isLess(cost, bestCost)) {
        best = index;
        bestCost = cost;
      }
    }
    const group = groups[best]!;
    if (group.members.length === small) large++;
    group.members.push(candidate.id);
    for (const trait of traits) {
      const value = traitOf(candidate, trait);
      if (value !== null) group.counts.set(`${trait}:${value}`, (group.counts.get(`${trait}:${value}`) ?? 0) + 1);
    }
  }
  return groups.map((g) => g.members.sort((a, b) => a - b));
}

function isLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}
