import { describe, expect } from 'vitest';
import { AuditEntry } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { LiveMessage } from '../../shared/api/live';
import {
  AttendanceRecord,
  AttendanceSummary,
  Checkin,
  Completion,
  PublicCheckinDisplay,
  PublicCheckinResult,
  PublicCheckinSession,
  RosterRow,
  SelfCheckinState,
  Session,
} from '../../shared/api/training';
import { CertificateRecipients } from '../../shared/api/certificates';
import { ok } from '../support/contest';
import { openLive } from '../support/live';
import { setUpClass, withClassHost, type ClassHost, type ClassSetUp } from '../support/training';

// A 3-day class of 40 trainees in 2 venues with 8 sessions, over real HTTP on a host whose clock the test moves.

const err = (body: unknown) => ErrorBody.parse(body).error;

function api(t: ClassHost, c: ClassSetUp) {
  const base = `/api/events/${c.eventId}`;
  const session = (i: number) => {
    const s = c.sessions[i];
    if (!s) throw new Error(`no session ${i}`);
    return s;
  };
  return {
    base,
    session,
    checkin: (i: number, body: unknown, token?: string) =>
      t.call('POST', `${base}/sessions/${session(i).id}/checkins`, { body, token }),
    roster: async (i: number, token?: string) =>
      RosterRow.array().parse(
        await ok(t.call('GET', `${base}/checkin-roster?session=${session(i).id}`, { token }), 'roster'),
      ),
    attendance: async () => AttendanceSummary.parse(await ok(t.call('GET', `${base}/attendance`), 'attendance')),
    openSelf: async (i: number, rotateSeconds?: number) =>
      SelfCheckinState.parse(
        await ok(
          t.call('POST', `${base}/sessions/${session(i).id}/self-checkin`, { body: { open: true, rotateSeconds } }),
          'open self check-in',
        ),
      ),
    audit: async () => AuditEntry.array().parse(await ok(t.call('GET', `${base}/audit`), 'audit')),
  };
}

const person = (c: ClassSetUp, i: number) => {
  const p = c.people[i];
  if (!p) throw new Error(`no trainee ${i}`);
  return p;
};

