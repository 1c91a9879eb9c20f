import type { Browser, Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';
import { JudgePageModel } from './page-models/judge';
import { ScreenPageModel } from './page-models/screen';

// The day of the contest as the people in the hall live it: the organiser at the console,
// three judges each on their own laptop, the projector on the wall — five separate browsers.

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
const judgeNames = ['王评委', '李评委', '赵评委'];

// Sheets in the preset rubric's order (内容 40, 表达 30, 形象 20, 时间 10; step 0.5).
// Speaker 1: 88.5, 90, 86 → trimmed mean (drop one high, one low) 88.50.
// Speaker 2: 91, 89.5, 92.5 → 91.00, who then leads.
const sheets = [
  [
    ['35', '26.5', '18', '9'],
    ['36', '27', '18', '9'],
    ['34', '25.5', '17.5', '9'],
  ],
  [
    ['36', '27.5', '18', '9.5'],
    ['35.5', '27', '18', '9'],
    ['37', '28', '18', '9.5'],
  ],
];
const finals = ['88.50', '91.00'];

async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  return context.newPage();
}

test('a contest day: console, three judges on their own laptops and projector run two speakers to the reveal', async ({
  browser,
  demoHost: host,
}) => {
  test.setTimeout(120_000);
  const consolePage = await newPage(browser, { width: 1366, height: 900 });
  const console_ = new ConsolePage(consolePage);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  const eventId = Number(/#\/console\/events\/(\d+)/.exec(consolePage.url())?.[1]);
  expect(eventId).toBeGreaterThan(0);

  // 评分规则: the usual speech-contest rubric, trimmed mean.
  await consolePage.getByTestId('tab-rubric').click();
  await consolePage.getByTestId('rubric-preset').click();
  await expect(consolePage.getByTestId('criterion-row')).toHaveCount(4);
  await consolePage.getByTestId('rubric-method').selectOption('trimmed-mean');
  await consolePage.getByTestId('rubric-save').click();
  await expect(console_.toast.filter({ hasText: '评分规则已保存' })).toBeVisible();

  // 评委: three judges, each with a link of their own.
  await consolePage.getByTestId('tab-judges').click();
  for (const name of judgeNames) {
    await consolePage.getByTestId('judge-add-name').fill(name);
    await consolePage.getByTestId('judge-add').click();
    await expect(consolePage.getByTestId('judge-card').filter({ hasText: name })).toBeVisible();
  }
  const links = await consolePage.getByTestId('judge-url').allTextContents();
  expect(links).toHaveLength(3);

  // 出场顺序: a draw with a recorded seed.
  await consolePage.getByTestId('tab-order').click();
  await consolePage.getByTestId('draw-advanced').click();
  await consolePage.getByTestId('draw-seed').fill('20240703');
  await consolePage.getByTestId('draw-button').click();
  await expect(consolePage.getByTestId('draw-seed-shown')).toContainText('20240703');
  const order = (await consolePage.getByTestId('order-row').allTextContents()).slice(0, 2);

  // The projector and the judges join.
  const screenPage = await newPage(browser, { width: 1920, height: 1080 });
  const screen = new ScreenPageModel(screenPage);
  await screen.open(host.url, eventId);
  await expect(screen.title).toContainText('青年干部演讲比赛');
  const judges: JudgePageModel[] = [];
  for (const link of links) {
    const judge = new JudgePageModel(await newPage(browser, { width: 1366, height: 768 }));
    await judge.page.goto(link.trim());
    await expect(judge.waiting).toBeVisible();
    judges.push(judge);
  }

  await consolePage.getByTestId('tab-run').click();
  const runRows = consolePage.getByTestId('run-row');
  for (const [index, judgeSheets] of sheets.entries()) {
    await runRows.nth(index).click();
    const speakerName = (await runRows.nth(index).textContent()) ?? '';
    expect(order[index] ?? '').toContain(speakerName.replace(/^\d+/, '').slice(0, 2));
    await consolePage.getByTestId('run-start').click();
    const current = consolePage.getByTestId('run-current');
    await expect(current.getByTestId('status-chip')).toHaveText('演讲中');
    const name = (await current.locator('.contest-stage-name').textContent())?.trim() ?? '';
    expect(name.length).toBeGreaterThan(0);

    // Within a second the projector and every judge show the speaker.
    await expect(screen.speaker).toContainText(name);
    for (const judge of judges) await expect(judge.speaker).toContainText(name);
    if (index === 0) {
      await judges[0]!.page.screenshot({ path: shot('day-judge-speaking') });
      await screenPage.screenshot({ path: shot('day-screen-speaking') });
    }

    // The judges score at their own pace; the console sees each one arrive.
    for (const [j, judge] of judges.entries()) {
      await judge.typeSheet(judgeSheets[j]!);
      await expect(judge.saveStatus).toContainText('已保存');
      await expect(consolePage.getByTestId('progress-count')).toContainText(`${j + 1}`);
    }
    await expect(consolePage.getByTestId('progress-cell').filter({ hasText: '✓' })).toHaveCount(3);
    // Nothing public yet.
    expect(await screenPage.evaluate(() => document.body.textContent ?? '')).not.toContain(finals[index]!);

    const finish = consolePage.getByTestId('run-finish');
    if (await finish.isEnabled()) await finish.click();
    await consolePage.getByTestId('run-lock').click();
    for (const judge of judges) await expect(judge.locked).toBeVisible();
    await consolePage.getByTestId('run-reveal').click();

    // The staged reveal: each judge's total, then the final.
    await expect(screen.reveal).toBeVisible();
    await expect(screen.judgeTotals).toHaveCount(3);
    await expect(screen.final).toHaveText(finals[index]!, { timeout: 20_000 });
    if (index === 1) await screenPage.screenshot({ path: shot('day-screen-reveal') });
  }

  // The leaderboard ranks the second speaker first.
  await screen.press('1');
  await expect(screen.leaderboardRows).toHaveCount(2);
  await expect(screen.leaderboardRows.first()).toContainText(finals[1]!);
  await expect(screen.leaderboardRows.nth(1)).toContainText(finals[0]!);
  await screenPage.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await screenPage.screenshot({ path: shot('day-screen-leaderboard') });

  // The console's ranking agrees, with each judge's total and the dropped ones marked.
  await consolePage.getByTestId('tab-ranking').click();
  const ranked = consolePage.getByTestId('ranking-row');
  await expect(ranked.first().getByTestId('ranking-final')).toHaveText(finals[1]!);
  await expect(ranked.nth(1).getByTestId('ranking-final')).toHaveText(finals[0]!);
  await consolePage.screenshot({ path: shot('day-console-ranking'), fullPage: true });

  // Each judge's own list keeps both scores.
  for (const judge of judges) await expect(judge.historyRows).toHaveCount(2);
});
