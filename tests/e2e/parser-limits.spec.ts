import { xlsxBomb } from '../support/bombs';
import { expect, field, items, ok, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';
import { ImportDialogModel } from './page-models/import';

test('a roster that unpacks to too much is refused in the import dialog, saying what to do', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const title = '观山湖区委党校社区治理学校第一期社区工作者培训班';
  const event = await ok(host, 'POST', '/api/events', { title, kind: 'training', startsOn: '2024-07-03' });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);

  const dialog = new ImportDialogModel(page);
  await dialog.pick('学员名单.xlsx', xlsxBomb({ rows: 4_000_000 }));
  const refusal = dialog.dialog.getByText('解压后超过 50 MB');
  await expect(refusal).toContainText('请另存一份只保留名单工作表的文件');
  await expect(dialog.dialog.getByRole('button', { name: '换一个文件' })).toBeVisible();
  await page.screenshot({ path: shot('import-zip-bomb') });

  expect(items(await ok(host, 'GET', `/api/events/${String(field(event, 'id'))}/participants`))).toEqual([]);
});
