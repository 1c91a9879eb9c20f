import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  groupBalances,
  groupRecordLimits,
  type GroupRecordLink,
  type PublicGroupRecordInput,
  type PublicGroupRecordReceipt,
  type PublicGroupRecordSession,
  type Group,
  type GroupAssignInput,
  type GroupAssignment,
  type GroupBalance,
  type GroupRecord,
  type GroupRecordInput,
  type GroupUpdate,
} from '../../../shared/api/groups';
import { newSeed } from '../../../shared/domain/draw';
import { assignGroups, groupingProblem, type GroupingTrait } from '../../../shared/domain/grouping';
import { compareNames } from '../../../shared/domain/names';
import { normalizePhone } from '../../../shared/domain/phones';
import { reflectionCode } from '../../../shared/domain/reflections';
import type { Locale } from '../../../shared/domain/vocabulary';
import { translate } from '../../../shared/i18n';
import type { DiscussionGroupRecord } from '../../database/repositories/groups';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { compareGroups } from '../../documents/training-data';
import { AppError } from '../../errors';
import { failureCounter } from '../failures';
import { pageUrl } from '../join';
import { failureLimit } from './selfCheckin';
import { adminActor, trainingContext, type TrainingDeps } from './context';

/** The contract's balance words as the grouping rule names the traits. */
const traitOf: Record<GroupBalance, GroupingTrait> = { region: 'region', organization: 'unit', gender: 'gender' };

/**
 * Discussion groups (分组) of a class: automatic assignment, 组长 and 记录员, moves, and the groups' discussion
 * records. Membership is `participants.group_name`, so the roster, attendance per group and certificates keep
 * reading it; this service keeps the groups table and the names in step.
 */
