import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import {
  EvaluationState,
  PublicEvaluationDisplay,
  SessionEvaluation,
  SurveyForm,
  TeacherEvaluation,
} from '../../shared/api/evaluations';
import { Session } from '../../shared/api/training';
import { ok } from '../support/contest';
import type { TestHost } from '../support/host';
import { openLive } from '../support/live';
import { rosterXlsx } from '../support/roster';
import { withClassHost, type ClassHost } from '../support/training';
import { cellAt, readBook, rowsOf, sheetOf } from '../support/xlsx';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const phoneOf = (i: number) => `1391234${String(i).padStart(4, '0')}`;

/** A class of `size` trainees (imported as the school would) with five courses; two by the same teacher. */
async function evaluatedClass(t: TestHost, size: number) {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: { title: '全国社区工作者示范培训班', kind: 'training', startsOn: '2026-03-02', endsOn: '2026-03-04' },
      }),
      'create the class',
    ),
  );
  const base = `/api/events/${event.id}`;
  const rows = [
    ['姓名', '手机', '单位'],
    ...Array.from({ length: size }, (_, i) => [`学员${i + 1}`, phoneOf(i), '社区']),
  ];
  await ok(
    t.call('POST', `${base}/participants/import`, { rawBody: rosterXlsx(rows), contentType: xlsxType }),
    'import',
  );
  const courses = [
    ['社区工作者职业素养', '张华'],
    ['社区社会组织培育', '张华'],
    ['社区服务体系建设', '李明'],
    ['“三感社区”案例交流', '王芳'],
    ['基层治理现场教学', '赵强'],
  ] as const;
  for (const [i, [title, teacher]] of courses.entries()) {
    const body = { title, teacher, startsAt: `2026-03-0${2 + Math.floor(i / 2)}T0${8 + (i % 2)}:00:00+08:00` };
    await ok(
      t.call('POST', `${base}/sessions`, { body: { ...body, endsAt: body.startsAt.replace(':00:00', ':50:00') } }),
      title,
    );
  }
  const sessions = Session.array().parse(await ok(t.call('GET', `${base}/sessions`), 'sessions'));
  const people = Participant.array().parse(await ok(t.call('GET', `${base}/participants`), 'people'));
  return { eventId: event.id, base, sessions, people };
}

async function openForm(t: TestHost, base: string, sessionId: number, body: unknown = { open: true }) {
  const state = EvaluationState.parse(
    await ok(t.call('PUT', `${base}/sessions/${sessionId}/evaluation`, { body }), 'open the evaluation'),
  );
  if (!state.code) throw new Error('an open evaluation has a code');
  return { ...state, code: state.code };
}

const answer = (t: TestHost, code: string, body: unknown, lang?: string) =>
  t.call('POST', `/api/public/evaluations/${code}`, { token: null, body, lang });

/** Answer i of session s: fixed patterns whose means are worked out by hand below. */
function pattern(s: number, i: number): Record<string, number | string> {
  if (s === 0) {
    // content: 75 fives, 75 fours → 4.50; delivery: one 1, 149 fives → 746/150 = 4.9733 → 4.97;
    // usefulness: 50 each of 3, 4, 5 → 4.00; overall: 100 fours, 50 fives → 650/150 = 4.3333 → 4.33.
    return {
      content: i < 75 ? 5 : 4,
      delivery: i === 0 ? 1 : 5,
      usefulness: 3 + (i % 3),
      overall: i < 100 ? 4 : 5,
      ...(i % 50 === 0 ? { comment: ` 第${i}条建议：多讲案例 ` } : {}),
    };
  }
  // Every rating cycles 1..5 shifted by the session: each value 30 times → 3.00.
  const v = 1 + ((i + s) % 5);
  return { content: v, delivery: v, usefulness: v, overall: s === 4 ? (i < 149 ? 5 : 2) : v };
}

