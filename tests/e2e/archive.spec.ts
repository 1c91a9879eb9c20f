import { readFile } from 'node:fs/promises';
import { expect, items, field, ok, shot, test } from './fixtures';
import { ArchiveModel } from './page-models/archive';
import { ConsolePage } from './page-models/console';

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';

test('the organiser exports the contest as a .podium file and imports it on another computer, twice', async ({
  page,
  demoHost,
  host: otherComputer,
}) => {
  // Two hosts, a download and three uploads.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const contest = items(await ok(demoHost, 'GET', '/api/events')).find((e) => field(e, 'title') === contestTitle);
  const contestId = Number(field(contest, 'id'));
  await ok(demoHost, 'POST', `/api/events/${contestId}/judges`, { name: '王评委' });

  const console_ = new ConsolePage(page);
  const archive = new ArchiveModel(page);
  await console_.open(demoHost.consoleUrl);
  await console_.openEvent(contestTitle);
  const download = await archive.exportFromEventPage();
  expect(download.suggestedFilename()).toBe(`${contestTitle} 2024年7月3日.podium`);
  await page.screenshot({ path: shot('archive-export') });
  const bytes = new Uint8Array(await readFile(await download.path()));

  // On the other computer: an empty list, then the imported event opens by itself.
  await console_.open(otherComputer.consoleUrl);
  await archive.importOnEventList(download.suggestedFilename(), bytes);
  await expect(page.getByRole('heading', { name: contestTitle })).toBeVisible();
  await expect(archive.toast.filter({ hasText: `已导入“${contestTitle}”。评委的旧链接` })).toBeVisible();
  await expect(page.getByTestId('participant-row')).toHaveCount(8);
  await page.screenshot({ path: shot('archive-imported') });
  const judges = items(await ok(otherComputer, 'GET', `/api/events/${(await otherEvents())[0]}/judges`));
  expect(judges.map((j) => field(j, 'name'))).toEqual(['王评委']);

  // The same file again: nothing doubled, the console says so and opens the event it made the first time.
  await console_.open(otherComputer.consoleUrl);
  await expect(console_.eventRows).toHaveCount(1);
  await archive.importOnEventList(download.suggestedFilename(), bytes);
  await expect(archive.toast.filter({ hasText: '已经导入过了' })).toBeVisible();
  await expect(page.getByRole('heading', { name: contestTitle })).toBeVisible();
  expect(await otherEvents()).toHaveLength(1);

  // A file that is not an archive: a sentence saying what to do, and still one event.
  await console_.open(otherComputer.consoleUrl);
  await archive.importOnEventList('名单.podium', new TextEncoder().encode('姓名,单位\n张三,陈三居民区\n'));
  await expect(archive.toast.filter({ hasText: '不是 Podium 活动存档' })).toBeVisible();
  await page.screenshot({ path: shot('archive-refused') });
  expect(await otherEvents()).toHaveLength(1);

  async function otherEvents(): Promise<number[]> {
    return items(await ok(otherComputer, 'GET', '/api/events')).map((e) => Number(field(e, 'id')));
  }
});

test('a training class is exported from its 文档与导出 tab as one .podium file', async ({ page, demoHost }) => {
  const classTitle = '观山湖区委党校社区治理学校第一期社区工作者培训班';
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  const archive = new ArchiveModel(page);
  await console_.open(demoHost.consoleUrl);
  await console_.openEvent(classTitle);
  const download = await archive.exportFromEventPage();
  expect(download.suggestedFilename()).toBe(`${classTitle} 2024年9月9日至13日.podium`);
  await page.getByTestId('archive-export').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('archive-export-training') });
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
});
