import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect } from 'vitest';
import { Judge, Ranking } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event } from '../../shared/api/events';
import { contestWith, ok, type ContestSetUp } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { readPdf } from '../support/pdf';
import { speechRubric as rubric } from '../support/rubrics';
import { cellAt, readBook, rowsOf, sheetOf } from '../support/xlsx';
import { zipEntryText } from '../support/zip';

// A small contest run over HTTP, then every document read back the way a person would check it:
// the workbook re-read with SheetJS, the PDFs through poppler (pdftotext, pdffonts, pdfinfo).
// Each case sets up the contest on a fresh host as far as it needs.

const title = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
const speakerList = [
  { name: '张经天', organization: '陈三居民区', title: '学习《习近平关于基层治理论述摘编》心得感悟' },
  { name: '叶颖华', organization: '辽二居民区', title: '学好“枫桥经验”，做好社区工作' },
  { name: '刘逸禕', organization: '辽四居民区', title: '让爱无碍，共建温暖家园' },
  { name: '高苑欣', organization: '大花园居民区', title: '新进社区的90后居委干部' },
  { name: '李文渊', organization: '海上源居委会（筹）', title: '人人参与建设美丽新家园' },
];
const judgeNames = ['王评委', '李评委', '赵评委', '陈评委'];
/**
 * Judges' totals per speaker (null: recused). 陈评委 is recused from 张经天; 叶颖华 and 刘逸禕 tie at 90.50;
 * 李文渊 is never scored.
 */
const totals: Array<Array<number | null>> = [
  [90, 88.5, 87, null],
  [91, 89.5, 92.5, 90],
  [90.5, 90.5, 88, 93],
  [85, 86.5, 87, 86],
];
const sheet = (total: number) => ({ content: total - 53, delivery: 26, image: 18, time: 9 });

// PODIUM_DOCS_OUT=/tmp/shots/docs keeps the documents to look at.
const keep = process.env.PODIUM_DOCS_OUT;

