import type { Page } from '@playwright/test';
import { totalRubric } from '../support/rubrics';
import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { RunOfShowModel } from './page-models/run-of-show';

// 锁定评分 with judges missing asks first, names them, and offers 补录 from the paper card right there;
// 公布成绩 is offered only when the host would accept it; with no judges, 开始 says where to add them.

const title = '居民区青年干部演讲比赛（锁定）';

interface OnStage {
  eventId: number;
  pid: number;
  judgeIds: number[];
}

/** Two speakers, a one-box rubric (总分), the judges named; the first speaker has spoken and is scored by `scores`. */
async function onStage(host: RunningHost, judges: readonly string[], scores: readonly number[]): Promise<OnStage> {
  const event = await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' });
  const eventId = Number(field(event, 'id'));
  const pids: number[] = [];
  for (const name of ['张经天', '叶颖华'])
    pids.push(Number(field(await ok(host, 'POST', `/api/events/${eventId}/participants`, { name }), 'id')));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, totalRubric());
  const panel: Array<{ id: number; token: string }> = [];
  for (const name of judges) {
    const judge = await ok(host, 'POST', `/api/events/${eventId}/judges`, { name });
    panel.push({ id: Number(field(judge, 'id')), token: String(field(judge, 'token')) });
  }
  const pid = pids[0]!;
  if (judges.length > 0) await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/start`);
  for (const [i, total] of scores.entries()) {
    const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${panel[i]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scores: { total }, submissionId: `lock-guard-${pid}-${i}` }),
    });
    expect(response.status).toBe(200);
  }
  // The speech is over: 锁定评分 is the step the console offers.
  if (judges.length > 0) await ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/finish`);
  return { eventId, pid, judgeIds: panel.map((j) => j.id) };
}

async function openRun(page: Page, host: RunningHost): Promise<RunOfShowModel> {
  // The console's first load is the slow part on a busy test machine.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const run = new RunOfShowModel(page);
  await run.open();
  return run;
}

async function auditOf(host: RunningHost, eventId: number): Promise<unknown[]> {
  return items(await ok(host, 'GET', `/api/events/${eventId}/audit`));
}

async function finalOf(host: RunningHost, eventId: number, pid: number): Promise<unknown> {
  const rows = items(field(await ok(host, 'GET', `/api/events/${eventId}/ranking`), 'rows'));
  return field(
    rows.find((r) => field(r, 'participantId') === pid),
    'final',
  );
}

test('锁定评分 with a judge missing names the judge, 补录 from the dialog, then the lock goes through', async ({
  page,
  host,
}) => {
  const { eventId, pid, judgeIds } = await onStage(host, ['王评委', '李评委', '张评委'], [90, 91]);
  const run = await openRun(page, host);
  await expect(run.progressCells.filter({ hasText: '✓' })).toHaveCount(2);

  await run.button('lock').click();
  await expect(run.dialog).toBeVisible();
  await expect(run.dialog).toContainText('锁定 张经天 的评分？');
  await expect(run.missing).toHaveCount(1);
  await expect(run.missing).toContainText('张评委');
  await expect(run.dialog.getByTestId('lock-effect')).toContainText(
    '张评委 就不能再为这位选手评分，成绩按已提交的 2 份评分计算',
  );
  await page.screenshot({ path: shot('lock-dialog-1366x768') });
  // Nothing was locked by asking.
  expect(field(items(await ok(host, 'GET', `/api/events/${eventId}/performances`))[0], 'status')).toBe('scoring');

  await run.missing.getByTestId('lock-enter').click();
  const form = run.dialog.getByTestId('entry-form');
  await expect(form).toContainText('为 张评委 补录 张经天 的评分');
  await run.enterCard(form, ['92'], '评委手机没电，按纸质评分卡补录');
  await expect(run.toast.filter({ hasText: '已为 张评委 补录评分，总分 92.00' })).toBeVisible();
  await expect(run.missing).toHaveCount(0);
  await expect(run.dialog.getByTestId('lock-all-in')).toBeVisible();
  await run.dialog.getByTestId('lock-confirm').click();
  await expect(run.dialog).toHaveCount(0);

  await expect(run.next).toHaveAttribute('data-testid', 'run-reveal');
  await expect(run.button('reveal')).toBeEnabled();
  const entry = (await auditOf(host, eventId)).find((a) => field(a, 'action') === 'enter');
  expect(field(entry, 'judgeId')).toBe(judgeIds[2]);
  expect(field(entry, 'reason')).toBe('评委手机没电，按纸质评分卡补录');
  expect(await finalOf(host, eventId, pid)).toBe('91.00');
});

test('仍然锁定 says what happens; 公布成绩 waits until a missing card is entered from the grid', async ({
  page,
  host,
}) => {
  const { eventId, pid } = await onStage(host, ['王评委', '李评委'], []);
  const run = await openRun(page, host);

  await run.button('lock').click();
  await expect(run.missing).toHaveText([/王评委/, /李评委/]);
  await expect(run.dialog.getByTestId('lock-effect')).toContainText('王评委、李评委 就不能再为这位选手评分');
  await run.dialog.getByTestId('lock-force').click();
  await expect(run.dialog).toHaveCount(0);

  // Locked with no sheet: no final, so 公布成绩 is not the next step and the page says what to do.
  await expect(run.revealBlocked).toContainText('张经天 的评分还不够算出成绩，暂不能公布');
  await expect(run.button('reveal')).toBeDisabled();
  await expect(run.next).toHaveCount(0);
  await expect(run.progressCells.filter({ hasText: '未提交，不计入' })).toHaveCount(2);
  await page.screenshot({ path: shot('lock-forced-1366x768'), fullPage: true });
  const lock = (await auditOf(host, eventId)).find((a) => field(a, 'action') === 'lock');
  expect(field(field(lock, 'after'), 'force')).toBe(true);

  await run.progressCells.filter({ hasText: '王评委' }).getByTestId('progress-enter').click();
  await run.enterCard(page.getByTestId('entry-form'), ['88.5'], '按纸质评分卡补录');
  await expect(run.toast.filter({ hasText: '已为 王评委 补录评分，总分 88.50' })).toBeVisible();
  await expect(run.revealBlocked).toHaveCount(0);
  await expect(run.next).toHaveAttribute('data-testid', 'run-reveal');
  await run.button('reveal').click();
  await expect(run.toast.filter({ hasText: '已公布 张经天 的成绩' })).toBeVisible();
  expect(await finalOf(host, eventId, pid)).toBe('88.50');
});

test('with no judges, 开始 says so plainly and where to add them', async ({ page, host }) => {
  await onStage(host, [], []);
  const run = await openRun(page, host);
  const sentence = '还没有添加评委：请先在“评委”中添加评委，再开始比赛。';
  await expect(page.getByTestId('run-current')).toContainText(sentence);
  await run.button('start').click();
  await expect(run.toast.filter({ hasText: sentence })).toBeVisible();
  await expect(page.getByTestId('run-row').first()).toHaveAttribute('data-status', 'waiting');
});
