import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { readPdf } from '../support/pdf';
import { speechRubric as rubric } from '../support/rubrics';
import { expect, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';
import { DocumentsTabModel } from './page-models/documents';

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
const speakers = ['张经天', '叶颖华', '刘逸禕', '高苑欣', '李贞', '刘菁', '李怡', '李文渊'];

test('the organiser downloads the Excel summary and a judge’s blank score sheet from the 文档与导出 tab', async ({
  page,
  demoHost: host,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const events = (await host.api('GET', '/api/events')).body;
  if (!Array.isArray(events)) throw new Error('no events');
  const contest: unknown = events.find(
    (e: unknown) => typeof e === 'object' && e !== null && 'title' in e && e.title === contestTitle,
  );
  if (typeof contest !== 'object' || contest === null || !('id' in contest)) throw new Error('no demo contest');
  const id = Number(contest.id);
  expect((await host.api('PUT', `/api/events/${id}/rubric`, rubric)).status).toBe(200);
  for (const name of ['王评委', '李评委', '赵评委'])
    expect((await host.api('POST', `/api/events/${id}/judges`, { name })).status).toBe(201);

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  const documents = new DocumentsTabModel(page);
  await documents.open();
  await expect(documents.panel).toContainText('成绩汇总 Excel');
  await page.screenshot({ path: shot('console-documents'), fullPage: true });

  const xlsx = await documents.download('download-results-xlsx');
  expect(xlsx.suggestedFilename()).toBe(`${contestTitle}-成绩汇总-2024年7月3日.xlsx`);
  await expect(documents.toast.filter({ hasText: '已下载' })).toBeVisible();
  const book = XLSX.read(await readFile(await xlsx.path()), { type: 'buffer' });
  expect(book.SheetNames).toEqual(['结果', '评委评分', '分项', '回避', '证书登记']);
  const results = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['结果']!, { header: 1 });
  expect(results[0]).toEqual([contestTitle]);
  expect(results.slice(3).map((row) => row[1])).toEqual(speakers);
  const judges = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['评委评分']!, { header: 1 });
  expect(judges[2]).toEqual(expect.arrayContaining(['王评委', '李评委', '赵评委']));

  await documents.chooseJudgeSheets({ judge: '李评委', filled: false });
  const sheet = await documents.download('download-judge-sheets');
  expect(sheet.suggestedFilename()).toBe(`${contestTitle}-空白评分表-李评委-2024年7月3日.pdf`);
  const pdf = readPdf(await readFile(await sheet.path()));
  expect(pdf.pageCount).toBe(1);
  expect(pdf.text).toContain('评委：李评委');
  for (const name of speakers) expect(pdf.text).toContain(name);
  expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
});