const err = (body: unknown) => ErrorBody.parse(body).error;
const bytes = (body: unknown): Uint8Array => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected a file, got ${JSON.stringify(body)}`);
  return body;
};
/** The file name a browser saves under: RFC 5987 `filename*`. */
function savedName(headers: Headers): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(headers.get('content-disposition') ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}
function saved(name: string, data: Uint8Array): Uint8Array {
  if (keep) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, name), data);
  }
  return data;
}
/** A line of pdftotext's layout with its runs of spaces squeezed, as a person reads the row. */
const lineOf = (text: string, name: string) =>
  text
    .split('\n')
    .find((l) => l.includes(name))
    ?.replace(/\s+/g, ' ')
    .trim() ?? '';

const eventDetails = { title, startsOn: '2024-07-03', venue: '辽源西路睦邻中心', organizer: '江浦路街道社工办' };

/** The contest with its five speakers, before any rubric or judge. */
const registered = (t: TestHost) => contestWith(t, { event: eventDetails, speakers: speakerList });

/** The rubric and the four judges set, 陈评委 recused from 张经天; nothing scored yet. */
async function panelSet(t: TestHost): Promise<ContestSetUp> {
  const judges = judgeNames.map((name) => ({ name, organization: '江浦路街道' }));
  const c = await contestWith(t, { event: eventDetails, speakers: speakerList, rubric, judges });
  const recusal = { body: { participantIds: [c.speakers[0]!.id] } };
  await ok(t.call('PUT', `/api/events/${c.eventId}/judges/${c.judges[3]!.id}/conflicts`, recusal), 'recusal');
  return c;
}

/** The contest run as in `totals`: 高苑欣 0.5 off for overtime, 李文渊 never scored; the awards set. */
async function contestRun(t: TestHost): Promise<ContestSetUp> {
  const c = await panelSet(t);
  const { eventId, speakers, judges } = c;
  for (const [k, row] of totals.entries()) {
    const pid = speakers[k]!.id;
    await t.call('POST', `/api/events/${eventId}/performances/${pid}/start`);
    for (const [i, total] of row.entries()) {
      if (total === null) continue;
      const r = await t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judges[i]!.token,
        body: { scores: sheet(total), submissionId: `docs-${k}-${i}-${Date.now()}` },
      });
      expect(r.status).toBe(200);
    }
    if (k === 3)
      await t.call('PUT', `/api/events/${eventId}/performances/${pid}/deduction`, {
        body: { points: 0.5, reason: '超时' },
      });
    await t.call('POST', `/api/events/${eventId}/performances/${pid}/lock`);
    await t.call('POST', `/api/events/${eventId}/performances/${pid}/reveal`);
  }
  await t.call('POST', `/api/events/${eventId}/awards`, {
    body: {
      tiers: [
        { name: '一等奖', count: 1 },
        { name: '二等奖', count: 1 },
        { name: '三等奖', count: null },
      ],
    },
  });
  return c;
}

describe('documents before the contest', () => {
  withHost('refuses score sheets without a rubric, with a sentence to act on', async ({ t }) => {
    const { eventId } = await registered(t);
    const r = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf`);
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe('还没有设置评分细则，请先在控制台设置评分细则。');
    const en = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf`, { lang: 'en' });
    expect(err(en.body).message).toBe('No rubric has been set yet; set it in the console first.');
  });

  withHost('gives the Excel summary with every speaker and no finals yet', async ({ t }) => {
    const { eventId } = await registered(t);
    const r = await t.call('GET', `/api/events/${eventId}/results.xlsx`);
    expect(r.status).toBe(200);
    const book = readBook(bytes(r.body));
    const rows = rowsOf(sheetOf(book, '结果')).slice(3);
    expect(rows.map((row) => row[1])).toEqual(speakerList.map((s) => s.name));
    expect(rows.every((row) => row[4] === undefined)).toBe(true);
  });

  withHost('prints blank score sheets once the rubric and judges exist, before any score', async ({ t }) => {
    const { eventId, speakers } = await registered(t);
    expect((await t.call('PUT', `/api/events/${eventId}/rubric`, { body: rubric })).status).toBe(200);
    for (const name of judgeNames)
      await t.call('POST', `/api/events/${eventId}/judges`, { body: { name, organization: '江浦路街道' } });
    const judges = Judge.array().parse((await t.call('GET', `/api/events/${eventId}/judges`)).body);
    await t.call('PUT', `/api/events/${eventId}/judges/${judges[3]!.id}/conflicts`, {
      body: { participantIds: [speakers[0]!.id] },
    });

    const r = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(savedName(r.headers)).toBe(`${title}-空白评分表-全体评委-2024年7月3日.pdf`);
    const pdf = readPdf(saved('judges-blank.pdf', bytes(r.body)));
    expect(pdf.pageCount).toBe(4);
    expect(pdf.pageSize).toEqual([595.28, 841.89]);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    for (const [i, page] of pdf.pages.entries()) {
      expect(page).toContain(`评委：${judgeNames[i]}（江浦路街道）`);
      expect(page).toContain('评委评分表');
      expect(page).toContain('评委签名');
      for (const s of speakerList) expect(page).toContain(s.name);
      // Blank: no score anywhere in the speakers' rows.
      for (const s of speakerList) expect(lineOf(page, s.name)).not.toMatch(/\d+\.\d/);
    }
    // 陈评委 is recused from 张经天, and the sheet says so.
    expect(lineOf(pdf.pages[3]!, '张经天')).toContain('回避');
    expect(lineOf(pdf.pages[0]!, '张经天')).not.toContain('回避');
  });
});

describe('documents after the contest', () => {
  withHost('writes results.xlsx with the same ranks and finals as the ranking, finals as numbers', async ({ t }) => {
    const { eventId } = await contestRun(t);
    const ranking = Ranking.parse((await t.call('GET', `/api/events/${eventId}/ranking`)).body);
    expect(ranking.rows.map((r) => [r.name, r.rank, r.final ?? null])).toEqual([
      ['叶颖华', 1, '90.50'],
      ['刘逸禕', 1, '90.50'],
      ['张经天', 3, '88.50'],
      ['高苑欣', 4, '85.75'],
      ['李文渊', null, null],
    ]);

    const r = await t.call('GET', `/api/events/${eventId}/results.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(savedName(r.headers)).toBe(`${title}-成绩汇总-2024年7月3日.xlsx`);
    const data = bytes(r.body);
    saved('results.xlsx', data);
    const book = readBook(data, { cellNF: true, cellStyles: true });
    expect(book.SheetNames).toEqual(['结果', '评委评分', '分项', '回避', '证书登记']);

    const results = sheetOf(book, '结果');
    expect(cellAt(results, 'A1')?.v).toBe(title);
    expect(cellAt(results, 'A2')?.v).toBe('成绩汇总　2024年7月3日');
    expect(results['!merges']?.map((m) => XLSX.utils.encode_range(m))).toEqual(['A1:G1', 'A2:G2']);
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3'].map((a) => cellAt(results, a)?.v)).toEqual([
      '名次',
      '姓名',
      '单位',
      '演讲题目',
      '最后得分',
      '奖项',
    ]);
    for (const [i, row] of ranking.rows.entries()) {
      const at = (col: string) => cellAt(results, `${col}${i + 4}`);
      expect(at('A')?.v ?? null).toBe(row.rank);
      expect(at('B')?.v).toBe(row.name);
      if (row.final === undefined) {
        expect(at('E')).toBeUndefined();
        expect(at('G')?.v).toBe('未评分');
        continue;
      }
      expect(at('E')).toMatchObject({ t: 'n', v: Number(row.final), z: '0.00', w: row.final });
      expect(at('F')?.v).toBe(row.award);
    }
    expect(cellAt(results, 'G4')?.v).toBe('并列');
    // Widths fit the Chinese text: the long speech titles get the widest column.
    const widths = (results['!cols'] ?? []).map((c) => c.wch ?? 0);
    expect(widths).toHaveLength(7);
    expect(widths[3]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThanOrEqual(8);

    const totalsSheet = rowsOf(sheetOf(book, '评委评分'), { raw: false });
    expect(totalsSheet[2]).toEqual([
      '名次',
      '出场顺序',
      '姓名',
      '单位',
      ...judgeNames,
      '扣分',
      '最后得分',
      '去掉的分数',
    ]);
    const zhang = totalsSheet.find((row) => row[2] === '张经天')!;
    expect(zhang.slice(4, 11)).toEqual([
      '(90.00)',
      '88.50',
      '(87.00)',
      '回避',
      undefined,
      '88.50',
      '去掉最高分 90.00（王评委）；去掉最低分 87.00（赵评委）',
    ]);
    const gao = totalsSheet.find((row) => row[2] === '高苑欣')!;
    expect(gao.slice(8, 10)).toEqual(['0.50', '85.75']);
    // A dropped total is still a number, only shown in brackets.
    const dropped = cellAt(sheetOf(book, '评委评分'), 'E6');
    expect(dropped).toMatchObject({ t: 'n', v: 90, w: '(90.00)' });

    const criteria = rowsOf(sheetOf(book, '分项'), { raw: false });
    expect(criteria[2]).toEqual([
      '出场顺序',
      '姓名',
      '单位',
      '评委',
      '内容（40分）',
      '表达（30分）',
      '形象（20分）',
      '时间（10分）',
      '合计',
      '备注',
    ]);
    expect(criteria.slice(3)).toHaveLength(speakerList.length * judgeNames.length);
    expect(criteria.find((row) => row[1] === '叶颖华' && row[3] === '赵评委')).toEqual([
      '2',
      '叶颖华',
      '辽二居民区',
      '赵评委',
      '39.5',
      '26.0',
      '18.0',
      '9.0',
      '92.5',
    ]);
    expect(criteria.find((row) => row[1] === '张经天' && row[3] === '陈评委')?.[9]).toBe('回避');
    expect(criteria.find((row) => row[1] === '李文渊' && row[3] === '王评委')?.[9]).toBe('未评分');

    const conflicts = rowsOf(sheetOf(book, '回避'));
    expect(conflicts.slice(2)).toEqual([
      ['评委', '评委单位', '出场顺序', '回避的选手', '选手单位'],
      ['陈评委', '江浦路街道', 1, '张经天', '陈三居民区'],
    ]);

    // In English when the reader asks for it; the same numbers.
    const en = await t.call('GET', `/api/events/${eventId}/results.xlsx`, { lang: 'en' });
    expect(savedName(en.headers)).toBe(`${title} - results - 3 Jul 2024.xlsx`);
    const enBook = readBook(bytes(en.body));
    expect(enBook.SheetNames).toEqual(['Results', 'Judges', 'Criteria', 'Recusals', 'Certificates']);
    expect(cellAt(sheetOf(enBook, 'Results'), 'E4')?.v).toBe(90.5);

    // Every sheet: the merged title and a frozen header (title, caption and header rows stay in view).
    for (const [i, name] of book.SheetNames.entries()) {
      expect(cellAt(sheetOf(book, name), 'A1')?.v, name).toBe(title);
      expect(sheetOf(book, name)['!merges']?.[0], name).toMatchObject({ s: { r: 0, c: 0 }, e: { r: 0 } });
      expect((sheetOf(book, name)['!cols'] ?? []).length, name).toBeGreaterThan(0);
      const xml = zipEntryText(data, `xl/worksheets/sheet${i + 1}.xml`);
      expect(xml, name).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    }
  });

  withHost(
    'prints the results table with judges’ totals, dropped ones in brackets, and the signature lines',
    async ({ t }) => {
      const { eventId } = await contestRun(t);
      const r = await t.call('GET', `/api/events/${eventId}/results.pdf`);
      expect(r.status).toBe(200);
      expect(savedName(r.headers)).toBe(`${title}-成绩汇总表-2024年7月3日.pdf`);
      const pdf = readPdf(saved('results.pdf', bytes(r.body)));
      expect(pdf.pageCount).toBe(1);
      expect(pdf.fonts.length).toBeGreaterThan(0);
      expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
      const text = pdf.text;
      for (const s of speakerList) expect(text).toContain(s.name);
      for (const name of judgeNames) expect(text).toContain(name);
      expect(lineOf(text, '张经天')).toBe('3 张经天 陈三居民区 (90.00) 88.50 (87.00) 回避 88.50 三等奖');
      expect(lineOf(text, '叶颖华')).toBe('1 叶颖华 辽二居民区 91.00 (89.50) (92.50) 90.00 90.50 一等奖（并列）');
      expect(lineOf(text, '高苑欣')).toBe('4 高苑欣 大花园居民区 (85.00) 86.50 (87.00) 86.00 0.50 85.75 三等奖');
      expect(lineOf(text, '李文渊')).toBe('李文渊 海上源居委会（筹） 未评分');
      expect(text).toContain('主评委签名');
      expect(text).toContain('监督员签名');
      expect(text).toContain('去掉 1 个最高分、1 个最低分');
    },
  );

  withHost(
    'prints one judge’s filled sheet with that judge’s scores, and every judge’s on a page each',
    async ({ t }) => {
      const { eventId, judges } = await contestRun(t);
      const judge = judges[2]!;
      const r = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?judgeId=${judge.id}&filled=true`);
      expect(r.status).toBe(200);
      expect(savedName(r.headers)).toBe(`${title}-评委评分表-赵评委-2024年7月3日.pdf`);
      const pdf = readPdf(saved('judge-filled.pdf', bytes(r.body)));
      expect(pdf.pageCount).toBe(1);
      expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
      expect(pdf.text).toContain('评委：赵评委（江浦路街道）');
      expect(lineOf(pdf.text, '张经天')).toContain('34.0 26.0 18.0 9.0 87.0');
      expect(lineOf(pdf.text, '叶颖华')).toContain('39.5 26.0 18.0 9.0 92.5');
      expect(lineOf(pdf.text, '李文渊')).not.toMatch(/\d\.\d/);
      expect(pdf.text).toContain('评委签名');

      const all = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?filled=true`);
      expect(savedName(all.headers)).toBe(`${title}-评委评分表-全体评委-2024年7月3日.pdf`);
      expect(readPdf(saved('judges-filled.pdf', bytes(all.body))).pageCount).toBe(4);
    },
  );

  withHost('lists the certificates once they are printed in 证书登记', async ({ t }) => {
    const { eventId, speakers, judges } = await contestRun(t);
    const before = readBook(bytes((await t.call('GET', `/api/events/${eventId}/results.xlsx`)).body));
    expect(cellAt(sheetOf(before, '证书登记'), 'A4')?.v).toBe('还没有发放证书。');
    // The last speaker is scored, so every speaker has a final and the awards can be printed.
    const last = speakers[4]!.id;
    await t.call('POST', `/api/events/${eventId}/performances/${last}/start`);
    for (const [i, judge] of judges.entries()) {
      await t.call('PUT', `/api/judge/scores/${last}`, {
        token: judge.token,
        body: { scores: sheet(80), submissionId: `docs-last-${i}-${Date.now()}` },
      });
    }
    await t.call('POST', `/api/events/${eventId}/performances/${last}/lock`);
    await t.call('POST', `/api/events/${eventId}/performances/${last}/reveal`);
    await t.host.services.certificates.pdf(eventId, 'award', undefined, 'zh-CN');
    const register = t.host.services.certificates.register(eventId);
    expect(register).toHaveLength(5);

    const book = readBook(bytes((await t.call('GET', `/api/events/${eventId}/results.xlsx`)).body));
    const rows = rowsOf(sheetOf(book, '证书登记'));
    expect(rows[2]).toEqual(['证书编号', '姓名', '单位', '奖项', '证书类型', '落款日期']);
    expect(rows.slice(3)).toEqual(
      register.map((c): unknown[] => [
        c.number,
        c.name,
        c.organization,
        c.award,
        '荣誉证书',
        expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/),
      ]),
    );
    expect(rows.slice(3).map((row) => row[1])).toEqual(
      expect.arrayContaining(['叶颖华', '刘逸禕', '张经天', '高苑欣', '李文渊']),
    );
  });
});

