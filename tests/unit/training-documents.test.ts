import { describe, expect, it } from 'vitest';
import type { AttendanceSummary, Session } from '../../shared/api/training';
import type { AttendanceStatus } from '../../shared/domain/attendance';
import { attendanceWorkbook } from '../../electron/documents/attendance-xlsx';
import { renderPdf } from '../../electron/documents/pdf';
import { readParticipantSheet } from '../../electron/documents/xlsx-import';
import { scheduleDocument, scheduleWorkbook } from '../../electron/documents/schedule';
import { signinSheetDocument, type SigninTrainee } from '../../electron/documents/signin-sheet';
import {
  byGroupThenName,
  compareGroups,
  percent,
  totalHours,
  translator,
  type TrainingEvent,
} from '../../electron/documents/training-data';
import { dayLine } from '../../shared/api/training-documents';
import { periodOf, wallClock } from '../../shared/domain/sessionTime';
import { compact, readPdf, wordBoxes } from '../support/pdf';
import { rosterXlsx } from '../support/roster';
import { cellAt, readBook, rowsOf, sheetOf } from '../support/xlsx';

const event: TrainingEvent = {
  title: '观山湖区委党校社区工作者培训班',
  term: '第一期',
  startsOn: '2024-07-03',
  endsOn: '2024-07-04',
  venue: '观山湖区委党校',
  organizer: '观山湖区委组织部',
  classTeacher: '王老师',
  contact: '0851-12345678',
};

let nextId = 1;
function session(fields: Partial<Session> & Pick<Session, 'title' | 'startsAt' | 'endsAt'>): Session {
  return {
    id: nextId++,
    eventId: 1,
    kind: 'lecture',
    teacher: null,
    teacherTitle: null,
    location: null,
    venueId: null,
    venueName: null,
    hours: '3.0',
    overlaps: [],
    selfCheckinOpen: false,
    ...fields,
  };
}

// Given out of order: the documents sort by time.
const evening = session({
  title: '观看专题片《社区的力量》',
  kind: 'case-study',
  startsAt: '2024-07-03T19:00:00+08:00',
  endsAt: '2024-07-03T20:30:00+08:00',
  hours: '1.5',
});
const opening = session({
  title: '开班式',
  kind: 'opening',
  startsAt: '2024-07-03T08:30:00+08:00',
  endsAt: '2024-07-03T09:00:00+08:00',
  location: '大礼堂',
  venueName: '主会场',
  hours: '0.5',
});
const lecture = session({
  title: '社区工作与社区工作者职业素养',
  startsAt: '2024-07-03T09:00:00+08:00',
  endsAt: '2024-07-03T11:30:00+08:00',
  teacher: '李明',
  teacherTitle: '区委党校副教授',
  location: '大礼堂',
  venueName: '主会场',
  hours: '2.5',
});
const afternoon = session({
  title: '社区社会组织培育与社区治理',
  startsAt: '2024-07-03T14:30:00+08:00',
  endsAt: '2024-07-03T17:30:00+08:00',
  teacher: '张华',
  teacherTitle: '贵州大学社会学系教授',
  venueName: '主会场',
});
const siteVisit = session({
  title: '现场教学：金元社区',
  kind: 'site-visit',
  startsAt: '2024-07-04T09:00:00+08:00',
  endsAt: '2024-07-04T12:00:00+08:00',
  location: '金元社区',
});
const sessions = [afternoon, siteVisit, evening, lecture, opening];