describe('the schedule', () => {
  withClassHost(
    'lists sessions in time order with default 学时, warns of overlaps, refuses end before start',
    async ({ t }) => {
      const c = await setUpClass(t);
      const { base } = api(t, c);
      expect(c.sessions.map((s) => s.title)).toEqual([
        '开班式',
        '社区工作与社区工作者职业素养',
        '分组讨论',
        '社区社会组织培育与社区治理',
        '金元社区现场教学',
        '“三感社区”案例交流',
        '结业考试',
        '结业式',
      ]);
      // 30 min → 0.5; 2 h 20 min → 2.3; 3 h → 3.0; the exam's 1 as given.
      expect(c.sessions.map((s) => s.hours)).toEqual(['0.5', '2.3', '3.0', '3.0', '3.0', '3.0', '1.0', '0.5']);
      expect(c.sessions[0]?.venueName).toBe('主会场（党校报告厅）');
      expect(c.sessions.every((s) => s.overlaps.length === 0)).toBe(true);

      const clash = await t.call('POST', `${base}/sessions`, {
        body: {
          title: '加课',
          startsAt: '2026-03-02T11:00:00+08:00',
          endsAt: '2026-03-02T12:30:00+08:00',
          venueId: c.main.id,
        },
      });
      expect(clash.status).toBe(201);
      expect(Session.parse(clash.body).overlaps).toEqual([c.sessions[1]?.id]);
      // The same time in the other venue is no clash.
      const elsewhere = await t.call('POST', `${base}/sessions`, {
        body: {
          title: '分会场加课',
          startsAt: '2026-03-02T11:00:00+08:00',
          endsAt: '2026-03-02T12:30:00+08:00',
          venueId: c.sub.id,
        },
      });
      expect(Session.parse(elsewhere.body).overlaps).toEqual([]);

      const backwards = await t.call('POST', `${base}/sessions`, {
        body: { title: '倒着的课', startsAt: '2026-03-03T15:00:00+08:00', endsAt: '2026-03-03T14:00:00+08:00' },
      });
      expect(backwards.status).toBe(400);
      expect(err(backwards.body)).toMatchObject({ field: 'endsAt', message: '结束时间必须晚于开始时间。' });
      const otherVenue = await t.call('POST', `${base}/sessions`, {
        body: {
          title: '错会场',
          startsAt: '2026-03-03T15:00:00+08:00',
          endsAt: '2026-03-03T16:00:00+08:00',
          venueId: 9999,
        },
      });
      expect(otherVenue.status).toBe(400);
      expect(err(otherVenue.body).field).toBe('venueId');
      expect(Session.array().parse((await t.call('GET', `${base}/sessions`)).body)).toHaveLength(10);

      // Moved to the afternoon, then deleted.
      const moved = await t.call('PUT', `${base}/sessions/${Session.parse(clash.body).id}`, {
        body: {
          title: '加课',
          startsAt: '2026-03-02T17:10:00+08:00',
          endsAt: '2026-03-02T18:00:00+08:00',
          venueId: c.main.id,
        },
      });
      expect(Session.parse(moved.body)).toMatchObject({ overlaps: [], hours: '0.8' });
      const gone = await t.call('DELETE', `${base}/sessions/${Session.parse(clash.body).id}`);
      expect(gone.status).toBe(204);
      expect(Session.array().parse((await t.call('GET', `${base}/sessions`)).body)).toHaveLength(9);
    },
  );

  withClassHost('class details and trainee fields are kept; a venue of another class is refused', async ({ t }) => {
    const c = await setUpClass(t);
    const { base } = api(t, c);
    const event = Event.parse((await t.call('GET', base)).body);
    expect(event).toMatchObject({ term: '第一期', classTeacher: '周老师', contact: '0851-1234567', graceMinutes: 10 });
    const updated = await t.call('PUT', base, {
      body: {
        title: event.title,
        kind: 'training',
        startsOn: '2026-03-02',
        endsOn: '2026-03-04',
        term: '第二期',
        graceMinutes: 5,
      },
    });
    expect(Event.parse(updated.body)).toMatchObject({ term: '第二期', classTeacher: null, graceMinutes: 5 });

    const created = await t.call('POST', `${base}/participants`, {
      body: { name: '杨帆', region: '贵州省', ethnicity: '布依族', note: '素食', venueId: c.sub.id },
    });
    expect(Participant.parse(created.body)).toMatchObject({
      region: '贵州省',
      ethnicity: '布依族',
      note: '素食',
      venueId: c.sub.id,
    });
    const other = Event.parse(
      (await t.call('POST', '/api/events', { body: { title: '另一个班', kind: 'training', startsOn: '2026-04-01' } }))
        .body,
    );
    const foreign = await ok(
      t.call('POST', `/api/events/${other.id}/venues`, { body: { name: '别处', kind: 'main' } }),
      'venue',
    );
    const bad = await t.call('POST', `${base}/participants`, {
      body: { name: '错会场', venueId: (foreign as { id: number }).id },
    });
    expect(bad.status).toBe(400);
    expect(err(bad.body)).toMatchObject({ field: 'venueId' });
    expect(err(bad.body).message).toContain('没有编号为');
    expect(Participant.array().parse((await t.call('GET', `${base}/participants`)).body)).toHaveLength(41);
  });
});

