import { describe, expect } from 'vitest';
import { AuditEntry, Judge } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event } from '../../shared/api/events';
import { JoinAnswer, VenueAddress } from '../../shared/api/host';
import { Desk } from '../../shared/api/training';
import { contestWith, nextSubmission, ok } from '../support/contest';
import { startTestHost, withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

const joinCodePattern = /^[2-9A-HJ-NP-Z]{6}$/;

async function venue(t: TestHost): Promise<VenueAddress> {
  return VenueAddress.parse(await ok(t.call('GET', '/api/host/venue-address'), 'venue address'));
}

/** One of this computer's addresses on a network (the machine running the tests must have one). */
async function someAddress(t: TestHost): Promise<string> {
  const address = (await venue(t)).addresses[0];
  if (!address) throw new Error('this computer has no network address besides 127.0.0.1');
  return address;
}

async function listJudges(t: TestHost, eventId: number): Promise<Judge[]> {
  return Judge.array().parse(await ok(t.call('GET', `/api/events/${eventId}/judges`), 'judges'));
}

describe('the venue address on judges’ cards', () => {
  withHost('every link uses the chosen venue address, before the LAN is opened too', async ({ t }) => {
    const before = await venue(t);
    expect(before).toMatchObject({ chosen: null, joinBase: t.host.url, localOnly: true });
    const address = await someAddress(t);
    const { eventId, judges } = await contestWith(t, { judges: ['王评委'] });
    expect(judges[0]!.joinUrl).toBe(`${t.host.url}/#/judge?token=${judges[0]!.token}`);

    const chosen = VenueAddress.parse(
      await ok(t.call('PUT', '/api/host/venue-address', { body: { address } }), 'choose'),
    );
    const base = `http://${address}:${t.host.port}`;
    expect(chosen).toMatchObject({ chosen: address, joinBase: base, shortUrl: `${base}/j`, localOnly: true });
    const [judge] = await listJudges(t, eventId);
    expect(judge!.joinUrl).toBe(`${base}/#/judge?token=${judge!.token}`);

    // The check-in desks of a training class are handed the same address.
    const training = Event.parse(
      await ok(
        t.call('POST', '/api/events', { body: { title: '培训班', kind: 'training', startsOn: '2024-07-01' } }),
        'class',
      ),
    );
    const desk = Desk.parse(
      await ok(t.call('POST', `/api/events/${training.id}/desks`, { body: { name: '一号台' } }), 'desk'),
    );
    expect(desk.joinUrl).toBe(`${base}/#/desk/${training.id}?token=${desk.token}`);

    await t.host.setLan(true);
    // The first call may meet the keep-alive connection the rebind closed.
    const open = await venue(t).catch(() => venue(t));
    expect(open).toMatchObject({ joinBase: base, localOnly: false });
  });

  withHost('an address this computer does not have is refused with a sentence', async ({ t }) => {
    const r = await t.call('PUT', '/api/host/venue-address', { body: { address: '10.254.254.254' } });
    expect(r.status).toBe(400);
    expect(ErrorBody.parse(r.body).error).toMatchObject({
      field: 'address',
      message: '10.254.254.254 不是本机当前的网络地址，请从列表中选择。',
    });
    expect((await venue(t)).chosen).toBeNull();
  });

  withHost('the choice survives a restart of the host on the same data folder', async ({ t }) => {
    const address = await someAddress(t);
    const { eventId } = await contestWith(t, { judges: ['王评委'] });
    await ok(t.call('PUT', '/api/host/venue-address', { body: { address } }), 'choose');
    await t.host.close();
    const again = await startTestHost({ dataDir: t.dataDir });
    try {
      const [judge] = Judge.array().parse(await ok(again.call('GET', `/api/events/${eventId}/judges`), 'judges'));
      expect(judge!.joinUrl).toBe(`http://${address}:${again.host.port}/#/judge?token=${judge!.token}`);
      expect((await venue(again)).chosen).toBe(address);
    } finally {
      await again.stop();
    }
  });
});

describe('join codes', () => {
  withHost('each judge has a code without look-alikes that opens their page', async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { judges: ['王评委', '李评委', '张评委'] });
    const other = await contestWith(t, { judges: ['赵评委'] });
    const codes = [...judges, ...other.judges].map((j) => j.joinCode);
    for (const code of codes) expect(code).toMatch(joinCodePattern);
    expect(new Set(codes).size).toBe(4);
    expect((await listJudges(t, eventId)).map((j) => j.joinCode)).toEqual(codes.slice(0, 3));

    // Typed by hand on a phone: lower case, a space in the middle.
    const typed = `${judges[1]!.joinCode.slice(0, 3).toLowerCase()} ${judges[1]!.joinCode.slice(3)}`;
    const r = await t.call('POST', '/api/public/join', { token: null, body: { code: typed } });
    expect(r.status).toBe(200);
    const { url } = JoinAnswer.parse(r.body);
    expect(url).toBe(`/#/judge?token=${judges[1]!.token}`);
    const state = await t.call('GET', '/api/judge/state', {
      token: new URLSearchParams(url.split('?')[1]).get('token'),
    });
    expect(state.status).toBe(200);
  });

  withHost('wrong codes answer 404, then 429 after ten from one address, even for a right one', async ({ t }) => {
    const { judges } = await contestWith(t, { judges: ['王评委'] });
    for (let i = 0; i < 10; i++) {
      const r = await t.call('POST', '/api/public/join', { token: null, body: { code: 'ZZZZZ9' } });
      expect(r.status).toBe(404);
      expect(ErrorBody.parse(r.body).error.message).toBe('没有这个加入码，请核对评委卡上的 6 位加入码后重新输入。');
    }
    const limited = await t.call('POST', '/api/public/join', { token: null, body: { code: judges[0]!.joinCode } });
    expect(limited.status).toBe(429);
    expect(ErrorBody.parse(limited.body).error.code).toBe('rate_limited');
  });

  withHost('the short address on the card leads to the join page', async ({ t }) => {
    const r = await fetch(`${t.host.url}/j`, { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/#/join');
  });
});

describe('deleting a judge', () => {
  withHost('asks when they have scored, and refuses once a speaker they scored is revealed', async ({ t }) => {
    const { eventId, speakers, judges } = await contestWith(t, {
      speakers: ['张经天'],
      rubric: totalRubric(),
      judges: ['王评委', '李评委', '张评委', '赵评委'],
    });
    const [wang, li, zhang, zhao] = judges;
    const url = (judge: Judge, force = false) =>
      `/api/events/${eventId}/judges/${judge.id}${force ? '?force=true' : ''}`;

    // Added by mistake, no scores: gone, and the log says who it was.
    expect((await t.call('DELETE', url(zhao!))).status).toBe(200);
    expect((await listJudges(t, eventId)).map((j) => j.name)).toEqual(['王评委', '李评委', '张评委']);
    expect((await t.call('POST', '/api/public/join', { token: null, body: { code: zhao!.joinCode } })).status).toBe(
      404,
    );

    const speaker = speakers[0]!.id;
    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker}/start`), 'start');
    for (const [judge, total] of [
      [wang!, 88],
      [li!, 86],
      [zhang!, 60],
    ] as const) {
      const body = { scores: { total }, submissionId: nextSubmission() };
      await ok(t.call('PUT', `/api/judge/scores/${speaker}`, { token: judge.token, body }), 'score');
    }

    const asked = await t.call('DELETE', url(zhang!));
    expect(asked.status).toBe(409);
    expect(ErrorBody.parse(asked.body).error.message).toBe('评委“张评委”已为 1 位选手评分，删除后这些评分也会删除。');
    expect(await listJudges(t, eventId)).toHaveLength(3);
    expect((await t.call('DELETE', url(zhang!, true))).status).toBe(200);
    expect(await listJudges(t, eventId)).toHaveLength(2);

    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker}/lock`), 'lock');
    await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker}/reveal`), 'reveal');
    const ranking = await ok(t.call('GET', `/api/events/${eventId}/ranking`), 'ranking');
    expect(ranking).toMatchObject({ rows: [{ final: '87.00' }] });

    const refused = await t.call('DELETE', url(wang!, true));
    expect(refused.status).toBe(409);
    expect(ErrorBody.parse(refused.body).error.message).toContain('不能删除');
    expect(ErrorBody.parse(refused.body).error.message).toContain('回避');
    expect(await listJudges(t, eventId)).toHaveLength(2);

    const log = AuditEntry.array().parse(await ok(t.call('GET', `/api/events/${eventId}/audit`), 'audit'));
    const removals = log.filter((e) => e.action === 'judge' && e.after === null);
    // Newest first, as the console shows it.
    expect(removals.map((e) => e.before)).toEqual([
      expect.objectContaining({ name: '张评委', scored: 1 }),
      expect.objectContaining({ name: '赵评委', scored: 0 }),
    ]);
  });

  withHost('a judge is deleted through their own event only', async ({ t }) => {
    const a = await contestWith(t, { judges: ['王评委'] });
    const b = await contestWith(t, { judges: ['李评委'] });
    expect((await t.call('DELETE', `/api/events/${a.eventId}/judges/${b.judges[0]!.id}`)).status).toBe(404);
    expect(await listJudges(t, b.eventId)).toHaveLength(1);
    expect((await t.call('DELETE', `/api/events/${b.eventId}/judges/${b.judges[0]!.id}`)).status).toBe(200);
    expect(await listJudges(t, b.eventId)).toEqual([]);
  });
});
