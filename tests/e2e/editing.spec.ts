import { totalRubric } from '../support/rubrics';
import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { CertificatesModel } from './page-models/certificates';
import { ConsolePage } from './page-models/console';

const classTitle = '观山湖区委党校社区治理学校第一期社区工作者培训班';

// Each case starts its own host (one loads the demo) and renders a certificate: more than the default minute.
test.describe.configure({ timeout: 120_000 });

/** A certificate printed through the API as the console would, so it has its number. */
async function printOne(host: RunningHost, eventId: number, participantId: number): Promise<void> {
  const response = await fetch(
    `${host.url}/api/events/${eventId}/certificates.pdf?kind=completion&participantId=${participantId}`,
    { headers: { authorization: `Bearer ${host.adminToken}` } },
  );
  expect(response.status).toBe(200);
}

test('a misspelt name is corrected from the roster: the certificate preview shows it, the printed one 需重印', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const training = items(await ok(host, 'GET', '/api/events')).find((e) => field(e, 'kind') === 'training');
  const eventId = Number(field(training, 'id'));
  await ok(host, 'PUT', `/api/events/${eventId}/completion`, { minRate: 0, leave: 'missed', overrides: [] });
  // The preview shows the first certificate of the batch: that trainee's, printed once already.
  const recipients = field(
    await ok(host, 'GET', `/api/events/${eventId}/certificates/completion/recipients`),
    'recipients',
  );
  const first = items(recipients)[0];
  const name = String(field(first, 'name'));
  await printOne(host, eventId, Number(field(first, 'participantId')));
  const corrected = `${name}更`;

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  const event = await console_.openEvent(classTitle);
  await event.participantRow(name).getByTestId('participant-edit').click();
  // The form opens filled in with the person's details.
  await expect(page.getByTestId('participant-name')).toHaveValue(name);
  await expect(page.getByTestId('participant-form')).toContainText(`编辑 ${name}`);
  await page.getByTestId('participant-name').fill(corrected);
  await page.getByTestId('participant-submit').click();
  await expect(console_.toast.filter({ hasText: `已保存 ${corrected}` })).toBeVisible();
  await expect(event.participantRow(corrected)).toHaveCount(1);
  await expect(event.participantRow(name)).toHaveCount(0);

  const certificates = new CertificatesModel(page);
  await certificates.open();
  await expect(certificates.preview).toContainText(corrected);
  const row = certificates.recipients.filter({ hasText: corrected });
  await expect(row.getByTestId('reprint-mark')).toHaveText('需重印');
  await expect(page.getByTestId('reprint-mark')).toHaveCount(1);
  await page.screenshot({ path: shot('editing-reprint'), fullPage: true });
  // Printing only those to reprint clears the mark.
  const [tab] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-reprints').click()]);
  await tab.close();
  await expect(page.getByTestId('reprint-mark')).toHaveCount(0);
  await expect(page.getByTestId('print-reprints')).toHaveCount(0);
});