describe('check-in at the desk', () => {
  withClassHost(
    'by id, phone and name from a desk token: present, then late after the grace minutes',
    async ({ t }) => {
      const c = await setUpClass(t);
      const a = api(t, c);
      const desk = c.desk.token;
      expect(c.desk.joinUrl).toBe(`${t.host.url}/#/desk/${c.eventId}?token=${desk}`);
      t.clock.set('2026-03-02T08:55:00');
      const byId = await a.checkin(0, { participantId: person(c, 0).id }, desk);
      expect(byId.status).toBe(201);
      expect(Checkin.parse(byId.body)).toMatchObject({ name: '王建国', group: '第1组', status: 'present' });
      const byPhone = await a.checkin(0, { phone: '138 0000 1001' }, desk);
      expect(Checkin.parse(byPhone.body)).toMatchObject({ name: '王丽华', status: 'present' });
      const byTail = await a.checkin(0, { phone: '1002' }, desk);
      expect(Checkin.parse(byTail.body)).toMatchObject({ name: '王志强' });
      t.clock.set('2026-03-02T09:10:00');
      const atGrace = await a.checkin(0, { name: '王晓燕' }, desk);
      expect(Checkin.parse(atGrace.body).status).toBe('present');
      t.clock.set('2026-03-02T09:10:01');
      const late = await a.checkin(0, { name: '李雨航' }, desk);
      expect(Checkin.parse(late.body)).toMatchObject({ name: '李雨航', status: 'late' });
      const byInitials = await a.checkin(0, { name: 'ljg' }, desk);
      expect(Checkin.parse(byInitials.body).name).toBe('李建国');

      const roster = await a.roster(0, desk);
      expect(roster).toHaveLength(40);
      expect(roster.filter((r) => r.status !== null).map((r) => [r.name, r.status])).toEqual([
        ['王建国', 'present'],
        ['王丽华', 'present'],
        ['王志强', 'present'],
        ['王晓燕', 'present'],
        ['李建国', 'late'],
        ['李雨航', 'late'],
      ]);
      expect(roster.find((r) => r.name === '李雨航')).toMatchObject({
        initials: 'lyh',
        pinyin: 'liyuhang',
        phoneTail: '1039',
      });
    },
  );

  withClassHost('refusals say what to do and change nothing', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    const desk = c.desk.token;
    t.clock.set('2026-03-02T09:05:00');
    await ok(a.checkin(0, { participantId: person(c, 3).id }, desk), 'first check-in');
    const before = await a.roster(0);

    const twice = await a.checkin(0, { participantId: person(c, 3).id }, desk);
    expect(twice.status).toBe(409);
    expect(err(twice.body).message).toBe('王晓燕已于 09:05 签到，无需重复签到。');
    const twiceEn = await t.call('POST', `${a.base}/sessions/${a.session(0).id}/checkins`, {
      body: { phone: '13800001003' },
      token: desk,
      lang: 'en',
    });
    expect(err(twiceEn.body).message).toContain('already checked in at 09:05');

    const namesakes = await a.checkin(0, { name: '刘友红' }, desk);
    expect(namesakes.status).toBe(409);
    expect(err(namesakes.body)).toMatchObject({
      code: 'ambiguous',
      candidates: [
        { participantId: person(c, 37).id, name: '刘友红', organization: '金元社区', phoneTail: '1037' },
        { participantId: person(c, 38).id, name: '刘友红', organization: '观山社区', phoneTail: '1038' },
      ],
    });
    expect(err(namesakes.body).message).toContain('单位和手机尾号');
    const initials = await a.checkin(0, { name: 'lyh' }, desk);
    expect(err(initials.body).candidates?.map((x) => x.name)).toEqual(['刘友红', '刘友红', '李雨航']);

    const unknownPhone = await a.checkin(0, { phone: '13999999999' }, desk);
    expect(unknownPhone.status).toBe(404);
    expect(err(unknownPhone.body).message).toContain('没有找到手机号为 13999999999 的学员');
    const unknownName = await a.checkin(0, { name: '诸葛亮' }, desk);
    expect(unknownName.status).toBe(404);
    expect(err(unknownName.body).message).toContain('诸葛亮');
    const unknownId = await a.checkin(0, { participantId: 999999 }, desk);
    expect(unknownId.status).toBe(404);
    const twoWays = await a.checkin(0, { participantId: person(c, 1).id, name: '王丽华' }, desk);
    expect(twoWays.status).toBe(400);
    const unknownSession = await t.call('POST', `${a.base}/sessions/999999/checkins`, {
      body: { participantId: person(c, 1).id },
      token: desk,
    });
    expect(unknownSession.status).toBe(404);

    expect(await a.roster(0)).toEqual(before);
  });

  withClassHost('a desk token reaches its own class only, and stops at once when revoked', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    const desk = c.desk.token;
    expect((await t.call('GET', `${a.base}/sessions`, { token: desk })).status).toBe(200);
    expect((await t.call('GET', `${a.base}/attendance`, { token: desk })).status).toBe(403);
    expect((await t.call('POST', `${a.base}/desks`, { token: desk, body: { name: '自封' } })).status).toBe(403);
    const set = await t.call('PUT', `${a.base}/sessions/${a.session(0).id}/attendance/${person(c, 0).id}`, {
      token: desk,
      body: { status: 'present' },
    });
    expect(set.status).toBe(403);

    const other = await setUpClass(t);
    expect((await t.call('GET', `/api/events/${other.eventId}/sessions`, { token: desk })).status).toBe(403);
    const foreign = await t.call('POST', `/api/events/${other.eventId}/sessions/${other.sessions[0]?.id}/checkins`, {
      token: desk,
      body: { participantId: other.people[0]?.id },
    });
    expect(foreign.status).toBe(403);
    expect(err(foreign.body).message).toBe('此口令无权进行该操作。');

    const revoked = await t.call('DELETE', `${a.base}/desks/${c.desk.id}`);
    expect(revoked.status).toBe(204);
    const after = await a.checkin(0, { participantId: person(c, 0).id }, desk);
    expect(after.status).toBe(401);
    expect(await ok(t.call('GET', `${a.base}/desks`), 'desks')).toEqual([]);
  });

  withClassHost('undo takes back a check-in (audited), not a status staff set', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    const desk = c.desk.token;
    const sid = a.session(0).id;
    t.clock.set('2026-03-02T08:58:00');
    await ok(a.checkin(0, { participantId: person(c, 5).id }, desk), 'check in');
    const undo = await t.call('DELETE', `${a.base}/sessions/${sid}/checkins/${person(c, 5).id}`, { token: desk });
    expect(undo.status).toBe(204);
    expect((await a.roster(0)).find((r) => r.participantId === person(c, 5).id)?.status).toBeNull();
    const again = await t.call('DELETE', `${a.base}/sessions/${sid}/checkins/${person(c, 5).id}`, { token: desk });
    expect(again.status).toBe(409);
    expect(err(again.body).message).toContain('还没有签到');
    expect((await a.audit()).find((e) => e.action === 'undo-checkin')).toMatchObject({
      actor: `desk:${c.desk.id}`,
      participantId: person(c, 5).id,
    });

    await ok(
      t.call('PUT', `${a.base}/sessions/${sid}/attendance/${person(c, 6).id}`, {
        body: { status: 'leave', reason: '病假' },
      }),
      'leave',
    );
    const staffSet = await t.call('DELETE', `${a.base}/sessions/${sid}/checkins/${person(c, 6).id}`, { token: desk });
    expect(staffSet.status).toBe(409);
    expect(err(staffSet.body).message).toContain('工作人员设置');
  });
});

