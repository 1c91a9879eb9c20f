import { IssuedJudge, Judge } from '../../shared/api/contest';
import { Event, Participant } from '../../shared/api/events';
import { VenueAddress } from '../../shared/api/host';
import { totalRubric } from '../support/rubrics';
import { expect, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { JoinPageModel, JudgesTabModel } from './page-models/join';
import { JudgePageModel } from './page-models/judge';

const title = '居民区青年干部演讲比赛';

/** A contest with speakers, a one-criterion rubric and judges, set up over the API as the organiser would. */
async function contest(host: RunningHost, judges: string[]) {
  const event = Event.parse(await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' }));
  const speaker = Participant.parse(await ok(host, 'POST', `/api/events/${event.id}/participants`, { name: '张经天' }));
  await ok(host, 'PUT', `/api/events/${event.id}/rubric`, totalRubric());
  const list: IssuedJudge[] = [];
  for (const name of judges)
    list.push(IssuedJudge.parse(await ok(host, 'POST', `/api/events/${event.id}/judges`, { name })));
  return { eventId: event.id, speaker, judges: list };
}

test('printing cards with the LAN closed warns, opens the LAN with one click and prints the venue address', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { judges } = await contest(host, ['王评委', '李评委']);
  // The print dialog itself belongs to the browser; count that it was asked for.
  await page.addInitScript(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const tab = new JudgesTabModel(page);
  await tab.open();
  await expect(tab.card('王评委').getByTestId('judge-code')).toHaveText(judges[0]!.joinCode);
  expect(judges[0]!.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);

  await tab.print();
  await expect(tab.localOnlyWarning).toContainText('评委卡上的地址只能在本机使用');
  await expect(tab.printView).toBeHidden();
  await page.screenshot({ path: shot('judge-cards-lan-warning') });
  await page.getByTestId('judge-print-open-lan').click();

  await expect(tab.printView).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
  const venue = VenueAddress.parse(await ok(host, 'GET', '/api/host/venue-address'));
  expect(venue.localOnly).toBe(false);
  const base = venue.joinBase;
  expect(base).not.toContain('127.0.0.1');
  const pages = tab.printView.locator('.contest-print-page');
  await expect(pages).toHaveCount(2);
  await expect(pages.first().locator('.contest-print-url')).toHaveText(`${base}/#/judge?token=${judges[0]!.token}`);
  await expect(pages.first().getByTestId('judge-print-code')).toContainText(judges[0]!.joinCode);
  await expect(pages.first().getByTestId('judge-print-manual')).toHaveText(
    `扫码不成功时：在浏览器中输入 ${base}/j，再输入加入码 ${judges[0]!.joinCode}。`,
  );
  await page.screenshot({ path: shot('judge-cards-print') });

  // The LAN panel shows which address the cards carry; it is kept for the next start.
  await page.getByTestId('judge-print-close').click();
  await page.getByTestId('tab-registration').click();
  const chosen = page.getByTestId('venue-address-option').and(page.locator(':checked'));
  await expect(chosen).toHaveValue(new URL(base).hostname);
  await page.getByTestId('venue-address').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('judge-cards-console-1366') });
});

test('a judge types the code from the card on the join page and lands on their score sheet', async ({ page, host }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { judges } = await contest(host, ['王评委', '李评委']);
  const join = new JoinPageModel(page);
  await join.open(`${host.url}/j`);
  await expect(page).toHaveURL(/#\/join$/);

  await join.join('ABCDEF');
  await expect(join.error).toHaveText('没有这个加入码，请核对评委卡上的 6 位加入码后重新输入。');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shot('judge-join-390x844') });

  // Typed from paper on a phone: lower case, with a space.
  const code = judges[1]!.joinCode;
  await join.join(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
  await expect(page).toHaveURL(new RegExp(`#/judge\\?token=${judges[1]!.token}$`));
  const judge = new JudgePageModel(page);
  await expect(judge.waiting).toBeVisible();
  await expect(page.getByText('评委：李评委')).toBeVisible();
});

test('the organiser renames a judge, deletes one added by mistake, and cannot delete one whose scores are out', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const { eventId, speaker, judges } = await contest(host, ['王评委', '李评委', '赵评委']);
  // 赵评委 scores the first speaker, who is then revealed.
  await ok(host, 'POST', `/api/events/${eventId}/performances/${speaker.id}/start`);
  const sheet = { scores: { total: 88 }, submissionId: 'e2e-judge-cards-1' };
  const scored = await fetch(`${host.url}/api/judge/scores/${speaker.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${judges[2]!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(sheet),
  });
  expect(scored.status).toBe(200);
  // The two others are removed or renamed before they score; locking without them is what the organiser chose.
  await ok(host, 'POST', `/api/events/${eventId}/performances/${speaker.id}/lock`, { force: true });
  await ok(host, 'POST', `/api/events/${eventId}/performances/${speaker.id}/reveal`);

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const tab = new JudgesTabModel(page);
  await tab.open();

  await tab.rename('王评委', '王平');
  await expect(console_.toast.filter({ hasText: '已保存评委 王平' })).toBeVisible();
  await expect(tab.card('王平').getByTestId('judge-name')).toHaveText('王平');
  // The token and the code stay: a card already handed out still works.
  await expect(tab.card('王平').getByTestId('judge-code')).toHaveText(judges[0]!.joinCode);

  const question = await tab.askDelete('李评委');
  await expect(question).toHaveText('删除评委“李评委”？其评委卡和链接将失效。');
  await tab.card('李评委').getByTestId('judge-delete-confirm').click();
  await expect(console_.toast.filter({ hasText: '已删除评委 李评委' })).toBeVisible();
  await expect(tab.cards).toHaveCount(2);

  const refusal = await tab.askDelete('赵评委');
  await expect(refusal).toContainText('不能删除');
  await expect(refusal).toContainText('回避');
  await expect(tab.card('赵评委').getByTestId('judge-delete-confirm')).toHaveCount(0);

  const left = Judge.array().parse(await ok(host, 'GET', `/api/events/${eventId}/judges`));
  expect(left.map((j) => j.name)).toEqual(['王平', '赵评委']);
});
