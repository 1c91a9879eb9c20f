import { expect, field, items, ok, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { TrainingModel } from './page-models/training';
import { nationalClassTrainees } from '../support/groups';

const classTitle = '全国社区工作者示范培训班';
/** A national class of 180 from 10 provinces, three units each, men and women (through the API). */
async function nationalClass(host: RunningHost): Promise<number> {
  const event = await ok(host, 'POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: '2026-03-02',
    endsOn: '2026-03-06',
  });
  const id = Number(field(event, 'id'));
  await ok(host, 'POST', `/api/events/${id}/sessions`, {
    title: '分组讨论：基层治理的难点与对策',
    kind: 'discussion',
    startsAt: '2026-03-03T14:00:00+08:00',
    endsAt: '2026-03-03T17:00:00+08:00',
  });
  for (const body of nationalClassTrainees()) await ok(host, 'POST', `/api/events/${id}/participants`, body);
  return id;
}

test('the organiser assigns 12 groups of 15, chooses a leader and moves a trainee on the 分组 tab', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(90_000);
  const eventId = await nationalClass(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(classTitle);
  const training = new TrainingModel(page);
  await training.open('groups');
  await expect(page.getByTestId('groups-count')).toHaveValue('12');
  await expect(page.getByTestId('groups-sizes')).toHaveText('180 名学员，0 个小组，未分组 180 人');

  await training.assignGroups(12);
  await expect(training.toast).toContainText('已分成 12 组。');
  await expect(training.groupCards).toHaveCount(12);
  for (let i = 1; i <= 12; i++) await expect(training.groupCard(`第${i}组`)).toContainText('15 人');
  await expect(page.getByTestId('groups-ungrouped')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('groups-12x15.png') });

  // A leader from the group's own members.
  const first = training.groupCard('第1组');
  const leader = (await first.getByTestId('group-member').first().getAttribute('data-name')) ?? '';
  await first.getByTestId('group-leader').selectOption({ label: leader });
  await expect(training.toast.last()).toContainText('已保存“第1组”');
  await expect(first.getByTestId('group-member').filter({ hasText: leader })).toContainText('组长');

  // Moving the leader to 第2组: the leadership of 第1组 is cleared, the sizes follow.
  await first.getByTestId('group-member').filter({ hasText: leader }).getByTestId('group-move').selectOption('第2组');
  await expect(training.toast.last()).toContainText(`已把 ${leader} 调到“第2组”。`);
  await expect(first).toContainText('14 人');
  await expect(training.groupCard('第2组')).toContainText('16 人');
  await expect(first.getByTestId('group-leader')).toHaveValue('');
  await expect(training.groupCard('第2组').getByTestId('group-member').filter({ hasText: leader })).toHaveCount(1);

  const groups = items(await ok(host, 'GET', `/api/events/${eventId}/groups`));
  expect(groups.map((g) => items(field(g, 'memberIds')).length)).toEqual([14, 16, ...Array<number>(10).fill(15)]);

  // Assigning again asks first and says what will be lost.
  await training.assignGroups(12);
  const dialog = page.getByTestId('groups-reassign');
  await expect(dialog).toContainText('组长、记录员和各组的讨论记录都将清除');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(first).toContainText('14 人');

  // Staff record 第1组's discussion.
  const record = page.locator('[data-testid="group-record"][data-group="第1组"]');
  await record.getByTestId('group-record-topic').fill('网格化服务怎样落到实处');
  await record.getByTestId('group-record-summary').fill('大家结合本地实际，谈了网格员队伍建设和信息共享。');
  await record.getByTestId('group-record-save').click();
  await expect(training.toast.last()).toContainText('已保存“第1组”的讨论记录。');
  await expect(record).toContainText('工作人员录入');
  // The recorders' phone link: a QR and the address to send.
  await page.getByTestId('group-record-link-toggle').click();
  await expect(training.toast.last()).toContainText('已开放手机提交');
  await expect(page.getByTestId('group-record-link-url')).toContainText('/#/group-record/');
  await expect(page.getByTestId('group-record-link').getByRole('img')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('groups-full.png'), fullPage: true });
});

