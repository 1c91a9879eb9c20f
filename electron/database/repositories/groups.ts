import type { Database } from 'better-sqlite3';
import { int, isRow, optInt, optStr, rows, str, type Row } from '../rows';

export interface DiscussionGroupRecord {
  id: number;
  eventId: number;
  name: string;
  position: number;
  leaderId: number | null;
  recorderId: number | null;
}

export interface GroupAssignmentRecord {
  groupCount: number | null;
  balance: string[];
  seed: string | null;
  assignedAt: string | null;
}

export interface GroupRecordLinkRecord {
  sessionId: number;
  eventId: number;
  code: string;
  open: boolean;
}

export const groupRecordSources = ['recorder', 'staff'] as const;
export type GroupRecordSource = (typeof groupRecordSources)[number];

export interface DiscussionRecord {
  sessionId: number;
  groupId: number;
  topic: string | null;
  summary: string;
  source: GroupRecordSource | null;
  updatedAt: string;
}

const toGroup = (row: Row): DiscussionGroupRecord => ({
  id: int(row, 'id'),
  eventId: int(row, 'event_id'),
  name: str(row, 'name'),
  position: int(row, 'position'),
  leaderId: optInt(row, 'leader_id'),
  recorderId: optInt(row, 'recorder_id'),
});

