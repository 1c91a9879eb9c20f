import { describe, expect } from 'vitest';
import { ImportResult } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { Session, Venue } from '../../shared/api/training';
import { ok } from '../support/contest';
import { fileBytes, savedName } from '../support/download';
import type { TestHost } from '../support/host';
import { withClassHost } from '../support/training';
import { compact, readPdf } from '../support/pdf';
import { rosterXlsx, type RosterCell } from '../support/roster';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// A small class over HTTP: its roster imported from Excel, a schedule, check-ins at the desk and a leave;
// then the schedule, the attendance workbook and a sign-in sheet read back the way a person would check them.

const title = '观山湖区委党校社区治理学校社区工作者培训班';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The roster as the party school sends it: a title row, a training roster's columns, a duplicate; then `extra`. */
function rosterBytes(extra: RosterCell[][] = []): Uint8Array {
  const rows = [
    [`${title}学员名单`],
    ['序号', '姓名', '性别', '民族', '省份/地区', '单位', '职务', '手机', '分组', '备注'],
    [1, '刘友红', '女', '布依族', '贵州省', '金华镇金元社区', '社区书记', 13985000001, '第二组', '组长'],
    [2, '陈静', '女', '汉族', '贵州省', '世纪城社区', '网格员', 13985000002, '第一组', null],
    [3, '王芳', '女', '苗族', '贵州省', '观山社区', '社工', 13985000003, '第一组', null],
    [4, '赵磊', '男', '汉族', '云南省', '金华镇', '干事', 13985000004, null, '外省挂职'],
    [5, '孙丽', '女', '汉族', '贵州省', '长岭社区', '委员', 13985000005, '第二组', null],
    [6, '陈静', '女', '汉族', '贵州省', '世纪城社区', '网格员', 13985000002, '第一组', null], // the same person
    ...extra,
  ];
  return rosterXlsx(rows);
}
/** Row 9 of the roster: not a phone; the trainee is kept, without one. */
const badPhoneRow: RosterCell[] = [
  7,
  '钱多',
  '男',
  '汉族',
  '贵州省',
  '阳关社区',
  '委员',
  '请联系班主任',
  '第二组',
  null,
];

interface DocumentsClass {
  eventId: number;
  sessions: Session[];
  people: Map<string, number>;
}

/** The class with its roster imported, a main classroom and three sessions on 3 July (none checked in yet). */
async function classWithSchedule(t: TestHost): Promise<DocumentsClass> {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: {
          title,
          kind: 'training',
          startsOn: '2024-07-03',
          endsOn: '2024-07-04',
          term: '第一期',
          venue: '观山湖区委党校',
          classTeacher: '王老师',
        },
      }),
      'class',
    ),
  );
  const eventId = event.id;
  await ok(
    t.call('POST', `/api/events/${eventId}/participants/import`, { rawBody: rosterBytes(), contentType: xlsxType }),
    'roster',
  );
  const venue = Venue.parse(
    await ok(t.call('POST', `/api/events/${eventId}/venues`, { body: { name: '主会场', kind: 'main' } }), 'venue'),
  );
  const plan = [
    { title: '开班式', kind: 'opening', startsAt: '2024-07-03T08:30:00+08:00', endsAt: '2024-07-03T09:00:00+08:00' },
    {
      title: '社区工作与社区工作者职业素养',
      startsAt: '2024-07-03T09:00:00+08:00',
      endsAt: '2024-07-03T11:30:00+08:00',
      teacher: '李明',
      teacherTitle: '区委党校副教授',
      location: '大礼堂',
      venueId: venue.id,
    },
    {
      title: '社区社会组织培育与社区治理',
      kind: 'discussion',
      startsAt: '2024-07-03T14:30:00+08:00',
      endsAt: '2024-07-03T17:30:00+08:00',
    },
  ];
  const sessions: Session[] = [];
  for (const body of plan)
    sessions.push(Session.parse(await ok(t.call('POST', `/api/events/${eventId}/sessions`, { body }), body.title)));
  const list = Participant.array().parse(await ok(t.call('GET', `/api/events/${eventId}/participants`), 'list'));
  return { eventId, sessions, people: new Map(list.map((p) => [p.name, p.id])) };
}

