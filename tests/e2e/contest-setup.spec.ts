import { expect, field, items, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';

test('the organiser sets up weighted judge groups and files each judge in one from the console', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  const eventId = Number(/#\/console\/events\/(\d+)/.exec(page.url())?.[1]);

  await page.getByTestId('tab-rubric').click();
  await page.getByTestId('rubric-preset').click();
  // Choosing 去掉最高最低 starts from one of each, never a silent plain mean.
  await page.getByTestId('rubric-method').selectOption('trimmed-mean');
  await expect(page.getByLabel('去掉最高分个数')).toHaveValue('1');
  await page.getByTestId('group-add').click();
  await page.getByTestId('group-add').click();
  await page.getByTestId('group-name').nth(0).fill('专业评委');
  await page.getByTestId('group-name').nth(1).fill('大众评委');
  await expect(page.getByTestId('group-weight').nth(0)).toHaveValue('70');
  await expect(page.getByTestId('group-weight').nth(1)).toHaveValue('30');
  await page.getByTestId('rubric-save').click();
  await expect(console_.toast.filter({ hasText: '评分规则已保存' })).toBeVisible();
  await page.getByTestId('group-add').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('setup-rubric-groups') });

  const rubric = await host.api('GET', `/api/events/${eventId}/rubric`);
  expect(field(rubric.body, 'groups')).toEqual([
    { key: 'g1', name: '专业评委', weight: 70 },
    { key: 'g2', name: '大众评委', weight: 30 },
  ]);

  await page.getByTestId('tab-judges').click();
  // The LAN is off (as on a fresh start): the links would only open on this computer, and it says so.
  await expect(page.getByTestId('judges-lan-off')).toContainText('局域网共享没有打开');
  await expect(page.getByTestId('judges-lan-on')).toBeVisible();
  for (const name of ['王专家', '赵大众']) {
    await page.getByTestId('judge-add-name').fill(name);
    await page.getByTestId('judge-add').click();
    await expect(page.getByTestId('judge-card').filter({ hasText: name })).toBeVisible();
  }
  // 赵大众 was added without a group: it says where that counts, and the organiser moves them.
  // Until then 大众评委 has nobody, and its 30% would be left out: the panel says so.
  await expect(page.getByTestId('judges-empty-groups')).toContainText('“大众评委” 组还没有评委');
  const card = page.getByTestId('judge-card').filter({ hasText: '赵大众' });
  await expect(card.getByTestId('judge-group').locator('option:checked')).toHaveText('未选择（计入“专业评委”）');
  await card.getByTestId('judge-group').selectOption({ label: '大众评委' });
  await expect(console_.toast.filter({ hasText: '已更新 赵大众 的评委组' })).toBeVisible();
  await expect(page.getByTestId('judges-empty-groups')).toBeHidden();
  await page.screenshot({ path: shot('setup-judge-groups') });

  const judges = await host.api('GET', `/api/events/${eventId}/judges`);
  const list = items(judges.body);
  expect(list.map((j) => [field(j, 'name'), field(j, 'group')])).toEqual([
    ['王专家', null],
    ['赵大众', 'g2'],
  ]);
});

test('a draw shows its order together with its seed, even while the list is still on its way', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  const eventId = Number(/#\/console\/events\/(\d+)/.exec(page.url())?.[1]);
  await page.getByTestId('tab-order').click();
  await expect(page.getByTestId('order-row')).toHaveCount(8);
  const before = await page.locator('[data-testid="order-row"] .strong').allTextContents();

  // From now on the list's reload is held back, as on a slow computer.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/events/${eventId}/performances`, async (route) => {
    await released;
    await route.continue();
  });
  await page.getByTestId('draw-advanced').click();
  await page.getByTestId('draw-seed').fill('20240703');
  await page.getByTestId('draw-button').click();
  await expect(page.getByTestId('draw-seed-shown')).toContainText('20240703');

  const answer = await host.api('GET', `/api/events/${eventId}/performances`);
  const drawn = items(answer.body)
    .map((p) => ({ name: String(field(p, 'name')), order: Number(field(p, 'order')) }))
    .sort((a, b) => a.order - b.order)
    .map((p) => p.name);
  expect(drawn).not.toEqual(before);
  await expect(page.locator('[data-testid="order-row"] .strong')).toHaveText(drawn);
  release();
  await page.unrouteAll({ behavior: 'wait' });
  await expect(page.locator('[data-testid="order-row"] .strong')).toHaveText(drawn);
});
