import { IssuedJudge, Judge } from '../../shared/api/contest';
import { Event, Participant } from '../../shared/api/events';
import { totalRubric } from '../support/rubrics';
import { expect, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { JudgesTabModel } from './page-models/join';
import { JudgePageModel } from './page-models/judge';

const title = '居民区青年干部演讲比赛';

/** A contest with a speaker on stage and two judges, set up over the API as the organiser would. */
async function onStage(host: RunningHost) {
  const event = Event.parse(await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' }));
  const speaker = Participant.parse(await ok(host, 'POST', `/api/events/${event.id}/participants`, { name: '张经天' }));
  await ok(host, 'PUT', `/api/events/${event.id}/rubric`, totalRubric());
  const judges: IssuedJudge[] = [];
  for (const name of ['王评委', '李评委'])
    judges.push(IssuedJudge.parse(await ok(host, 'POST', `/api/events/${event.id}/judges`, { name })));
  await ok(host, 'POST', `/api/events/${event.id}/performances/${speaker.id}/start`);
  return { eventId: event.id, judges };
}

test('a lost laptop: the organiser reissues a judge’s link, the old page is shut out, the new card works', async ({
  page,
  context,
  host,
}) => {
  // Three pages on one host, on a machine shared with other suites.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { eventId, judges } = await onStage(host);
  // The print dialog itself belongs to the browser; note that it was asked for.
  await page.addInitScript(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });

  // The judge's laptop, before it goes missing.
  const lostTab = await context.newPage();
  const lost = new JudgePageModel(lostTab);
  await lost.open(host.url, judges[0]!.token);
  await expect(lost.speaker).toContainText('张经天');

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const tab = new JudgesTabModel(page);
  await tab.open();
  const question = await tab.askLink('王评委', 'reissue');
  await expect(question).toContainText('旧链接和二维码将立即失效，需要重新打印这位评委的卡片');
  await question.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('judge-tokens-reissue-question-1366') });
  await tab.card('王评委').getByTestId('judge-reissue-confirm').click();
  await expect(console_.toast.filter({ hasText: '已为 王评委 生成新链接' })).toBeVisible();

  // The new card is printed at once: the new link and join code, for this judge only.
  const listed = Judge.array().parse(await ok(host, 'GET', `/api/events/${eventId}/judges`));
  const fresh = IssuedJudge.parse(listed.find((j) => j.name === '王评委'));
  expect(fresh.token).not.toBe(judges[0]!.token);
  await expect(tab.printView).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  await expect(tab.printView.locator('.contest-print-page')).toHaveCount(1);
  await expect(tab.printView.locator('.contest-print-url')).toHaveText(fresh.joinUrl);
  await expect(tab.printView.getByTestId('judge-print-code')).toContainText(fresh.joinCode);
  await page.getByTestId('judge-print-close').click();
  await expect(tab.card('王评委').getByTestId('judge-code')).toHaveText(fresh.joinCode);

  // The old page loses its live feed and, at its next look at the host, says what to do.
  await expect(lost.linkLost).toBeVisible({ timeout: 20_000 });
  await expect(lost.linkLost).toContainText('请向组织者索取新的评委卡片');
  await lostTab.setViewportSize({ width: 390, height: 844 });
  await lostTab.screenshot({ path: shot('judge-tokens-link-lost-390') });

  // The new card's link opens the judge's sheet.
  const freshTab = await context.newPage();
  const judge = new JudgePageModel(freshTab);
  await judge.open(host.url, fresh.token);
  await expect(judge.speaker).toContainText('张经天');
  await expect(freshTab.getByText('评委：王评委')).toBeVisible();

  // 停用 asks first and says how to undo it; the card then shows the judge as disabled.
  const revoke = await tab.askLink('李评委', 'revoke');
  await expect(revoke).toContainText('已提交的评分仍计入成绩');
  await expect(revoke).toContainText('重新生成链接');
  await tab.card('李评委').getByTestId('judge-revoke-confirm').click();
  await expect(tab.card('李评委').getByTestId('judge-link-tag')).toHaveText('已停用');
  await expect(tab.card('李评委').getByTestId('judge-qr')).toHaveCount(0);
  await page.screenshot({ path: shot('judge-tokens-console-1366') });
  const stopped = await fetch(`${host.url}/api/judge/state`, {
    headers: { authorization: `Bearer ${judges[1]!.token}` },
  });
  expect(stopped.status).toBe(401);
});