describe('staff corrections', () => {
  withClassHost('leave needs a reason; every change is audited with before and after', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    const sid = a.session(1).id;
    const pid = person(c, 2).id;
    const path = `${a.base}/sessions/${sid}/attendance/${pid}`;
    const noReason = await t.call('PUT', path, { body: { status: 'leave' } });
    expect(noReason.status).toBe(400);
    expect(err(noReason.body)).toMatchObject({ field: 'reason', message: '设为请假时请填写原因。' });
    const badStatus = await t.call('PUT', path, { body: { status: 'asleep' } });
    expect(badStatus.status).toBe(400);
    expect(err(badStatus.body).field).toBe('status');
    expect((await a.roster(1)).find((r) => r.participantId === pid)?.status).toBeNull();

    t.clock.set('2026-03-02T09:41:00');
    await ok(a.checkin(1, { participantId: pid }), 'check in');
    const corrected = await t.call('PUT', path, { body: { status: 'late', reason: '实际 10:10 到场' } });
    expect(corrected.status).toBe(200);
    expect(AttendanceRecord.parse(corrected.body)).toMatchObject({ status: 'late', reason: '实际 10:10 到场' });
    expect(AttendanceRecord.parse(corrected.body).at).toBe('2026-03-02T01:41:00.000Z');
    const entry = (await a.audit()).find((e) => e.action === 'attendance');
    expect(entry).toMatchObject({
      actor: 'admin',
      participantId: pid,
      before: { sessionId: sid, status: 'present' },
      after: { sessionId: sid, status: 'late' },
      reason: '实际 10:10 到场',
    });
  });
});

