import { describe, expect } from 'vitest';
import { CertificateRecipients } from '../../shared/api/certificates';
import { Event, Participant } from '../../shared/api/events';
import { EvaluationState } from '../../shared/api/evaluations';
import { Session } from '../../shared/api/training';
import { ok } from '../support/contest';
import { fileBytes, savedName } from '../support/download';
import { compact, readPdf } from '../support/pdf';
import { setUpClass, trainees, withClassHost, type ClassHost } from '../support/training';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// The class report (结班材料) read back the way the school checks it: the cover's numbers, each section's table,
// and a line instead of a table where there is nothing (no groups, no evaluations).

const sheets = [
  '封面',
  '课程安排',
  '学员名册',
  '分组情况',
  '考勤（按课程）',
  '考勤（按小组）',
  '评估（按课程）',
  '评估（按授课人）',
  '结业名单',
];

async function reportOf(t: ClassHost, eventId: number) {
  const pdf = await t.call('GET', `/api/events/${eventId}/class-report.pdf`);
  expect(pdf.status).toBe(200);
  const xlsx = await t.call('GET', `/api/events/${eventId}/class-report.xlsx`);
  expect(xlsx.status).toBe(200);
  return { pdf, read: readPdf(fileBytes(pdf.body)), book: readBook(fileBytes(xlsx.body)), xlsx };
}

/** The 40-trainee class, all 8 sessions held: 0–29 present, 30–33 late, 34 on leave, 35–39 at even sessions only. */
async function heldClass(t: ClassHost) {
  const set = await setUpClass(t);
  const base = `/api/events/${set.eventId}`;
  for (const [s, session] of set.sessions.entries()) {
    for (const [i, person] of set.people.entries()) {
      const status = i < 30 ? 'present' : i < 34 ? 'late' : i === 34 ? 'leave' : s % 2 === 0 ? 'present' : null;
      if (status === null) continue;
      const body = { status, ...(status === 'leave' ? { reason: '因公出差' } : {}) };
      await ok(t.call('PUT', `${base}/sessions/${session.id}/attendance/${person.id}`, { body }), person.name);
    }
  }
  t.clock.set('2026-03-04T18:00:00');
  return set;
}

