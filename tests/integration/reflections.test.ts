import { describe, expect } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from '../../shared/api/errors';
import {
  PublicReflectionAssignment,
  PublicReflectionReceipt,
  Reflection,
  ReflectionAssignment,
} from '../../shared/api/reflections';
import { ok } from '../support/contest';
import { fileBytes, savedName } from '../support/download';
import { compact, readPdf } from '../support/pdf';
import { startTestHost } from '../support/host';
import { setUpClass, withClassHost, type ClassHost } from '../support/training';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// 学习心得 over HTTP: an assignment with a deadline, trainees handing in from their phones (and replacing theirs
// until the deadline), staff entering a paper one, 优秀心得, and the booklet and workbook read back.

const phoneOf = (i: number) => `1380000${1000 + i}`;
const due = '2026-03-04T17:00:00+08:00';

async function classWithAssignment(t: ClassHost) {
  const c = await setUpClass(t);
  const base = `/api/events/${c.eventId}`;
  const created = await t.call('POST', `${base}/reflection-assignments`, {
    body: { title: '学习《习近平关于基层治理论述摘编》心得', prompt: '结合本社区工作实际，谈体会。', dueAt: due },
  });
  expect(created.status).toBe(201);
  const assignment = ReflectionAssignment.parse(created.body);
  const hand = (i: number, title: string, body: string, lang?: string) =>
    t.call('POST', `/api/public/reflections/${assignment.code}`, { body: { phone: phoneOf(i), title, body }, lang });
  const list = async (query = '') =>
    Reflection.array().parse(
      await ok(t.call('GET', `${base}/reflections?assignment=${assignment.id}${query}`), 'list reflections'),
    );
  return { ...c, base, assignment, hand, list };
}

const messageOf = (body: unknown) => ErrorBody.parse(body).error.message;

