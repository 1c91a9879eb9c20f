import { describe, expect } from 'vitest';
import { ArchiveImported } from '../../shared/api/archive-routes';
import { AuditEntry } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { Group, GroupAssignment, GroupRecord, GroupRecordLink } from '../../shared/api/groups';
import { Session } from '../../shared/api/training';
import { ok } from '../support/contest';
import { fileBytes, savedName } from '../support/download';
import { startTestHost, type TestHost } from '../support/host';
import { nationalClassTrainees, nationalProvinces } from '../support/groups';
import { compact, readPdf } from '../support/pdf';
import { setUpClass, withClassHost } from '../support/training';

// Discussion groups over HTTP: a national class of 180 from 10 provinces dealt into 12 groups, leaders and recorders,
// moves and renames, the group lists and table cards read back with poppler, and the groups' discussion records.

interface NationalClass {
  eventId: number;
  base: string;
  people: Participant[];
}

/** 180 trainees: provinces of uneven size, three units in each (the first the largest), men and women. */
async function nationalClass(t: TestHost): Promise<NationalClass> {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: { title: '全国社区工作者示范培训班', kind: 'training', startsOn: '2026-03-02', endsOn: '2026-03-06' },
      }),
      'create the class',
    ),
  );
  const base = `/api/events/${event.id}`;
  const people: Participant[] = [];
  for (const body of nationalClassTrainees())
    people.push(Participant.parse(await ok(t.call('POST', `${base}/participants`, { body }), body.name)));
  return { eventId: event.id, base, people };
}

async function groupsOf(t: TestHost, base: string): Promise<Group[]> {
  return Group.array().parse(await ok(t.call('GET', `${base}/groups`), 'list the groups'));
}