test('a group’s recorder sends the record from a phone-sized page that stays small', async ({
  browser,
  host,
}, testInfo) => {
  const event = await ok(host, 'POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: '2026-03-02',
  });
  const eventId = Number(field(event, 'id'));
  const base = `/api/events/${eventId}`;
  const people = ['刘友红', '陈静', '王芳', '赵磊'];
  for (const [i, name] of people.entries())
    await ok(host, 'POST', `${base}/participants`, { name, phone: `1398500000${i + 1}` });
  const session = await ok(host, 'POST', `${base}/sessions`, {
    title: '分组讨论：基层治理的难点与对策',
    kind: 'discussion',
    startsAt: '2026-03-03T14:00:00+08:00',
    endsAt: '2026-03-03T17:00:00+08:00',
  });
  const groups = items(await ok(host, 'POST', `${base}/groups/assign`, { count: 2, seed: 'phone' }));
  const group = groups[0];
  const members = items(field(group, 'memberIds')).map(Number);
  const recorderId = members[0] ?? 0;
  await ok(host, 'PUT', `${base}/groups/${String(field(group, 'id'))}`, {
    name: field(group, 'name'),
    leaderId: null,
    recorderId,
  });
  const roster = items(await ok(host, 'GET', `${base}/participants`));
  const person = (id: number) => roster.find((p) => field(p, 'id') === id);
  const phoneOf = (id: number) => String(field(person(id), 'phone'));
  const link = await ok(host, 'PUT', `${base}/sessions/${String(field(session, 'id'))}/group-record-link`, {
    open: true,
  });
  const url = String(field(link, 'url')).replace(/^https?:\/\/[^/]+/, host.url);

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const transfers: Array<Promise<number>> = [];
  const scripts: string[] = [];
  phone.on('requestfinished', (request) => {
    if (request.url().endsWith('.js')) scripts.push(request.url());
    transfers.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
  });
  await phone.goto(url);
  await expect(phone.getByTestId('group-record-session')).toHaveText('分组讨论：基层治理的难点与对策');
  await phone.waitForLoadState('networkidle');
  const bytes = (await Promise.all(transfers)).reduce((sum, n) => sum + n, 0);
  console.log(`group record phone page: first load ${Math.round(bytes / 102.4) / 10} KB`);
  expect(scripts.filter((s) => /\/(ConsoleApp|ScreenPage|JudgePage|DeskPage)-/.test(s))).toEqual([]);
  expect(bytes).toBeLessThanOrEqual(120 * 1024);

  // Someone who is not the recorder is told who can.
  const other = members[1] ?? 0;
  await phone.getByTestId('group-record-phone').fill(phoneOf(other));
  await phone.getByTestId('group-record-summary').fill('我也想写');
  await phone.getByTestId('group-record-submit').click();
  await expect(phone.getByTestId('group-record-error')).toContainText('只有本组的记录员或组长可以提交讨论记录');

  await phone.getByTestId('group-record-phone').fill(phoneOf(recorderId));
  await phone.getByTestId('group-record-topic').fill('网格化服务怎样落到实处');
  await phone.getByTestId('group-record-summary').fill('大家结合本地实际，谈了网格员队伍建设和信息共享。');
  await phone.getByTestId('group-record-submit').click();
  await expect(phone.getByTestId('group-record-result')).toContainText(
    `已收到“${String(field(group, 'name'))}”的讨论记录。`,
  );
  await expect(phone.getByTestId('group-record-result')).toContainText(
    `谢谢 ${String(field(person(recorderId), 'name'))}`,
  );
  await phone.screenshot({ path: testInfo.outputPath('group-record-phone.png'), fullPage: true });
  await phone.close();

  const records = items(await ok(host, 'GET', `${base}/sessions/${String(field(session, 'id'))}/group-records`));
  expect(records.map((r) => [field(r, 'source'), field(r, 'topic')])).toEqual([['recorder', '网格化服务怎样落到实处']]);
});
