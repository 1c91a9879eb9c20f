import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { contestWith, nextSubmission, ok, type ContestSetUp } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { readPdf } from '../support/pdf';
import { totalRubric } from '../support/rubrics';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// Scores the chief judge changed (更正) or entered from the paper card (补录) carry a 备注 with the reason
// in results.xlsx and in the judges' filled sheets, read back the way a person checks them.

const judgeNames = ['王评委', '李评委', '赵评委'];
const corrected = '录入时把 88 打成了 83';
const entered = '平板没电，按纸质评分卡录入';

// PODIUM_DOCS_OUT=/tmp/shots/docs keeps the documents to look at.
const keep = process.env.PODIUM_DOCS_OUT;
const bytes = (body: unknown, name?: string): Uint8Array => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected a file, got ${JSON.stringify(body)}`);
  if (keep && name) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(join(keep, name), body);
  }
  return body;
};
/** A line of pdftotext's layout with its runs of spaces squeezed, as a person reads it. */
const lineOf = (text: string, part: string) =>
  text
    .split('\n')
    .find((l) => l.includes(part))
    ?.replace(/\s+/g, ' ')
    .trim() ?? '';

/**
 * Two speakers, three judges. 张经天: every judge scores (王评委 sends twice, his own change), locked, then the chief
 * judge corrects 李评委's sheet. 叶颖华: 赵评委 sends nothing, the chief judge enters the paper card, then the lock.
 */
async function contestWithNotes(t: TestHost): Promise<ContestSetUp> {
  const c = await contestWith(t, {
    speakers: [
      { name: '张经天', organization: '陈三居民区' },
      { name: '叶颖华', organization: '辽二居民区' },
    ],
    rubric: totalRubric(),
    judges: judgeNames,
  });
  const { eventId, speakers, judges } = c;
  const score = (pid: number, judge: number, total: number) =>
    ok(
      t.call('PUT', `/api/judge/scores/${pid}`, {
        token: judges[judge]!.token,
        body: { scores: { total }, submissionId: nextSubmission('notes') },
      }),
      'score',
    );
  const chief = (pid: number, judge: number, total: number, reason: string) =>
    ok(
      t.call('PUT', `/api/events/${eventId}/performances/${pid}/scores/${judges[judge]!.id}`, {
        body: { scores: { total }, reason },
      }),
      'chief judge',
    );
  const [zhang, ye] = speakers.map((s) => s.id);

  await ok(t.call('POST', `/api/events/${eventId}/performances/${zhang}/start`), 'start');
  await score(zhang!, 0, 90);
  await score(zhang!, 0, 91);
  await score(zhang!, 1, 83);
  await score(zhang!, 2, 89);
  await ok(t.call('POST', `/api/events/${eventId}/performances/${zhang}/lock`), 'lock');
  await chief(zhang!, 1, 88, corrected);

  await ok(t.call('POST', `/api/events/${eventId}/performances/${ye}/start`), 'start');
  await score(ye!, 0, 92);
  await score(ye!, 1, 90);
  await chief(ye!, 2, 91, entered);
  await ok(t.call('POST', `/api/events/${eventId}/performances/${ye}/lock`), 'lock');
  return c;
}

describe('scores the chief judge corrected or entered, in the documents', () => {
  withHost('results.xlsx says 更正 or 补录 with the reason on that judge’s line of 分项', async ({ t }) => {
    const { eventId } = await contestWithNotes(t);
    const r = await t.call('GET', `/api/events/${eventId}/results.xlsx`);
    expect(r.status).toBe(200);
    const rows = rowsOf(sheetOf(readBook(bytes(r.body, 'results-notes.xlsx')), '分项'), { raw: false });
    expect(rows[2]).toEqual(['出场顺序', '姓名', '单位', '评委', '总分（100分）', '合计', '备注']);
    const line = (speaker: string, judge: string) => rows.find((row) => row[1] === speaker && row[3] === judge);
    expect(line('张经天', '李评委')?.slice(4)).toEqual(['88.0', '88.0', `更正：${corrected}`]);
    expect(line('叶颖华', '赵评委')?.slice(4)).toEqual(['91.0', '91.0', `补录：${entered}`]);
    // A judge changing their own sheet before the lock is no correction.
    expect(line('张经天', '王评委')).toHaveLength(6);
    expect(line('叶颖华', '王评委')).toHaveLength(6);

    const en = await t.call('GET', `/api/events/${eventId}/results.xlsx`, { lang: 'en' });
    const enRows = rowsOf(sheetOf(readBook(bytes(en.body)), 'Criteria'), { raw: false });
    expect(enRows.find((row) => row[1] === '张经天' && row[3] === '李评委')?.[6]).toBe(`Corrected: ${corrected}`);
    expect(enRows.find((row) => row[1] === '叶颖华' && row[3] === '赵评委')?.[6]).toBe(
      `Entered from the paper sheet: ${entered}`,
    );
  });

  withHost('the judges’ filled sheets mark the speaker’s row and give the reason in a 备注 line', async ({ t }) => {
    const { eventId } = await contestWithNotes(t);
    const r = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf?filled=true`);
    expect(r.status).toBe(200);
    const pdf = readPdf(bytes(r.body, 'judges-filled-notes.pdf'));
    expect(pdf.pageCount).toBe(3);
    const [wang, li, zhao] = pdf.pages;
    // Each judge's page has its column heads, not only the first one.
    for (const page of pdf.pages) expect(lineOf(page, '序号')).toBe('序号 姓名 单位 演讲题目 总分 合计 备注');

    expect(lineOf(li!, '张经天')).toContain('88.0 88.0 更正');
    expect(lineOf(li!, '备注：')).toBe('备注：');
    expect(lineOf(li!, corrected)).toBe(`张经天（第 1 位）更正：${corrected}`);
    expect(li).not.toContain('补录');

    expect(lineOf(zhao!, '叶颖华')).toContain('91.0 91.0 补录');
    expect(lineOf(zhao!, entered)).toBe(`叶颖华（第 2 位）补录：${entered}`);
    expect(zhao).not.toContain('更正');

    // 王评委 changed his own sheet before the lock: nothing to note.
    expect(wang).not.toContain('备注：');
    expect(wang).not.toMatch(/更正|补录/);

    // A blank sheet is a form to fill in: no notes on it.
    const blank = await t.call('GET', `/api/events/${eventId}/sheets/judges.pdf`);
    expect(readPdf(bytes(blank.body)).text).not.toMatch(/更正|补录/);
  });
});
