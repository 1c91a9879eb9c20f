import { JudgePageModel } from './page-models/judge';
import { ScreenPageModel } from './page-models/screen';
import { CheckinPageModel } from './page-models/checkin';
import { expect, field, items, shot, test } from './fixtures';

test('the projector shows the event in large Chinese type at 1920×1080 and is live', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const events = await demoHost.api('GET', '/api/events');
  const contest = items(events.body).find((e) => field(e, 'kind') === 'contest');
  const screen = new ScreenPageModel(page);
  await screen.open(demoHost.url, Number(field(contest, 'id')));
  await expect(screen.title).toContainText('江浦路街道');
  await expect(screen.waiting).toHaveText('比赛即将开始');
  await expect(page.getByText('2024年7月3日')).toBeVisible();
  await expect(screen.liveStatus).toHaveAttribute('data-state', 'open');
  // Readable from the back of the hall: the title is at least 64px.
  const size = await screen.title.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(64);
  await page.screenshot({ path: shot('screen-1920x1080') });
});

test('the projector says so when the event does not exist', async ({ page, host }) => {
  const screen = new ScreenPageModel(page);
  await screen.open(host.url, 4242);
  await expect(screen.notFound).toHaveText('没有找到这个活动。');
});

test('the judge page asks for a link without a token and says so when the token is not known', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const judge = new JudgePageModel(page);
  await judge.open(host.url);
  await expect(judge.needToken).toContainText('请扫描组织者提供的二维码');
  await judge.open(host.url, 'some-judge-token');
  // An unknown token reads as a link that no longer works (issue 10: reissued or revoked): ask for a new card.
  await expect(judge.linkLost).toContainText('这个评分链接已失效');
  await expect(judge.linkLost).toContainText('请向组织者索取新的评委卡片');
  await page.screenshot({ path: shot('judge-1366x768') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shot('judge-phone') });
});

test('the check-in and survey pages open', async ({ page, demoHost }) => {
  const checkin = new CheckinPageModel(page);
  // Not a 4-digit check-in code: the page asks for the code shown on the projector.
  await checkin.open(demoHost.url, 2);
  await expect(checkin.codeField).toBeVisible();
  await page.screenshot({ path: shot('checkin') });
  // Not an evaluation's code: the page asks for the QR code again instead of showing an empty form.
  await page.goto(`${demoHost.url}/#/survey/2`);
  await expect(page.getByText('这个链接不完整。请重新扫描投影或海报上的二维码。')).toBeVisible();
  await page.screenshot({ path: shot('survey') });
});