const fullPanel = ['王评委', '李评委', '张评委', '赵评委', '陈评委', '周评委', '吴评委'];

/** A second contest with 8 speakers, 6 criteria and 7 judges, nothing scored: the widest sheets. */
async function fullPanelContest(t: TestHost): Promise<Event> {
  const created = await t.call('POST', '/api/events', {
    body: { title: '观山湖区社区治理学校课程试讲评审', kind: 'contest', startsOn: '2024-06-20' },
  });
  const demo = Event.parse(created.body);
  const more = [
    {
      name: '李贞',
      organization: '恒阳居民区',
      title: '提高社会化、法治化、智能化、专业化水平——构建富有活力和效率的新型基层社会治理体系',
    },
    { name: '刘菁', organization: '张家浜居民区', title: '“136”打通服务居民“最后一公里”' },
    { name: '李怡', organization: '又一村居民区', title: '最安心的港湾' },
  ];
  for (const s of [...speakerList, ...more]) await t.call('POST', `/api/events/${demo.id}/participants`, { body: s });
  const six = ['内容', '结构', '表达', '仪态', '感染力', '时间'].map((name, i) => ({
    key: `c${i}`,
    name,
    max: i === 0 ? 30 : 14,
    step: 0.1,
  }));
  expect((await t.call('PUT', `/api/events/${demo.id}/rubric`, { body: { ...rubric, criteria: six } })).status).toBe(
    200,
  );
  for (const name of fullPanel) await t.call('POST', `/api/events/${demo.id}/judges`, { body: { name } });
  return demo;
}