test('删除 asks first, saying what goes; once results are out it says why not and what to do', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const event = await ok(host, 'POST', '/api/events', {
    title: '居民区青年干部演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
  });
  const id = Number(field(event, 'id'));
  const speaker = async (name: string) =>
    Number(field(await ok(host, 'POST', `/api/events/${id}/participants`, { name }), 'id'));
  const rehearsal = await speaker('测试选手');
  const winner = await speaker('张经天');
  await speaker('叶颖华');
  await ok(host, 'PUT', `/api/events/${id}/rubric`, totalRubric());
  const tokens: string[] = [];
  for (const name of ['王评委', '李评委'])
    tokens.push(String(field(await ok(host, 'POST', `/api/events/${id}/judges`, { name }), 'token')));
  const score = async (pid: number) => {
    await ok(host, 'POST', `/api/events/${id}/performances/${pid}/start`);
    for (const [i, token] of tokens.entries()) {
      const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ scores: { total: 90 }, submissionId: `e2e-editing-${pid}-${i}` }),
      });
      expect(response.status).toBe(200);
    }
    await ok(host, 'POST', `/api/events/${id}/performances/${pid}/lock`, {});
  };
  await score(rehearsal);

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  const page_ = await console_.openEvent('居民区青年干部演讲比赛');
  let ask = await page_.askToDelete('测试选手');
  await expect(ask).toContainText('删除 测试选手？');
  await expect(ask).toContainText('2 位评委给出的评分将一并删除。');
  await expect(ask).toContainText('删除后不能恢复。');
  await page.screenshot({ path: shot('editing-delete-ask'), fullPage: true });
  await ask.getByTestId('participant-delete-cancel').click();
  await expect(ask).toHaveCount(0);
  await expect(page_.participantRows).toHaveCount(3);
  ask = await page_.askToDelete('测试选手');
  await ask.getByTestId('participant-delete-confirm').click();
  await expect(console_.toast.filter({ hasText: '已删除 测试选手' })).toBeVisible();
  await expect(page_.participantRows).toHaveCount(2);

  await score(winner);
  await ok(host, 'POST', `/api/events/${id}/performances/${winner}/reveal`);
  ask = await page_.askToDelete('张经天');
  await expect(ask.getByTestId('participant-removal-refused')).toHaveText(
    '成绩已公布，不能删除张经天；如需更正姓名，请点“编辑”。',
  );
  await expect(ask.getByTestId('participant-delete-confirm')).toHaveCount(0);
});

test('新建活动 opens the new event; its details are edited there, and deleting it asks', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.createEvent({
    title: '江浦路街道演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
    venue: '睦邻中心',
  });
  // No second click in the list: the event is open, ready for its first speaker.
  await expect(page.getByTestId('participant-form')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('江浦路街道演讲比赛');
  await expect(page.getByTestId('event-row')).toHaveCount(0);

  await page.getByTestId('event-edit').click();
  await expect(page.getByTestId('event-title')).toHaveValue('江浦路街道演讲比赛');
  await page.getByTestId('event-venue').fill('辽源西路睦邻中心');
  await page.getByTestId('event-submit').click();
  await expect(console_.toast.filter({ hasText: '活动信息已保存' })).toBeVisible();
  await expect(page.getByTestId('event-form')).toHaveCount(0);
  await expect(page.locator('.event-head')).toContainText('辽源西路睦邻中心');

  // With scores in it, the title must be typed before 确认删除 does anything.
  const id = Number(field(items(await ok(host, 'GET', '/api/events'))[0], 'id'));
  const pid = Number(field(await ok(host, 'POST', `/api/events/${id}/participants`, { name: '张经天' }), 'id'));
  await ok(host, 'PUT', `/api/events/${id}/rubric`, totalRubric());
  const token = String(field(await ok(host, 'POST', `/api/events/${id}/judges`, { name: '王评委' }), 'token'));
  await ok(host, 'POST', `/api/events/${id}/performances/${pid}/start`);
  const scored = await fetch(`${host.url}/api/judge/scores/${pid}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scores: { total: 90 }, submissionId: 'e2e-delete-event' }),
  });
  expect(scored.status).toBe(200);

  await page.getByTestId('event-edit').click();
  await page.getByTestId('event-delete').click();
  const ask = page.getByTestId('event-removal');
  await expect(ask).toContainText('删除活动“江浦路街道演讲比赛”？');
  await expect(ask.getByTestId('event-removal-holds')).toContainText('1 人、1 位评委、1 份评分');
  await expect(ask.getByTestId('event-delete-confirm')).toBeDisabled();
  await ask.getByTestId('event-removal-title').fill('江浦路街道');
  await expect(ask.getByTestId('event-delete-confirm')).toBeDisabled();
  await ask.getByTestId('event-removal-title').fill('江浦路街道演讲比赛');
  await ask.getByTestId('event-delete-confirm').click();
  await expect(console_.toast.filter({ hasText: '已删除活动“江浦路街道演讲比赛”' })).toBeVisible();
  await expect(page.getByTestId('new-event')).toBeVisible();
  await expect(page.getByTestId('event-row')).toHaveCount(0);
  expect((await host.api('GET', `/api/events/${id}`)).status).toBe(404);
});