describe('discussion groups', () => {
  withClassHost('deal 180 trainees into 12 balanced groups of 15, again the same with the seed', async ({ t }) => {
    const { base, people } = await nationalClass(t);
    const assigned = await t.call('POST', `${base}/groups/assign`, { body: { count: 12, seed: '20260302' } });
    expect(assigned.status).toBe(200);
    const groups = Group.array().parse(assigned.body);
    expect(groups.map((g) => g.name)).toEqual(Array.from({ length: 12 }, (_, i) => `第${i + 1}组`));
    expect(groups.map((g) => g.memberIds.length)).toEqual(Array<number>(12).fill(15));
    expect(new Set(groups.flatMap((g) => g.memberIds)).size).toBe(180);
    expect(groups.every((g) => g.leaderId === null)).toBe(true);

    const byId = new Map(people.map((p) => [p.id, p]));
    for (const [province, total] of nationalProvinces) {
      const most = Math.max(...groups.map((g) => g.memberIds.filter((id) => byId.get(id)?.region === province).length));
      expect(most, province).toBeLessThanOrEqual(Math.ceil(total / 12) + 1);
    }
    for (const g of groups) {
      const women = g.memberIds.filter((id) => byId.get(id)?.gender === 'female').length;
      expect(women).toBeGreaterThanOrEqual(3);
      expect(women).toBeLessThanOrEqual(7);
    }
    // The roster says the same: each trainee's 分组 is their group's name.
    const roster = Participant.array().parse(await ok(t.call('GET', `${base}/participants`), 'roster'));
    const nameOfGroup = new Map(groups.flatMap((g) => g.memberIds.map((id) => [id, g.name])));
    for (const p of roster) expect(p.group).toBe(nameOfGroup.get(p.id));

    expect(await groupsOf(t, base)).toEqual(groups);
    const assignment = GroupAssignment.parse(await ok(t.call('GET', `${base}/groups/assignment`), 'assignment'));
    expect(assignment).toMatchObject({ count: 12, seed: '20260302', balance: ['region', 'organization', 'gender'] });

    const again = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 12, seed: '20260302' } }), 'again'),
    );
    expect(again.map((g) => g.memberIds)).toEqual(groups.map((g) => g.memberIds));
    const other = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 12, seed: '777777' } }), 'another seed'),
    );
    expect(other.map((g) => g.memberIds)).not.toEqual(groups.map((g) => g.memberIds));

    // No seed: one is made up and recorded, and gives the same groups when given back.
    const unseeded = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 12 } }), 'no seed'),
    );
    const made = GroupAssignment.parse(await ok(t.call('GET', `${base}/groups/assignment`), 'assignment'));
    expect(made.seed).toMatch(/^\d{6}$/);
    const replay = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 12, seed: made.seed } }), 'replay'),
    );
    expect(replay.map((g) => g.memberIds)).toEqual(unseeded.map((g) => g.memberIds));

    // Asked in English, the groups are named in English.
    const english = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { lang: 'en', body: { count: 2, seed: 'en' } }), 'english'),
    );
    expect(english.map((g) => g.name)).toEqual(['Group 1', 'Group 2']);

    // 181 trainees: sizes 16 and 15.
    await ok(t.call('POST', `${base}/participants`, { body: { name: '迟到者' } }), 'one more');
    const odd = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 12, seed: '1' } }), '181'),
    );
    expect(odd.map((g) => g.memberIds.length).sort()).toEqual([...Array<number>(11).fill(15), 16]);
  });

  withClassHost('refuses a group count the class cannot fill, with a sentence; nothing changes', async ({ t }) => {
    const { eventId } = await setUpClass(t);
    const base = `/api/events/${eventId}`;
    const before = await groupsOf(t, base);
    // The training class's roster carries 第1组…第4组 already: they are its groups.
    expect(before.map((g) => g.name)).toEqual(['第1组', '第2组', '第3组', '第4组']);
    const tooMany = await t.call('POST', `${base}/groups/assign`, { body: { count: 41 } });
    expect(tooMany.status).toBe(400);
    expect(ErrorBody.parse(tooMany.body).error.message).toBe('40 名学员最多分成 40 组，请减少组数。');
    const zero = await t.call('POST', `${base}/groups/assign`, { body: { count: 0 } });
    expect(zero.status).toBe(400);
    expect(ErrorBody.parse(zero.body).error.field).toBe('count');
    const badBalance = await t.call('POST', `${base}/groups/assign`, { body: { count: 4, balance: ['province'] } });
    expect(badBalance.status).toBe(400);
    expect(await groupsOf(t, base)).toEqual(before);
  });

  withClassHost('leaders and recorders are members; moves, renames, adding and removing groups', async ({ t }) => {
    const { eventId, people } = await setUpClass(t);
    const base = `/api/events/${eventId}`;
    const groups = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 4, seed: 'x' } }), 'assign'),
    );
    const [one, two] = groups;
    if (!one || !two) throw new Error('expected groups');
    const nameOf = (id: number) => people.find((p) => p.id === id)?.name ?? '';
    const trainee = async (id: number) => {
      const roster = Participant.array().parse(await ok(t.call('GET', `${base}/participants`), 'roster'));
      const found = roster.find((p) => p.id === id);
      if (!found) throw new Error(`trainee ${id} is not on the roster`);
      return found;
    };
    const [leader = 0, recorder = 0] = one.memberIds;
    const outsider = two.memberIds[0] ?? 0;

    const notMember = await t.call('PUT', `${base}/groups/${one.id}`, {
      body: { name: one.name, leaderId: outsider, recorderId: null },
    });
    expect(notMember.status).toBe(409);
    const refusal = ErrorBody.parse(notMember.body).error;
    expect(refusal.field).toBe('leaderId');
    expect(refusal.message).toBe(
      `${nameOf(outsider)}不是“第1组”的成员。组长和记录员须从本组成员中选择，请先把他（她）调入本组。`,
    );
    const english = await t.call('PUT', `${base}/groups/${one.id}`, {
      lang: 'en',
      body: { name: one.name, leaderId: null, recorderId: outsider },
    });
    expect(ErrorBody.parse(english.body).error.message).toContain('must be members');

    const set = Group.parse(
      await ok(
        t.call('PUT', `${base}/groups/${one.id}`, {
          body: { name: '第一组（党建）', leaderId: leader, recorderId: recorder },
        }),
        'set leader',
      ),
    );
    expect(set).toMatchObject({ name: '第一组（党建）', leaderId: leader, recorderId: recorder });
    expect(set.memberIds).toEqual(one.memberIds);
    expect((await trainee(leader)).group).toBe('第一组（党建）');
    const taken = await t.call('PUT', `${base}/groups/${one.id}`, {
      body: { name: two.name, leaderId: leader, recorderId: recorder },
    });
    expect(taken.status).toBe(409);
    expect(ErrorBody.parse(taken.body).error.message).toBe('已有名为“第2组”的小组，请换一个组名。');

    // Moving the leader out clears the leadership; the recorder stays.
    const moved = Group.array().parse(
      await ok(t.call('PUT', `${base}/group-members/${leader}`, { body: { groupId: two.id } }), 'move'),
    );
    const oneAfter = moved.find((g) => g.id === one.id);
    expect(oneAfter?.leaderId).toBeNull();
    expect(oneAfter?.recorderId).toBe(recorder);
    expect(oneAfter?.memberIds).not.toContain(leader);
    expect(moved.find((g) => g.id === two.id)?.memberIds).toContain(leader);

    // Out of every group, then into a new one.
    const out = Group.array().parse(
      await ok(t.call('PUT', `${base}/group-members/${recorder}`, { body: { groupId: null } }), 'out'),
    );
    expect(out.flatMap((g) => g.memberIds)).not.toContain(recorder);
    expect(out.find((g) => g.id === one.id)?.recorderId).toBeNull();
    const added = await t.call('POST', `${base}/groups`, { body: {} });
    expect(added.status).toBe(201);
    const fifth = Group.parse(added.body);
    expect(fifth).toMatchObject({ name: '第5组', memberIds: [] });
    await ok(t.call('PUT', `${base}/group-members/${recorder}`, { body: { groupId: fifth.id } }), 'into the new');
    expect((await groupsOf(t, base)).find((g) => g.id === fifth.id)?.memberIds).toEqual([recorder]);
    const unknown = await t.call('PUT', `${base}/group-members/${recorder}`, { body: { groupId: 999 } });
    expect(unknown.status).toBe(404);

    // Removing a group leaves its members ungrouped.
    expect((await t.call('DELETE', `${base}/groups/${fifth.id}`)).status).toBe(204);
    expect((await trainee(recorder)).group).toBeNull();
    expect((await groupsOf(t, base)).map((g) => g.id)).not.toContain(fifth.id);

    // A trainee added later with a group name of their own brings that group along.
    await ok(t.call('POST', `${base}/participants`, { body: { name: '新学员', group: '机动组' } }), 'late');
    expect((await groupsOf(t, base)).map((g) => g.name)).toContain('机动组');
    // Each change is in the audit log: the move names the trainee and both groups.
    const audit = AuditEntry.array().parse(await ok(t.call('GET', `${base}/audit`), 'audit'));
    const moves = audit.filter((e) => e.action === 'groups' && e.participantId === leader);
    expect(moves.map((e) => [e.before, e.after])).toContainEqual([{ group: '第一组（党建）' }, { group: two.name }]);

    // Groups a roster brings are added in their natural order, after the ones there are.
    await ok(t.call('POST', `${base}/participants`, { body: { name: '甲', group: '第十组' } }), 'tenth');
    await ok(t.call('POST', `${base}/participants`, { body: { name: '乙', group: '第二组' } }), 'second');
    expect((await groupsOf(t, base)).map((g) => g.name).slice(-3)).toEqual(['机动组', '第二组', '第十组']);
  });

  withClassHost('the group lists and table cards, read back with poppler', async ({ t }) => {
    const { eventId, people } = await setUpClass(t);
    const base = `/api/events/${eventId}`;
    const groups = Group.array().parse(
      await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 4, seed: 'cards' } }), 'assign'),
    );
    const [one] = groups;
    if (!one) throw new Error('expected groups');
    const leader = one.memberIds[0] ?? 0;
    await ok(
      t.call('PUT', `${base}/groups/${one.id}`, { body: { name: one.name, leaderId: leader, recorderId: null } }),
      'leader',
    );
    const leaderName = people.find((p) => p.id === leader)?.name ?? '';

    const lists = await t.call('GET', `${base}/groups.pdf`);
    expect(lists.status).toBe(200);
    expect(savedName(lists.headers)).toBe('观山湖区委党校社区工作者培训班-分组名单-2026年3月2日至4日.pdf');
    const pdf = readPdf(fileBytes(lists.body));
    expect(pdf.pageCount).toBe(4);
    expect(pdf.fonts.every((f) => f.embedded && f.subset)).toBe(true);
    const first = compact(pdf.pages[0] ?? '');
    expect(first).toContain('第1组');
    expect(first).toContain(`组长：${leaderName}`);
    for (const id of one.memberIds) expect(first).toContain(people.find((p) => p.id === id)?.name ?? '?');
    expect(compact(pdf.pages[3] ?? '')).toContain('第4组');

    const cards = await t.call('GET', `${base}/table-cards.pdf`);
    expect(cards.status).toBe(200);
    expect(savedName(cards.headers)).toBe('观山湖区委党校社区工作者培训班-桌牌-2026年3月2日至4日.pdf');
    const card = readPdf(fileBytes(cards.body));
    expect(card.pageCount).toBe(4);
    expect(card.pageSize.map(Math.round)).toEqual([842, 595]);
    expect(card.fonts.every((f) => f.embedded && f.subset)).toBe(true);
    // Both halves carry the name: the upside-down one and the upright one.
    expect(compact(card.pages[0] ?? '').split('第1组')).toHaveLength(3);
    expect(compact(card.pages[0] ?? '')).toContain(`组长${leaderName}`);

    const names = readPdf(fileBytes((await t.call('GET', `${base}/table-cards.pdf?kind=person`)).body));
    expect(names.pageCount).toBe(40);
    expect(names.text).toContain('刘友红');
    expect((await t.call('GET', `${base}/table-cards.pdf?kind=desk`)).status).toBe(400);
  });

  withClassHost('staff record each group’s discussion; a resubmission replaces it', async ({ t }) => {
    const { eventId, sessions } = await setUpClass(t);
    const base = `/api/events/${eventId}`;
    const groups = await groupsOf(t, base);
    const discussion = sessions.find((s: Session) => s.kind === 'discussion');
    const [one] = groups;
    if (!discussion || !one) throw new Error('expected a discussion and a group');
    const path = `${base}/sessions/${discussion.id}/group-records/${one.id}`;
    const saved = GroupRecord.parse(
      await ok(
        t.call('PUT', path, { body: { topic: '如何做好社区网格化服务', summary: '大家结合本社区实际…' } }),
        'record',
      ),
    );
    expect(saved).toMatchObject({ groupId: one.id, source: 'staff', topic: '如何做好社区网格化服务' });
    await ok(t.call('PUT', path, { body: { summary: '修改后的纪要' } }), 'again');
    const list = GroupRecord.array().parse(
      await ok(t.call('GET', `${base}/sessions/${discussion.id}/group-records`), 'list'),
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ topic: null, summary: '修改后的纪要' });

    const long = await t.call('PUT', path, { body: { summary: '字'.repeat(2001) } });
    expect(long.status).toBe(400);
    expect(ErrorBody.parse(long.body).error.field).toBe('summary');
    expect((await t.call('PUT', path, { body: { summary: '   ' } })).status).toBe(400);

    const lists = readPdf(fileBytes((await t.call('GET', `${base}/groups.pdf`)).body));
    expect(compact(lists.pages[0] ?? '')).toContain('修改后的纪要');

    expect((await t.call('DELETE', path)).status).toBe(204);
    const gone = await t.call('DELETE', path);
    expect(gone.status).toBe(404);
    expect(ErrorBody.parse(gone.body).error.message).toBe('“第1组”在这节课还没有讨论记录。');
  });

  withClassHost('a group’s recorder sends its record from a phone; others are told who can', async ({ t }) => {
    const { eventId, sessions, people } = await setUpClass(t);
    const base = `/api/events/${eventId}`;
    const groups = await groupsOf(t, base);
    const discussion = sessions.find((s: Session) => s.kind === 'discussion');
    const [one] = groups;
    if (!discussion || !one) throw new Error('expected a discussion and a group');
    const [recorder = 0, leader = 0, member = 0] = one.memberIds;
    await ok(
      t.call('PUT', `${base}/groups/${one.id}`, { body: { name: one.name, leaderId: leader, recorderId: recorder } }),
      'roles',
    );
    const phoneOf = (id: number) => people.find((p) => p.id === id)?.phone ?? '';
    const linkPath = `${base}/sessions/${discussion.id}/group-record-link`;

    expect(GroupRecordLink.parse(await ok(t.call('GET', linkPath), 'closed'))).toEqual({
      open: false,
      code: null,
      url: null,
    });
    const link = GroupRecordLink.parse(await ok(t.call('PUT', linkPath, { body: { open: true } }), 'open'));
    expect(link.code).toMatch(/^[a-hjkmnp-z2-9]{8}$/);
    expect(link.url).toContain(`/#/group-record/${link.code ?? ''}`);
    const again = GroupRecordLink.parse(await ok(t.call('PUT', linkPath, { body: { open: true } }), 'again'));
    expect(again.code).toBe(link.code);
    const pub = `/api/public/group-records/${link.code ?? ''}`;

    const session = await t.call('GET', pub, { token: null });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ title: '分组讨论', summaryLimit: 2000 });
    expect(JSON.stringify(session.body)).not.toContain(one.name);

    const sent = await t.call('POST', pub, {
      token: null,
      body: { phone: phoneOf(recorder), topic: '网格员队伍建设', summary: '第一次提交' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ group: one.name, name: people.find((p) => p.id === recorder)?.name, replaced: false });
    const byLeader = await t.call('POST', pub, { token: null, body: { phone: phoneOf(leader), summary: '组长改过' } });
    expect(byLeader.status).toBe(201);
    expect(byLeader.body).toMatchObject({ replaced: true });
    const records = GroupRecord.array().parse(
      await ok(t.call('GET', `${base}/sessions/${discussion.id}/group-records`), 'records'),
    );
    expect(records).toEqual([
      expect.objectContaining({ groupId: one.id, summary: '组长改过', source: 'recorder', topic: null }),
    ]);

    const notRecorder = await t.call('POST', pub, {
      token: null,
      body: { phone: phoneOf(member), summary: '我也想写' },
    });
    expect(notRecorder.status).toBe(403);
    expect(ErrorBody.parse(notRecorder.body).error.message).toBe(
      '只有本组的记录员或组长可以提交讨论记录。请由“第1组”的记录员或组长提交，或请工作人员在控制台录入。',
    );
    const unknown = await t.call('POST', pub, { token: null, body: { phone: '13900000000', summary: '路人' } });
    expect(unknown.status).toBe(404);
    expect(ErrorBody.parse(unknown.body).error.message).toBe('没有找到这个手机号码。请输入报名时登记的手机号码。');
    const tooLong = await t.call('POST', pub, {
      token: null,
      body: { phone: phoneOf(recorder), summary: '字'.repeat(2001) },
    });
    expect(tooLong.status).toBe(400);

    await ok(t.call('PUT', linkPath, { body: { open: false } }), 'close');
    const closed = await t.call('POST', pub, { token: null, body: { phone: phoneOf(recorder), summary: '晚了' } });
    expect(closed.status).toBe(409);
    const after = GroupRecord.array().parse(
      await ok(t.call('GET', `${base}/sessions/${discussion.id}/group-records`), 'records'),
    );
    expect(after.map((r) => r.summary)).toEqual(['组长改过']);
    expect((await t.call('GET', '/api/public/group-records/zzzzzzzz', { token: null })).status).toBe(404);
  });

  withClassHost(
    'an event archive carries the groups, their roles and records to another host',
    async ({ t, onTestFinished }) => {
      const { eventId, sessions } = await setUpClass(t);
      const base = `/api/events/${eventId}`;
      const [one] = Group.array().parse(
        await ok(t.call('POST', `${base}/groups/assign`, { body: { count: 4, seed: 'archive' } }), 'assign'),
      );
      const discussion = sessions.find((s: Session) => s.kind === 'discussion');
      if (!one || !discussion) throw new Error('expected a group and a discussion');
      const [leader = 0, recorder = 0] = one.memberIds;
      await ok(
        t.call('PUT', `${base}/groups/${one.id}`, { body: { name: '先锋组', leaderId: leader, recorderId: recorder } }),
        'roles',
      );
      await ok(
        t.call('PUT', `${base}/sessions/${discussion.id}/group-records/${one.id}`, { body: { summary: '纪要' } }),
        'record',
      );
      await ok(t.call('PUT', `${base}/sessions/${discussion.id}/group-record-link`, { body: { open: true } }), 'link');
      const archive = await t.call('GET', `${base}/archive.podium`);
      expect(archive.status).toBe(200);

      const other = await startTestHost();
      onTestFinished(() => other.stop());
      const imported = await other.call('POST', '/api/archives', { rawBody: fileBytes(archive.body) });
      expect(imported.status).toBe(201);
      const newId = ArchiveImported.parse(imported.body).eventId;
      const there = Group.array().parse(await ok(other.call('GET', `/api/events/${newId}/groups`), 'groups there'));
      expect(there.map((g) => [g.name, g.memberIds.length])).toEqual([
        ['先锋组', 10],
        ['第2组', 10],
        ['第3组', 10],
        ['第4组', 10],
      ]);
      const roster = Participant.array().parse(
        await ok(other.call('GET', `/api/events/${newId}/participants`), 'roster'),
      );
      const pioneer = there[0];
      expect(roster.find((p) => p.id === pioneer?.leaderId)?.group).toBe('先锋组');
      expect(roster.find((p) => p.id === pioneer?.recorderId)?.group).toBe('先锋组');
      const sessionsThere = Session.array().parse(
        await ok(other.call('GET', `/api/events/${newId}/sessions`), 'sessions'),
      );
      const discussionThere = sessionsThere.find((s) => s.kind === 'discussion');
      const recordsThere = GroupRecord.array().parse(
        await ok(
          other.call('GET', `/api/events/${newId}/sessions/${discussionThere?.id ?? 0}/group-records`),
          'records',
        ),
      );
      expect(recordsThere.map((r) => [r.groupId, r.summary])).toEqual([[pioneer?.id, '纪要']]);
      // The recorders' link (its code lets people in) stays home: the class there opens a new one.
      expect(
        GroupRecordLink.parse(
          await ok(
            other.call('GET', `/api/events/${newId}/sessions/${discussionThere?.id ?? 0}/group-record-link`),
            'link',
          ),
        ).open,
      ).toBe(false);
    },
  );
});
