import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { compact, readPdf } from '../support/pdf';
import { speechRubric } from '../support/rubrics';
import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { CertificatesModel } from './page-models/certificates';
import { ConsolePage } from './page-models/console';

const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
// In registration order; each judge gives every speaker the same sheet, so the finals are these totals.
const speakers: Array<[name: string, organization: string, total: [string, number][]]> = [
  [
    '张经天',
    '陈三居民区',
    [
      ['content', 38],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '叶颖华',
    '辽二居民区',
    [
      ['content', 37],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '刘逸禕',
    '辽四居民区',
    [
      ['content', 36],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '高苑欣',
    '大花园居民区',
    [
      ['content', 35],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '李贞',
    '恒阳居民区',
    [
      ['content', 34],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '刘菁',
    '张家浜居民区',
    [
      ['content', 33],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '李怡',
    '又一村居民区',
    [
      ['content', 32],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
  [
    '李文渊',
    '海上源居委会（筹）',
    [
      ['content', 31],
      ['delivery', 28],
      ['image', 19],
      ['time', 10],
    ],
  ],
];
// The console's usual tiers: 一等奖 1, 二等奖 2, 三等奖 3, 优秀奖 for the rest.
const awards = ['一等奖', '二等奖', '二等奖', '三等奖', '三等奖', '三等奖', '优秀奖', '优秀奖'];

const record = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value));
};

/** The contest runs over HTTP as on the day: rubric, three judges, every speaker scored and locked. */
async function runContest(host: RunningHost): Promise<number> {
  const events = (await host.api('GET', '/api/events')).body;
  if (!Array.isArray(events)) throw new Error('no events');
  const id = Number(events.map(record).find((e) => e.title === contestTitle)?.id);
  expect((await host.api('PUT', `/api/events/${id}/rubric`, speechRubric)).status).toBe(200);
  const tokens: string[] = [];
  for (const name of ['王评委', '李评委', '赵评委'])
    tokens.push(String(record((await host.api('POST', `/api/events/${id}/judges`, { name })).body).token));
  const people = (await host.api('GET', `/api/events/${id}/participants`)).body;
  if (!Array.isArray(people)) throw new Error('no participants');
  for (const [i, person] of people.map(record).entries()) {
    const pid = Number(person.id);
    expect((await host.api('POST', `/api/events/${id}/performances/${pid}/start`)).status).toBe(200);
    for (const [j, token] of tokens.entries()) {
      const response = await fetch(`${host.url}/api/judge/scores/${pid}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          scores: Object.fromEntries(speakers[i]?.[2] ?? []),
          submissionId: `e2e-certificates-${i}-${j}`,
        }),
      });
      expect(response.status).toBe(200);
    }
    expect((await host.api('POST', `/api/events/${id}/performances/${pid}/lock`)).status).toBe(200);
  }
  return id;
}

test('the organiser sets the awards, edits and previews the 荣誉证书, downloads the batch and reads it back', async ({
  page,
  demoHost: host,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await runContest(host);

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(contestTitle);
  const certificates = new CertificatesModel(page);
  await certificates.open();
  // No awards yet: the tab says what to do.
  await expect(certificates.blocked).toHaveText(
    '还没有设置奖项。请先在“排名与奖项”中设置奖项（如一等奖 1 名、二等奖 2 名），再打印荣誉证书。',
  );
  await expect(page.getByTestId('download-certificates')).toBeDisabled();

  // 排名与奖项: the usual tiers, saved.
  await page.getByTestId('tab-ranking').click();
  await page.getByTestId('awards-save').click();
  await expect(console_.toast.first()).toBeVisible();

  await certificates.open();
  await expect(certificates.blocked).toHaveCount(0);
  await expect(certificates.recipients).toHaveCount(8);
  await expect(page.getByTestId('certificate-count')).toHaveText('共 8 张');
  expect(await certificates.recipients.locator('td:nth-child(2)').allInnerTexts()).toEqual(
    speakers.map(([name]) => name),
  );
  expect(await certificates.recipients.locator('td:nth-child(4)').allInnerTexts()).toEqual(awards);
  // Page 1 drawn to scale: the first speaker's certificate.
  await expect(certificates.preview).toContainText('陈三居民区　张经天　同志：');
  await expect(certificates.preview).toContainText(`在${contestTitle}中荣获一等奖。特发此证。`);
  await expect(certificates.preview).toContainText('证书编号：JP2024-001');
  await page.screenshot({ path: shot('console-certificates'), fullPage: true });

  // A narrow box: the line shrinks, and the preview says so.
  await certificates.openField('recipient');
  await certificates.openField('body');
  await certificates.fieldInput('recipient', 'width').fill('60');
  await expect(certificates.shrunkWarnings).toHaveCount(1);
  await expect(certificates.shrunkWarnings.first()).toContainText('“称呼”放不下，已从 24 磅缩小到');
  await expect(page.locator('[data-field="recipient"] .certificate-box-shrunk')).toBeVisible();

  // A placeholder Podium does not know: a warning in the preview, and saving is refused with its name.
  await certificates.fieldInput('body', 'text').fill('　　在{活动}中荣获{名次}。特发此证。');
  await expect(certificates.placeholderWarnings).toHaveText('“正文”中的 {名次} 不是可用的占位符，打印前请改正');
  await certificates.saveTemplate();
  await expect(certificates.templateError).toContainText('“正文”中有不认识的占位符 {名次}。');
  await page.screenshot({ path: shot('console-certificates-warnings'), fullPage: false });

  // Corrected wording (the brief's own sentence), saved.
  await certificates.fieldInput('body', 'text').fill('　　{姓名}同志在{活动}中荣获{奖项}。特发此证。');
  await certificates.fieldInput('recipient', 'width').fill('217');
  await expect(certificates.placeholderWarnings).toHaveCount(0);
  await certificates.saveTemplate();
  await expect(console_.toast.filter({ hasText: '模板已保存' })).toBeVisible();

  // The batch: one PDF, a page per certificate in award order, read back with poppler.
  const download = await certificates.downloadAll();
  expect(download.suggestedFilename()).toBe(`${contestTitle}-荣誉证书-2024年7月3日.pdf`);
  const pdf = readPdf(await readFile(await download.path()));
  expect(pdf.pageCount).toBe(8);
  for (const [i, [name, organization]] of speakers.entries()) {
    const text = compact(pdf.pages[i] ?? '');
    expect(text).toContain(`${organization}${name}同志：`);
    expect(text).toContain(`${name}同志在${contestTitle}中荣获${awards[i]}。特发此证。`);
    expect(text).toContain(`证书编号：JP2024-00${i + 1}`);
  }
  for (const font of pdf.fonts) expect(font).toMatchObject({ embedded: true, subset: true });
  // Numbers are given now, and shown in the list.
  await expect(certificates.recipients.first().locator('td').first()).toHaveText('JP2024-001');

  // 打印 in a plain browser: the PDF opens in a tab of its own.
  const tab = await certificates.printAll();
  expect(tab.url()).toMatch(/^blob:/);
  // …and the organiser is told where to print it, not that a print dialog opened.
  await expect(console_.toast.filter({ hasText: '证书已在新标签页打开' })).toBeVisible();
  await tab.close();

  // The register, in Excel.
  const register = await certificates.downloadRegister();
  expect(register.suggestedFilename()).toBe(`${contestTitle}-证书登记表-2024年7月3日.xlsx`);
  const book = XLSX.read(await readFile(await register.path()), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['证书登记']!, { header: 1 });
  expect(rows.slice(3).map((row) => row[0])).toEqual(speakers.map((_, i) => `JP2024-00${i + 1}`));
});

test('a training class has its 结业证书 panel on the event page, one per trainee', async ({ page, demoHost: host }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  // The demo class has a week of attendance; a rule everyone meets keeps this case about the certificates.
  const training = items(await ok(host, 'GET', '/api/events')).find((e) => field(e, 'kind') === 'training');
  const everyone = { minRate: 0, leave: 'missed', overrides: [] };
  await ok(host, 'PUT', `/api/events/${String(field(training, 'id'))}/completion`, everyone);
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent('观山湖区委党校社区治理学校第一期社区工作者培训班');
  const certificates = new CertificatesModel(page);
  // On the class's 结业与证书 tab.
  await certificates.open();
  await expect(page.getByTestId('certificate-count')).toHaveText('共 50 张');
  await expect(certificates.preview).toContainText(
    '于2024年9月9日至13日参加观山湖区委党校社区治理学校第一期社区工作者培训班学习，完成全部课程，准予结业。',
  );
  await expect(certificates.preview).toContainText('GS2024-001');
  await certificates.panel.screenshot({ path: shot('console-certificates-training') });
  const download = await certificates.downloadAll();
  expect(download.suggestedFilename()).toBe(
    '观山湖区委党校社区治理学校第一期社区工作者培训班-结业证书-2024年9月9日至13日.pdf',
  );
  expect(readPdf(await readFile(await download.path())).pageCount).toBe(50);
});
