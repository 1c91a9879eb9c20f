import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { speechRubricWith } from '../support/rubrics';
import { expect, field, items, ok, test } from './fixtures';
import { ScreenPageModel } from './page-models/screen';

// Scene screenshots go where a person looks at them after a run.
const shotDir = process.env.PODIUM_SCREEN_SHOTS ?? '/tmp/shots';
function screenShot(name: string): string {
  mkdirSync(shotDir, { recursive: true });
  return join(shotDir, `screen-${name}.png`);
}

const rubric = speechRubricWith({ steps: { time: 1 }, timer: { greenAt: 0, amberAt: 240, redAt: 300 } });

// Five judges with distinct totals: 87.5, 92, 80.5, 89, 85 → drop 92 and 80.5.
const judgeScores = [
  { content: 35, delivery: 25.5, image: 18, time: 9 },
  { content: 38, delivery: 27, image: 18, time: 9 },
  { content: 32, delivery: 23.5, image: 17, time: 8 },
  { content: 36, delivery: 26, image: 18, time: 9 },
  { content: 34, delivery: 25, image: 17, time: 9 },
];

/** The text of every element on the page: to prove a score string is nowhere, not just not visible. */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

test('the projector reveals a speaker’s score only at the reveal, stages it, and ranks them', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const events = await ok(host, 'GET', '/api/events');
  const contest = items(events).find((e) => field(e, 'kind') === 'contest');
  const eventId = Number(field(contest, 'id'));
  expect(eventId).toBeGreaterThan(0);

  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, rubric);
  const tokens: string[] = [];
  for (const name of ['评委一', '评委二', '评委三', '评委四', '评委五']) {
    const judge = await ok(host, 'POST', `/api/events/${eventId}/judges`, { name });
    tokens.push(String(field(judge, 'token')));
  }
  const participants = await ok(host, 'GET', `/api/events/${eventId}/participants`);
  const first = items(participants)[0];
  const pid = Number(field(first, 'id'));
  const name = String(field(first, 'name'));

  const screen = new ScreenPageModel(page);
  await screen.open(host.url, eventId);
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  await expect(screen.waiting).toBeVisible();

  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/start`);
  await expect(screen.speaker).toContainText(name);
  await expect(screen.timer).toHaveAttribute('data-color', 'green');
  await expect(screen.timer).toContainText(/00:0\d/);
  await page.screenshot({ path: screenShot('speaking') });

  for (const [i, scores] of judgeScores.entries()) {
    const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores, submissionId: `screen-e2e-${pid}-${i}` }),
    });
    expect(response.status).toBe(200);
  }
  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/finish`);
  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/lock`);
  // Locked: the judges are done, the hall waits for the reveal.
  await expect(screen.timer).toContainText('评分结束，即将公布');
  await expect(screen.timer).not.toContainText('评委评分中');
  await page.screenshot({ path: screenShot('scoring') });

  // Locked, not yet revealed: nothing of the score is on the projector, not even hidden.
  const ranking = await ok(host, 'GET', `/api/events/${eventId}/ranking`);
  const rows = field(ranking, 'rows');
  const row = items(rows).find((r) => field(r, 'participantId') === pid);
  const final = String(field(row, 'final'));
  expect(final).toMatch(/^\d+\.\d\d$/);
  for (const hidden of [final, '92.00', '80.50', '87.50']) expect(await pageText(page)).not.toContain(hidden);
  await expect(screen.reveal).toHaveCount(0);
  await expect(screen.final).toHaveCount(0);

  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/reveal`);
  await expect(screen.reveal).toContainText(name);
  await expect(screen.judgeTotals).toHaveCount(judgeScores.length);
  // Staged: the final waits for the judges' totals to appear.
  await expect(screen.final).toHaveCount(0);
  await page.waitForTimeout(1300);
  await page.screenshot({ path: screenShot('reveal-judges') });
  await expect(screen.final).toHaveText(final);
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="high"]'))).toHaveCount(1);
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="low"]'))).toHaveCount(1);
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="high"]'))).toContainText('92.00');
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="low"]'))).toContainText('80.50');
  await expect(screen.reveal).not.toContainText('评委一');
  await page.screenshot({ path: screenShot('reveal-final') });

  // After the hold, the leaderboard lists the speaker with the same final.
  await expect(screen.leaderboard).toBeVisible({ timeout: 20_000 });
  await expect(screen.leaderboardRows.filter({ hasText: name })).toContainText(final);
  await page.screenshot({ path: screenShot('leaderboard-live') });
});

