import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import type { LiveMessage } from '../../shared/api/live';
import { startTestHost, tempDir, withHost, type TestHost } from '../support/host';
import { openLive } from '../support/live';

const contest = {
  title: '江浦路街道居民区青年干部演讲比赛',
  kind: 'contest',
  startsOn: '2024-07-03',
  venue: '辽源西路睦邻中心',
  organizer: '江浦路街道社工办',
};

function errorOf(body: unknown) {
  return ErrorBody.parse(body).error;
}

/** The contest above, created over HTTP under another title if given. */
async function created(t: TestHost, title = contest.title): Promise<Event> {
  return Event.parse((await t.call('POST', '/api/events', { body: { ...contest, title } })).body);
}

describe('host over HTTP on 127.0.0.1', () => {
  withHost('answers health with ok and a version, without a token', async ({ t }) => {
    const r = await t.call('GET', '/api/health', { token: null });
    expect(r.status).toBe(200);
    const version: unknown = expect.stringMatching(/^\d+\.\d+\.\d+/);
    expect(r.body).toEqual({ ok: true, version });
  });

  withHost('creates an event and lists it', async ({ t }) => {
    const created = await t.call('POST', '/api/events', { body: contest });
    expect(created.status).toBe(201);
    const event = Event.parse(created.body);
    expect(event).toMatchObject({
      title: contest.title,
      kind: 'contest',
      startsOn: '2024-07-03',
      endsOn: null,
      venue: '辽源西路睦邻中心',
    });
    const list = await t.call('GET', '/api/events');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(
      Event.array()
        .parse(list.body)
        .map((e) => e.title),
    ).toContain(contest.title);
    const one = await t.call('GET', `/api/events/${event.id}`);
    expect(Event.parse(one.body).id).toBe(event.id);
  });

  withHost('refuses a missing or wrong token with 401 in Chinese, and changes nothing', async ({ t }) => {
    const before = Event.array().parse((await t.call('GET', '/api/events')).body).length;
    for (const token of [null, 'wrong-token']) {
      const r = await t.call('POST', '/api/events', { token, body: contest });
      expect(r.status).toBe(401);
      const error = errorOf(r.body);
      expect(error.code).toBe('unauthorized');
      expect(error.message).toMatch(/口令/);
    }
    expect(Event.array().parse((await t.call('GET', '/api/events')).body)).toHaveLength(before);
  });

  withHost(
    'names the field of a body that fails the schema, in zh-CN by default and in English on request',
    async ({ t }) => {
      const zh = await t.call('POST', '/api/events', { body: { ...contest, startsOn: '2024-13-40' } });
      expect(zh.status).toBe(400);
      expect(errorOf(zh.body)).toEqual({
        code: 'validation',
        field: 'startsOn',
        message: '“开始日期”不是有效日期，请按 2024-07-03 的格式填写。',
      });
      const en = await t.call('POST', '/api/events', { body: { ...contest, title: '  ' }, lang: 'en-US,en;q=0.9' });
      expect(errorOf(en.body)).toEqual({ code: 'validation', field: 'title', message: '"Title" must not be empty.' });
    },
  );

  withHost('is strict: unknown keys, wrong enums, missing fields and reversed dates are 400s', async ({ t }) => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...contest, color: 'red' }, 'color', /不认识的字段“color”/],
      [{ ...contest, kind: 'party' }, 'kind', /“类型”只能是：contest、training/],
      [{ kind: 'contest', startsOn: '2024-07-03' }, 'title', /缺少“活动名称”/],
      [{ ...contest, endsOn: '2024-07-01' }, 'endsOn', /结束日期不能早于开始日期/],
      [{ ...contest, title: '长'.repeat(201) }, 'title', /最多 200 个字/],
    ];
    for (const [body, field, message] of cases) {
      const r = await t.call('POST', '/api/events', { body });
      expect(r.status, JSON.stringify(body)).toBe(400);
      const error = errorOf(r.body);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    }
  });

  withHost('answers broken JSON with a 400 sentence, not a 500', async ({ t }) => {
    const r = await t.call('POST', '/api/events', { rawBody: '{"title": 江浦', contentType: 'application/json' });
    expect(r.status).toBe(400);
    expect(errorOf(r.body)).toMatchObject({ code: 'bad_request', message: '请求内容不是有效的 JSON。' });
  });

  withHost('answers unknown routes and unknown events with 404 JSON', async ({ t }) => {
    const route = await t.call('GET', '/api/nothing-here');
    expect(route.status).toBe(404);
    expect(errorOf(route.body)).toMatchObject({ code: 'not_found', message: '没有找到 /api/nothing-here。' });
    const event = await t.call('GET', '/api/events/999999');
    expect(event.status).toBe(404);
    expect(errorOf(event.body).message).toBe('没有找到编号为 999999 的活动。');
  });

  withHost('registers participants and sorts them by pinyin with surnames read as surnames', async ({ t }) => {
    const event = Event.parse((await t.call('POST', '/api/events', { body: { ...contest, title: '拼音排序' } })).body);
    for (const name of ['张经天', '曾志', '单田芳', '阿福', '李贞']) {
      const r = await t.call('POST', `/api/events/${event.id}/participants`, {
        body: { name: ` ${name} `, phone: '138-0013-8000' },
      });
      expect(r.status).toBe(201);
    }
    const byOrder = Participant.array().parse((await t.call('GET', `/api/events/${event.id}/participants`)).body);
    expect(byOrder.map((p) => p.name)).toEqual(['张经天', '曾志', '单田芳', '阿福', '李贞']);
    expect(byOrder[0]?.phone).toBe('13800138000');
    const byPinyin = Participant.array().parse(
      (await t.call('GET', `/api/events/${event.id}/participants?sort=pinyin`)).body,
    );
    expect(byPinyin.map((p) => p.name)).toEqual(['阿福', '李贞', '单田芳', '曾志', '张经天']);
  });

  withHost('shows the public event without a token and without admin fields', async ({ t }) => {
    await created(t);
    const [event] = Event.array().parse((await t.call('GET', '/api/events')).body);
    const r = await t.call('GET', `/api/public/events/${event?.id}`, { token: null });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: event?.id, title: event?.title });
    expect(r.body).not.toHaveProperty('participantCount');
    expect(r.body).not.toHaveProperty('createdAt');
  });

  withHost('pushes live messages to the sockets of that event only, admin-only ones to admins only', async ({ t }) => {
    const [first, second] = [await created(t), await created(t, '拼音排序')];
    const pub = await openLive(t, `event=${first.id}`);
    const admin = await openLive(t, `event=${first.id}&token=${t.host.adminToken}`);
    const other = await openLive(t, `event=${second.id}`);
    const progress: LiveMessage = {
      type: 'scores-progress',
      eventId: first.id,
      participantId: 1,
      submittedJudgeIds: [1],
      expected: 7,
    };
    const performance: LiveMessage = { type: 'performance', eventId: first.id, performance: null, timer: null };
    expect(t.host.hub.publish(progress)).toBe(1);
    expect(t.host.hub.publish(performance)).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(pub.received).toEqual([performance]);
    expect(admin.received).toEqual([progress, performance]);
    expect(other.received).toEqual([]);
  });

  withHost('refuses a live socket with a wrong token or an unknown event', async ({ t }) => {
    const event = await created(t);
    const base = t.host.url.replace('http', 'ws');
    const status = (query: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${base}/api/live?${query}`);
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
      });
    expect(await status(`event=${event.id}&token=nope`)).toBe(401);
    expect(await status('event=424242')).toBe(404);
    expect(await status(`event=${event.id}`)).toBe(101);
  });

  withHost('gives a consistent backup of the database to the admin only', async ({ t }) => {
    expect((await t.call('GET', '/api/host/backup', { token: null })).status).toBe(401);
    const r = await t.call('GET', '/api/host/backup');
    expect(r.status).toBe(200);
    expect(r.body).toBeInstanceOf(Uint8Array);
    const bytes = r.body instanceof Uint8Array ? r.body : new Uint8Array();
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
    // A Chinese file name survives the header: ASCII fallback plus the UTF-8 name.
    const disposition = r.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="podium-__-\d{4}-\d{2}-\d{2}\.db"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toMatch(/^podium-备份-\d{4}-\d{2}-\d{2}\.db$/);
  });
});

/** A host serving a renderer folder of its own (the app page and one script), as `pages`, with that folder. */
const withPages = test.extend('pages', async ({ onTestFinished }) => {
  const renderer = tempDir('podium-renderer-');
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><html lang="zh-CN"><body>赛会通</body></html>');
  writeFileSync(join(renderer.path, 'assets', 'index-a1.js'), 'console.log(1)');
  const pages = await startTestHost({ rendererDir: renderer.path });
  onTestFinished(async () => {
    await pages.stop();
    renderer.remove();
  });
  return { ...pages, renderer: renderer.path };
});

describe('the pages, served from the renderer folder', () => {
  withPages('gives the app for a page address and the file for a file', async ({ pages }) => {
    for (const path of ['/', '/console', '/screen/1']) {
      const r = await pages.call('GET', path, { token: null });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
    const js = await pages.call('GET', '/assets/index-a1.js', { token: null });
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
  });

  withPages(
    'answers a missing script with a 404, not the app in its place (a blank page in the browser)',
    async ({ pages }) => {
      const r = await pages.call('GET', '/assets/index-gone.js', { token: null });
      expect(r.status).toBe(404);
      expect(errorOf(r.body).code).toBe('not_found');
    },
  );

  withPages('serves a renderer rebuilt while the host runs', async ({ pages }) => {
    writeFileSync(join(pages.renderer, 'assets', 'index-b2.js'), 'console.log(2)');
    const r = await pages.call('GET', '/assets/index-b2.js', { token: null });
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body as Uint8Array).toString()).toBe('console.log(2)');
  });
});
