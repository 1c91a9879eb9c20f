import { expect, field, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { EvaluationsModel, SurveyPageModel } from './page-models/evaluations';
import { TrainingModel } from './page-models/training';
import { gzipBytes } from './weight';

// 课程评估 end to end: the organiser opens a session's evaluation, trainees answer on phone-sized pages, and the
// console's means change as the answers arrive, without a reload.
test.describe.configure({ timeout: 120_000 });

const classTitle = '观山湖区委党校社区工作者培训班';
const trainees = [
  { name: '王建国', organization: '金元社区', phone: '13800001000' },
  { name: '张丽华', organization: '观山社区', phone: '13800001001' },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** A date on this machine's calendar `days` from today. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function setUpClass(host: RunningHost): Promise<{ eventId: number; sessionId: number }> {
  const event = await ok(host, 'POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: dayFromToday(0),
    endsOn: dayFromToday(2),
  });
  const eventId = Number(field(event, 'id'));
  for (const trainee of trainees) await ok(host, 'POST', `/api/events/${eventId}/participants`, trainee);
  const session = await ok(host, 'POST', `/api/events/${eventId}/sessions`, {
    title: '社区工作与社区工作者职业素养',
    teacher: '周明',
    startsAt: `${dayFromToday(0)}T09:00:00+08:00`,
    endsAt: `${dayFromToday(0)}T11:30:00+08:00`,
  });
  return { eventId, sessionId: Number(field(session, 'id')) };
}

test('a trainee answers on a phone; the organiser sees the mean change without a reload', async ({
  browser,
  page,
  host,
}) => {
  const { eventId, sessionId } = await setUpClass(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(classTitle);
  const training = new TrainingModel(page);
  await training.open('evaluations');
  const tab = new EvaluationsModel(page);
  await expect(tab.state).toHaveText('未开放');
  await tab.toggle.click();
  await expect(training.toast).toContainText('已开放“社区工作与社区工作者职业素养”的评估');
  await expect(tab.state).toHaveText('评估中');
  const link = (await tab.url.textContent()) ?? '';
  const code = /#\/survey\/([\w-]{10})$/.exec(link)?.[1] ?? '';
  expect(code).toHaveLength(10);
  await expect(tab.responses).toHaveText('还没有学员提交评价。');

  // Before any answer the organiser may add a question of their own.
  await page.getByTestId('evaluation-editor').locator('summary').click();
  await page.getByRole('button', { name: '添加评分项' }).click();
  await page.getByLabel('评估项名称').last().fill('案例贴近实际');
  await page.getByRole('checkbox', { name: '必答' }).last().uncheck();
  await page.getByTestId('evaluation-save').click();
  await expect(training.toast.filter({ hasText: '评估表已保存。' })).toBeVisible();
  await expect(page.getByTestId('evaluation-editor')).toHaveAttribute('open', '');
  await expect(page.getByLabel('评估项名称').last()).toHaveValue('案例贴近实际');
  await page.screenshot({ path: shot('evaluation-editor'), fullPage: true });

  // The first trainee's phone.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await phoneContext.newPage();
  const fetched: string[] = [];
  phone.on('response', (r) => {
    if (r.url().startsWith(host.url) && !r.url().includes('/api/')) fetched.push(r.url());
  });
  const survey = new SurveyPageModel(phone);
  await survey.open(host.url, code);
  await expect(survey.session).toHaveText('社区工作与社区工作者职业素养');
  await expect(phone.getByText('授课人：周明')).toBeVisible();
  await expect(phone.getByTestId('survey-q-q1')).toContainText('案例贴近实际');
  await survey.rate('content', 5);
  await survey.rate('delivery', 4);
  await survey.rate('usefulness', 5);
  // Not every rating given yet: the phone says which is missing before anything is sent.
  await survey.phone.fill('138 0000 1000');
  await survey.submit.click();
  await expect(survey.error).toHaveText('请为“总体满意度”打分。');
  await survey.rate('overall', 5);
  await survey.text('comment').fill('案例很贴近社区工作实际');
  await phone.screenshot({ path: shot('evaluation-phone'), fullPage: true });
  await survey.submit.click();
  await expect(survey.result).toContainText('评价已收到，谢谢！');
  await phone.screenshot({ path: shot('evaluation-phone-thanks') });
  const weight = await gzipBytes([...new Set(fetched)]);
  console.log(`survey page: ${fetched.length} files, ${(weight / 1024).toFixed(1)} KB gzip`);
  expect(weight).toBeLessThan(120 * 1024);

  // The console moved on its own.
  await expect(tab.mean('overall')).toHaveText('5.00');
  await expect(tab.responses).toContainText('已评价 1 人 / 应评 2 人');
  await expect(tab.comments).toContainText('案例很贴近社区工作实际');
  await expect(tab.row(sessionId)).toContainText('1/2');

  // The second trainee rates lower: the mean changes again, still without a reload.
  await survey.open(host.url, code);
  await phone.reload();
  for (const key of ['content', 'delivery', 'usefulness']) await survey.rate(key, 4);
  await survey.rate('overall', 4);
  await survey.phone.fill('13800001001');
  await survey.submit.click();
  await expect(survey.result).toContainText('评价已收到');
  await expect(tab.mean('overall')).toHaveText('4.50');
  await expect(tab.mean('content')).toHaveText('4.50');
  await expect(tab.responses).toContainText('参评率 100.0%');
  await page.screenshot({ path: shot('evaluation-console'), fullPage: true });

  // The projector shows the open evaluation's QR and count (no names); the A4 poster carries the same link.
  const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await projector.goto(`${host.url}/#/screen/${eventId}`);
  await expect(projector.getByTestId('screen-evaluation-session')).toHaveText('社区工作与社区工作者职业素养');
  await expect(projector.getByTestId('screen-evaluation-counts')).toHaveText(/已评价\s*2\s*\/\s*应评\s*2/);
  await expect(projector.getByTestId('screen-evaluation-qr')).toBeVisible();
  await projector.screenshot({ path: shot('evaluation-projector') });
  await projector.close();
  await page.getByTestId('evaluation-poster').click();
  const poster = page.getByTestId('evaluation-poster-view');
  await expect(poster).toContainText(link);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: shot('evaluation-poster'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('evaluation-poster-close').click();

  // The same phone again: told it was already received, nothing about what it said.
  await phone.reload();
  for (const key of ['content', 'delivery', 'usefulness', 'overall']) await survey.rate(key, 1);
  await survey.phone.fill('13800001000');
  await survey.submit.click();
  await expect(survey.result).toContainText('您已评价过本课程');
  await expect(survey.result).not.toContainText('5');
  await expect(tab.mean('overall')).toHaveText('4.50');

  // Ended by the organiser: the phone page says so.
  await tab.toggle.click();
  await expect(tab.state).toHaveText('已关闭');
  await phone.reload();
  await expect(survey.result).toContainText('本课程的评估已经结束');
  // English when the trainee chooses it.
  await phone.getByTestId('lang-switch').click();
  await expect(survey.result).toContainText('The evaluation of this session has ended');
  await phoneContext.close();
});