// ── Every scene on demand: the host's show answer and live socket are stood in for ──

const eventId = 1;
const event = {
  id: eventId,
  title: '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛',
  kind: 'contest',
  startsOn: '2024-07-03',
  endsOn: null,
  venue: '辽源西路睦邻中心',
  organizer: '江浦路街道',
};
const speakers = [
  ['张经天', '陈三居民区', '学习《习近平关于基层治理论述摘编》心得感悟'],
  ['叶颖华', '辽二居民区', '学好“枫桥经验”，做好社区工作'],
  ['刘逸禕', '辽四居民区', '让爱无碍，共建温暖家园'],
  ['高苑欣', '大花园居民区', '新进社区的90后居委干部'],
  ['李贞', '恒阳居民区', '提高社会化、法治化、智能化、专业化水平——构建富有活力和效率的新型基层社会治理体系'],
  ['刘菁', '张家浜居民区', '“136”打通服务居民“最后一公里”'],
  ['李怡', '又一村居民区', '最安心的港湾'],
  ['李文渊', '海上源居委会（筹）', '人人参与建设美丽新家园'],
] as const;
const finals = ['91.25', '89.80', '88.13', '88.13', '86.40', '85.75', '84.20', '82.60'];
const awards = ['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖', '优秀奖', '优秀奖'];
const timer = { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0 };

function performance(index: number, status: string, elapsedMs: number, running: boolean) {
  const [name, organization, title] = speakers[index] ?? speakers[0];
  return {
    participantId: 100 + index,
    name,
    organization,
    title,
    order: index + 1,
    status,
    startedAt: '2024-07-03T01:00:00.000Z',
    elapsedMs,
    running,
  };
}

function rankingRows(count: number, withAwards: boolean) {
  return speakers.slice(0, count).map(([name, organization, title], i) => ({
    rank: i === 3 ? 3 : i + 1,
    participantId: 100 + i,
    name,
    organization,
    title,
    order: i + 1,
    final: finals[i],
    judgeTotals: [],
    tieBrokenBy: null,
    ...(withAwards ? { award: awards[i], ...(i === 2 || i === 3 ? { tiedAward: true } : {}) } : {}),
  }));
}