describe('self check-in by phone', () => {
  withClassHost('the code from the self-checkin answer checks a trainee in; no names before that', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    t.clock.set('2026-03-02T08:50:00');
    const state = await a.openSelf(0);
    expect(state).toMatchObject({ open: true, rotateSeconds: 30 });
    expect(state.code).toMatch(/^\d{4}$/);
    expect(state.url).toBe(`${t.host.url}/#/checkin/${state.code}`);
    expect(Session.array().parse((await t.call('GET', `${a.base}/sessions`)).body)[0]?.selfCheckinOpen).toBe(true);

    const form = await t.call('GET', `/api/public/checkin/${state.code}`, { token: null });
    expect(PublicCheckinSession.parse(form.body)).toEqual({
      eventTitle: '观山湖区委党校社区工作者培训班',
      title: '开班式',
      startsAt: '2026-03-02T09:00:00+08:00',
      endsAt: '2026-03-02T09:30:00+08:00',
      venueName: '主会场（党校报告厅）',
    });
    const display = PublicCheckinDisplay.parse(
      (await t.call('GET', `/api/public/events/${c.eventId}/checkin`, { token: null })).body,
    );
    expect(display).toMatchObject({ code: state.code, url: state.url, refreshInSeconds: 30 });
    expect(display.counts).toEqual({ expected: 40, present: 0, late: 0, leave: 0 });
    for (const answer of [form.body, display]) expect(JSON.stringify(answer)).not.toMatch(/王建国|刘友红|1380000/);

    const done = await t.call('POST', `/api/public/checkin/${state.code}`, {
      token: null,
      body: { phone: '13800001010', device: 'phone-a' },
    });
    expect(done.status).toBe(201);
    expect(PublicCheckinResult.parse(done.body)).toEqual({ name: '张志强', status: 'present' });
    expect((await a.roster(0)).find((r) => r.name === '张志强')?.status).toBe('present');
  });

  withClassHost(
    'twice, a second person on one phone, unknown phones, old codes and closed sessions are refused',
    async ({ t }) => {
      const c = await setUpClass(t);
      const a = api(t, c);
      t.clock.set('2026-03-02T09:12:00');
      const { code } = await a.openSelf(0);
      const post = (phone: string, device: string, at = code) =>
        t.call('POST', `/api/public/checkin/${at}`, { token: null, body: { phone, device } });
      expect(PublicCheckinResult.parse((await post('13800001011', 'phone-a')).body).status).toBe('late');
      const before = await a.roster(0);

      const twice = await post('13800001011', 'phone-a');
      expect(twice.status).toBe(409);
      expect(err(twice.body).message).toBe('您已于 09:12 签到，无需重复签到。');
      const friend = await post('13800001012', 'phone-a');
      expect(friend.status).toBe(409);
      expect(err(friend.body).message).toContain('请到签到台签到');
      const stranger = await post('13912345678', 'phone-b');
      expect(stranger.status).toBe(404);
      expect(err(stranger.body).message).toBe('没有找到这个手机号的报名信息，请到签到台由工作人员为您签到。');

      // 35 s later the code on the screen has changed, but the previous one still works (someone typing slowly).
      t.clock.advance(35);
      expect((await post('13800001013', 'phone-c')).status).toBe(201);
      // A minute later it is two codes old: a photo sent out of the room.
      t.clock.advance(60);
      const old = await post('13800001014', 'phone-d');
      expect(old.status).toBe(403);
      expect(err(old.body).message).toBe('签到码已过期，请重新扫描屏幕上的二维码。');
      expect((await t.call('GET', `/api/public/checkin/${code}`, { token: null })).status).toBe(403);

      const fresh = await a.openSelf(0);
      expect(fresh.code).not.toBeNull();
      const closed = await ok(
        t.call('POST', `${a.base}/sessions/${a.session(0).id}/self-checkin`, { body: { open: false } }),
        'close',
      );
      expect(SelfCheckinState.parse(closed)).toMatchObject({ open: false, code: null, url: null });
      const notOpen = await post('13800001014', 'phone-d', fresh.code ?? '');
      expect(notOpen.status).toBe(409);
      expect(err(notOpen.body).message).toContain('尚未开放或已经结束');

      const after = await a.roster(0);
      expect(after.filter((r) => r.status !== null).map((r) => r.name)).toEqual(['张晓燕', '赵丽华']);
      expect(before.filter((r) => r.status !== null).map((r) => r.name)).toEqual(['张晓燕']);
    },
  );

  withClassHost('too many unknown numbers from one client are refused for a while, known ones too', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    t.clock.set('2026-03-02T08:55:00');
    const { code } = await a.openSelf(0, 600);
    const post = (phone: string, at = code) =>
      t.call('POST', `/api/public/checkin/${at}`, { token: null, body: { phone, device: `d-${phone}` } });
    for (let i = 0; i < 3; i++) expect((await post(`1390000000${i}`)).status).toBe(404);
    // Guessing codes counts too: only one code has existed yet, so any other never was.
    const guess = code === '0000' ? '0001' : '0000';
    for (let i = 0; i < 2; i++) expect((await post('13800001000', guess)).status).toBe(403);
    const limited = await post('13800001000');
    expect(limited.status).toBe(429);
    expect(err(limited.body)).toMatchObject({ code: 'rate_limited' });
    expect(err(limited.body).message).toContain('签到台');
    expect((await a.roster(0)).every((r) => r.status === null)).toBe(true);
    // Ten minutes on, the client may try again.
    t.clock.advance(601);
    const { code: later } = await a.openSelf(0, 600);
    const again = await t.call('POST', `/api/public/checkin/${later}`, {
      token: null,
      body: { phone: '13800001000', device: 'd-x' },
    });
    expect(again.status).toBe(201);
  });
});