describe('what the documents share', () => {
  const t = translator('zh-CN');

  it('writes a day with its weekday', () => {
    expect(dayLine('2024-07-03', t, 'zh-CN')).toBe('2024年7月3日 星期三');
    expect(dayLine('2024-07-07', t, 'zh-CN')).toBe('2024年7月7日 星期日');
    expect(dayLine('2024-07-03', translator('en'), 'en')).toBe('Wednesday 3 Jul 2024');
  });

  it.each([
    ['2024-07-03T08:30:00+08:00', 'morning'],
    ['2024-07-03T11:59', 'morning'],
    ['2024-07-03T12:00:00Z', 'afternoon'],
    ['2024-07-03T17:59:00+08:00', 'afternoon'],
    ['2024-07-03T18:00:00+08:00', 'evening'],
  ] as const)('a session starting at %s is in the %s, by the clock written in it', (startsAt, period) => {
    expect(periodOf(wallClock(startsAt).minutes)).toBe(period);
  });

  it('adds credit hours and rates exactly', () => {
    expect(totalHours(['0.1', '0.2', '3.0'])).toBe('3.3');
    expect(percent(4, 5)).toBe('80.0');
    expect(percent(1, 3)).toBe('33.3');
    expect(percent(2, 3)).toBe('66.7');
    expect(percent(0, 0)).toBe('0.0');
  });

  it('orders groups as people count them, no group last', () => {
    const groups = ['第十组', null, '第二组', '第一组', '第3组', '第十一组'];
    expect([...groups].sort(compareGroups)).toEqual(['第一组', '第二组', '第3组', '第十组', '第十一组', null]);
  });

  it('orders a paper list by group, then by the pinyin of the name', () => {
    const people = [
      { name: '张伟', group: '第二组' },
      { name: '曾琳', group: '第一组' },
      { name: '安娜', group: '第二组' },
      { name: '白雪', group: '第一组' },
    ];
    expect(byGroupThenName(people).map((p) => p.name)).toEqual(['白雪', '曾琳', '安娜', '张伟']);
  });
});

describe('schedule.pdf', () => {
  it('prints the class and its term, a table per day with the parts of the day, teachers and hours', async () => {
    const pdf = readPdf(await renderPdf(scheduleDocument({ event, sessions }, 'zh-CN')));
    expect(pdf.pageSize).toEqual([595.28, 841.89]);
    const text = compact(pdf.text);
    expect(text).toContain('观山湖区委党校社区工作者培训班（第一期）');
    expect(text).toContain('课程表');
    expect(text).toContain('班主任：王老师');
    for (const words of [
      '2024年7月3日星期三',
      '2024年7月4日星期四',
      '时段时间课程/内容类型授课人地点/会场学时',
      '社区工作与社区工作者职业素养',
      '区委党校副教授',
      '大礼堂/主会场',
      '08:30—09:00',
      '共5次课，10.5学时',
    ]) {
      expect(text).toContain(words);
    }
    // Days and sessions in time order, each part of the day named once per day.
    const order = ['7月3日', '开班式', '社区工作与', '社区社会组织', '观看专题片', '7月4日', '现场教学：金元社区'];
    const at = order.map((words) => text.indexOf(words));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text.match(/上午/g)).toHaveLength(2);
    expect(text.match(/下午/g)).toHaveLength(1);
    expect(text.match(/晚上/g)).toHaveLength(1);
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  });

  it('says so when nothing is scheduled', async () => {
    const pdf = readPdf(await renderPdf(scheduleDocument({ event, sessions: [] }, 'zh-CN')));
    expect(compact(pdf.text)).toContain('还没有安排课程。');
  });

  it('is in English for an English reader', async () => {
    const pdf = readPdf(await renderPdf(scheduleDocument({ event, sessions }, 'en')));
    expect(pdf.text).toContain('Wednesday 3 Jul 2024');
    expect(pdf.text).toContain('Morning');
    expect(pdf.text).toContain('Opening ceremony');
  });
});

describe('schedule.xlsx', () => {
  it('is one sheet, a row per session in time order with its day, part of the day and hours as numbers', () => {
    const sheet = sheetOf(readBook(scheduleWorkbook({ event, sessions }, 'zh-CN')), '课程表');
    const rows = rowsOf(sheet, { raw: false });
    expect(rows[0]).toEqual(['观山湖区委党校社区工作者培训班（第一期）']);
    expect(String(rows[1]?.[0])).toContain('共 5 次课，10.5 学时');
    expect(rows[2]).toEqual(['日期', '时段', '时间', '课程/内容', '类型', '授课人', '职务/单位', '地点/会场', '学时']);
    expect(rows.slice(3).map((r) => r[3])).toEqual([
      '开班式',
      '社区工作与社区工作者职业素养',
      '社区社会组织培育与社区治理',
      '观看专题片《社区的力量》',
      '现场教学：金元社区',
    ]);
    expect(rows[4]).toEqual([
      '2024年7月3日 星期三',
      '上午',
      '09:00—11:30',
      '社区工作与社区工作者职业素养',
      '专题授课',
      '李明',
      '区委党校副教授',
      '大礼堂 / 主会场',
      '2.5',
    ]);
    expect(rows[6]?.[1]).toBe('晚上');
    expect(cellAt(sheet, 'I4')).toMatchObject({ t: 'n', v: 0.5, w: '0.5' });
  });
});

