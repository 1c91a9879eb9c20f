import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { CertificateRecipients } from '../../shared/api/certificates';
import { AuditEntry, DrawResult, Performance } from '../../shared/api/contest';
import { EventRemoval, ParticipantRemoval } from '../../shared/api/editing';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { Session } from '../../shared/api/training';
import { contestWith, demoEvents, demoTiers, nextSubmission, ok, runContest } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { compact, readPdf } from '../support/pdf';
import { totalRubric } from '../support/rubrics';

const message = (body: unknown) => ErrorBody.parse(body).error.message;
const Count = z.object({ n: z.number() });

const bytes = (body: unknown) => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected bytes, got ${JSON.stringify(body)}`);
  return body;
};

async function auditOf(t: TestHost, eventId: number): Promise<AuditEntry[]> {
  return AuditEntry.array().parse(await ok(t.call('GET', `/api/events/${eventId}/audit`), 'audit'));
}

async function removal(t: TestHost, eventId: number, pid: number): Promise<ParticipantRemoval> {
  return ParticipantRemoval.parse(
    await ok(t.call('GET', `/api/events/${eventId}/participants/${pid}/removal`), 'removal'),
  );
}

/** The order of appearance as the run of show lists it (names). */
async function orderNames(t: TestHost, eventId: number): Promise<string[]> {
  const list = Performance.array().parse(await ok(t.call('GET', `/api/events/${eventId}/performances`), 'order'));
  return list.map((p) => p.name);
}

/** Starts a speaker and has every judge score them `total`. */
async function scored(t: TestHost, eventId: number, pid: number, tokens: string[], total = 85): Promise<void> {
  await ok(t.call('POST', `/api/events/${eventId}/performances/${pid}/start`), 'start');
  for (const token of tokens) {
    const body = { scores: { total }, submissionId: nextSubmission('editing') };
    await ok(t.call('PUT', `/api/judge/scores/${pid}`, { token, body }), 'score');
  }
}

describe('editing a speaker', () => {
  withHost('a misspelt name is corrected in place and the change is audited field by field', async ({ t }) => {
    const { eventId, speakers } = await contestWith(t, {
      speakers: [{ name: '张经添', organization: '陈三居民区', title: '学习心得' }, '叶颖华'],
    });
    const first = speakers[0]!;
    const r = await t.call('PUT', `/api/events/${eventId}/participants/${first.id}`, {
      body: { name: '张经天', organization: '陈三居民区', title: '学习心得' },
    });
    expect(r.status).toBe(200);
    const list = Participant.array().parse((await t.call('GET', `/api/events/${eventId}/participants`)).body);
    expect(list.map((p) => p.name)).toEqual(['张经天', '叶颖华']);
    const entry = (await auditOf(t, eventId)).find((e) => e.action === 'participant');
    expect(entry).toMatchObject({ participantId: first.id, before: { name: '张经添' }, after: { name: '张经天' } });
  });
});

describe('deleting a speaker asks what goes, and is refused where the record must stay', () => {
  withHost('before the first start a speaker leaves the drawn order; the others keep theirs', async ({ t }) => {
    const { eventId, speakers } = await contestWith(t, { speakers: ['张经天', '叶颖华', '刘逸禕', '高苑欣'] });
    await ok(t.call('POST', `/api/events/${eventId}/draw`, { body: { seed: 'editing' } }), 'draw');
    const before = await orderNames(t, eventId);
    const leaving = speakers[1]!;
    expect(await removal(t, eventId, leaving.id)).toEqual({
      name: '叶颖华',
      scores: 0,
      checkins: 0,
      certificates: [],
      inOrder: true,
      refused: null,
    });
    const r = await t.call('DELETE', `/api/events/${eventId}/participants/${leaving.id}`);
    expect(r.status).toBe(200);
    expect(await orderNames(t, eventId)).toEqual(before.filter((n) => n !== '叶颖华'));
    // Someone registered later goes to the end, never into the place left (SQLite may give the same id again).
    await ok(t.call('POST', `/api/events/${eventId}/participants`, { body: { name: '李贞' } }), 'late');
    expect(await orderNames(t, eventId)).toEqual([...before.filter((n) => n !== '叶颖华'), '李贞']);
    expect((await auditOf(t, eventId)).some((e) => e.action === 'remove-participant')).toBe(true);
  });

  withHost('a speaker on stage, or one who spoke in the drawn order, is refused with what to do', async ({ t }) => {
    const { eventId, speakers, judges } = await contestWith(t, {
      speakers: ['张经天', '叶颖华', '刘逸禕'],
      judges: ['王评委'],
      rubric: totalRubric(),
    });
    const order = DrawResult.parse(await ok(t.call('POST', `/api/events/${eventId}/draw`, { body: {} }), 'draw'));
    const first = speakers.find((s) => s.id === order.order[0])!;
    await scored(t, eventId, first.id, [judges[0]!.token]);
    const onStage = await t.call('DELETE', `/api/events/${eventId}/participants/${first.id}`);
    expect(onStage.status).toBe(409);
    expect(message(onStage.body)).toBe(`${first.name}正在演讲或评分中，不能删除；请先锁定评分。`);
    await ok(t.call('POST', `/api/events/${eventId}/performances/${first.id}/lock`), 'lock');
    const spoke = await t.call('DELETE', `/api/events/${eventId}/participants/${first.id}`);
    expect(spoke.status).toBe(409);
    expect(message(spoke.body)).toBe(`${first.name}已按抽签顺序上场，不能删除；如需更正姓名，请点“编辑”。`);
    // One who has not spoken yet (absent) may still go: the others keep their places.
    const absent = speakers.find((s) => s.id === order.order[2])!;
    expect((await t.call('DELETE', `/api/events/${eventId}/participants/${absent.id}`)).status).toBe(200);
  });

  withHost('without a draw, a speaker scored before any reveal goes with their scores', async ({ t }) => {
    const { eventId, speakers, judges } = await contestWith(t, {
      speakers: ['测试选手', '张经天'],
      judges: ['王评委', '李评委'],
      rubric: totalRubric(),
    });
    const rehearsal = speakers[0]!;
    await scored(
      t,
      eventId,
      rehearsal.id,
      judges.map((j) => j.token),
    );
    await ok(t.call('POST', `/api/events/${eventId}/performances/${rehearsal.id}/lock`), 'lock');
    expect(await removal(t, eventId, rehearsal.id)).toMatchObject({ scores: 2, inOrder: false, refused: null });
    expect((await t.call('DELETE', `/api/events/${eventId}/participants/${rehearsal.id}`)).status).toBe(200);
    expect(await orderNames(t, eventId)).toEqual(['张经天']);
    const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM scores').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM performances').get()).toEqual({ n: 0 });
    db.close();
  });

  withHost('once a result is revealed, a speaker with scores cannot be deleted (409 says to edit)', async ({ t }) => {
    const { eventId, speakers, judges } = await contestWith(t, {
      speakers: ['张经天', '叶颖华', '刘逸禕'],
      judges: ['王评委'],
      rubric: totalRubric(),
    });
    const [first, second, absent] = [speakers[0]!, speakers[1]!, speakers[2]!];
    await scored(t, eventId, first.id, [judges[0]!.token]);
    await ok(t.call('POST', `/api/events/${eventId}/performances/${first.id}/lock`), 'lock');
    await ok(t.call('POST', `/api/events/${eventId}/performances/${first.id}/reveal`), 'reveal');
    await scored(t, eventId, second.id, [judges[0]!.token]);
    await ok(t.call('POST', `/api/events/${eventId}/performances/${second.id}/lock`), 'lock');
    for (const speaker of [first, second]) {
      const r = await t.call('DELETE', `/api/events/${eventId}/participants/${speaker.id}`);
      expect(r.status).toBe(409);
      expect(message(r.body)).toBe(`成绩已公布，不能删除${speaker.name}；如需更正姓名，请点“编辑”。`);
      expect((await removal(t, eventId, speaker.id)).refused).toBe(message(r.body));
    }
    const en = await t.call('DELETE', `/api/events/${eventId}/participants/${first.id}`, { lang: 'en' });
    expect(message(en.body)).toBe(
      'Results have been revealed, so 张经天 cannot be deleted. To correct the name, use Edit.',
    );
    // A speaker who never spoke has nothing to lose.
    expect((await t.call('DELETE', `/api/events/${eventId}/participants/${absent.id}`)).status).toBe(200);
  });
});

describe('deleting a trainee', () => {
  withHost('says how many check-ins go, and takes them with the trainee', async ({ t }) => {
    const { training } = await demoEvents(t);
    const people = Participant.array().parse((await t.call('GET', `/api/events/${training.id}/participants`)).body);
    const trainee = people[0]!;
    const ask = await removal(t, training.id, trainee.id);
    expect(ask.checkins).toBeGreaterThan(0);
    expect(ask.refused).toBeNull();
    expect((await t.call('DELETE', `/api/events/${training.id}/participants/${trainee.id}`)).status).toBe(200);
    const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
    const left = db.prepare('SELECT COUNT(*) AS n FROM attendance WHERE participant_id = ?').get(trainee.id);
    expect(Count.parse(left).n).toBe(0);
    db.close();
  });
});

describe('renaming after certificates were printed marks them 需重印', () => {
  withHost('a rename marks that certificate only; printing only those clears the mark', async ({ t }) => {
    const { contest } = await demoEvents(t);
    await runContest(t, contest.id, [95, 92, 90, 88, 86, 84, 82, 80]);
    await ok(t.call('POST', `/api/events/${contest.id}/awards`, { body: { tiers: demoTiers } }), 'awards');
    const recipients = async () =>
      CertificateRecipients.parse((await t.call('GET', `/api/events/${contest.id}/certificates/award/recipients`)).body)
        .recipients;
    const pdf = (query = '') => t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=award${query}`);
    bytes((await pdf()).body);
    expect((await recipients()).every((r) => !r.reprint)).toBe(true);

    const speaker = (await recipients()).find((r) => r.name === '刘逸禕')!;
    const people = Participant.array().parse((await t.call('GET', `/api/events/${contest.id}/participants`)).body);
    const person = people.find((p) => p.id === speaker.participantId)!;
    await ok(
      t.call('PUT', `/api/events/${contest.id}/participants/${person.id}`, {
        body: {
          name: '刘逸祎',
          gender: person.gender ?? undefined,
          organization: person.organization ?? undefined,
          title: person.title ?? undefined,
        },
      }),
      'rename',
    );
    const marked = (await recipients()).filter((r) => r.reprint);
    expect(marked.map((r) => [r.name, r.number])).toEqual([['刘逸祎', speaker.number]]);
    const entry = (await auditOf(t, contest.id)).find((e) => e.action === 'participant');
    expect(entry?.after).toEqual({ name: '刘逸祎', reprint: [speaker.number] });

    const again = readPdf(bytes((await pdf('&only=reprint')).body));
    expect(again.pageCount).toBe(1);
    expect(compact(again.text)).toContain('刘逸祎');
    expect((await recipients()).some((r) => r.reprint)).toBe(false);
    const none = await pdf('&only=reprint');
    expect(none.status).toBe(409);
    expect(message(none.body)).toBe('没有需要重印的证书：印出后没有人改过姓名、单位或奖项。');
  });
});

