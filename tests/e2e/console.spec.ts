import { ConsolePage } from './page-models/console';
import { expect, shot, test } from './fixtures';

test('an organiser creates a contest in the zh-CN console and sees it listed', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('new-event')).toContainText('新建活动');
  // The admin token leaves the address bar once read.
  await expect.poll(() => page.url()).not.toContain(host.adminToken);

  await console.createEventAndOpen({
    title: '江浦路街道居民区青年干部演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
    venue: '辽源西路睦邻中心',
    organizer: '江浦路街道社工办',
  });
  await expect(console.toast).toContainText('已创建活动“江浦路街道居民区青年干部演讲比赛”');
  // The new event opened itself; the list, one step back, shows it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('江浦路街道居民区青年干部演讲比赛');
  await page.getByRole('link', { name: /返回活动列表/ }).click();
  const row = console.eventRows.filter({ hasText: '江浦路街道居民区青年干部演讲比赛' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('演讲比赛');
  await expect(row).toContainText('2024年7月3日');
  await expect(row).toContainText('辽源西路睦邻中心');
  await page.screenshot({ path: shot('console-zh-CN'), fullPage: true });

  // The event is really on the host, and survives a reload of the console.
  const listed = await host.api('GET', '/api/events');
  expect(JSON.stringify(listed.body)).toContain('江浦路街道居民区青年干部演讲比赛');
  await page.reload();
  await expect(console.eventRows).toHaveCount(1);
});

test('pages are served with a content security policy and no caching', async ({ page, host }) => {
  const response = await page.request.get(`${host.url}/`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('the server names a bad field in the form, and nothing is created', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);
  await console.createEvent({ title: '结束早于开始', startsOn: '2024-07-03', endsOn: '2024-07-01' });
  await expect(console.fieldErrors.first()).toContainText('结束日期不能早于开始日期');
  const listed = await host.api('GET', '/api/events');
  expect(listed.body).toEqual([]);
});

test('the console switches to English and back', async ({ page, host }) => {
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);
  await console.switchLanguage();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('new-event')).toContainText('New event');
  // An apostrophe in English text is a narrow Latin mark, not a full-width CJK one that reads as a gap.
  const widths = await page.evaluate(() => {
    const measure = (text: string) => {
      const span = document.createElement('span');
      span.textContent = text;
      document.body.append(span);
      const width = span.getBoundingClientRect().width;
      span.remove();
      return width;
    };
    return { quote: measure('’'), ideograph: measure('中') };
  });
  expect(widths.quote).toBeLessThan(widths.ideograph * 0.5);
  await console.switchLanguage();
  await expect(page.getByTestId('new-event')).toContainText('新建活动');
});

test('the demo contest lists its 8 speakers, sorted by pinyin on request', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console = new ConsolePage(page);
  await console.open(demoHost.consoleUrl);
  await expect(console.eventRows).toHaveCount(2);
  const event = await console.openEvent('江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛');
  await expect(event.participantRows).toHaveCount(8);
  expect(await event.participantNames()).toEqual([
    '张经天',
    '叶颖华',
    '刘逸禕',
    '高苑欣',
    '李贞',
    '刘菁',
    '李怡',
    '李文渊',
  ]);
  await event.sortBy('pinyin');
  await expect
    .poll(() => event.participantNames())
    .toEqual(['高苑欣', '李文渊', '李怡', '李贞', '刘菁', '刘逸禕', '叶颖华', '张经天']);
  await event.addParticipant({ name: '曾志', organization: '陈三居民区', phone: '13900000000' });
  await expect(event.participantRows).toHaveCount(9);
  await page.screenshot({ path: shot('console-event'), fullPage: true });
});