// Five trainees × the five sessions; the last two sessions have not started.
const trainees = [
  { name: '刘友红', group: '第二组', venue: '主会场' },
  { name: '陈静', group: '第一组', venue: '主会场' },
  { name: '王芳', group: '第一组', venue: '分会场' },
  { name: '赵磊', group: null, venue: null },
  { name: '孙丽', group: '第二组', venue: '分会场' },
];
const timeOrder = [opening, lecture, afternoon, evening, siteVisit];
const held = timeOrder.slice(0, 3).map((s) => s.id);
const marks: Array<Array<AttendanceStatus | null>> = [
  ['present', 'present', 'late', null, null],
  ['present', 'leave', 'present', null, null],
  ['late', 'absent', 'early', null, 'leave'],
  [null, 'present', 'present', null, null],
  ['present', 'present', 'present', null, null],
];
const summary: AttendanceSummary = {
  sessions: timeOrder,
  heldSessionIds: held,
  rows: trainees.map((p, i) => {
    const statuses = Object.fromEntries(timeOrder.map((s, j) => [String(s.id), marks[i]?.[j] ?? null]));
    const attended = (marks[i] ?? []).filter((m) => m === 'present' || m === 'late' || m === 'early').length;
    return {
      participantId: i + 1,
      name: p.name,
      group: p.group,
      venue: p.venue,
      statuses,
      attended,
      leave: (marks[i] ?? []).filter((m) => m === 'leave').length,
      rate: percent(attended, held.length),
      hours: ['3.0', '2.5', '5.5', '3.0', '6.0'][i] ?? '0.0',
      completes: attended === 3,
    };
  }),
  perSession: timeOrder.map((s) => ({ sessionId: s.id, expected: 5, present: 0, late: 0, leave: 0 })),
};