describe('a training roster imported over HTTP', () => {
  withClassHost('keeps 民族, 省份/地区, 职务 and 备注, skips the duplicate, empties a bad phone', async ({ t }) => {
    const event = Event.parse(
      await ok(t.call('POST', '/api/events', { body: { title, kind: 'training', startsOn: '2024-07-03' } }), 'class'),
    );
    const upload = (query = '') =>
      t.call('POST', `/api/events/${event.id}/participants/import${query}`, {
        rawBody: rosterBytes([badPhoneRow]),
        contentType: xlsxType,
      });

    const preview = ImportResult.parse((await upload('?dryRun=true')).body);
    expect(preview.columns.map((c) => c.field)).toEqual([
      null,
      'name',
      'gender',
      'ethnicity',
      'region',
      'organization',
      'title',
      'phone',
      'group',
      'note',
    ]);
    expect(preview.preview[0]).toMatchObject({ name: '刘友红', ethnicity: '布依族', region: '贵州省', note: '组长' });

    const result = ImportResult.parse((await upload()).body);
    expect(result).toMatchObject({ created: 6, updated: 0, skipped: 1 });
    expect(result.duplicates.map((d) => [d.row, d.name])).toEqual([[8, '陈静']]);
    expect(result.duplicates[0]?.reason).toContain('第 4 行');
    // A trainee with a bad phone is on the roster, without a phone, and the organiser is told where to look.
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      { row: 9, column: '手机', message: '电话号码格式不对：“请联系班主任”；该项已留空' },
    ]);

    const people = Participant.array().parse((await t.call('GET', `/api/events/${event.id}/participants`)).body);
    expect(people.find((p) => p.name === '刘友红')).toMatchObject({
      gender: 'female',
      ethnicity: '布依族',
      region: '贵州省',
      organization: '金华镇金元社区',
      title: '社区书记',
      phone: '13985000001',
      group: '第二组',
      note: '组长',
    });
    expect(people.find((p) => p.name === '赵磊')).toMatchObject({ region: '云南省', group: null, note: '外省挂职' });
    expect(people.find((p) => p.name === '钱多')).toMatchObject({ phone: null, group: '第二组', region: '贵州省' });

    // The roster sent again: nothing doubled.
    expect(ImportResult.parse((await upload()).body)).toMatchObject({ created: 0, updated: 0, skipped: 7 });
  });
});

