import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { RulesTabModel } from './page-models/rules';
import { totalRubric } from '../support/rubrics';

// After a speaker is locked the rules that change results are read-only; 解除锁定 asks for a reason and allows one edit.
// Three judges give 87.6, 87.7, 87.7: 87.67 with 2 decimals, 87.7 with 1 (the case).

const title = '居民区青年干部演讲比赛';
const sheets = [87.6, 87.7, 87.7];

/** A contest of two speakers, three judges and a one-criterion rubric, set up over HTTP. */
async function contest(host: RunningHost): Promise<{ eventId: number; speakers: number[]; judgeTokens: string[] }> {
  const event = await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' });
  const eventId = Number(field(event, 'id'));
  const speakers: number[] = [];
  for (const name of ['张经天', '叶颖华'])
    speakers.push(Number(field(await ok(host, 'POST', `/api/events/${eventId}/participants`, { name }), 'id')));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, totalRubric({ step: 0.1 }));
  const judgeTokens: string[] = [];
  for (const name of ['王评委', '李评委', '张评委'])
    judgeTokens.push(String(field(await ok(host, 'POST', `/api/events/${eventId}/judges`, { name }), 'token')));
  return { eventId, speakers, judgeTokens };
}

/** The first speaker started, scored by every judge and locked, as on the day. */
async function lockFirst(host: RunningHost, c: Awaited<ReturnType<typeof contest>>): Promise<void> {
  const pid = c.speakers[0];
  await ok(host, 'POST', `/api/events/${c.eventId}/performances/${pid}/start`);
  for (const [i, token] of c.judgeTokens.entries()) {
    const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: { total: sheets[i] }, submissionId: `rules-e2e-${pid}-${i}` }),
    });
    expect(response.status).toBe(200);
  }
  await ok(host, 'POST', `/api/events/${c.eventId}/performances/${pid}/lock`, {});
}

async function firstFinal(host: RunningHost, eventId: number): Promise<unknown> {
  return field(items(field(await ok(host, 'GET', `/api/events/${eventId}/ranking`), 'rows'))[0], 'final');
}

test('the rules save button is in sight at 1366×768, and the criterion code waits under 高级', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await contest(host);
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const rules = new RulesTabModel(page);
  await rules.open();

  // The form is far taller than the window; its save button stays at the bottom of the window all the same.
  await expect(rules.save).toBeInViewport();
  await page.screenshot({ path: shot('rules-1366x768') });

  // 评分项代码 is not on screen until 高级 is opened; codes made automatically stay as they are.
  await expect(page.getByText('评分项代码')).toHaveCount(0);
  await rules.advanced.click();
  await expect(rules.criterionKey).toHaveValue('total');
  await rules.advanced.click();
  await expect(rules.criterionKey).toHaveCount(0);
});

test('after a lock the rules are read-only; 解除锁定 asks for a reason, then one edit re-ranks', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const c = await contest(host);
  await lockFirst(host, c);
  expect(await firstFinal(host, c.eventId)).toBe('87.67');

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const rules = new RulesTabModel(page);
  await rules.open();

  await expect(rules.frozenNotice).toContainText('评分规则已锁定');
  await expect(rules.decimals).toBeDisabled();
  await expect(rules.method).toBeDisabled();
  await expect(rules.criterionMax).toBeDisabled();
  // A misspelt criterion name can still be put right.
  await expect(rules.criterionName).toBeEnabled();
  await page.screenshot({ path: shot('rules-frozen-1366x768') });

  await rules.unfreeze.click();
  await expect(rules.dialog).toContainText('已经公布的成绩也可能改变');
  await rules.confirmUnfreeze();
  await expect(rules.dialog.getByTestId('field-error')).toContainText('请写明解除锁定的原因');
  await page.screenshot({ path: shot('rules-unfreeze-dialog') });
  await rules.confirmUnfreeze('细则规定保留一位小数，经主评委同意更正');
  await expect(rules.dialog).toBeHidden();
  await expect(console_.toast.filter({ hasText: '评分规则已解除锁定' })).toBeVisible();
  await expect(rules.unfrozenNotice).toBeVisible();
  await expect(rules.frozenNotice).toBeHidden();

  await rules.decimals.selectOption('1');
  await rules.save.click();
  await expect(console_.toast.filter({ hasText: '评分规则已保存' })).toBeVisible();
  // One edit: the rules freeze again, and the ranking follows the new rules.
  await expect(rules.frozenNotice).toBeVisible();
  await expect(rules.decimals).toBeDisabled();
  await expect(rules.decimals).toHaveValue('1');
  expect(await firstFinal(host, c.eventId)).toBe('87.7');

  // The audit log says what changed and why it was allowed.
  await page.getByTestId('tab-run').click();
  await page.getByTestId('audit-toggle').click();
  await expect(page.locator('[data-testid="audit-row"][data-action="rubric"]').first()).toContainText('保留小数 2 → 1');
  await expect(page.locator('[data-testid="audit-row"][data-action="unfreeze"]')).toContainText(
    '细则规定保留一位小数，经主评委同意更正',
  );
  await page.locator('[data-testid="audit-row"][data-action="unfreeze"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('rules-audit') });
});