function balanceOf(json: string | null): string[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const toRecord = (row: Row): DiscussionRecord => {
  const source = optStr(row, 'source');
  return {
    sessionId: int(row, 'session_id'),
    groupId: int(row, 'group_id'),
    topic: optStr(row, 'topic'),
    summary: str(row, 'summary'),
    source: groupRecordSources.find((s) => s === source) ?? null,
    updatedAt: str(row, 'updated_at'),
  };
};

/** Discussion groups of training classes, the last automatic assignment, and the groups' discussion records. */
export function groupsRepository(db: Database) {
  const q = {
    groups: db.prepare('SELECT * FROM discussion_groups WHERE event_id = ? ORDER BY position, id'),
    group: db.prepare('SELECT * FROM discussion_groups WHERE id = ?'),
    byName: db.prepare('SELECT * FROM discussion_groups WHERE event_id = ? AND name = ?'),
    insert: db.prepare(
      `INSERT INTO discussion_groups (event_id, name, position, leader_id, recorder_id, created_at)
       VALUES (@eventId, @name, @position, @leaderId, @recorderId, @at)`,
    ),
    rename: db.prepare('UPDATE discussion_groups SET name = ? WHERE id = ?'),
    setRoles: db.prepare('UPDATE discussion_groups SET leader_id = ?, recorder_id = ? WHERE id = ?'),
    remove: db.prepare('DELETE FROM discussion_groups WHERE id = ?'),
    removeAll: db.prepare('DELETE FROM discussion_groups WHERE event_id = ?'),
    nextPosition: db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM discussion_groups WHERE event_id = ?'),
    renameMembers: db.prepare('UPDATE participants SET group_name = ? WHERE event_id = ? AND group_name = ?'),
    setMember: db.prepare('UPDATE participants SET group_name = ? WHERE id = ?'),
    clearMembers: db.prepare('UPDATE participants SET group_name = NULL WHERE event_id = ?'),
    rosterGroupNames: db.prepare(
      `SELECT group_name, MIN(id) AS first FROM participants WHERE event_id = ? AND group_name IS NOT NULL
         AND TRIM(group_name) <> '' GROUP BY group_name ORDER BY first`,
    ),

    assignment: db.prepare('SELECT * FROM group_assignments WHERE event_id = ?'),
    putAssignment: db.prepare(
      `INSERT INTO group_assignments (event_id, group_count, balance_json, seed, assigned_at)
       VALUES (@eventId, @groupCount, @balance, @seed, @at)
       ON CONFLICT (event_id) DO UPDATE SET group_count = excluded.group_count,
         balance_json = excluded.balance_json, seed = excluded.seed, assigned_at = excluded.assigned_at`,
    ),

    records: db.prepare('SELECT * FROM group_records WHERE session_id = ? ORDER BY group_id'),
    eventRecords: db.prepare(
      `SELECT r.* FROM group_records r JOIN sessions s ON s.id = r.session_id WHERE s.event_id = ?
       ORDER BY s.starts_at, r.session_id, r.group_id`,
    ),
    putRecord: db.prepare(
      `INSERT INTO group_records (session_id, group_id, topic, summary, source, updated_at)
       VALUES (@sessionId, @groupId, @topic, @summary, @source, @updatedAt)
       ON CONFLICT (session_id, group_id) DO UPDATE SET topic = excluded.topic, summary = excluded.summary,
         source = excluded.source, updated_at = excluded.updated_at`,
    ),
    deleteRecord: db.prepare('DELETE FROM group_records WHERE session_id = ? AND group_id = ?'),

    link: db.prepare(
      'SELECT l.*, s.event_id FROM group_record_links l JOIN sessions s ON s.id = l.session_id WHERE l.session_id = ?',
    ),
    linkByCode: db.prepare(
      'SELECT l.*, s.event_id FROM group_record_links l JOIN sessions s ON s.id = l.session_id WHERE l.code = ?',
    ),
    putLink: db.prepare(
      `INSERT INTO group_record_links (session_id, code, open, opened_at) VALUES (@sessionId, @code, @open, @at)
       ON CONFLICT (session_id) DO UPDATE SET code = excluded.code, open = excluded.open,
         opened_at = excluded.opened_at`,
    ),
    setLinkOpen: db.prepare('UPDATE group_record_links SET open = ? WHERE session_id = ?'),
  };
  const toLink = (row: Row): GroupRecordLinkRecord => ({
    sessionId: int(row, 'session_id'),
    eventId: int(row, 'event_id'),
    code: str(row, 'code'),
    open: int(row, 'open') === 1,
  });

  return {
    groups(eventId: number): DiscussionGroupRecord[] {
      return rows(q.groups.all(eventId)).map(toGroup);
    },
    group(id: number): DiscussionGroupRecord | null {
      const row = q.group.get(id);
      return isRow(row) ? toGroup(row) : null;
    },
    groupNamed(eventId: number, name: string): DiscussionGroupRecord | null {
      const row = q.byName.get(eventId, name);
      return isRow(row) ? toGroup(row) : null;
    },
    /** A new group at the end of the class's list. */
    createGroup(eventId: number, name: string, at: string): DiscussionGroupRecord {
      const next = q.nextPosition.get(eventId);
      const position = isRow(next) ? int(next, 'n') : 1;
      const { lastInsertRowid } = q.insert.run({ eventId, name, position, leaderId: null, recorderId: null, at });
      const row = q.group.get(Number(lastInsertRowid));
      if (!isRow(row)) throw new Error('group vanished after insert');
      return toGroup(row);
    },
    /** Renames the group and its members' group_name together (call inside a transaction). */
    renameGroup(group: DiscussionGroupRecord, name: string): void {
      q.renameMembers.run(name, group.eventId, group.name);
      q.rename.run(name, group.id);
    },
    setRoles(groupId: number, leaderId: number | null, recorderId: number | null): void {
      q.setRoles.run(leaderId, recorderId, groupId);
    },
    /** Removes the group; its members become ungrouped (call inside a transaction). */
    removeGroup(group: DiscussionGroupRecord): void {
      q.renameMembers.run(null, group.eventId, group.name);
      q.remove.run(group.id);
    },
    /** Every group of the class and everyone's membership go (call inside a transaction). */
    clearGroups(eventId: number): void {
      q.clearMembers.run(eventId);
      q.removeAll.run(eventId);
    },
    setMemberGroup(participantId: number, groupName: string | null): void {
      q.setMember.run(groupName, participantId);
    },
    /** Group names the roster carries (import, trainee form), in the order they first appear. */
    rosterGroupNames(eventId: number): string[] {
      return rows(q.rosterGroupNames.all(eventId)).map((r) => str(r, 'group_name'));
    },

    assignment(eventId: number): GroupAssignmentRecord | null {
      const row = q.assignment.get(eventId);
      if (!isRow(row)) return null;
      return {
        groupCount: optInt(row, 'group_count'),
        balance: balanceOf(optStr(row, 'balance_json')),
        seed: optStr(row, 'seed'),
        assignedAt: optStr(row, 'assigned_at'),
      };
    },
    putAssignment(eventId: number, a: { groupCount: number; balance: readonly string[]; seed: string; at: string }) {
      q.putAssignment.run({
        eventId,
        groupCount: a.groupCount,
        balance: JSON.stringify(a.balance),
        seed: a.seed,
        at: a.at,
      });
    },

    records(sessionId: number): DiscussionRecord[] {
      return rows(q.records.all(sessionId)).map(toRecord);
    },
    eventRecords(eventId: number): DiscussionRecord[] {
      return rows(q.eventRecords.all(eventId)).map(toRecord);
    },
    putRecord(record: DiscussionRecord): void {
      q.putRecord.run(record);
    },
    deleteRecord(sessionId: number, groupId: number): void {
      q.deleteRecord.run(sessionId, groupId);
    },

    /** A discussion session's recorders' link, if it was ever opened. */
    recordLink(sessionId: number): GroupRecordLinkRecord | null {
      const row = q.link.get(sessionId);
      return isRow(row) ? toLink(row) : null;
    },
    recordLinkByCode(code: string): GroupRecordLinkRecord | null {
      const row = q.linkByCode.get(code);
      return isRow(row) ? toLink(row) : null;
    },
    openRecordLink(sessionId: number, code: string, at: string): void {
      q.putLink.run({ sessionId, code, open: 1, at });
    },
    setRecordLinkOpen(sessionId: number, open: boolean): void {
      q.setLinkOpen.run(open ? 1 : 0, sessionId);
    },
  };
}
export type GroupsRepository = ReturnType<typeof groupsRepository>;