describe('the class documents over HTTP', () => {
  withClassHost(
    'attendance.xlsx marks each check-in, leave and absence and counts per group and session',
    async ({ t }) => {
      const c = await classWithSchedule(t);
      const [opening, lecture] = c.sessions;
      const checkin = (sessionId: number, body: object) =>
        ok(t.call('POST', `/api/events/${c.eventId}/sessions/${sessionId}/checkins`, { body }), 'check-in');
      t.clock.set('2024-07-03T08:31:00');
      await checkin(opening!.id, { phone: '13985000001' });
      await checkin(opening!.id, { participantId: c.people.get('陈静') });
      t.clock.set('2024-07-03T08:45:00');
      await checkin(opening!.id, { name: '王芳' }); // after 08:40: late
      await ok(
        t.call('PUT', `/api/events/${c.eventId}/sessions/${opening!.id}/attendance/${c.people.get('孙丽')}`, {
          body: { status: 'leave', reason: '社区值班' },
        }),
        'leave',
      );
      t.clock.set('2024-07-03T09:05:00');
      await checkin(lecture!.id, { phone: '13985000001' });
      t.clock.set('2024-07-03T10:00:00');

      const answer = await t.call('GET', `/api/events/${c.eventId}/attendance.xlsx`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(xlsxType);
      expect(savedName(answer.headers)).toBe(`${title}-考勤汇总-2024年7月3日至4日.xlsx`);
      const book = readBook(fileBytes(answer.body));
      expect(book.SheetNames).toEqual(['考勤表', '分组与会场', '按课程']);

      const matrix = rowsOf(sheetOf(book, '考勤表'), { raw: false, defval: '' });
      expect(matrix[0]?.[0]).toBe(`${title}（第一期）`);
      expect(matrix[2]).toEqual([
        '序号',
        '姓名',
        '分组',
        '会场',
        '7/3 08:30',
        '7/3 09:00',
        '7/3 14:30',
        '出勤次数',
        '出勤率',
        '学时',
        '是否结业',
      ]);
      const row = (name: string) => matrix.find((r) => r[1] === name)?.slice(4);
      // Two sessions have started; 赵磊 never came to the opening, which has ended: ✗.
      expect(row('刘友红')).toEqual(['✓', '✓', '', '2', '100.0%', '3.0', '是']);
      expect(row('陈静')).toEqual(['✓', '', '', '1', '50.0%', '0.5', '否']);
      expect(row('王芳')).toEqual(['迟', '', '', '1', '50.0%', '0.5', '否']);
      expect(row('孙丽')).toEqual(['假', '', '', '0', '0.0%', '0.0', '否']);
      expect(row('赵磊')).toEqual(['✗', '', '', '0', '0.0%', '0.0', '否']);

      const groups = rowsOf(sheetOf(book, '分组与会场'), { raw: false, defval: '' });
      expect(groups.slice(3)).toEqual([
        ['分组', '第一组', '2', '4', '2', '1', '0', '2', '0', '50.0%'],
        ['分组', '第二组', '2', '4', '2', '0', '1', '1', '0', '50.0%'],
        ['分组', '未分组', '1', '2', '0', '0', '0', '2', '0', '0.0%'],
        ['合计', '', '5', '10', '4', '1', '1', '5', '0', '40.0%'],
      ]);

      const perSession = rowsOf(sheetOf(book, '按课程'), { raw: false, defval: '' });
      expect(perSession.slice(3).map((r) => [r[2], r[4], r[5], r[6], r[7], r[8], r[10], r[11]])).toEqual([
        ['开班式', '5', '3', '1', '1', '1', '60.0%', ''],
        ['社区工作与社区工作者职业素养', '5', '1', '0', '0', '4', '20.0%', ''],
        ['社区社会组织培育与社区治理', '5', '0', '0', '0', '0', '', '未开始'],
      ]);
    },
  );

  withClassHost('schedule.pdf and schedule.xlsx print the class, its term and each session by day', async ({ t }) => {
    const c = await classWithSchedule(t);

    const pdfAnswer = await t.call('GET', `/api/events/${c.eventId}/schedule.pdf`);
    expect(pdfAnswer.status).toBe(200);
    expect(pdfAnswer.headers.get('content-type')).toBe('application/pdf');
    expect(savedName(pdfAnswer.headers)).toBe(`${title}-课程表-2024年7月3日至4日.pdf`);
    const text = compact(readPdf(fileBytes(pdfAnswer.body)).text);
    for (const words of [
      `${title}（第一期）`,
      '班主任：王老师',
      '2024年7月3日星期三',
      '上午08:30—09:00开班式开班式',
      // The teacher's title is on a second line of the cell.
      '09:00—11:30社区工作与社区工作者职业素养专题授课李明大礼堂/主会场2.5区委党校副教授',
      '下午14:30—17:30社区社会组织培育与社区治理分组讨论',
      '共3次课，6.0学时',
    ]) {
      expect(text).toContain(words);
    }

    const xlsxAnswer = await t.call('GET', `/api/events/${c.eventId}/schedule.xlsx`, { lang: 'en' });
    expect(savedName(xlsxAnswer.headers)).toBe(`${title} - schedule - 3 Jul 2024 – 4 Jul 2024.xlsx`);
    const rows = rowsOf(sheetOf(readBook(fileBytes(xlsxAnswer.body)), 'Schedule'), { raw: false, defval: '' });
    expect(rows.slice(3).map((r) => [r[0], r[1], r[2], r[3], r[8]])).toEqual([
      ['Wednesday 3 Jul 2024', 'Morning', '08:30–09:00', '开班式', '0.5'],
      ['Wednesday 3 Jul 2024', 'Morning', '09:00–11:30', '社区工作与社区工作者职业素养', '2.5'],
      ['Wednesday 3 Jul 2024', 'Afternoon', '14:30–17:30', '社区社会组织培育与社区治理', '3.0'],
    ]);
  });

  withClassHost(
    'signin-sheet.pdf lists those expected by group then pinyin, and names a missing session',
    async ({ t }) => {
      const c = await classWithSchedule(t);
      const lecture = c.sessions[1]!;

      const answer = await t.call('GET', `/api/events/${c.eventId}/signin-sheet.pdf?session=${lecture.id}`);
      expect(answer.status).toBe(200);
      expect(savedName(answer.headers)).toBe(`${title}-签到表-社区工作与社区工作者职业素养-2024年7月3日至4日.pdf`);
      const pdf = readPdf(fileBytes(answer.body));
      const text = compact(pdf.text);
      expect(text).toContain('课程：社区工作与社区工作者职业素养');
      expect(text).toContain('时间：2024年7月3日星期三09:00—11:30');
      expect(text).toContain('会场：大礼堂/主会场');
      expect(text).toContain('应到5人');
      expect(text).toContain('第1页，共1页');
      // 第一组 陈静 (chen), 王芳 (wang); 第二组 刘友红 (liu), 孙丽 (sun); then 赵磊 with no group.
      const order = ['1陈静', '2王芳', '3刘友红', '4孙丽', '5赵磊'].map((words) => text.indexOf(words));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      const missing = await t.call('GET', `/api/events/${c.eventId}/signin-sheet.pdf?session=99999`);
      expect(missing.status).toBe(404);
      expect(ErrorBody.parse(missing.body).error.message).toBe('本培训班中没有编号为 99999 的课程。');
    },
  );
});