describe('a full panel: 8 speakers, 7 judges and 6 criteria', () => {
  withHost('turns the sheets landscape when the columns need it, and keeps every judge and speaker', async ({ t }) => {
    const demo = await fullPanelContest(t);

    const blank = await t.call('GET', `/api/events/${demo.id}/sheets/judges.pdf`);
    const sheets = readPdf(saved('demo-judges-blank.pdf', bytes(blank.body)));
    expect(sheets.pageSize).toEqual([841.89, 595.28]);
    expect(sheets.pageCount).toBe(7);
    expect(sheets.text).toContain('感染力');
    expect(sheets.text).toContain('提高社会化、法治化');

    const table = await t.call('GET', `/api/events/${demo.id}/results.pdf`);
    const results = readPdf(saved('demo-results.pdf', bytes(table.body)));
    expect(results.pageSize).toEqual([841.89, 595.28]);
    for (const name of fullPanel) expect(results.text).toContain(name);
    expect(results.text.match(/未评分/g)).toHaveLength(8);
  });

  withHost(
    'shrinks the results table to the page rather than cut off judges when an audience panel joins',
    async ({ t }) => {
      const demo = await fullPanelContest(t);
      const audience = Array.from({ length: 13 }, (_, i) => `大众评委${i + 1}`);
      for (const name of audience) await t.call('POST', `/api/events/${demo.id}/judges`, { body: { name } });
      const table = await t.call('GET', `/api/events/${demo.id}/results.pdf`);
      const results = readPdf(saved('demo-results-20.pdf', bytes(table.body)));
      expect(results.pageSize).toEqual([841.89, 595.28]);
      // pdftotext keeps only what lies on the page: every judge's name is there, the last one too.
      for (const name of audience) expect(results.text).toContain(name);
      expect(results.text).toContain('奖项');
    },
  );
});

