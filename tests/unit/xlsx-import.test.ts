import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readParticipantSheet } from '../../electron/documents/xlsx-import';
import { AppError } from '../../electron/errors';
import { zipOf } from '../support/zip';

type Cell = string | number | null | XLSX.CellObject;

/** Real workbook bytes, written by SheetJS the way Excel would save them. */
function workbook(
  sheets: Array<{ name: string; rows: Cell[][]; merges?: string[] }>,
  bookType: XLSX.BookType = 'xlsx',
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const { name, rows, merges = [] } of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!merges'] = merges.map((range) => XLSX.utils.decode_range(range));
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  const out: unknown = XLSX.write(wb, { type: 'array', bookType });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not write an ArrayBuffer');
  return new Uint8Array(out);
}

/** A phone number stored as a number and shown by Excel as 1.38E+10. */
const phoneNumberCell = (v: number): XLSX.CellObject => ({ t: 'n', v, z: '0.00E+00' });

/**
 * The kind of sheet a street office sends: title row, 序号, blank rows, stray spaces, full-width digits, a duplicate,
 * bad rows.
 */
const streetOfficeRows: Cell[][] = [
  ['江浦路街道居民区青年干部演讲比赛报名表', null, null, null, null, null], // 1 (merged A1:F1)
  [], // 2
  ['序号', '姓 名', '性别', '所在居民区', '演讲题目', '联系电话'], // 3
  [1, ' 张 经天 ', '男', '陈三居民区', '学习《习近平关于基层治理论述摘编》心得感悟', phoneNumberCell(13800138000)], // 4
  [2, '叶颖华\u3000', '女', '辽二居民区', '学好“枫桥经验”，做好社区工作', '１３９－００１３－９０００'], // 5
  [], // 6
  [3, '刘逸禕', 'F', '辽四居民区', '让爱无碍，共建温暖家园', '137 0013 7000'], // 7
  [4, '', '女', '大花园居民区', '新进社区的90后居委干部', '13600136000'], // 8: no name
  [5, '高苑欣', '女', '大花园居民区', '新进社区的90后居委干部', '联系居委会'], // 9: not a phone (left empty)
  [6, '张经天', '男', '陈三居民区', null, 13800138000], // 10: same person as row 4
  [7, '李贞', '保密', '恒阳居民区', '构建新型基层社会治理体系', '13500135000'], // 11: bad gender (left empty)
  [8], // 12: a pre-numbered empty line
  [9, '刘菁', null, '张家浜居民区', '“136”打通服务居民“最后一公里”', null], // 13: no phone
];

function streetOfficeWorkbook(): Uint8Array {
  return workbook([{ name: '报名表', rows: streetOfficeRows, merges: ['A1:F1'] }]);
}