describe('reflections', () => {
  withClassHost('an assignment has a phone link, counts, and tells a phone nothing about anyone', async ({ t }) => {
    const { base, assignment, hand } = await classWithAssignment(t);
    expect(assignment).toMatchObject({ title: '学习《习近平关于基层治理论述摘编》心得', dueAt: due, open: true });
    expect(assignment).toMatchObject({ submitted: 0, expected: 40 });
    expect(assignment.url).toContain(`/reflect/${assignment.code}`);

    const form = PublicReflectionAssignment.parse(
      await ok(t.call('GET', `/api/public/reflections/${assignment.code}`, { token: null }), 'the form'),
    );
    expect(form).toMatchObject({ title: assignment.title, bodyLimit: 3000, titleLimit: 100, open: true });
    expect(JSON.stringify(form)).not.toContain('王建国');

    await ok(hand(0, '做群众的贴心人', '学习之后，我更加明白了基层治理的重心在社区。'), 'hand in');
    const listed = ReflectionAssignment.array().parse(
      await ok(t.call('GET', `${base}/reflection-assignments`), 'list'),
    );
    expect(listed.map((a) => [a.title, a.submitted, a.expected])).toEqual([[assignment.title, 1, 40]]);
    expect((await t.call('GET', `/api/public/reflections/abcdefgh`, { token: null })).status).toBe(404);
  });

  withClassHost('a trainee hands in, replaces it until the deadline, and is refused after it', async ({ t }) => {
    const { assignment, hand, list } = await classWithAssignment(t);
    const first = await hand(0, '做群众的贴心人', '初稿：学习之后，我更加明白了基层治理的重心在社区。');
    expect(first.status).toBe(201);
    expect(PublicReflectionReceipt.parse(first.body)).toMatchObject({ name: '王建国', replaced: false, length: 25 });

    t.clock.set('2026-03-04T16:59');
    const second = await hand(0, '做群众的贴心人（修改稿）', '修改稿：社区是基层治理的“最后一公里”。');
    expect(second.status).toBe(200);
    const receipt = PublicReflectionReceipt.parse(second.body);
    expect(receipt).toMatchObject({ replaced: true, title: '做群众的贴心人（修改稿）' });
    // The answer never carries a text back, not even the trainee's own.
    expect(JSON.stringify(second.body)).not.toContain('最后一公里');
    const rows = await list();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: '王建国',
      title: '做群众的贴心人（修改稿）',
      body: '修改稿：社区是基层治理的“最后一公里”。',
    });
    expect(rows[0]?.submittedAt).toBe('2026-03-02T00:00:00.000Z');

    t.clock.set('2026-03-04T17:01');
    const late = await hand(0, '迟到的修改', '截止之后再改。');
    expect(late.status).toBe(409);
    expect(messageOf(late.body)).toContain('2026-03-04 17:00');
    expect(messageOf(late.body)).toContain('班主任');
    expect((await list())[0]?.title).toBe('做群众的贴心人（修改稿）');
    const form = PublicReflectionAssignment.parse(
      await ok(t.call('GET', `/api/public/reflections/${assignment.code}`, { token: null }), 'the form'),
    );
    expect(form.open).toBe(false);
  });

  withClassHost('the text is held to 3000 characters as a person counts them; the refusal says so', async ({ t }) => {
    const { hand, list } = await classWithAssignment(t);
    const tooLong = await hand(1, '心得', '社'.repeat(3001));
    expect(tooLong.status).toBe(400);
    expect(ErrorBody.parse(tooLong.body).error).toMatchObject({ code: 'validation', field: 'body' });
    expect(messageOf(tooLong.body)).toBe('正文最多 3000 个字，这次提交了 3001 个字。请删减 1 个字后再提交。');
    const inEnglish = await hand(1, 'Notes', 'a'.repeat(3002), 'en');
    expect(messageOf(inEnglish.body)).toContain('at most 3000 characters; this one has 3002');
    expect(await list()).toEqual([]);

    // 3000 characters outside the BMP (6000 UTF-16 units) and blanks around them: exactly at the limit.
    const rare = `  ${'𠀀'.repeat(2999)}区  `;
    expect((await hand(1, '心得', rare)).status).toBe(201);
    expect((await hand(2, '心得', '社'.repeat(3000))).status).toBe(201);
    expect((await list()).map((r) => r.length)).toEqual([3000, 3000]);

    const longTitle = await hand(3, '题'.repeat(101), '正文');
    expect(longTitle.status).toBe(400);
    expect(messageOf(longTitle.body)).toContain('101');
    const empty = await hand(3, '心得', '   ');
    expect(empty.status).toBe(400);
    expect(ErrorBody.parse(empty.body).error.field).toBe('body');
  });

  withClassHost(
    'an unknown phone is a 404 that reveals nothing, and too many are refused for a while',
    async ({ t }) => {
      const { assignment, hand, list } = await classWithAssignment(t);
      const unknown = await t.call('POST', `/api/public/reflections/${assignment.code}`, {
        token: null,
        body: { phone: '13900000000', title: '心得', body: '正文' },
      });
      expect(unknown.status).toBe(404);
      expect(messageOf(unknown.body)).toContain('班主任');
      for (let i = 0; i < 4; i++) {
        const r = await t.call('POST', '/api/public/reflections/abcdefgh', {
          token: null,
          body: { phone: '13900000000', title: '心得', body: '正文' },
        });
        expect(r.status).toBe(404);
      }
      // Five failures from this address: even a right number waits.
      const limited = await hand(0, '心得', '正文');
      expect(limited.status).toBe(429);
      expect(await list()).toEqual([]);
    },
  );

  withClassHost('staff enter a paper one, mark excellent ones and filter by group and 优秀', async ({ t }) => {
    const { base, assignment, hand, list, people } = await classWithAssignment(t);
    for (const i of [5, 0, 4, 1]) expect((await hand(i, `心得${i}`, `第${i}位学员的心得。`)).status).toBe(201);
    // After the deadline the class teacher types in the one handed in on paper.
    t.clock.set('2026-03-05T09:00');
    const paper = await t.call('POST', `${base}/reflections`, {
      body: { assignmentId: assignment.id, participantId: people[2]?.id, title: '纸质心得', body: '手写稿录入。' },
    });
    expect(paper.status).toBe(201);
    const again = await t.call('POST', `${base}/reflections`, {
      body: { assignmentId: assignment.id, participantId: people[2]?.id, title: '纸质心得（校对）', body: '校对稿。' },
    });
    expect(again.status).toBe(200);

    const all = await list();
    // By group (第1组 … 第4组), then pinyin: 王建国(0) 王丽华(1) 王志强(2) 王晓燕(3) 李建国(4) 李丽华(5).
    expect(all.map((r) => [r.group, r.name])).toEqual([
      ['第1组', '李建国'],
      ['第1组', '王建国'],
      ['第2组', '李丽华'],
      ['第2组', '王丽华'],
      ['第3组', '王志强'],
    ]);
    const star = all.find((r) => r.name === '李丽华');
    const marked = await t.call('PUT', `${base}/reflections/${star?.id}`, { body: { excellent: true } });
    expect(Reflection.parse(marked.body)).toMatchObject({ name: '李丽华', excellent: true });
    expect((await list('&excellent=true')).map((r) => r.name)).toEqual(['李丽华']);
    expect((await list(`&group=${encodeURIComponent('第1组')}`)).map((r) => r.name)).toEqual(['李建国', '王建国']);
    await ok(t.call('PUT', `${base}/reflections/${star?.id}`, { body: { excellent: false } }), 'unmark');
    expect(await list('&excellent=true')).toEqual([]);

    expect((await t.call('PUT', `${base}/reflections/999`, { body: { excellent: true } })).status).toBe(404);
    expect((await t.call('PUT', `${base}/reflections/${star?.id}`, { body: { excellent: 'yes' } })).status).toBe(400);
    expect((await t.call('GET', `${base}/reflections?assignment=999`)).status).toBe(404);
  });

  withClassHost('editing and deleting an assignment; its reflections go with it', async ({ t }) => {
    const { base, assignment, hand } = await classWithAssignment(t);
    await ok(hand(0, '心得', '正文。'), 'hand in');
    const moved = await t.call('PUT', `${base}/reflection-assignments/${assignment.id}`, {
      body: { title: '学习心得（第一周）', dueAt: '2026-03-06T12:00:00+08:00' },
    });
    expect(ReflectionAssignment.parse(moved.body)).toMatchObject({
      title: '学习心得（第一周）',
      prompt: null,
      code: assignment.code,
      submitted: 1,
    });
    const bad = await t.call('POST', `${base}/reflection-assignments`, { body: { title: '心得', dueAt: '下周五' } });
    expect(bad.status).toBe(400);
    expect(ErrorBody.parse(bad.body).error.field).toBe('dueAt');

    expect((await t.call('DELETE', `${base}/reflection-assignments/${assignment.id}`)).status).toBe(204);
    expect(await ok(t.call('GET', `${base}/reflection-assignments`), 'list')).toEqual([]);
    expect((await t.call('GET', `/api/public/reflections/${assignment.code}`, { token: null })).status).toBe(404);
    expect((await t.call('DELETE', `${base}/reflection-assignments/${assignment.id}`)).status).toBe(404);
  });

  withClassHost('the booklet has a cover and a page per reflection; a long one repeats the name', async ({ t }) => {
    const { base, assignment, hand, list } = await classWithAssignment(t);
    const long = Array.from({ length: 30 }, (_, i) =>
      `第${i + 1}段：社区治理要依靠群众、服务群众，把矛盾化解在基层。`.repeat(3),
    );
    await ok(hand(0, '做群众的贴心人', long.join('\n')), 'long one');
    await ok(hand(5, '学好“枫桥经验”', '学好“枫桥经验”，做好社区工作。'), 'short one');
    await ok(hand(1, '让爱无碍', '共建温暖家园。'), 'another');
    const star = (await list()).find((r) => r.name === '李丽华');
    await ok(t.call('PUT', `${base}/reflections/${star?.id}`, { body: { excellent: true } }), 'mark');

    const answer = await t.call('GET', `${base}/reflections.pdf?assignment=${assignment.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/pdf');
    expect(savedName(answer.headers)).toBe(`观山湖区委党校社区工作者培训班-学习心得汇编-${assignment.title}.pdf`);
    const pdf = readPdf(fileBytes(answer.body));
    expect(pdf.fonts.every((f) => f.embedded && f.subset)).toBe(true);
    const pages = pdf.pages.map(compact);
    expect(pages[0]).toContain('学习心得汇编');
    expect(pages[0]).toContain(compact(assignment.title));
    expect(pages[0]).toContain('收到心得3篇（学员40人）');
    // In list order: 第1组 王建国 (long: two pages or more), 第2组 李丽华, 第2组 王丽华.
    expect(pdf.pageCount).toBeGreaterThanOrEqual(5);
    expect(pages[1]).toContain('做群众的贴心人');
    expect(pages[1]).toContain('王建国');
    expect(pages[2]).toContain('王建国（续）');
    const last = pages.slice(-2);
    expect(last[0]).toContain('李丽华');
    expect(last[0]).toContain('★优秀心得');
    expect(last[1]).toContain('王丽华');
    expect(last[1]).not.toContain('优秀心得');

    const excellent = readPdf(
      fileBytes((await t.call('GET', `${base}/reflections.pdf?assignment=${assignment.id}&excellent=true`)).body),
    );
    expect(excellent.pageCount).toBe(2);
    expect(compact(excellent.pages[0] ?? '')).toContain('优秀学习心得选编');
    expect(compact(excellent.pages[1] ?? '')).toContain('李丽华');
  });

  withClassHost('the workbook lists every reflection and who has not handed in', async ({ t }) => {
    const { base, assignment, hand, list } = await classWithAssignment(t);
    await ok(hand(0, '做群众的贴心人', '社区是基层治理的“最后一公里”。'), 'one');
    await ok(hand(1, '让爱无碍', '共建温暖家园。'), 'two');
    const star = (await list()).find((r) => r.name === '王丽华');
    await ok(t.call('PUT', `${base}/reflections/${star?.id}`, { body: { excellent: true } }), 'mark');
    const answer = await t.call('GET', `${base}/reflections.xlsx?assignment=${assignment.id}`);
    expect(answer.status).toBe(200);
    expect(savedName(answer.headers)).toBe(`观山湖区委党校社区工作者培训班-学习心得汇总-${assignment.title}.xlsx`);
    const book = readBook(fileBytes(answer.body));
    const rows = rowsOf(sheetOf(book, '学习心得'));
    expect(rows[2]).toEqual(['组别', '姓名', '单位', '标题', '正文', '字数', '优秀', '提交时间']);
    expect(rows.slice(3).map((r) => [...r.slice(0, 6), r[6] ?? ''])).toEqual([
      ['第1组', '王建国', '第1社区', '做群众的贴心人', '社区是基层治理的“最后一公里”。', 16, ''],
      ['第2组', '王丽华', '第2社区', '让爱无碍', '共建温暖家园。', 7, '优秀'],
    ]);
    expect(rows[3]?.[7]).toMatch(/^2026-03-0\d \d\d:\d\d$/);
    const missing = rowsOf(sheetOf(book, '未交名单'));
    expect(missing.length - 3).toBe(38);
    expect(missing.slice(3).some((r) => r[1] === '王建国')).toBe(false);
  });
});

describe('reflections in the event archive', () => {
  withClassHost(
    'travel with the class, without the phone code; the other host gives the link a new one',
    async ({ t }) => {
      const { eventId, assignment, hand } = await classWithAssignment(t);
      await ok(hand(0, '做群众的贴心人', '社区是基层治理的“最后一公里”。'), 'hand in');
      const archive = await t.call('GET', `/api/events/${eventId}/archive.podium`);
      expect(archive.status).toBe(200);
      const bytes = fileBytes(archive.body);
      expect(Buffer.from(bytes).includes(Buffer.from(assignment.code))).toBe(false);

      const other = await startTestHost();
      try {
        const imported = await other.call('POST', '/api/archives', { rawBody: bytes });
        expect(imported.status).toBe(201);
        const id = z.object({ eventId: z.number() }).parse(imported.body).eventId;
        const [copy] = ReflectionAssignment.array().parse(
          await ok(other.call('GET', `/api/events/${id}/reflection-assignments`), 'the copy'),
        );
        expect(copy).toMatchObject({ title: assignment.title, dueAt: due, submitted: 1, expected: 40 });
        expect(copy?.code).toMatch(/^[a-z2-9]{8}$/);
        expect(copy?.code).not.toBe(assignment.code);
        const rows = Reflection.array().parse(
          await ok(other.call('GET', `/api/events/${id}/reflections?assignment=${copy?.id}`), 'its reflections'),
        );
        expect(rows.map((r) => [r.name, r.title])).toEqual([['王建国', '做群众的贴心人']]);
        const form = await other.call('GET', `/api/public/reflections/${copy?.code}`, { token: null });
        expect(form.status).toBe(200);
      } finally {
        await other.stop();
      }
    },
  );
});
