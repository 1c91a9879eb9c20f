import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { totalRubric } from '../support/rubrics';
import { expect, field, items, ok, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { ScreenPageModel } from './page-models/screen';
import { ScreenControlModel } from './page-models/screen-control';

// The projector driven from the console (大屏幕), its own keys' help, its wording between speech and reveal,
// judge numbers that do not move, and a leaderboard that keeps clear of the footer however many speakers.

const shotDir = process.env.PODIUM_SCREEN_SHOTS ?? '/tmp/shots';
function screenShot(name: string): string {
  mkdirSync(shotDir, { recursive: true });
  return join(shotDir, `screen-control-${name}.png`);
}

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  return context.newPage();
}

async function demoContestId(host: RunningHost): Promise<number> {
  const events = await ok(host, 'GET', '/api/events');
  return Number(
    field(
      items(events).find((e) => field(e, 'kind') === 'contest'),
      'id',
    ),
  );
}

/** Three judges, speakers[i] given 80 + i by each, started, locked and (when asked) revealed over the API. */
async function runSpeakers(host: RunningHost, eventId: number, count: number, reveal = true) {
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, totalRubric({ step: 0.5 }, { tieBreak: [] }));
  const tokens: string[] = [];
  for (const name of ['王评委', '李评委', '张评委'])
    tokens.push(String(field(await ok(host, 'POST', `/api/events/${eventId}/judges`, { name }), 'token')));
  const speakers = items(await ok(host, 'GET', `/api/events/${eventId}/participants`)).slice(0, count);
  for (const [i, speaker] of speakers.entries()) {
    const pid = Number(field(speaker, 'id'));
    await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/start`);
    for (const token of tokens) {
      const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scores: { total: 80 + i }, submissionId: `screen-control-${pid}-${token}` }),
      });
      expect(response.status).toBe(200);
    }
    await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/lock`);
    if (reveal) await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/reveal`);
  }
  return speakers.map((s) => String(field(s, 'name')));
}

test('the console’s 大屏幕 buttons switch the projector in another browser, shown in a live thumbnail', async ({
  browser,
  demoHost: host,
}) => {
  test.setTimeout(180_000);
  const eventId = await demoContestId(host);
  const names = await runSpeakers(host, eventId, 2);

  const screenPage = await newPage(browser, { width: 1920, height: 1080 });
  const screen = new ScreenPageModel(screenPage);
  await screen.open(host.url, eventId);
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  await expect(screen.leaderboard).toBeVisible();

  const consolePage = await newPage(browser, { width: 1366, height: 768 });
  const console_ = new ConsolePage(consolePage);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  await consolePage.getByTestId('tab-run').click();
  const control = new ScreenControlModel(consolePage);
  await expect(control.button('auto')).toHaveAttribute('aria-pressed', 'true');

  // The thumbnail is the projector page itself, scaled down to 384×216 and not clickable.
  await expect(control.thumbnail).toBeVisible();
  const box = await control.thumbnail.boundingBox();
  expect(Math.round(box?.width ?? 0)).toBe(384);
  expect(Math.round(box?.height ?? 0)).toBe(216);
  expect(await control.thumbnail.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  await expect(control.thumbnailScreen.getByTestId('screen-leaderboard')).toBeVisible();

  await control.choose('paused');
  await expect(control.button('paused')).toHaveAttribute('aria-pressed', 'true');
  await expect(control.button('auto')).toHaveAttribute('aria-pressed', 'false');
  // A break: the event title alone, nothing else (no ranking, no footer).
  await expect(screen.frame).toHaveAttribute('data-scene', 'paused');
  await expect(screen.title).toHaveText(contestTitle);
  await expect(screen.leaderboard).toHaveCount(0);
  await expect(screen.footer).toHaveCount(0);
  await expect(control.thumbnailScreen.locator('.screen')).toHaveAttribute('data-scene', 'paused');
  await screenPage.screenshot({ path: screenShot('paused') });
  await consolePage.screenshot({ path: screenShot('console-1366x768') });

  // The host keeps it: a projector that reloads comes back paused.
  await screenPage.reload();
  await expect(screen.frame).toHaveAttribute('data-scene', 'paused');

  await control.choose('waiting');
  await expect(screen.waiting).toHaveText('比赛即将开始');
  await control.choose('leaderboard');
  await expect(screen.leaderboard).toBeVisible();
  await expect(screen.leaderboardRows).toHaveCount(2);
  await expect(screen.leaderboardRows.first()).toContainText(names[1] ?? '');
  // Awards before every speaker is revealed: the ranking is the next best thing.
  await control.choose('awards');
  await expect(screen.leaderboard).toBeVisible();
  await control.choose('paused');
  await expect(screen.frame).toHaveAttribute('data-scene', 'paused');

  // The projector's own keys still work there; the latest choice wins.
  await screen.press('1');
  await expect(screen.leaderboard).toBeVisible();
  await control.choose('paused');
  await expect(screen.frame).toHaveAttribute('data-scene', 'paused');
  await control.choose('auto');
  await expect(screen.leaderboard).toBeVisible();

  // The projector follows the console's language, even on another machine.
  await console_.switchLanguage();
  await expect(control.button('leaderboard')).toHaveText('Ranking');
  await expect(screenPage.getByText('Live ranking')).toBeVisible();
  await control.choose('waiting');
  await expect(screen.waiting).toHaveText('The contest will begin shortly');
  await screenPage.screenshot({ path: screenShot('waiting-en') });
  await console_.switchLanguage();
  await expect(screen.waiting).toHaveText('比赛即将开始');
});

test('F1 or ? on the projector shows its keys; Esc closes the help and leaves the scene alone', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const eventId = await demoContestId(host);
  await runSpeakers(host, eventId, 1);
  const screen = new ScreenPageModel(page);
  await screen.open(host.url, eventId);
  await expect(screen.leaderboard).toBeVisible();
  await expect(screen.help).toHaveCount(0);

  await page.keyboard.press('F1');
  await expect(screen.help).toBeVisible();
  for (const text of ['1', '2', 'Esc', 'F1', '排行榜', '获奖名单', '自动'])
    await expect(screen.help).toContainText(text);
  await page.screenshot({ path: screenShot('help') });
  await page.keyboard.press('Escape');
  await expect(screen.help).toHaveCount(0);
  await expect(screen.leaderboard).toBeVisible();

  await page.keyboard.press('?');
  await expect(screen.help).toBeVisible();
  await page.keyboard.press('?');
  await expect(screen.help).toHaveCount(0);
});

test('after 结束演讲 the projector no longer says 正在演讲, and a locked speaker waits for the reveal', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const eventId = await demoContestId(host);
  const screen = new ScreenPageModel(page);
  await screen.open(host.url, eventId);
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  const [name] = await runSpeakers(host, eventId, 0);
  expect(name).toBeUndefined();

  const speakers = items(await ok(host, 'GET', `/api/events/${eventId}/participants`));
  const pid = Number(field(speakers[0], 'id'));
  const judges = items(await ok(host, 'GET', `/api/events/${eventId}/judges`));
  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/start`);
  await expect(screen.speakerLabel).toContainText('正在演讲');

  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/finish`);
  await expect(screen.speakerLabel).toContainText('演讲结束');
  await expect(screen.speaker).not.toContainText('正在演讲');
  await expect(screen.timer).toContainText('评委评分中');
  await page.screenshot({ path: screenShot('scoring') });

  for (const judge of judges) {
    const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${String(field(judge, 'token'))}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: { total: 88 }, submissionId: `wording-${pid}-${String(field(judge, 'id'))}` }),
    });
    expect(response.status).toBe(200);
  }
  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/lock`);
  await expect(screen.timer).toContainText('评分结束，即将公布');
  await expect(screen.speaker).not.toContainText('评委评分中');
  await expect(screen.speaker).not.toContainText('正在演讲');
  await page.screenshot({ path: screenShot('locked') });
});