describe('readParticipantSheet', () => {
  const sheet = readParticipantSheet(streetOfficeWorkbook(), { locale: 'zh-CN' });

  it('finds the header row under the merged title and reads each column', () => {
    expect(sheet.columns).toEqual([
      { header: '序号', field: null },
      { header: '姓 名', field: 'name' },
      { header: '性别', field: 'gender' },
      { header: '所在居民区', field: 'organization' },
      { header: '演讲题目', field: 'title' },
      { header: '联系电话', field: 'phone' },
    ]);
  });

  it('reads valid rows with the row numbers Excel shows, skipping blank and number-only rows', () => {
    expect(sheet.people.map((p) => [p.row, p.name])).toEqual([
      [4, '张经天'],
      [5, '叶颖华'],
      [7, '刘逸禕'],
      [9, '高苑欣'], // a bad phone does not cost her the place
      [10, '张经天'], // duplicates are the service's business, not the reader's
      [11, '李贞'], // nor a gender of 保密
      [13, '刘菁'],
    ]);
  });

  it('keeps phones as exact digit strings, never 1.38E+10, and normalises full-width digits', () => {
    const phones = Object.fromEntries(sheet.people.map((p) => [p.row, p.phone]));
    expect(phones).toEqual({
      4: '13800138000',
      5: '13900139000',
      7: '13700137000',
      9: null,
      10: '13800138000',
      11: '13500135000',
      13: null,
    });
  });

  it('reads genders and leaves empty cells empty', () => {
    const first = sheet.people[0];
    expect(first).toEqual({
      row: 4,
      name: '张经天',
      gender: 'male',
      organization: '陈三居民区',
      title: '学习《习近平关于基层治理论述摘编》心得感悟',
      phone: '13800138000',
      group: null,
    });
    expect(sheet.people.find((p) => p.row === 7)?.gender).toBe('female');
    expect(sheet.people.find((p) => p.row === 13)).toMatchObject({ gender: null, phone: null });
  });

  it('refuses only a row without a name, with its Excel row number, column and a sentence', () => {
    expect(sheet.errors).toEqual([{ row: 8, column: '姓 名', message: '姓名为空' }]);
  });

  it('imports a row with a bad optional cell, that field empty, and warns with its Excel row and column', () => {
    expect(sheet.warnings).toEqual([
      { row: 9, column: '联系电话', message: '电话号码格式不对：“联系居委会”；该项已留空' },
      { row: 11, column: '性别', message: '性别只能填 男 或 女（现在是“保密”）；该项已留空' },
    ]);
    expect(sheet.people.find((p) => p.row === 9)).toMatchObject({ name: '高苑欣', gender: 'female', phone: null });
    expect(sheet.people.find((p) => p.row === 11)).toMatchObject({ name: '李贞', gender: null, phone: '13500135000' });
  });

  it('answers in English when asked', () => {
    const en = readParticipantSheet(streetOfficeWorkbook(), { locale: 'en' });
    expect(en.errors[0]).toEqual({ row: 8, column: '姓 名', message: 'The name is empty' });
    expect(en.warnings[0]).toEqual({
      row: 9,
      column: '联系电话',
      message: 'This is not a phone number: “联系居委会”; this field is left empty',
    });
  });

  it('leaves out a phone typed as text in scientific notation (its digits are lost) and says why', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['姓名', '手机'],
          ['李怡', '1.38E+10'],
        ],
      },
    ]);
    const { errors, warnings, people } = readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(people).toMatchObject([{ row: 2, name: '李怡', phone: null }]);
    const aboutScientificNotation: unknown = expect.stringContaining('科学计数法');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ row: 2, column: '手机', message: aboutScientificNotation }]);
  });

  it('keeps spaces inside Latin names and collapses runs', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['Name', 'Organization'],
          ['  John   Smith ', ' Lane  3 '],
        ],
      },
    ]);
    expect(readParticipantSheet(bytes, { locale: 'en' }).people[0]).toMatchObject({
      name: 'John Smith',
      organization: 'Lane 3',
    });
  });

  it('refuses a name over 50 characters and leaves out a title over 300', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['姓名', '题目'],
          ['张'.repeat(51), '好'],
          ['李怡', '长'.repeat(301)],
        ],
      },
    ]);
    const { errors, warnings, people } = readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(errors.map((e) => [e.row, e.column])).toEqual([[2, '姓名']]);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([[3, '题目']]);
    expect(people).toMatchObject([{ row: 3, name: '李怡', title: null }]);
  });

  it('lists every problem of a row it refuses, so the sheet is corrected in one pass', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['姓名', '性别', '手机'],
          [null, '未知', 'abc'],
        ],
      },
    ]);
    const { errors, warnings, people } = readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(people).toEqual([]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '姓名', message: '姓名为空' },
      { row: 2, column: '性别', message: '性别只能填 男 或 女（现在是“未知”）' },
      { row: 2, column: '手机', message: '电话号码格式不对：“abc”' },
    ]);
  });

  it('treats a training roster’s own columns the same: a bad 民族 or 省份 is left empty, the trainee kept', () => {
    const bytes = workbook([
      {
        name: '学员名单',
        rows: [
          ['姓名', '性别', '民族', '省份/地区', '分组', '手机', '备注'],
          ['刘友红', '女', '布依族', '贵州', '第一组', 13900000001, null],
          ['王伟', '男', '汉'.repeat(21), '省'.repeat(51), '第二组', { t: 'e', v: 42, w: '#N/A' }, '班长'],
        ],
      },
    ]);
    const { errors, warnings, people } = readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.row, w.column])).toEqual([
      [3, '手机'],
      [3, '省份/地区'],
      [3, '民族'],
    ]);
    expect(warnings[0]?.message).toBe('这一格是 Excel 错误值（#N/A），请改正后再导入；该项已留空');
    const wang = people.find((p) => p.name === '王伟');
    expect(wang).toMatchObject({ gender: 'male', phone: null, group: '第二组', note: '班长' });
    expect(wang).not.toHaveProperty('region');
    expect(wang).not.toHaveProperty('ethnicity');
    expect(people.find((p) => p.name === '刘友红')).toMatchObject({ ethnicity: '布依族', region: '贵州' });
  });

  it('applies the organiser’s mapping for headers Podium does not know, and can drop a column', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['参赛人', '所在支部', '分组', '备注'],
          ['李文渊', '海上源居委会（筹）', '第一组', '迟到'],
        ],
      },
    ]);
    const plain = () => readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(plain).toThrow(expect.objectContaining({ key: 'error.import.noHeader' }));

    const mapped = readParticipantSheet(bytes, {
      locale: 'zh-CN',
      mapping: JSON.stringify({ 参赛人: 'name', 所在支部: 'organization', 备注: 'title', 分组: null }),
    });
    expect(mapped.columns).toEqual([
      { header: '参赛人', field: 'name' },
      { header: '所在支部', field: 'organization' },
      { header: '分组', field: null },
      { header: '备注', field: 'title' },
    ]);
    expect(mapped.people[0]).toMatchObject({
      name: '李文渊',
      organization: '海上源居委会（筹）',
      title: '迟到',
      group: null,
    });
  });

  it('refuses a mapping that is not a JSON object of known fields', () => {
    for (const mapping of ['{', '[]', '"name"', JSON.stringify({ 姓名: 'nickname' }), JSON.stringify({ 姓名: 3 })]) {
      const error = catchError(() => readParticipantSheet(streetOfficeWorkbook(), { locale: 'zh-CN', mapping }));
      expect(error).toMatchObject({ code: 'validation', key: 'error.import.badMapping', field: 'mapping' });
    }
  });

  it('recognises headers written with marks and padding: *姓名（必填）, 手机号码 , 组 别', () => {
    const bytes = workbook([
      {
        name: 'S',
        rows: [
          ['*姓名（必填）', ' 手机号码 ', '组\u3000别'],
          ['李怡', 13300133000, '第二组'],
        ],
      },
    ]);
    const { columns, people } = readParticipantSheet(bytes, { locale: 'zh-CN' });
    expect(columns.map((c) => c.field)).toEqual(['name', 'phone', 'group']);
    expect(people[0]).toMatchObject({ name: '李怡', phone: '13300133000', group: '第二组' });
  });

  it('uses the first sheet that has a 姓名 header (an instructions sheet may come first)', () => {
    const bytes = workbook([
      { name: '填表说明', rows: [['请按模板填写'], ['电话请填手机号']] },
      {
        name: '名单',
        rows: [
          ['组别', '姓名', '手机号'],
          ['A', '李怡', 13900000001],
        ],
      },
    ]);
    expect(readParticipantSheet(bytes, { locale: 'zh-CN' }).people).toEqual([
      { row: 2, name: '李怡', gender: null, organization: null, title: null, phone: '13900000001', group: 'A' },
    ]);
  });

  it('reads legacy .xls files too', () => {
    const bytes = workbook(
      [
        {
          name: 'S',
          rows: [
            ['姓名', '电话'],
            ['李怡', 13900000001],
          ],
        },
      ],
      'biff8',
    );
    expect(readParticipantSheet(bytes, { locale: 'zh-CN' }).people[0]).toMatchObject({
      name: '李怡',
      phone: '13900000001',
    });
  });

  it('says there is no header row when no row has 姓名', () => {
    const bytes = workbook([{ name: 'S', rows: [['名单'], ['李怡', '13900000001']] }]);
    expect(catchError(() => readParticipantSheet(bytes, { locale: 'zh-CN' }))).toMatchObject({
      code: 'bad_request',
      key: 'error.import.noHeader',
    });
  });

  it.each([
    ['empty bytes', new Uint8Array()],
    ['random bytes', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)],
    ['a text file renamed to .xlsx', new TextEncoder().encode('姓名,电话\n李怡,13900000001\n')],
    ['a zip that is not a workbook', notAWorkbookZip()],
    ['a truncated xlsx', streetOfficeWorkbook().slice(0, 300)],
  ])('refuses %s as not a workbook', (_, bytes) => {
    expect(catchError(() => readParticipantSheet(bytes, { locale: 'zh-CN' }))).toMatchObject({
      code: 'bad_request',
      key: 'error.import.notAWorkbook',
    });
  });
});

function notAWorkbookZip(): Uint8Array {
  return zipOf({ 'readme.txt': new TextEncoder().encode('not a spreadsheet') });
}

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
