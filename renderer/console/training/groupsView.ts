// What the 分组 tab shows that is not drawing: who is in no group, a count to suggest, the members' lines. Pure.
import type { Participant } from '../../../shared/api/events';
import type { Group, GroupBalance } from '../../../shared/api/groups';
import { compareNames } from '../../../shared/domain/names';

/** Discussion groups of about this many people, as party schools seat them. */
const usualGroupSize = 15;

/** Trainees in no group (none yet, or added after the assignment), by pinyin. */
export function ungroupedOf(people: readonly Participant[], groups: readonly Group[]): Participant[] {
  const grouped = new Set(groups.flatMap((g) => g.memberIds));
  return people.filter((p) => !grouped.has(p.id)).sort((a, b) => compareNames(a.name, b.name));
}

/** The count the form starts with: the last assignment's, else groups of about 15. */
export function suggestedCount(trainees: number, lastCount: number | null): number {
  if (lastCount !== null && lastCount <= trainees) return lastCount;
  return Math.max(1, Math.round(trainees / usualGroupSize));
}

/** A group's members as people, in the group's order (pinyin). */
export function membersOf(group: Group, people: readonly Participant[]): Participant[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return group.memberIds.flatMap((id) => {
    const person = byId.get(id);
    return person ? [person] : [];
  });
}

/** Toggles one balance in the set, keeping the contract's order. */
export function toggleBalance(
  order: readonly GroupBalance[],
  chosen: readonly GroupBalance[],
  balance: GroupBalance,
): GroupBalance[] {
  const next = chosen.includes(balance) ? chosen.filter((b) => b !== balance) : [...chosen, balance];
  return order.filter((b) => next.includes(b));
}