describe('bad requests for documents change nothing and say why', () => {
  withHost('answers 404 for an unknown event or judge, 400 for a malformed query, 403 for a judge', async ({ t }) => {
    const { eventId, judges } = await panelSet(t);
    for (const path of [
      '/api/events/9999/results.xlsx',
      '/api/events/9999/results.pdf',
      '/api/events/9999/sheets/judges.pdf',
    ]) {
      const r = await t.call('GET', path);
      expect(r.status, path).toBe(404);
      expect(err(r.body).message).toBe('没有找到编号为 9999 的活动。');
    }
    const judge = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?judgeId=9999`);
    expect(judge.status).toBe(404);
    expect(err(judge.body).message).toBe('本活动中没有编号为 9999 的评委。');
    const en = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?judgeId=9999`, { lang: 'en' });
    expect(err(en.body).message).toBe('This event has no judge with id 9999.');
    for (const query of ['judgeId=abc', 'filled=maybe', 'colour=red']) {
      const r = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?${query}`);
      expect(r.status, query).toBe(400);
      expect(err(r.body).message, query).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const path of [
      `/api/events/${eventId}/results.xlsx`,
      `/api/events/${eventId}/results.pdf`,
      `/api/events/${eventId}/sheets/judges.pdf`,
    ]) {
      expect((await t.call('GET', path, { token: judges[0]!.token })).status, path).toBe(403);
      expect((await t.call('GET', path, { token: null })).status, path).toBe(401);
    }
  });
});