describe('live attendance', () => {
  withClassHost('counts go to everyone, names only to the console and the desks', async ({ t }) => {
    const c = await setUpClass(t);
    const a = api(t, c);
    const screen = await openLive(t, `event=${c.eventId}`);
    const desk = await openLive(t, `event=${c.eventId}&token=${c.desk.token}`);
    t.clock.set('2026-03-02T08:59:00');
    await ok(a.checkin(0, { participantId: person(c, 0).id }, c.desk.token), 'check in');
    await expect.poll(() => Math.min(screen.received.length, desk.received.length)).toBe(1);
    const pub = LiveMessage.parse(screen.received[0]);
    const named = LiveMessage.parse(desk.received[0]);
    expect(pub).toEqual({
      type: 'attendance',
      eventId: c.eventId,
      sessionId: a.session(0).id,
      expected: 40,
      present: 1,
      late: 0,
      leave: 0,
    });
    expect(named).toMatchObject({
      present: 1,
      trainee: { participantId: person(c, 0).id, name: '王建国', group: '第1组', status: 'present' },
    });
  });
});

describe('attendance and completion', () => {
  withClassHost(
    'rates, 学时, leave apart, completion with an override, certificates for completers only',
    async ({ t }) => {
      const c = await setUpClass(t);
      const a = api(t, c);
      // Eight trainees come (every check-in is a durable write; 40 × 6 would be slow), the other 32 never do.
      const all = c.people.slice(0, 8).map((p) => p.id);
      const at = (i: number) => {
        t.clock.ms = Date.parse(a.session(i).startsAt) - 5 * 60_000;
      };
      // They attend sessions 0–5 (the first two days and a morning); sessions 6 and 7 are not held yet.
      for (let i = 0; i < 6; i++) {
        at(i);
        for (const pid of all) {
          if (pid === person(c, 1).id && i >= 4) continue; // 王丽华 misses two: 4 of 6
          if (pid === person(c, 2).id && i === 5) continue; // 王志强 misses one, on leave: 5 of 6
          if (pid === person(c, 3).id && i >= 3) continue; // 王晓燕 misses three: 3 of 6
          await ok(a.checkin(i, { participantId: pid }), `check in ${pid} to ${i}`);
        }
      }
      await ok(
        t.call('PUT', `${a.base}/sessions/${a.session(5).id}/attendance/${person(c, 2).id}`, {
          body: { status: 'leave', reason: '单位紧急任务' },
        }),
        'leave',
      );
      t.clock.set('2026-03-04T12:30:00');
      const summary = await a.attendance();
      expect(summary.heldSessionIds).toEqual(c.sessions.slice(0, 6).map((s) => s.id));
      const row = (i: number) => summary.rows.find((r) => r.participantId === person(c, i).id);
      // Six sessions held: 0.5 + 2.3 + 3.0 × 4 = 14.8 学时.
      expect(row(0)).toMatchObject({ attended: 6, rate: '100.0', hours: '14.8', completes: true });
      expect(row(1)).toMatchObject({ attended: 4, rate: '66.7', hours: '8.8', completes: false });
      expect(row(2)).toMatchObject({ attended: 5, leave: 1, rate: '83.3', hours: '11.8', completes: true });
      expect(row(3)).toMatchObject({ attended: 3, rate: '50.0', hours: '5.8', completes: false });
      expect(row(1)?.statuses[String(a.session(4).id)]).toBe('absent');
      expect(row(20)).toMatchObject({ attended: 0, rate: '0.0', hours: '0.0', completes: false });
      expect(row(0)?.statuses[String(a.session(6).id)]).toBeNull();
      expect(row(0)?.venue).toBe('主会场（党校报告厅）');
      expect(summary.perSession.find((s) => s.sessionId === a.session(5).id)).toEqual({
        sessionId: a.session(5).id,
        expected: 40,
        present: 5,
        late: 0,
        leave: 1,
      });

      // 请假 excused: 王志强 is 5 of 5; with a 60% rule 王丽华 (66.7) completes too.
      const excused = await t.call('PUT', `${a.base}/completion`, {
        body: {
          minRate: 60,
          leave: 'excused',
          overrides: [{ participantId: person(c, 3).id, completes: true, reason: '因公缺课，补学合格' }],
        },
      });
      expect(excused.status).toBe(200);
      const completion = Completion.parse(excused.body);
      expect(completion.completers).toEqual(all);
      expect((await a.attendance()).rows.find((r) => r.participantId === person(c, 2).id)?.rate).toBe('100.0');

      // Back to the default 80% with a minimum of 12 学时: 王志强 (11.8 h) no longer completes.
      const strict = Completion.parse(
        await ok(
          t.call('PUT', `${a.base}/completion`, {
            body: {
              minRate: 80,
              leave: 'missed',
              minHours: 12,
              overrides: [{ participantId: person(c, 3).id, completes: true, reason: '因公缺课，补学合格' }],
            },
          }),
          'strict',
        ),
      );
      const expected = all.filter((id) => id !== person(c, 1).id && id !== person(c, 2).id);
      expect(strict.completers).toEqual(expected);
      expect(Completion.parse((await t.call('GET', `${a.base}/completion`)).body)).toMatchObject({
        minRate: 80,
        leave: 'missed',
        minHours: 12,
        overrides: [{ participantId: person(c, 3).id, completes: true, reason: '因公缺课，补学合格' }],
        completers: expected,
      });
      const audited = (await a.audit()).filter((e) => e.action === 'completion');
      expect(audited.find((e) => e.participantId === person(c, 3).id)).toMatchObject({
        after: { completes: true },
        reason: '因公缺课，补学合格',
      });

      const recipients = CertificateRecipients.parse(
        (await t.call('GET', `${a.base}/certificates/completion/recipients`)).body,
      );
      expect(recipients.recipients.map((r) => r.participantId)).toEqual(expected);

      const unknown = await t.call('PUT', `${a.base}/completion`, {
        body: { minRate: 80, leave: 'missed', overrides: [{ participantId: 999999, completes: true, reason: '?' }] },
      });
      expect(unknown.status).toBe(400);
      expect(err(unknown.body).field).toBe('overrides.0.participantId');
      expect(Completion.parse((await t.call('GET', `${a.base}/completion`)).body).minHours).toBe(12);
    },
  );
});