describe('editing and deleting an event', () => {
  withHost('PUT changes the details (audited); DELETE takes everything of the event, nothing else', async ({ t }) => {
    const { contest, training } = await demoEvents(t);
    await runContest(t, contest.id, [95, 92, 90, 88, 86, 84, 82, 80]);
    const put = await t.call('PUT', `/api/events/${contest.id}`, {
      body: { title: contest.title, kind: 'contest', startsOn: contest.startsOn, venue: '辽源西路睦邻中心二楼' },
    });
    expect(put.status).toBe(200);
    expect(Event.parse(put.body).venue).toBe('辽源西路睦邻中心二楼');
    const edit = (await auditOf(t, contest.id)).find((e) => e.action === 'event');
    expect(edit?.after).toMatchObject({ venue: '辽源西路睦邻中心二楼' });

    const classDetails = { title: training.title, kind: 'training', startsOn: training.startsOn, contact: '0851-1' };
    await ok(t.call('PUT', `/api/events/${training.id}`, { body: classDetails }), 'edit the class');
    const sessions = Session.array().parse((await t.call('GET', `/api/events/${training.id}/sessions`)).body);
    expect(sessions.length).toBeGreaterThan(0);
    const ask = EventRemoval.parse(await ok(t.call('GET', `/api/events/${contest.id}/removal`), 'removal'));
    expect(ask).toMatchObject({ participants: 8, judges: 3, scores: 24, checkins: 0, confirmTitle: true });

    const tables = [
      'participants',
      'judges',
      'performances',
      'contest_settings',
      'certificates',
      'audit_log',
      'sessions',
      'venues',
    ];
    const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
    const count = (table: string, id: number) =>
      Count.parse(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE event_id = ?`).get(id)).n;
    const trainingBefore = tables.map((table) => count(table, training.id));
    const del = await t.call('DELETE', `/api/events/${contest.id}`);
    expect(del.status).toBe(204);
    expect((await t.call('GET', `/api/events/${contest.id}`)).status).toBe(404);
    expect(tables.map((table) => count(table, contest.id))).toEqual(tables.map(() => 0));
    expect(db.prepare('SELECT COUNT(*) AS n FROM scores').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM score_submissions').get()).toEqual({ n: 0 });
    // The class is untouched, and its audit log is still append-only.
    expect(tables.map((table) => count(table, training.id))).toEqual(trainingBefore);
    db.close();
    const writable = new Sqlite(join(t.dataDir, 'podium.db'));
    expect(() => writable.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    writable.close();

    const classAsk = EventRemoval.parse(await ok(t.call('GET', `/api/events/${training.id}/removal`), 'removal'));
    expect(classAsk.checkins).toBeGreaterThan(0);
    expect(classAsk.confirmTitle).toBe(true);
    expect((await t.call('DELETE', `/api/events/${training.id}`)).status).toBe(204);
    expect(Event.array().parse((await t.call('GET', '/api/events')).body)).toEqual([]);
  });
});