// ── Scenes on demand: the host's show answer and live socket are stood in for ──

const eventId = 1;
const event = {
  id: eventId,
  title: contestTitle,
  kind: 'contest',
  startsOn: '2024-07-03',
  endsOn: null,
  venue: '辽源西路睦邻中心',
  organizer: '江浦路街道',
};
const surnames = ['张', '叶', '刘', '高', '李', '王', '陈', '赵', '周', '吴'];

function rankingRows(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    rank: i + 1,
    participantId: 100 + i,
    name: `${surnames[i % surnames.length]}选手${i + 1}`,
    organization: `第${i + 1}居民区`,
    title: null,
    order: i + 1,
    final: (95 - i * 0.75).toFixed(2),
    judgeTotals: [],
    tieBrokenBy: null,
  }));
}

for (const count of [8, 12, 20]) {
  test(`${count} speakers on the leaderboard at 1920×1080 keep clear of the footer`, async ({ page, host }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const screen = new ScreenPageModel(page);
    const show = {
      event,
      current: null,
      timer: null,
      ranking: { decimals: 2, rows: rankingRows(count) },
      speakers: 20,
    };
    await screen.simulate(eventId, show, event);
    await screen.open(host.url, eventId);
    await expect(screen.leaderboard).toBeVisible();
    await expect(screen.leaderboardRows.first()).toBeVisible();
    await page.waitForTimeout(1200);
    const footerTop = (await screen.footer.boundingBox())?.y ?? 0;
    expect(footerTop).toBeGreaterThan(900);
    const rows = await screen.leaderboardRows.all();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const box = await row.boundingBox();
      // Clear space between every row and the footer: nothing touches it.
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThan(footerTop - 16);
    }
    if (count > rows.length) await expect(screen.leaderboard).toContainText(`1 / ${Math.ceil(count / rows.length)}`);
    await page.screenshot({ path: screenShot(`leaderboard-${count}`) });
  });
}

test('a recused judge leaves a gap in the reveal: 评委5 stays 评委5', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const screen = new ScreenPageModel(page);
  const show = { event, current: null, timer: null, ranking: { decimals: 2, rows: [] }, speakers: 8 };
  const live = await screen.simulate(eventId, show, event);
  await screen.open(host.url, eventId);
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  live.send({
    type: 'reveal',
    eventId,
    participantId: 104,
    name: '李贞',
    organization: '恒阳居民区',
    judgeTotals: [
      { judgeNo: 1, total: '88.50', dropped: null },
      { judgeNo: 2, total: '92.00', dropped: 'high' },
      { judgeNo: 3, total: '86.00', dropped: null },
      { judgeNo: 5, total: '80.50', dropped: 'low' },
    ],
    deduction: '0.00',
    final: '87.25',
    rank: 1,
  });
  await expect(screen.final).toHaveText('87.25', { timeout: 10_000 });
  await expect(screen.judgeTotals).toHaveCount(4);
  await expect(screen.recusedJudges).toHaveCount(1);
  await expect(screen.recusedJudges).toContainText('评委4');
  await expect(screen.recusedJudges).toContainText('回避');
  await expect(screen.judgeTotals.filter({ hasText: '评委5' })).toContainText('80.50');
  await page.screenshot({ path: screenShot('reveal-recused') });
});