describe('attendance.xlsx', () => {
  const book = readBook(attendanceWorkbook({ event, summary }, 'zh-CN'));

  it('has the matrix, the groups and venues, and the sessions', () => {
    expect(book.SheetNames).toEqual(['考勤表', '分组与会场', '按课程']);
  });

  it('marks each trainee × session and gives attendance, rate, hours and completion', () => {
    const sheet = sheetOf(book, '考勤表');
    const rows = rowsOf(sheet, { raw: false, defval: '' });
    expect(String(rows[1]?.[0])).toContain('图例：✓ 出勤　迟 迟到　假 请假　✗ 缺勤　退 早退　空白 尚未签到');
    expect(rows[2]).toEqual([
      '序号',
      '姓名',
      '分组',
      '会场',
      '7/3 08:30',
      '7/3 09:00',
      '7/3 14:30',
      '7/3 19:00',
      '7/4 09:00',
      '出勤次数',
      '出勤率',
      '学时',
      '是否结业',
    ]);
    expect(rows[3]).toEqual(['1', '刘友红', '第二组', '主会场', '✓', '✓', '迟', '', '', '3', '100.0%', '3.0', '是']);
    expect(rows[5]).toEqual(['3', '王芳', '第一组', '分会场', '迟', '✗', '退', '', '假', '2', '66.7%', '5.5', '否']);
    expect(rows[6]?.slice(0, 5)).toEqual(['4', '赵磊', '', '', '']);
    // The rate is a number Excel can compute with.
    expect(cellAt(sheet, 'K5')).toMatchObject({ t: 'n', w: '66.7%' });
    expect(cellAt(sheet, 'K5')?.v).toBeCloseTo(2 / 3, 3);
  });

  it('counts per group and per venue over the sessions held so far, with a total', () => {
    const rows = rowsOf(sheetOf(book, '分组与会场'), { raw: false, defval: '' });
    expect(rows[2]).toEqual(['统计方式', '名称', '人数', '应到', '实到', '迟到', '请假', '缺勤', '早退', '出勤率']);
    expect(rows.slice(3)).toEqual([
      // 陈静 ✓ 假 ✓, 王芳 迟 ✗ 退
      ['分组', '第一组', '2', '6', '4', '1', '1', '1', '1', '66.7%'],
      ['分组', '第二组', '2', '6', '6', '1', '0', '0', '0', '100.0%'],
      // 赵磊 has nothing recorded for the opening: absent.
      ['分组', '未分组', '1', '3', '2', '0', '0', '1', '0', '66.7%'],
      ['会场', '分会场', '2', '6', '5', '1', '0', '1', '1', '83.3%'],
      ['会场', '主会场', '2', '6', '5', '1', '1', '0', '0', '83.3%'],
      ['会场', '未分会场', '1', '3', '2', '0', '0', '1', '0', '66.7%'],
      ['合计', '', '5', '15', '12', '2', '1', '2', '1', '80.0%'],
    ]);
  });

  it('counts per session, and says which have not started', () => {
    const rows = rowsOf(sheetOf(book, '按课程'), { raw: false, defval: '' });
    expect(rows[3]).toEqual([
      '2024年7月3日 星期三',
      '08:30—09:00',
      '开班式',
      '大礼堂 / 主会场',
      '5',
      '4',
      '1',
      '0',
      '1',
      '0',
      '80.0%',
      '',
    ]);
    expect(rows[5]?.slice(4)).toEqual(['5', '5', '1', '0', '0', '1', '100.0%', '']);
    expect(rows[7]?.slice(2)).toEqual(['现场教学：金元社区', '金元社区', '5', '0', '0', '1', '0', '0', '', '未开始']);
  });
});

describe('signin-sheet.pdf', () => {
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
  const many: SigninTrainee[] = Array.from({ length: 60 }, (_, i) => ({
    name: `${surnames[i % surnames.length]}${'明华'[Math.floor(i / surnames.length)]}`,
    organization: `观山湖区${['金华', '世纪城', '观山'][i % 3]}社区`,
    group: `第${'一二三'[i % 3]}组`,
  }));

  it('heads the sheet with the class, the session, its time and venue, and how many are expected', async () => {
    const bytes = await renderPdf(signinSheetDocument({ event, session: lecture, trainees: many }, 'zh-CN'));
    const pdf = readPdf(bytes);
    const first = compact(pdf.pages[0] ?? '');
    for (const words of [
      '观山湖区委党校社区工作者培训班（第一期）',
      '签到表',
      '课程：社区工作与社区工作者职业素养',
      '时间：2024年7月3日星期三09:00—11:30',
      '会场：大礼堂/主会场',
      '应到60人',
      '序号姓名单位分组签名',
    ]) {
      expect(first).toContain(words);
    }
  });

  it('lists people by group then pinyin, repeats the header on each page and numbers the pages', async () => {
    const bytes = await renderPdf(signinSheetDocument({ event, session: lecture, trainees: many }, 'zh-CN'));
    const pdf = readPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThan(1);
    pdf.pages.forEach((page, i) => {
      expect(compact(page)).toContain('序号姓名单位分组签名');
      expect(compact(page)).toContain(`第${i + 1}页，共${pdf.pageCount}页`);
    });
    const names = byGroupThenName(many).map((p) => p.name);
    expect(compact(pdf.pages[0] ?? '')).toContain(`1${names[0]}`);
    const groupsInOrder = compact(pdf.text).match(/第[一二三]组/g) ?? [];
    expect(groupsInOrder.filter((g, i) => g !== groupsInOrder[i - 1])).toEqual(['第一组', '第二组', '第三组']);

    // Rows tall enough to sign in: the names on page 1 are at least 28 pt apart.
    const tops = wordBoxes(bytes, 1)
      .filter((w) => names.includes(w.text))
      .map((w) => w.yMin);
    expect(tops.length).toBeGreaterThan(5);
    for (let i = 1; i < tops.length; i++) expect((tops[i] ?? 0) - (tops[i - 1] ?? 0)).toBeGreaterThanOrEqual(28);
    // The signature column is the widest: it starts left of the page's middle-right and runs to the margin.
    const signature = wordBoxes(bytes, 1).find((w) => w.text === '签名');
    expect(signature?.xMin).toBeGreaterThan(250);
  });

  it('prints an empty sheet with a line saying nobody is expected yet', async () => {
    const pdf = readPdf(await renderPdf(signinSheetDocument({ event, session: siteVisit, trainees: [] }, 'zh-CN')));
    expect(compact(pdf.text)).toContain('这次课还没有应到的学员。');
  });
});