test('the projector shows every scene: waiting, speaking with timer colours, reveal, leaderboard, awards', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const screen = new ScreenPageModel(page);
  const live = await screen.simulate(
    eventId,
    { event, current: null, timer, ranking: { decimals: 2, rows: [] }, speakers: 8 },
    event,
  );
  await screen.open(host.url, eventId);
  await expect(screen.waiting).toHaveText('比赛即将开始');
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  await page.waitForTimeout(800);
  await page.screenshot({ path: screenShot('waiting') });

  const performanceMessage = (p: unknown) => ({ type: 'performance', eventId, performance: p, timer });
  live.send(performanceMessage(performance(4, 'speaking', 3_000, true)));
  await expect(screen.speaker).toContainText('李贞');
  await expect(screen.speaker).toContainText('第 5 位');
  await expect(screen.timer).toHaveAttribute('data-color', 'green');
  await expect(screen.timer).toContainText('00:04');
  const nameSize = await page.locator('.screen-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(nameSize).toBeGreaterThanOrEqual(80);
  await page.screenshot({ path: screenShot('speaking-green') });

  live.send(performanceMessage(performance(4, 'speaking', 250_000, true)));
  await expect(screen.timer).toHaveAttribute('data-color', 'amber');
  await page.screenshot({ path: screenShot('speaking-amber') });

  live.send(performanceMessage(performance(4, 'speaking', 312_000, true)));
  await expect(screen.timer).toHaveAttribute('data-color', 'red');
  await expect(screen.timer).toContainText('超时 0:1');
  await page.waitForTimeout(700);
  await page.screenshot({ path: screenShot('speaking-overtime') });

  live.send(performanceMessage(performance(4, 'scoring', 318_000, false)));
  await expect(screen.timer).toContainText('评委评分中');
  await expect(screen.timer).toContainText('05:18');
  await page.waitForTimeout(1200);
  await expect(screen.timer).toContainText('05:18');
  await page.screenshot({ path: screenShot('speaking-scoring') });

  live.send({
    type: 'reveal',
    eventId,
    participantId: 104,
    name: '李贞',
    organization: '恒阳居民区',
    judgeTotals: [
      { total: '88.50', dropped: null },
      { total: '92.00', dropped: 'high' },
      { total: '86.00', dropped: null },
      { total: '80.50', dropped: 'low' },
      { total: '87.00', dropped: null },
      { total: '88.00', dropped: null },
      { total: '86.50', dropped: null },
    ],
    deduction: '0.50',
    final: '86.40',
    rank: 5,
  });
  await expect(screen.reveal).toContainText('李贞');
  await page.waitForTimeout(2300);
  await page.screenshot({ path: screenShot('reveal-staged') });
  await expect(screen.final).toHaveText('86.40');
  await expect(screen.reveal).toContainText('扣分 0.50');
  await expect(screen.reveal).toContainText('第 5 名');
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="high"]'))).toHaveText(/92\.00/);
  await expect(screen.judgeTotals.and(page.locator('[data-dropped="low"]'))).toHaveText(/80\.50/);
  await page.waitForTimeout(800);
  const finalSize = await screen.final.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(finalSize).toBeGreaterThanOrEqual(120);
  await page.screenshot({ path: screenShot('reveal-final-simulated') });

  // The next speaker on stage ends the held reveal.
  live.send({ type: 'ranking', eventId, ranking: { decimals: 2, rows: rankingRows(5, false) } });
  live.send(performanceMessage(performance(5, 'speaking', 0, true)));
  await expect(screen.speaker).toContainText('刘菁');
  live.send(performanceMessage(null));
  await expect(screen.leaderboard).toBeVisible();
  await expect(screen.leaderboardRows).toHaveCount(5);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: screenShot('leaderboard') });

  live.send({ type: 'ranking', eventId, ranking: { decimals: 2, rows: rankingRows(8, true) } });
  await expect(screen.leaderboardRows).toHaveCount(8);
  await expect(screen.leaderboardRows.first()).toContainText('一等奖');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: screenShot('leaderboard-awards') });

  // The host's shortcuts: 2 = 奖项, 1 = 排名, 0 = 自动.
  await screen.press('2');
  await expect(screen.awards).toBeVisible();
  await expect(screen.awards).toContainText('一等奖');
  await expect(screen.awards).toContainText('张经天');
  await page.waitForTimeout(1000);
  await page.screenshot({ path: screenShot('awards') });
  await screen.press('1');
  await expect(screen.leaderboard).toBeVisible();
  await screen.press('0');
  await expect(screen.leaderboard).toBeVisible();

  // 1280×720 keeps the proportions.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForTimeout(700);
  await page.screenshot({ path: screenShot('leaderboard-1280x720') });
});

test('a snapshot the host answered before a speaker started does not take the speaker off the projector', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const events = await ok(host, 'GET', '/api/events');
  const contest = items(events).find((e) => field(e, 'kind') === 'contest');
  const eventId = Number(field(contest, 'id'));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, rubric);
  // A contest starts only with a judge on the panel.
  await ok(host, 'POST', `/api/events/${eventId}/judges`, { name: '王评委' });
  const participants = await ok(host, 'GET', `/api/events/${eventId}/participants`);
  const first = items(participants)[0];
  const pid = Number(field(first, 'id'));
  const name = String(field(first, 'name'));

  // Every snapshot is read from the host at once but held back until the speaker has started:
  // it arrives after the live message that made it old, as on a slow venue network.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  let holding = true;
  await page.route(`**/api/public/events/${eventId}/show`, async (route) => {
    if (!holding) return route.continue();
    const stale = await route.fetch();
    held++;
    await released;
    await route.fulfill({ response: stale });
  });

  const screen = new ScreenPageModel(page);
  await screen.open(host.url, eventId);
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  await expect.poll(() => held).toBeGreaterThanOrEqual(1);
  await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/start`);
  await expect(screen.speaker).toContainText(name);

  // The late answers come in: the projector asks again instead of stepping back to "waiting".
  holding = false;
  const asksAgain = page.waitForResponse((r) => r.url().endsWith(`/api/public/events/${eventId}/show`));
  release();
  await asksAgain;
  await expect(screen.speaker).toContainText(name);
  await expect(screen.waiting).toBeHidden();
});
