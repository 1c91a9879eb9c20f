import type { CDPSession, Page } from '@playwright/test';
import { speechRubric } from '../support/rubrics';
import { expect, field, ok, test, type RunningHost } from './fixtures';
import { JudgePageModel } from './page-models/judge';
import { gzipBytes } from './weight';

// What a judge's phone downloads over venue Wi-Fi (issue 9, item 9): the judge page's own code only, compressed,
// and on a reload nothing but the page and the API, the rest from the cache.

interface Transfer {
  url: string;
  /** Bytes on the wire, headers included, as DevTools' "transferred" column. */
  bytes: number;
  headers: Record<string, string>;
  fromCache: boolean;
}

/** Records every HTTP response of the page through the DevTools protocol until `stop()`. */
async function recordTransfers(page: Page): Promise<{ stop(): Promise<Transfer[]> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map<string, Transfer>();
  const done: Transfer[] = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    byId.set(event.requestId, {
      url: event.response.url,
      bytes: 0,
      headers,
      fromCache: event.response.fromDiskCache === true || event.response.fromPrefetchCache === true,
    });
  });
  cdp.on('Network.requestServedFromCache', (event) => {
    const entry = byId.get(event.requestId);
    if (entry) entry.fromCache = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = byId.get(event.requestId);
    if (!entry) return;
    entry.bytes = event.encodedDataLength;
    done.push(entry);
  });
  return {
    async stop() {
      await cdp.detach();
      return done;
    },
  };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const total = (transfers: readonly Transfer[]) => transfers.reduce((sum, t) => sum + t.bytes, 0);

/** A contest with one speaker on stage and one judge. */
async function contestWithJudge(host: RunningHost): Promise<{ eventId: number; token: string }> {
  const event = await ok(host, 'POST', '/api/events', {
    title: '江浦路街道演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
  });
  const eventId = Number(field(event, 'id'));
  const speaker = await ok(host, 'POST', `/api/events/${eventId}/participants`, { name: '张经天' });
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, speechRubric);
  const judge = await ok(host, 'POST', `/api/events/${eventId}/judges`, { name: '王评委' });
  await ok(host, 'POST', `/api/events/${eventId}/performances/${Number(field(speaker, 'id'))}/start`);
  return { eventId, token: String(field(judge, 'token')) };
}

/** Opens `url`, waits for `ready`, and reports what went over the wire. */
async function load(page: Page, open: () => Promise<unknown>, ready: () => Promise<void>): Promise<Transfer[]> {
  const recording = await recordTransfers(page);
  await open();
  await ready();
  // Late requests (a lazy chunk, the live socket's first answer) are counted too.
  await page.waitForLoadState('networkidle');
  return recording.stop();
}

test('the judge page loads its own code only, compressed, and a reload comes from the cache', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const contest = await contestWithJudge(host);
  const judge = new JudgePageModel(page);
  const ready = async () => {
    await expect(judge.inputs).toHaveCount(4);
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'open');
  };

  const first = await load(page, () => judge.open(host.url, contest.token), ready);
  const reload = await load(page, () => page.reload(), ready);
  const files = first.filter((t) => new URL(t.url).pathname !== '/api/judge/state' && !t.url.includes('/api/'));
  const gzip = await gzipBytes(files.map((t) => t.url));
  console.log(
    `judge page: first load ${kb(total(first))} KB, reload ${kb(total(reload))} KB ` +
      `(${first.length} then ${reload.length} requests; files gzip-only as on a LAN phone ${kb(gzip)} KB)`,
  );

  // Only the judge's chunk: no console, projector or check-in code, and no English unless it is chosen.
  const scripts = first.filter((t) => t.url.endsWith('.js')).map((t) => new URL(t.url).pathname);
  expect(scripts.some((p) => /\/JudgePage-[\w-]+\.js$/.test(p))).toBe(true);
  expect(scripts.filter((p) => /\/(ConsoleApp|ScreenPage|CheckinPage|DeskPage|en-core)-/.test(p))).toEqual([]);

  expect(total(first)).toBeLessThanOrEqual(120 * 1024);
  // A phone on http://192.168.… is offered gzip only (browsers keep brotli for HTTPS): the goal holds there too.
  expect(gzip).toBeLessThanOrEqual(120 * 1024);
  expect(total(reload)).toBeLessThanOrEqual(10 * 1024);

  // Every script and style sheet went compressed, and may be kept for a year under its hashed name.
  for (const asset of first.filter((t) => /\/assets\/.+\.(js|css)$/.test(t.url))) {
    expect(asset.headers['content-encoding'], asset.url).toMatch(/^(br|gzip)$/);
    expect(asset.headers['cache-control'], asset.url).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['vary'], asset.url).toMatch(/accept-encoding/i);
  }
  // The page that names the assets and every API answer are never kept.
  const html = first.find((t) => new URL(t.url).pathname === '/');
  expect(html?.headers['cache-control']).toBe('no-store');
  const state = first.find((t) => new URL(t.url).pathname === '/api/judge/state');
  expect(state?.headers['cache-control']).toBe('no-store');
  // On the reload the scripts came from the browser's cache, not over the network.
  expect(reload.filter((t) => t.url.endsWith('.js') && !t.fromCache && t.bytes > 0)).toEqual([]);

  // A judge who chose English gets it from the first paint: its strings arrive before the page shows.
  await page.evaluate(() => localStorage.setItem('podium.locale', 'en'));
  const english = await load(page, () => page.reload(), ready);
  await expect(judge.submitButton).toHaveText('Submit scores');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(english.filter((t) => /\/en-core-[\w-]+\.js$/.test(t.url))).toHaveLength(1);
});

test('the check-in phone page and the desk load their own code only, compressed', async ({ browser, host }) => {
  const event = await ok(host, 'POST', '/api/events', {
    title: '社区工作者培训班',
    kind: 'training',
    startsOn: '2024-07-03',
  });
  const eventId = Number(field(event, 'id'));
  const desk = await ok(host, 'POST', `/api/events/${eventId}/desks`, { name: '一号签到台' });
  const deskUrl = `${host.url}/#/desk/${eventId}?token=${encodeURIComponent(String(field(desk, 'token')))}`;

  // Each in a browser of its own: nothing cached from the other page.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const checkin = await load(
    phone,
    () => phone.goto(`${host.url}/#/checkin`),
    () => expect(phone.getByTestId('checkin-code')).toBeVisible(),
  );
  await phone.close();
  const laptop = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const deskLoad = await load(
    laptop,
    () => laptop.goto(deskUrl),
    () => expect(laptop.getByTestId('live-status')).toHaveAttribute('data-state', 'open'),
  );
  await laptop.close();
  console.log(`check-in phone page: first load ${kb(total(checkin))} KB; desk: first load ${kb(total(deskLoad))} KB`);

  const scripts = (transfers: Transfer[]) => transfers.filter((t) => t.url.endsWith('.js')).map((t) => t.url);
  expect(scripts(checkin).filter((url) => /\/(ConsoleApp|ScreenPage|JudgePage|DeskPage)-/.test(url))).toEqual([]);
  expect(scripts(deskLoad).filter((url) => /\/(ConsoleApp|ScreenPage|JudgePage|CheckinPage)-/.test(url))).toEqual([]);
  expect(total(checkin)).toBeLessThanOrEqual(120 * 1024);
});
