import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/api/events';
import { groupBalances, type Group } from '../../shared/api/groups';
import { membersOf, suggestedCount, toggleBalance, ungroupedOf } from '../../renderer/console/training/groupsView';

const person = (id: number, name: string): Participant => ({
  id,
  eventId: 1,
  name,
  organization: null,
  title: null,
  phone: null,
  gender: null,
  group: null,
  region: null,
  ethnicity: null,
  note: null,
  venueId: null,
  registeredAt: '2026-03-01T08:00:00Z',
});
const group = (id: number, memberIds: number[]): Group => ({
  id,
  name: `第${id}组`,
  position: id,
  leaderId: null,
  recorderId: null,
  memberIds,
});

describe('the 分组 tab’s view', () => {
  const people = [person(1, '赵磊'), person(2, '陈静'), person(3, '王芳'), person(4, '安然')];

  it('lists who is in no group by pinyin, and a group’s members in its order', () => {
    const groups = [group(1, [3, 1])];
    expect(ungroupedOf(people, groups).map((p) => p.name)).toEqual(['安然', '陈静']);
    expect(membersOf(groups[0]!, people).map((p) => p.name)).toEqual(['王芳', '赵磊']);
    expect(membersOf(group(2, [9]), people)).toEqual([]);
  });

  it.each([
    [180, null, 12],
    [40, null, 3],
    [5, null, 1],
    [0, null, 1],
    [180, 10, 10],
    [8, 10, 1],
  ])('suggests a count for %d trainees (last %s): %d', (trainees, last, count) => {
    expect(suggestedCount(trainees, last)).toBe(count);
  });

  it('toggles a balance, keeping the contract’s order', () => {
    expect(toggleBalance(groupBalances, ['region', 'organization', 'gender'], 'organization')).toEqual([
      'region',
      'gender',
    ]);
    expect(toggleBalance(groupBalances, ['gender'], 'region')).toEqual(['region', 'gender']);
  });
});
