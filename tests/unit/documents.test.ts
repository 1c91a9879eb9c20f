import { describe, expect, it } from 'vitest';
import { decimalsFormat, displayWidth, tableSheet, workbookBytes } from '../../electron/documents/xlsx-write';
import { documentFileName } from '../../shared/api/documents';
import { cellAt, readBook, sheetOf } from '../support/xlsx';

describe('column widths count Chinese as two', () => {
  it.each([
    ['张经天', 6],
    ['Zhang', 5],
    ['88.13', 5],
    ['海上源居委会（筹）', 18],
    ['“136”打通', 9],
    ['', 0],
  ])('%s takes %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('sizes a column by its widest header or cell, leaving the merged title out', () => {
    const sheet = tableSheet({
      name: '结果',
      title: '一个很长很长很长很长很长很长很长很长的标题',
      caption: '成绩汇总',
      header: ['名次', '姓名'],
      rows: [[1, '海上源居委会（筹）']],
    });
    expect(sheet['!cols']).toEqual([{ wch: 6 }, { wch: 20 }]);
  });
});

describe('number formats', () => {
  it.each([
    [0, '0'],
    [1, '0.0'],
    [2, '0.00'],
    [4, '0.0000'],
  ])('%i decimals → %s', (decimals, format) => {
    expect(decimalsFormat(decimals)).toBe(format);
  });

  it('keeps a number exact and shows it with the format', () => {
    const bytes = workbookBytes([
      {
        name: 'S',
        title: 'T',
        caption: 'C',
        header: ['最后得分'],
        rows: [[{ value: Number('88.10'), format: '0.00' }]],
      },
    ]);
    const cell = cellAt(sheetOf(readBook(bytes, { cellNF: true }), 'S'), 'A4');
    expect(cell).toMatchObject({ t: 'n', v: 88.1, z: '0.00', w: '88.10' });
  });

  it('writes a line under the header when a table has no rows', () => {
    const bytes = workbookBytes([
      { name: 'S', title: 'T', caption: 'C', header: ['评委'], rows: [], empty: '本场比赛没有评委回避。' },
    ]);
    expect(cellAt(sheetOf(readBook(bytes), 'S'), 'A4')?.v).toBe('本场比赛没有评委回避。');
  });
});

describe('document file names', () => {
  const event = { title: '江浦路街道青年干部演讲比赛', startsOn: '2024-07-03', endsOn: null };

  it('carry the title and the date in the reader’s language', () => {
    expect(documentFileName('zh-CN', 'results-xlsx', event)).toBe(
      '江浦路街道青年干部演讲比赛-成绩汇总-2024年7月3日.xlsx',
    );
    expect(documentFileName('zh-CN', 'judge-sheets-blank', event)).toBe(
      '江浦路街道青年干部演讲比赛-空白评分表-全体评委-2024年7月3日.pdf',
    );
    expect(documentFileName('zh-CN', 'judge-sheets-filled', event, '王评委')).toBe(
      '江浦路街道青年干部演讲比赛-评委评分表-王评委-2024年7月3日.pdf',
    );
    expect(documentFileName('en', 'results-pdf', event)).toBe(
      '江浦路街道青年干部演讲比赛 - results table - 3 Jul 2024.pdf',
    );
  });

  it('leave out what no file system takes, and keep long titles short', () => {
    expect(documentFileName('zh-CN', 'results-xlsx', { ...event, title: '2024/07 比赛: "决赛"' })).toBe(
      '2024 07 比赛 决赛-成绩汇总-2024年7月3日.xlsx',
    );
    expect(documentFileName('zh-CN', 'results-xlsx', { ...event, title: '长'.repeat(300) }).length).toBeLessThan(130);
  });

  it('show a multi-day event as a range', () => {
    expect(
      documentFileName('zh-CN', 'results-xlsx', { title: '培训班', startsOn: '2024-09-09', endsOn: '2024-09-13' }),
    ).toBe('培训班-成绩汇总-2024年9月9日至13日.xlsx');
  });
});
