import * as XLSX from 'xlsx';
import { expect, field, items, ok, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';
import { ImportDialogModel } from './page-models/import';

type Cell = string | number | null;

/** Real .xlsx bytes of one sheet, as a street office saves a roster. */
function workbook(rows: Cell[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '名单');
  const out: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx' });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not write an ArrayBuffer');
  return new Uint8Array(out);
}

const leftEmpty = '该项已留空';

test('the import dialog lists fields it leaves empty apart from refused rows, and imports those people', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const title = '江浦路街道居民区青年干部演讲比赛';
  const event = await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);

  const dialog = new ImportDialogModel(page);
  await dialog.choose(
    '报名表.xlsx',
    workbook([
      ['江浦路街道居民区青年干部演讲比赛报名表'], // 1
      ['姓名', '性别', '居民区', '演讲题目', '手机'], // 2
      ['张经天', '男', '陈三居民区', '学习心得感悟', 13800138000], // 3
      ['刘菁', '未知', '张家浜居民区', '“136”打通服务居民“最后一公里”', 'abc'], // 4: both left empty
      ['', '女', '又一村居民区', '最安心的港湾', 13300133000], // 5: no name, refused
    ]),
  );

  // Refused rows in red, fields left empty in amber, each with the Excel row and column.
  await expect(dialog.warningRows).toHaveCount(2);
  expect(await dialog.rowsOf(dialog.errorRows)).toEqual([['5', '姓名', '姓名为空']]);
  expect(await dialog.rowsOf(dialog.warningRows)).toEqual([
    ['4', '性别', `性别只能填 男 或 女（现在是“未知”）；${leftEmpty}`],
    ['4', '手机', `电话号码格式不对：“abc”；${leftEmpty}`],
  ]);
  const warnings = page.getByRole('region', { name: /留空的项/ });
  await expect(warnings.getByRole('heading')).toContainText('照常导入');
  await expect(warnings.getByRole('heading')).toHaveCSS('color', 'rgb(122, 75, 0)');
  await expect(warnings.getByTestId('import-error-row')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).toContainText('刘菁');
  await expect(page.getByTestId('import-confirm')).toHaveText('确认导入 2 人');
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('import-warnings') });

  await dialog.confirm();
  await expect(dialog.result).toHaveText('已导入 2 人，跳过 1 人');
  // After the import the organiser still sees what to complete.
  await expect(dialog.warningRows).toHaveCount(2);

  const people = items(await ok(host, 'GET', `/api/events/${String(field(event, 'id'))}/participants`));
  const liu = people.find((p) => field(p, 'name') === '刘菁');
  expect([field(liu, 'organization'), field(liu, 'gender'), field(liu, 'phone')]).toEqual(['张家浜居民区', null, null]);
});

test('a training roster goes through the same dialog: a bad 手机 or 民族 is left empty, the trainee kept', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const title = '观山湖区委党校社区治理学校第一期社区工作者培训班';
  await ok(host, 'POST', '/api/events', { title, kind: 'training', startsOn: '2024-07-03', endsOn: '2024-07-07' });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);

  const dialog = new ImportDialogModel(page);
  await dialog.choose(
    '学员名单.xlsx',
    workbook([
      ['姓名', '性别', '民族', '省份/地区', '单位', '手机', '分组'], // 1
      ['刘友红', '女', '布依族', '贵州省', '金华镇金元社区', 13985000001, '第二组'], // 2
      ['钱多', '男', '汉'.repeat(21), '贵州省', '阳关社区', '请联系班主任', '第二组'], // 3
    ]),
  );
  await expect(dialog.warningRows).toHaveCount(2);
  expect(await dialog.rowsOf(dialog.warningRows)).toEqual([
    ['3', '手机', `电话号码格式不对：“请联系班主任”；${leftEmpty}`],
    ['3', '民族', `内容太长（最多 20 个字）；${leftEmpty}`],
  ]);
  await expect(dialog.errorRows).toHaveCount(0);
  await dialog.confirm();
  await expect(dialog.result).toHaveText('已导入 2 人，跳过 0 人');
});
