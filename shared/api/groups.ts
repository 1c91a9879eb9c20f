import { z } from 'zod';
import { formatDateRange } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { fileSafe } from './documents';
import { idParam, labelled, optionalText, text } from './fields';
import { GroupRecordCode, PublicGroupRecordReceipt, PublicGroupRecordSession } from './group-record';
import type { Translate } from './training-documents';

// API v1, discussion groups (分组): automatic assignment, leaders and recorders, moves, the groups' discussion records.

/** What an assignment balances, in the contract's words (`organization` is the trainee's 单位). */
export const groupBalances = ['region', 'organization', 'gender'] as const;
export type GroupBalance = (typeof groupBalances)[number];

/** The limits of a record, as the phone page counts them. */
export const groupRecordLimits = { topic: 100, summary: 2000 } as const;

export const GroupParams = z.strictObject({ id: idParam, gid: idParam });
export const GroupMemberParams = z.strictObject({ id: idParam, pid: idParam });
export const GroupRecordParams = z.strictObject({ id: idParam, sid: idParam, gid: idParam });

export const GroupAssignInput = z.strictObject({
  count: labelled(z.number().int().min(1).max(100), 'groupField.count'),
  /** Default: all three. */
  balance: labelled(z.array(z.enum(groupBalances)).max(3), 'groupField.balance').optional(),
  /** Written down by the organiser to get the same groups again; made up when absent. */
  seed: labelled(z.string().trim().min(1).max(64), 'groupField.seed').optional(),
});
export type GroupAssignInput = z.input<typeof GroupAssignInput>;

export const Group = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.number().int(),
  /** 组长: one of the members, or null. */
  leaderId: z.number().int().nullable(),
  /** 记录员: one of the members, or null. */
  recorderId: z.number().int().nullable(),
  /** The members' participant ids, by pinyin of their names. */
  memberIds: z.array(z.number().int()),
});
export type Group = z.infer<typeof Group>;

/** The last automatic assignment (all null before the first). */
export const GroupAssignment = z.object({
  count: z.number().int().nullable(),
  balance: z.array(z.enum(groupBalances)),
  seed: z.string().nullable(),
  assignedAt: z.string().nullable(),
});
export type GroupAssignment = z.infer<typeof GroupAssignment>;

/** A new group, at the end; named 第N组 when no name is given. */
export const GroupCreate = z.strictObject({ name: optionalText('groupField.name', 50) });

const memberId = (label: 'groupField.leader' | 'groupField.recorder') =>
  labelled(z.number().int().positive().nullable(), label);

/** Rename a group and choose its 组长 and 记录员 (each one of its members, or null). */
export const GroupUpdate = z.strictObject({
  name: text('groupField.name', 50),
  leaderId: memberId('groupField.leader'),
  recorderId: memberId('groupField.recorder'),
});
export type GroupUpdate = z.input<typeof GroupUpdate>;

/** Move a trainee into a group, or out of every group (null). */
export const GroupMemberInput = z.strictObject({
  groupId: labelled(z.number().int().positive().nullable(), 'groupField.group'),
});

export const GroupRecordInput = z.strictObject({
  topic: optionalText('groupField.topic', groupRecordLimits.topic),
  summary: text('groupField.summary', groupRecordLimits.summary),
});
export type GroupRecordInput = z.input<typeof GroupRecordInput>;

export const GroupRecord = z.object({
  sessionId: z.number().int(),
  groupId: z.number().int(),
  topic: z.string().nullable(),
  summary: z.string(),
  /** Who wrote it last: the group's recorder from a phone, or staff in the console. */
  source: z.enum(['recorder', 'staff']).nullable(),
  updatedAt: z.string(),
});
export type GroupRecord = z.infer<typeof GroupRecord>;

/** Opens or closes a discussion session's link for the groups' recorders. */
export const GroupRecordLinkInput = z.strictObject({ open: labelled(z.boolean(), 'groupField.linkOpen') });
export const GroupRecordLink = z.object({
  open: z.boolean(),
  code: z.string().nullable(),
  url: z.string().nullable(),
});
export type GroupRecordLink = z.infer<typeof GroupRecordLink>;

export const GroupRecordCodeParams = z.strictObject({ code: GroupRecordCode });
export const PublicGroupRecordInput = z.strictObject({
  phone: text('participant.phone', 30),
  topic: optionalText('groupField.topic', groupRecordLimits.topic),
  summary: text('groupField.summary', groupRecordLimits.summary),
});
export { PublicGroupRecordReceipt, PublicGroupRecordSession };

export const tableCardKinds = ['group', 'person'] as const;
/** 桌牌 of each group, or a name card (座签) for each trainee. */
export const TableCardsQuery = z.strictObject({ kind: z.enum(tableCardKinds).optional() });

const groupFileKeys = {
  groupsPdf: 'groupsDocs.file.groupsPdf',
  tableCards: 'groupsDocs.file.tableCards',
  nameCards: 'groupsDocs.file.nameCards',
} as const;
export type GroupFile = keyof typeof groupFileKeys;

/** "观山湖区委党校…培训班-分组名单-2024年7月1日至5日.pdf": the name the groups' papers are saved under. */
export function groupsFileName(
  t: Translate,
  locale: Locale,
  file: GroupFile,
  event: { title: string; startsOn: string; endsOn?: string | null },
): string {
  return t(groupFileKeys[file], {
    title: fileSafe(event.title),
    date: formatDateRange(event.startsOn, event.endsOn, locale),
  });
}