export function groupsService(deps: TrainingDeps) {
  const ctx = trainingContext(deps);
  const { repos, events } = ctx;
  const store = repos.groups;

  function groupOf(eventId: number, groupId: number): DiscussionGroupRecord {
    const group = store.group(groupId);
    if (!group || group.eventId !== eventId) throw new AppError('not_found', 'error.group.notFound', { id: groupId });
    return group;
  }

  /**
   * Groups named in the roster (import, a trainee's form) that have no row yet get one, and a 组长/记录员 who
   * has left the group (a trainee edited elsewhere) is cleared, so the table and the names say the same.
   */
  function reconcile(eventId: number, people: readonly ParticipantRecord[]): void {
    const at = ctx.stamp();
    // In their natural order (第二组 before 第十组), after the groups there are.
    const missing = store.rosterGroupNames(eventId).filter((name) => !store.groupNamed(eventId, name));
    for (const name of missing.sort(compareGroups)) store.createGroup(eventId, name, at);
    for (const group of store.groups(eventId)) {
      const isMember = (id: number | null) => id !== null && people.some((p) => p.id === id && p.group === group.name);
      const leaderId = isMember(group.leaderId) ? group.leaderId : null;
      const recorderId = isMember(group.recorderId) ? group.recorderId : null;
      if (leaderId !== group.leaderId || recorderId !== group.recorderId)
        store.setRoles(group.id, leaderId, recorderId);
    }
  }

  function answer(eventId: number): Group[] {
    const people = repos.participants.listByEvent(eventId);
    return store.groups(eventId).map((group) => ({
      id: group.id,
      name: group.name,
      position: group.position,
      leaderId: group.leaderId,
      recorderId: group.recorderId,
      memberIds: people
        .filter((p) => p.group === group.name)
        .sort((a, b) => compareNames(a.name, b.name))
        .map((p) => p.id),
    }));
  }

  function list(eventId: number): Group[] {
    events.get(eventId);
    return repos.transaction(() => {
      reconcile(eventId, repos.participants.listByEvent(eventId));
      return answer(eventId);
    });
  }

  function checkNameFree(eventId: number, name: string, except: number | null): void {
    const other = store.groupNamed(eventId, name);
    if (other && other.id !== except) throw new AppError('conflict', 'error.group.nameTaken', { name }, 'name');
  }

  const failures = failureCounter(failureLimit);
  const urlOf = (code: string) => pageUrl(ctx.joinBase(), `/group-record/${code}`);

  function newCode(): string {
    for (;;) {
      const code = reflectionCode(() => randomBytes(1)[0] ?? 0);
      if (!store.recordLinkByCode(code)) return code;
    }
  }

  function linkOf(sessionId: number): GroupRecordLink {
    const link = store.recordLink(sessionId);
    if (!link?.open) return { open: false, code: null, url: null };
    return { open: true, code: link.code, url: urlOf(link.code) };
  }

  function audit(eventId: number, entry: { participantId?: number; before?: unknown; after?: unknown }): void {
    ctx.audit(eventId, 'groups', { actor: adminActor.actor, ...entry });
  }

  return {
    listGroups: list,

    /**
     * Deals every trainee into `count` groups named 第1组…第N组, replacing the groups there were (with their
     * leaders, recorders and records). The seed is recorded; the same roster, count, balance and seed give the
     * same groups.
     */
    assignGroups(eventId: number, input: z.output<typeof GroupAssignInput>, locale: Locale): Group[] {
      events.get(eventId);
      const people = repos.participants.listByEvent(eventId);
      if (people.length === 0) throw new AppError('conflict', 'error.group.noTrainees');
      const problem = groupingProblem(people.length, input.count);
      if (problem) throw new AppError('validation', 'error.group.tooManyGroups', { count: people.length }, 'count');
      const balance = groupBalances.filter((b) => (input.balance ?? groupBalances).includes(b));
      const seed = input.seed ?? newSeed();
      const dealt = assignGroups(
        people.map((p) => ({ id: p.id, unit: p.organization, region: p.region, gender: p.gender })),
        input.count,
        seed,
        balance.map((b) => traitOf[b]),
      );
      return repos.transaction(() => {
        const before = store.groups(eventId).length;
        store.clearGroups(eventId);
        const at = ctx.stamp();
        dealt.forEach((memberIds, index) => {
          const name = translate(locale, 'groupField.defaultName', { n: index + 1 });
          store.createGroup(eventId, name, at);
          for (const id of memberIds) store.setMemberGroup(id, name);
        });
        store.putAssignment(eventId, { groupCount: input.count, balance, seed, at });
        audit(eventId, { before: { groups: before }, after: { groups: input.count, balance, seed } });
        return answer(eventId);
      });
    },

    groupAssignment(eventId: number): GroupAssignment {
      events.get(eventId);
      const a = store.assignment(eventId);
      return {
        count: a?.groupCount ?? null,
        balance: groupBalances.filter((b) => a?.balance.includes(b)),
        seed: a?.seed ?? null,
        assignedAt: a?.assignedAt ?? null,
      };
    },

    /** A new, empty group at the end; 第N组 with the first number not taken when no name is given. */
    createGroup(eventId: number, name: string | undefined, locale: Locale): Group {
      events.get(eventId);
      return repos.transaction(() => {
        reconcile(eventId, repos.participants.listByEvent(eventId));
        let chosen = name;
        if (chosen === undefined) {
          let n = store.groups(eventId).length + 1;
          while (store.groupNamed(eventId, translate(locale, 'groupField.defaultName', { n }))) n++;
          chosen = translate(locale, 'groupField.defaultName', { n });
        }
        checkNameFree(eventId, chosen, null);
        const group = store.createGroup(eventId, chosen, ctx.stamp());
        audit(eventId, { after: { group: group.name } });
        const created = answer(eventId).find((g) => g.id === group.id);
        if (!created) throw new Error('group vanished after insert');
        return created;
      });
    },

    /** Renames a group (its members follow) and sets its 组长 and 记录员, who must be members. */
    updateGroup(eventId: number, groupId: number, input: z.output<typeof GroupUpdate>): Group {
      events.get(eventId);
      return repos.transaction(() => {
        const people = repos.participants.listByEvent(eventId);
        reconcile(eventId, people);
        const group = groupOf(eventId, groupId);
        for (const [field, id] of [
          ['leaderId', input.leaderId],
          ['recorderId', input.recorderId],
        ] as const) {
          if (id === null) continue;
          const person = ctx.trainee(eventId, id);
          if (person.group !== group.name)
            throw new AppError('conflict', 'error.group.notMember', { name: person.name, group: group.name }, field);
        }
        if (input.name !== group.name) {
          checkNameFree(eventId, input.name, group.id);
          store.renameGroup(group, input.name);
        }
        store.setRoles(group.id, input.leaderId, input.recorderId);
        audit(eventId, {
          before: { group: group.name, leaderId: group.leaderId, recorderId: group.recorderId },
          after: { group: input.name, leaderId: input.leaderId, recorderId: input.recorderId },
        });
        const updated = answer(eventId).find((g) => g.id === group.id);
        if (!updated) throw new Error('group vanished after update');
        return updated;
      });
    },

    /** Removes a group: its members become ungrouped, its discussion records go with it. */
    removeGroup(eventId: number, groupId: number): null {
      events.get(eventId);
      repos.transaction(() => {
        const group = groupOf(eventId, groupId);
        store.removeGroup(group);
        audit(eventId, { before: { group: group.name } });
      });
      return null;
    },

    /** Moves a trainee into a group or out of every group; a 组长 or 记录员 moved out loses the role. */
    moveGroupMember(eventId: number, participantId: number, groupId: number | null): Group[] {
      events.get(eventId);
      return repos.transaction(() => {
        reconcile(eventId, repos.participants.listByEvent(eventId));
        const person = ctx.trainee(eventId, participantId);
        const target = groupId === null ? null : groupOf(eventId, groupId);
        const from = person.group === null ? null : store.groupNamed(eventId, person.group);
        if (from && from.id !== target?.id) {
          store.setRoles(
            from.id,
            from.leaderId === person.id ? null : from.leaderId,
            from.recorderId === person.id ? null : from.recorderId,
          );
        }
        store.setMemberGroup(person.id, target?.name ?? null);
        audit(eventId, { participantId, before: { group: person.group }, after: { group: target?.name ?? null } });
        return answer(eventId);
      });
    },

    listGroupRecords(eventId: number, sessionId: number): GroupRecord[] {
      ctx.session(eventId, sessionId);
      return store.records(sessionId);
    },

    /** Staff enter or replace a group's record of a discussion session. */
    putGroupRecord(
      eventId: number,
      sessionId: number,
      groupId: number,
      input: z.output<typeof GroupRecordInput>,
    ): GroupRecord {
      ctx.session(eventId, sessionId);
      groupOf(eventId, groupId);
      const record: GroupRecord = {
        sessionId,
        groupId,
        topic: input.topic ?? null,
        summary: input.summary,
        source: 'staff',
        updatedAt: ctx.stamp(),
      };
      store.putRecord(record);
      return record;
    },

    /** The recorders' link of a discussion session (closed, with no code, until first opened). */
    groupRecordLink(eventId: number, sessionId: number): GroupRecordLink {
      ctx.session(eventId, sessionId);
      return linkOf(sessionId);
    },

    /** Opens the recorders' link (a code is made the first time; opening again keeps it) or closes it. */
    setGroupRecordLink(eventId: number, sessionId: number, open: boolean): GroupRecordLink {
      return repos.transaction(() => {
        ctx.session(eventId, sessionId);
        const link = store.recordLink(sessionId);
        if (open && !link) store.openRecordLink(sessionId, newCode(), ctx.stamp());
        else if (link) store.setRecordLinkOpen(sessionId, open);
        return linkOf(sessionId);
      });
    },

    /** What the recorder's phone shows before the number is typed: the class and the session, never names. */
    publicGroupRecordSession(code: string): z.infer<typeof PublicGroupRecordSession> {
      const link = store.recordLinkByCode(code);
      if (!link) throw new AppError('not_found', 'error.groupRecord.codeUnknown');
      const session = ctx.session(link.eventId, link.sessionId);
      return {
        eventTitle: events.get(link.eventId).title,
        title: session.title,
        startsAt: session.startsAt,
        topicLimit: groupRecordLimits.topic,
        summaryLimit: groupRecordLimits.summary,
      };
    },

    /**
     * A group's recorder (or leader) sends the group's record by phone number; it replaces the group's earlier one.
     * An unknown number or code counts against the client's address, as at the self check-in.
     */
    publicGroupRecord(
      code: string,
      input: z.output<typeof PublicGroupRecordInput>,
      client: string,
    ): z.infer<typeof PublicGroupRecordReceipt> {
      const at = ctx.now().getTime();
      if (failures.tooMany(client, at)) throw new AppError('rate_limited', 'error.groupRecord.rateLimited');
      const fail = () => failures.record(client, at);
      return repos.transaction(() => {
        const link = store.recordLinkByCode(code);
        if (!link) {
          fail();
          throw new AppError('not_found', 'error.groupRecord.codeUnknown');
        }
        if (!link.open) throw new AppError('conflict', 'error.groupRecord.closed');
        const people = repos.participants.listByEvent(link.eventId);
        reconcile(link.eventId, people);
        const phone = normalizePhone(input.phone);
        const person = people.find((p) => p.phone === phone);
        if (!person) {
          fail();
          throw new AppError('not_found', 'error.groupRecord.unknownPhone');
        }
        const group = person.group === null ? null : store.groupNamed(link.eventId, person.group);
        if (!group) throw new AppError('forbidden', 'error.groupRecord.noGroup');
        if (group.recorderId !== person.id && group.leaderId !== person.id)
          throw new AppError('forbidden', 'error.groupRecord.notRecorder', { group: group.name });
        const replaced = store.records(link.sessionId).some((r) => r.groupId === group.id);
        store.putRecord({
          sessionId: link.sessionId,
          groupId: group.id,
          topic: input.topic ?? null,
          summary: input.summary,
          source: 'recorder',
          updatedAt: ctx.stamp(),
        });
        return { group: group.name, name: person.name, replaced };
      });
    },

    deleteGroupRecord(eventId: number, sessionId: number, groupId: number): null {
      ctx.session(eventId, sessionId);
      const group = groupOf(eventId, groupId);
      if (!store.records(sessionId).some((r) => r.groupId === groupId))
        throw new AppError('not_found', 'error.group.noRecord', { group: group.name });
      store.deleteRecord(sessionId, groupId);
      return null;
    },
  };
}
export type GroupsService = ReturnType<typeof groupsService>;
