import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { speechRubric } from '../support/rubrics';
import { expect, field, ok, test, type RunningHost } from './fixtures';
import { JudgePageModel } from './page-models/judge';

// A judge on a 390×844 phone on venue Wi-Fi (issue 9, items 10 and 11): the whole sheet above a one-line bar, the
// field being typed into above the keyboard, full-width digits, and a connection chip that tells the truth.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const shotDir = '/tmp/shots';
function judgeShot(name: string): string {
  mkdirSync(shotDir, { recursive: true });
  return `${shotDir}/judge-phone-${name}.png`;
}

/** A contest with one speaker on stage, the four-criterion speech rubric, and one judge. */
async function speakerOnStage(host: RunningHost): Promise<{ eventId: number; participantId: number; token: string }> {
  const event = await ok(host, 'POST', '/api/events', {
    title: '江浦路街道居民区青年干部演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
  });
  const eventId = Number(field(event, 'id'));
  const speaker = await ok(host, 'POST', `/api/events/${eventId}/participants`, {
    name: '叶颖华',
    organization: '辽二居民区',
    title: '学好“枫桥经验”，做好社区工作',
  });
  const participantId = Number(field(speaker, 'id'));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, speechRubric);
  const judge = await ok(host, 'POST', `/api/events/${eventId}/judges`, { name: '王评委' });
  await ok(host, 'POST', `/api/events/${eventId}/performances/${participantId}/start`);
  return { eventId, participantId, token: String(field(judge, 'token')) };
}

interface Box {
  top: number;
  bottom: number;
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('element not shown');
  return { top: found.y, bottom: found.y + found.height };
}

test('on a phone the whole sheet sits above a one-line bar, and the field typed into stays above the keyboard', async ({
  page,
  host,
}) => {
  const contest = await speakerOnStage(host);
  const judge = new JudgePageModel(page);
  await judge.open(host.url, contest.token);
  await expect(judge.inputs).toHaveCount(4);
  await page.screenshot({ path: judgeShot('sheet-390x844') });

  // The bar is one line: total, whether it is saved, and submit.
  const bar = judge.submitBar;
  const barBox = await box(bar);
  expect(barBox.bottom - barBox.top).toBeLessThanOrEqual(72);
  const inBar = [judge.total, judge.submitButton];
  const rows = await Promise.all(inBar.map(box));
  for (const row of rows) expect(row.top).toBeGreaterThanOrEqual(barBox.top);
  // Every criterion, the 4th included, is on screen above the bar without scrolling.
  for (const key of ['content', 'delivery', 'image', 'time']) {
    const input = await box(judge.input(key));
    expect(input.bottom, key).toBeLessThanOrEqual(barBox.top);
    expect(input.top, key).toBeGreaterThanOrEqual(0);
  }

  // The keyboard comes up (the visible area shrinks to 390×500) while the judge types in the last criterion.
  await judge.input('time').focus();
  await page.setViewportSize({ width: 390, height: 500 });
  await expect
    .poll(async () => {
      const input = await box(judge.input('time'));
      const barNow = await box(bar);
      return input.top >= 0 && input.bottom <= Math.min(500, barNow.top);
    })
    .toBe(true);
  await page.screenshot({ path: judgeShot('keyboard-390x500') });
  await page.setViewportSize({ width: 390, height: 844 });

  // A Chinese keyboard's full-width digits are taken as digits and fit their box.
  await judge.input('content').focus();
  await page.keyboard.insertText('２７．５');
  await expect(judge.input('content')).toHaveValue('27.5');
  const overflow = await judge.input('content').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await judge.typeSheet(['27.5', '２８', '１７．５', '９']);
  await expect(judge.saveStatus).toHaveAttribute('data-state', 'saved');
  await expect(judge.total).toHaveText('82.00');
  expect((await box(bar)).bottom - (await box(bar)).top).toBeLessThanOrEqual(72);
  await page.screenshot({ path: judgeShot('saved-390x844') });
});

/** The judge page with a speaker on stage and its connection chip green. */
async function connectedJudge(page: Page, host: RunningHost): Promise<{ judge: JudgePageModel; chip: Locator }> {
  const contest = await speakerOnStage(host);
  const judge = new JudgePageModel(page);
  const chip = page.getByTestId('live-status');
  await judge.open(host.url, contest.token);
  await expect(chip).toHaveAttribute('data-state', 'open');
  await expect(chip).toHaveText('已连接');
  return { judge, chip };
}

test('the connection chip turns the moment the phone goes offline and says how many scores wait', async ({
  page,
  context,
  host,
}) => {
  const { judge, chip } = await connectedJudge(page, host);

  await context.setOffline(true);
  await expect(chip).not.toHaveAttribute('data-state', 'open', { timeout: 1000 });
  await expect(chip).not.toContainText('已连接', { timeout: 1000 });

  // A sheet that cannot be sent is counted in the chip at once, as in the red banner.
  await judge.typeSheet(['36', '28.5', '17', '8']);
  await expect(judge.saveStatus).toHaveAttribute('data-state', 'pending');
  await expect(chip).toContainText('未保存 1 份', { timeout: 1000 });
  await page.screenshot({ path: judgeShot('offline-390x844') });

  // Back online: the sheet goes out, and only then is the chip green again.
  await context.setOffline(false);
  await expect(judge.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  await expect(chip).toHaveAttribute('data-state', 'open', { timeout: 20_000 });
  await expect(chip).toHaveText('已连接');
});

test('a sheet the host could not be reached for turns the chip even while the socket stays up', async ({
  page,
  host,
}) => {
  const { judge, chip } = await connectedJudge(page, host);

  // Venue Wi-Fi drops score requests but the live socket is still open.
  await page.route('**/api/judge/scores/**', (route) => route.abort('internetdisconnected'));
  await judge.typeSheet(['30', '25', '15', '7']);
  await expect(chip).toHaveAttribute('data-state', 'unsaved', { timeout: 1000 });
  await expect(chip).toHaveText('未保存 1 份，正在重试');
  await page.unroute('**/api/judge/scores/**');
  await expect(judge.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 25_000 });
  await expect(chip).toHaveAttribute('data-state', 'open');
});