/** The mean of integers to two decimals, half up, worked without floats: ⌊(200·sum + n) / 2n⌋ hundredths. */
function handMean(values: number[]): string {
  const sum = values.reduce((a, b) => a + b, 0);
  const hundredths = Math.floor((200 * sum + values.length) / (2 * values.length));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

describe('course evaluations (课程评估)', () => {
  withClassHost(
    'a 180-trainee class: 5 sessions × 150 answers give exact means per session and per teacher, and the workbook',
    { timeout: 60_000 },
    async ({ t }: { t: ClassHost }) => {
      const { eventId, base, sessions, people } = await evaluatedClass(t, 180);
      expect(sessions).toHaveLength(5);
      // The last course took attendance: 160 of the 180 came (present, late or early), 20 on leave.
      const last = sessions[4]!;
      for (const [i, p] of people.slice(0, 180).entries()) {
        const status = i < 150 ? 'present' : i < 155 ? 'late' : i < 160 ? 'early' : 'leave';
        await ok(
          t.call('PUT', `${base}/sessions/${last.id}/attendance/${p.id}`, { body: { status, reason: '工作' } }),
          'attendance',
        );
      }
      const live = await openLive(t, `event=${eventId}`);
      for (const [s, session] of sessions.entries()) {
        const { code } = await openForm(t, base, session.id);
        for (let i = 0; i < 150; i++) {
          const r = await answer(t, code, { phone: phoneOf((i * 7 + s) % 180), answers: pattern(s, i) });
          expect(r.status, JSON.stringify(r.body)).toBe(201);
        }
      }

      const results = SessionEvaluation.array().parse(await ok(t.call('GET', `${base}/evaluations`), 'results'));
      expect(results.map((r) => r.title)).toEqual(sessions.map((s) => s.title));
      expect(results[0]).toMatchObject({
        teacher: '张华',
        responses: 150,
        expected: 180,
        rate: '83.3',
        open: true,
        means: { content: '4.50', delivery: '4.97', usefulness: '4.00', overall: '4.33' },
      });
      expect(results[0]?.comments).toEqual(
        [0, 50, 100].map((i) => ({ key: 'comment', text: `第${i}条建议：多讲案例` })),
      );
      expect(results[1]?.means).toEqual({ content: '3.00', delivery: '3.00', usefulness: '3.00', overall: '3.00' });
      // 149 fives and one 2: 747/150 = 4.98; attendance was taken, so 150 of the 160 who came: 93.75 → 93.8.
      expect(results[4]).toMatchObject({ expected: 160, rate: '93.8', means: { overall: '4.98', content: '3.00' } });
      for (const [s, r] of results.entries()) {
        const given = Array.from({ length: 150 }, (_, i) => pattern(s, i));
        for (const key of ['content', 'delivery', 'usefulness', 'overall'])
          expect(r.means[key], `${r.title} ${key}`).toBe(handMean(given.map((g) => Number(g[key]))));
      }
      expect(JSON.stringify(results)).not.toMatch(/1391234|学员\d/);

      // 张华 taught two: the mean over all 300 answers (content: 75·5 + 75·4 + 150·3 = 1125 → 3.75).
      const teachers = TeacherEvaluation.array().parse(
        await ok(t.call('GET', `${base}/evaluations/teachers`), 'teachers'),
      );
      expect(teachers.map((x) => x.teacher)).toEqual(['张华', '李明', '王芳', '赵强']);
      expect(teachers[0]).toMatchObject({ sessionIds: [sessions[0]!.id, sessions[1]!.id], responses: 300 });
      expect(teachers[0]?.means.content).toBe('3.75');
      expect(teachers[0]?.means.delivery).toBe(
        handMean([1, ...Array<number>(149).fill(5), ...Array<number>(150).fill(3)]),
      );

      // Live: each answer told the console the count, never who or what.
      const counts = live.received.filter(
        (m): m is { type: string; sessionId: number; responses: number } =>
          typeof m === 'object' && m !== null && 'type' in m && m.type === 'evaluation',
      );
      expect(counts.at(-1)).toEqual({ type: 'evaluation', eventId, sessionId: last.id, responses: 150, expected: 160 });
      expect(JSON.stringify(counts)).not.toMatch(/1391234|建议/);

      // The workbook, read back as Excel would open it.
      const file = await t.call('GET', `${base}/evaluations.xlsx`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toContain('spreadsheetml');
      if (!(file.body instanceof Uint8Array)) throw new Error('the workbook is bytes');
      const book = readBook(file.body);
      expect(book.SheetNames).toEqual(['按课程', '按授课人', '意见建议']);
      const bySession = rowsOf(sheetOf(book, '按课程'), { raw: false });
      expect(bySession[2]).toEqual([
        '序号',
        '日期',
        '课程/内容',
        '授课人',
        '应评人数',
        '评价人数',
        '参评率',
        '课程内容',
        '讲授水平',
        '实用性',
        '总体满意度',
      ]);
      expect(bySession[3]?.slice(2)).toEqual([
        '社区工作者职业素养',
        '张华',
        '180',
        '150',
        '83.3%',
        '4.50',
        '4.97',
        '4.00',
        '4.33',
      ]);
      expect(bySession[7]?.slice(4, 7)).toEqual(['160', '150', '93.8%']);
      expect(cellAt(sheetOf(book, '按课程'), 'H4')?.v).toBe(4.5);
      const byTeacher = rowsOf(sheetOf(book, '按授课人'), { raw: false });
      expect(byTeacher[3]?.slice(0, 4)).toEqual(['张华', '2', '300', '3.75']);
      const comments = rowsOf(sheetOf(book, '意见建议'), { raw: false });
      expect(comments.slice(3).map((r) => r[4])).toEqual([0, 50, 100].map((i) => `第${i}条建议：多讲案例`));

      // The answers table: no participant column, no phone anywhere in it.
      const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
      try {
        const columns = db.prepare('PRAGMA table_info(evaluation_answers)').all();
        expect(columns.map((c) => (typeof c === 'object' && c && 'name' in c ? c.name : null))).toEqual([
          'id',
          'session_id',
          'voter',
          'answers_json',
          'venue_id',
          'at',
        ]);
        const dump = JSON.stringify(db.prepare('SELECT * FROM evaluation_answers').all());
        expect(dump).not.toMatch(/1391234/);
        expect(dump).not.toMatch(/"participant/);
      } finally {
        db.close();
      }
    },
  );

  withClassHost('refuses what it must, and a refusal changes nothing', async ({ t }: { t: ClassHost }) => {
    const { eventId, base, sessions } = await evaluatedClass(t, 6);
    const session = sessions[0]!;
    const form = await openForm(t, base, session.id);
    expect(form.url).toMatch(new RegExp(`/#/survey/${form.code}$`));
    expect(form.questions.map((q) => `${q.key}:${q.kind}:${q.required}`)).toEqual([
      'content:rating:true',
      'delivery:rating:true',
      'usefulness:rating:true',
      'overall:rating:true',
      'comment:text:false',
    ]);
    const public_ = SurveyForm.parse(
      await ok(t.call('GET', `/api/public/evaluations/${form.code}`, { token: null }), 'the form'),
    );
    expect(public_).toMatchObject({ title: session.title, teacher: '张华', open: true, maxTextLength: 1000 });
    expect(JSON.stringify(public_)).not.toMatch(/学员|1391234/);

    const full = { content: 5, delivery: 4, usefulness: 5, overall: 5, comment: '案例很实用' };
    const error = (r: { body: unknown }) => ErrorBody.parse(r.body).error;

    // Ratings outside 1–5, not whole, or not numbers: 400 naming the field.
    for (const bad of [0, 6, 4.5, '5']) {
      const r = await answer(t, form.code, { phone: phoneOf(1), answers: { ...full, delivery: bad } });
      expect(r.status).toBe(400);
      expect(error(r)).toMatchObject({ code: 'validation', field: 'answers.delivery' });
      expect(error(r).message).toContain('讲授水平');
    }
    const missing = await answer(t, form.code, { phone: phoneOf(1), answers: { content: 5, overall: 4 } });
    expect(missing.status).toBe(400);
    expect(error(missing)).toMatchObject({ field: 'answers.delivery' });
    const long = await answer(t, form.code, { phone: phoneOf(1), answers: { ...full, comment: '长'.repeat(1001) } });
    expect(long.status).toBe(400);
    expect(error(long).message).toContain('1000');
    const english = await answer(t, form.code, { phone: phoneOf(1), answers: { ...full, overall: 9 } }, 'en');
    expect(error(english).message).toBe('Choose a whole number from 1 to 5 for “Overall satisfaction”.');
    const stranger = await answer(t, form.code, { phone: '13000000000', answers: full });
    expect(stranger.status).toBe(404);
    expect(error(stranger).message).toContain('报名');

    // The first answer counts; the second from the same phone (however typed) is a 409 that tells nothing of it.
    expect((await answer(t, form.code, { phone: phoneOf(1), answers: full })).status).toBe(201);
    const again = await answer(t, form.code, {
      phone: `${phoneOf(1).slice(0, 3)} ${phoneOf(1).slice(3, 7)} ${phoneOf(1).slice(7)}`,
      answers: { ...full, content: 1 },
    });
    expect(again.status).toBe(409);
    expect(error(again).message).toBe('这个手机号码对本课程的评价已经收到，每位学员每门课程只评价一次。');
    expect(JSON.stringify(again.body)).not.toMatch(/案例很实用|5|4/);

    // The keys are frozen by the first answer; renaming a question is fine.
    const renamed = [
      { key: 'content', label: '内容贴近工作', kind: 'rating' },
      { key: 'delivery', kind: 'rating' },
      { key: 'usefulness', kind: 'rating' },
      { key: 'overall', kind: 'rating' },
      { key: 'comment', kind: 'text' },
    ];
    const put = (body: unknown) => t.call('PUT', `${base}/sessions/${session.id}/evaluation`, { body });
    expect((await put({ open: true, questions: renamed })).status).toBe(200);
    const added = await put({ open: true, questions: [...renamed, { key: 'pace', label: '节奏', kind: 'rating' }] });
    expect(added.status).toBe(409);
    expect(error(added).message).toContain('已有 1 位学员');

    // Closed by the organiser: 409 "closed", nothing stored; the form says it is closed. Reopened: same code.
    const closed = EvaluationState.parse(await ok(put({ open: false }), 'close'));
    expect(closed).toMatchObject({ open: false, code: form.code, responses: 1 });
    const late = await answer(t, form.code, { phone: phoneOf(2), answers: full });
    expect(late.status).toBe(409);
    expect(error(late).message).toContain('已经结束');
    expect(
      SurveyForm.parse((await t.call('GET', `/api/public/evaluations/${form.code}`, { token: null })).body).open,
    ).toBe(false);
    expect((await openForm(t, base, session.id)).code).toBe(form.code);

    // After the class's last day nothing is taken, and the organiser cannot open it again.
    t.clock.set('2026-03-05T09:00:00');
    const ended = await answer(t, form.code, { phone: phoneOf(3), answers: full });
    expect(ended.status).toBe(409);
    expect((await put({ open: true })).status).toBe(409);
    const results = SessionEvaluation.array().parse(await ok(t.call('GET', `${base}/evaluations`), 'results'));
    expect(results[0]).toMatchObject({ responses: 1, open: false });
    expect(results[0]?.questions[0]?.label).toBe('内容贴近工作');
    const display = PublicEvaluationDisplay.parse(
      (await t.call('GET', `/api/public/events/${eventId}/evaluation`, { token: null })).body,
    );
    expect(display.session).toBeNull();

    // An unknown code: 404.
    expect((await answer(t, 'abcdefghij', { phone: phoneOf(4), answers: full })).status).toBe(404);
  });

  withClassHost(
    'the organiser sets the questions; the projector shows the open one',
    async ({ t }: { t: ClassHost }) => {
      const { eventId, base, sessions } = await evaluatedClass(t, 4);
      const questions = [
        { key: 'overall', kind: 'rating' },
        { key: 'cases', label: '案例贴近实际', kind: 'rating', required: false },
        { key: 'wish', label: '还想学什么', kind: 'text' },
      ];
      const form = await openForm(t, base, sessions[2]!.id, { open: true, questions });
      expect(form.questions).toEqual([
        { key: 'overall', label: null, kind: 'rating', required: true },
        { key: 'cases', label: '案例贴近实际', kind: 'rating', required: false },
        { key: 'wish', label: '还想学什么', kind: 'text', required: false },
      ]);
      const put = (body: unknown) => t.call('PUT', `${base}/sessions/${sessions[1]!.id}/evaluation`, { body });
      expect((await put({ open: true, questions: [{ key: 'x', kind: 'text', label: '想法' }] })).status).toBe(400);
      expect((await put({ open: true, questions: [{ key: 'pace', kind: 'rating' }] })).status).toBe(400);
      const twice = await put({
        open: true,
        questions: [
          { key: 'overall', kind: 'rating' },
          { key: 'overall', kind: 'text' },
        ],
      });
      expect(ErrorBody.parse(twice.body).error.field).toBe('questions.1.key');

      expect((await answer(t, form.code, { phone: phoneOf(0), answers: { overall: 4, wish: '  ' } })).status).toBe(201);
      expect((await answer(t, form.code, { phone: phoneOf(1), answers: { overall: 5, cases: 3 } })).status).toBe(201);
      const display = PublicEvaluationDisplay.parse(
        (await t.call('GET', `/api/public/events/${eventId}/evaluation`, { token: null })).body,
      );
      expect(display).toMatchObject({ session: { id: sessions[2]!.id, teacher: '李明' }, responses: 2, expected: 4 });
      expect(display.url).toBe(form.url);
      const [result] = SessionEvaluation.array().parse(await ok(t.call('GET', `${base}/evaluations`), 'results'));
      expect(result).toMatchObject({ means: { overall: '4.50', cases: '3.00' }, comments: [], rate: '50.0' });
    },
  );
});