describe('the class report', () => {
  withClassHost('says so where a class has no groups, evaluations, attendance or completers', async ({ t }) => {
    const event = Event.parse(
      await ok(
        t.call('POST', '/api/events', {
          body: {
            title: '区委党校入党积极分子培训班',
            kind: 'training',
            startsOn: '2026-03-10',
            endsOn: '2026-03-11',
            organizer: '区委党校',
            term: '第三期',
            venue: '区委党校报告厅',
            classTeacher: '钱老师',
          },
        }),
        'event',
      ),
    );
    const base = `/api/events/${event.id}`;
    for (const name of ['王芳', '陈静', '刘友红'])
      Participant.parse(
        await ok(t.call('POST', `${base}/participants`, { body: { name, organization: '金元社区' } }), name),
      );
    Session.parse(
      await ok(
        t.call('POST', `${base}/sessions`, {
          body: { title: '党章学习', startsAt: '2026-03-10T09:00:00+08:00', endsAt: '2026-03-10T11:30:00+08:00' },
        }),
        'session',
      ),
    );

    const { pdf, read, book, xlsx } = await reportOf(t, event.id);
    expect(savedName(pdf.headers)).toBe('区委党校入党积极分子培训班-结班材料-2026年3月10日至11日.pdf');
    expect(savedName(xlsx.headers)).toBe('区委党校入党积极分子培训班-结班材料-2026年3月10日至11日.xlsx');
    const cover = compact(read.pages[0] ?? '');
    expect(cover).toContain('区委党校入党积极分子培训班（第三期）');
    expect(cover).toContain('结班材料');
    for (const line of ['2026年3月10日至11日', '区委党校报告厅', '钱老师', '学员人数3人', '课程数1次（已开展0次）'])
      expect(cover).toContain(line);
    expect(cover).toContain('小组数0个');
    expect(cover).toContain('结业人数0人');
    const text = compact(read.text);
    for (const line of ['未分组。', '未开展评估。', '尚无已开展的课程，暂无考勤。', '暂无结业学员。'])
      expect(text).toContain(line);
    // The roster in pinyin order: 陈 (chén), 刘 (liú), 王 (wáng).
    expect(text.indexOf('陈静')).toBeLessThan(text.indexOf('刘友红'));
    expect(text.indexOf('刘友红')).toBeLessThan(text.indexOf('王芳'));
    // Every page's footer names the class and the page.
    read.pages.forEach((page, i) =>
      expect(compact(page)).toContain(
        `区委党校入党积极分子培训班（第三期）结班材料第${i + 1}页，共${read.pageCount}页`,
      ),
    );

    expect(book.SheetNames).toEqual(sheets);

    // In English when asked for it.
    const english = await t.call('GET', `${base}/class-report.pdf`, { lang: 'en' });
    expect(savedName(english.headers)).toBe(
      '区委党校入党积极分子培训班 - class report - 10 Mar 2026 – 11 Mar 2026.pdf',
    );
    const englishText = readPdf(fileBytes(english.body)).text;
    for (const line of ['Class report', 'No discussion groups.', 'No course was evaluated.', 'Page 1 of'])
      expect(englishText).toContain(line);
    expect(rowsOf(sheetOf(book, '分组情况'))[3]).toEqual(['未分组。']);
    expect(rowsOf(sheetOf(book, '评估（按课程）'))[3]).toEqual(['未开展评估。']);
    expect(
      rowsOf(sheetOf(book, '学员名册'))
        .slice(3)
        .map((r) => r[1]),
    ).toEqual(['陈静', '刘友红', '王芳']);
  });

  withClassHost('prints attendance per session and group, an evaluation, and certificate numbers', async ({ t }) => {
    const set = await heldClass(t);
    const base = `/api/events/${set.eventId}`;
    const course = set.sessions[1];
    if (!course) throw new Error('no session');
    await ok(
      t.call('PUT', `${base}/sessions/${course.id}`, {
        body: { title: course.title, startsAt: course.startsAt, endsAt: course.endsAt, teacher: '李明教授' },
      }),
      'teacher',
    );
    const form = EvaluationState.parse(
      await ok(t.call('PUT', `${base}/sessions/${course.id}/evaluation`, { body: { open: true } }), 'open'),
    );
    const answers = [
      { content: 5, delivery: 5, usefulness: 3, overall: 5, comment: '案例很实用' },
      { content: 4, delivery: 5, usefulness: 4, overall: 4 },
      { content: 4, delivery: 4, usefulness: 5, overall: 3 },
    ];
    for (const [i, a] of answers.entries())
      await ok(
        t.call('POST', `/api/public/evaluations/${form.code}`, { body: { phone: trainees[i]?.phone, answers: a } }),
        `answer ${i}`,
      );

    // Completion certificates printed for the 34 who complete; then 吴晓燕 (35) is let through: no number yet.
    await ok(t.call('GET', `${base}/certificates.pdf?kind=completion`), 'print');
    const late = set.people[35];
    if (!late) throw new Error('no trainee');
    expect(late.name).toBe('吴晓燕');
    await ok(
      t.call('PUT', `${base}/completion`, {
        body: {
          minRate: 80,
          leave: 'missed',
          overrides: [{ participantId: late.id, completes: true, reason: '补课' }],
        },
      }),
      'override',
    );
    const numbers = CertificateRecipients.parse(
      await ok(t.call('GET', `${base}/certificates/completion/recipients`), 'recipients'),
    ).recipients;

    const { read, book } = await reportOf(t, set.eventId);
    const cover = compact(read.pages[0] ?? '');
    for (const line of [
      '学员人数40人',
      '课程数8次（已开展8次）',
      '小组数4个',
      '结业人数35人',
      '观山湖区委党校',
      '周老师',
    ])
      expect(cover).toContain(line);

    const bySession = rowsOf(sheetOf(book, '考勤（按课程）'));
    expect(bySession[2]).toEqual(['日期', '课程/内容', '应到', '实到', '迟到', '请假', '缺勤', '出勤率']);
    // Even sessions: 39 in (4 late), 1 on leave; odd: 34 in, 5 absent.
    expect(bySession.slice(3, 5).map((r) => r.slice(1, 7))).toEqual([
      ['开班式', 40, 39, 4, 1, 0],
      ['社区工作与社区工作者职业素养', 40, 34, 4, 1, 5],
    ]);
    expect(bySession[11]?.slice(0, 7)).toEqual(['合计', undefined, 320, 292, 32, 8, 20]);
    // 292 ÷ 320 = 91.25%, shown as the console shows a rate: one decimal, half up.
    expect(bySession[11]?.[7]).toBeCloseTo(0.913, 10);

    const byGroup = rowsOf(sheetOf(book, '考勤（按小组）'));
    // 第3组 has 30 (late throughout), 34 (on leave) and 38 (half the sessions); 第4组 has 35 and 39 at half.
    expect(byGroup.slice(3).map((r) => r.slice(0, 7))).toEqual([
      ['第1组', 10, 80, 76, 8, 0, 4],
      ['第2组', 10, 80, 76, 8, 0, 4],
      ['第3组', 10, 80, 68, 8, 8, 4],
      ['第4组', 10, 80, 72, 8, 0, 8],
      ['合计', 40, 320, 292, 32, 8, 20],
    ]);

    const groups = rowsOf(sheetOf(book, '分组情况'));
    expect(groups.slice(3).map((r) => [r[0], r[3]])).toEqual([
      ['第1组', 10],
      ['第2组', 10],
      ['第3组', 10],
      ['第4组', 10],
    ]);

    const evaluation = rowsOf(sheetOf(book, '评估（按课程）'));
    expect(evaluation[2]).toEqual([
      '课程/内容',
      '授课人',
      '内容',
      '讲授',
      '实用性',
      '满意度',
      '回收份数',
      '应评人数',
      '回收率',
      '意见建议',
    ]);
    expect(evaluation[3]?.slice(0, 8)).toEqual(['社区工作与社区工作者职业素养', '李明教授', 4.33, 4.67, 4, 4, 3, 34]);
    const teachers = rowsOf(sheetOf(book, '评估（按授课人）'));
    expect(teachers[3]?.slice(0, 7)).toEqual(['李明教授', 1, 4.33, 4.67, 4, 4, 3]);
    const text = compact(read.text);
    expect(text).toContain('社区工作与社区工作者职业素养李明教授4.334.674.004.00334');
    expect(text).toContain('8.8%');

    const completion = rowsOf(sheetOf(book, '结业名单')).slice(3);
    expect(completion).toHaveLength(35);
    const numberOf = new Map(numbers.map((r) => [r.name, r.number]));
    for (const row of completion) {
      const name = String(row[1]);
      expect(row[6]).toBe(name === '吴晓燕' ? '未打印' : numberOf.get(name));
    }
    expect(text).toContain('吴晓燕');
    expect(text).toContain('未打印');
  });
});