describe('a training roster from Excel', () => {
  it('reads 姓名, 性别, 民族, 省份/地区, 单位, 职务, 手机, 分组, 备注 into the participant fields', () => {
    const sheet = readParticipantSheet(
      rosterXlsx([
        ['观山湖区委党校社区工作者培训班学员名单'],
        ['序号', '姓名', '性别', '民族', '省份/地区', '单位', '职务', '手机号', '组别', '备注'],
        [1, '刘友红', '女', '布依族', '贵州省贵阳市', '金华镇金元社区', '社区书记', 13985000001, '第一组', '组长'],
        [2, '陈静', '男', '汉族', null, '世纪城社区', '网格员', '139-8500-0002', '第二组', null],
        [3, '王芳', '女', '苗族', '贵州', '观山社区', null, '见备注', '第二组', null],
      ]),
      { locale: 'zh-CN' },
    );
    expect(sheet.columns.map((c) => c.field)).toEqual([
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
    expect(sheet.people).toEqual([
      {
        row: 3,
        name: '刘友红',
        gender: 'female',
        ethnicity: '布依族',
        region: '贵州省贵阳市',
        organization: '金华镇金元社区',
        title: '社区书记',
        phone: '13985000001',
        group: '第一组',
        note: '组长',
      },
      {
        row: 4,
        name: '陈静',
        gender: 'male',
        ethnicity: '汉族',
        organization: '世纪城社区',
        title: '网格员',
        phone: '13985000002',
        group: '第二组',
      },
      {
        row: 5,
        name: '王芳',
        gender: 'female',
        ethnicity: '苗族',
        region: '贵州',
        organization: '观山社区',
        title: null,
        phone: null,
        group: '第二组',
      },
    ]);
    // A bad optional cell keeps the trainee and leaves that field empty, with the Excel row and column as a warning.
    expect(sheet.errors).toEqual([]);
    expect(sheet.warnings.map((w) => [w.row, w.column])).toEqual([[5, '手机号']]);
    expect(sheet.warnings[0]?.message).toContain('电话号码格式不对：“见备注”');
  });

  it.each([
    ['省份', '手机', '分组'],
    ['地区', '联系电话', '组别'],
    ['省市', '手机号', '分组'],
  ])('knows %s, %s and %s as well', (region, phone, group) => {
    const sheet = readParticipantSheet(
      rosterXlsx([
        ['姓名', region, phone, group],
        ['刘友红', '贵州', 13985000001, 'A'],
      ]),
      { locale: 'zh-CN' },
    );
    expect(sheet.people[0]).toMatchObject({ region: '贵州', phone: '13985000001', group: 'A' });
  });

  it('says which cell is too long for a field and leaves it empty', () => {
    const sheet = readParticipantSheet(
      rosterXlsx([
        ['姓名', '民族'],
        ['刘友红', '很长'.repeat(11)],
      ]),
      { locale: 'zh-CN' },
    );
    expect(sheet.people.map((p) => [p.name, p.ethnicity])).toEqual([['刘友红', undefined]]);
    expect(sheet.warnings.map((w) => [w.row, w.column])).toEqual([[2, '民族']]);
    expect(sheet.warnings[0]?.message).toContain('20');
  });
});
