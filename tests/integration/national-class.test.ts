import { describe, expect } from 'vitest';
import { Event, Participant } from '../../shared/api/events';
import { EvaluationState } from '../../shared/api/evaluations';
import { Group } from '../../shared/api/groups';
import { Completion, Session } from '../../shared/api/training';
import { ok } from '../support/contest';
import { fileBytes } from '../support/download';
import { compact, readPdf } from '../support/pdf';
import { withClassHost, type ClassHost } from '../support/training';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// The figure: a national class of 180 from 10 provinces in 12 discussion groups, 5 courses evaluated by 150
// trainees each, check-ins and completion, then the class report read back from the PDF and the workbook.

const provinces: Array<[string, number]> = [
  ['贵州省', 30],
  ['四川省', 25],
  ['云南省', 22],
  ['湖南省', 20],
  ['广西壮族自治区', 18],
  ['江西省', 17],
  ['河南省', 15],
  ['甘肃省', 13],
  ['陕西省', 11],
  ['重庆市', 9],
];
const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const givenNames = ['建国', '丽华', '志强', '晓燕', '海燕', '国庆', '春梅', '文华', '玉兰'];

/** 180 trainees, province by province; three units per province and both genders in each. */
const trainees = provinces
  .flatMap(([region, count], p) =>
    Array.from({ length: count }, (_, k) => ({ region, unit: `${region}第${(k % 3) + 1}社区`, p, k })),
  )
  .map(({ region, unit }, i) => ({
    name: `${surnames[i % 20]}${givenNames[Math.floor(i / 20)]}`,
    region,
    organization: unit,
    gender: i % 2 === 0 ? 'female' : 'male',
    phone: `1390000${String(1000 + i)}`,
  }));

const courses = [
  { title: '习近平新时代中国特色社会主义思想专题', teacher: '李明教授', day: '02' },
  { title: '基层治理现代化', teacher: '王强研究员', day: '03' },
  { title: '社区党建引领', teacher: '李明教授', day: '04' },
  { title: '社区应急管理', teacher: '张华副教授', day: '05' },
  { title: '群众工作方法', teacher: '陈红教授', day: '06' },
];

/** Trainee j's answer to course s: means that differ by course, and one in ten writes a comment. */
function answerOf(s: number, j: number): Record<string, number | string> {
  return {
    content: j % (s + 2) === 0 ? 5 : 4 - (s % 2),
    delivery: 5 - (j % 3),
    usefulness: 3 + ((j * (s + 1)) % 3),
    overall: j % 7 === 0 ? 3 : 5 - ((j + s) % 2),
    ...(j % 10 === 0 ? { comment: `第${s + 1}课建议${j}` } : {}),
  };
}

/** The exact mean of `values` with two decimals, half up, by integer arithmetic. */
function mean(values: readonly number[]): string {
  const total = BigInt(values.reduce((a, b) => a + b, 0));
  const n = BigInt(values.length);
  const hundredths = (total * 200n + n) / (2n * n);
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
const keys = ['content', 'delivery', 'usefulness', 'overall'] as const;
const meansOf = (answers: ReadonlyArray<Record<string, number | string>>) =>
  keys.map((key) => mean(answers.map((a) => Number(a[key]))));

/** Who checks in to course s: trainees 0–159 to all five, 160–169 to the first four, 170–179 to none. */
const attends = (i: number, s: number) => i < 160 || (i < 170 && s < 4);

async function nationalClass(t: ClassHost) {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: {
          title: '全国城市社区党组织书记示范培训班',
          kind: 'training',
          startsOn: '2026-03-02',
          endsOn: '2026-03-06',
          organizer: '中国浦东干部学院',
          term: '第二期',
          venue: '中国浦东干部学院',
          classTeacher: '孙老师',
        },
      }),
      'create the class',
    ),
  );
  const base = `/api/events/${event.id}`;
  const people: Participant[] = [];
  for (const p of trainees)
    people.push(Participant.parse(await ok(t.call('POST', `${base}/participants`, { body: p }), p.name)));
  const sessions: Session[] = [];
  for (const c of courses)
    sessions.push(
      Session.parse(
        await ok(
          t.call('POST', `${base}/sessions`, {
            body: {
              title: c.title,
              teacher: c.teacher,
              startsAt: `2026-03-${c.day}T09:00:00+08:00`,
              endsAt: `2026-03-${c.day}T11:30:00+08:00`,
            },
          }),
          c.title,
        ),
      ),
    );
  return { eventId: event.id, base, people, sessions };
}

describe('a national class of 180', () => {
  withClassHost(
    'groups, evaluations, check-ins and completion, read back from the class report',
    { timeout: 180_000 },
    async ({ t }) => {
      const { eventId, base, people, sessions } = await nationalClass(t);

      // ── 12 groups balanced by region, unit and gender; the same seed gives the same groups ──
      const assign = { count: 12, balance: ['region', 'organization', 'gender'], seed: '全国班-2026' };
      const groups = Group.array().parse(await ok(t.call('POST', `${base}/groups/assign`, { body: assign }), 'assign'));
      expect(groups).toHaveLength(12);
      expect(groups.map((g) => g.memberIds.length)).toEqual(Array(12).fill(15));
      const regionOf = new Map(people.map((p) => [p.id, p.region]));
      for (const [region, count] of provinces) {
        const most = Math.max(...groups.map((g) => g.memberIds.filter((id) => regionOf.get(id) === region).length));
        expect(most, region).toBeLessThanOrEqual(Math.ceil(count / 12) + 1);
      }
      const again = Group.array().parse(await ok(t.call('POST', `${base}/groups/assign`, { body: assign }), 'again'));
      expect(again.map((g) => [g.name, g.memberIds])).toEqual(groups.map((g) => [g.name, g.memberIds]));
      const nameOf = new Map(people.map((p) => [p.id, p.name]));
      for (const g of again) {
        const [leaderId = null, recorderId = null] = g.memberIds;
        await ok(t.call('PUT', `${base}/groups/${g.id}`, { body: { name: g.name, leaderId, recorderId } }), g.name);
      }

      // ── Check-ins at each course, 2 minutes after it starts; then the evaluation: 150 answers each ──
      for (const [s, session] of sessions.entries()) {
        t.clock.set(`2026-03-${courses[s]?.day}T09:02:00`);
        for (const [i, person] of people.entries())
          if (attends(i, s))
            await ok(
              t.call('POST', `${base}/sessions/${session.id}/checkins`, { body: { participantId: person.id } }),
              `${person.name} at ${session.title}`,
            );
        t.clock.set(`2026-03-${courses[s]?.day}T11:30:00`);
        const form = EvaluationState.parse(
          await ok(t.call('PUT', `${base}/sessions/${session.id}/evaluation`, { body: { open: true } }), 'open'),
        );
        for (let j = 0; j < 150; j++)
          await ok(
            t.call('POST', `/api/public/evaluations/${form.code}`, {
              body: { phone: trainees[j]?.phone, answers: answerOf(s, j) },
            }),
            `answer ${j} to ${session.title}`,
          );
      }
      t.clock.set('2026-03-06T17:00:00');
      const completion = Completion.parse(await ok(t.call('GET', `${base}/completion`), 'completion'));
      // 160 at 100 %, 10 at 80 %: 170 complete; 170–179 never came.
      expect(completion.completers).toHaveLength(170);

      // ── The class report (PDF): the cover's numbers, every group, each course's means, the completers ──
      const pdf = await t.call('GET', `/api/events/${eventId}/class-report.pdf`);
      expect(pdf.status).toBe(200);
      const read = readPdf(fileBytes(pdf.body));
      const cover = compact(read.pages[0] ?? '');
      expect(cover).toContain('全国城市社区党组织书记示范培训班（第二期）');
      for (const line of [
        '学员人数180人',
        '课程数5次（已开展5次）',
        '小组数12个',
        '结业人数170人',
        '2026年3月2日至6日',
      ])
        expect(cover).toContain(line);
      const text = compact(read.text);
      const groupsPart = text.slice(text.indexOf('三、分组情况'), text.indexOf('四、考勤汇总'));
      for (const g of again) {
        expect(groupsPart).toContain(g.name);
        expect(groupsPart).toContain(`${g.name}${nameOf.get(g.memberIds[0] ?? 0)}${nameOf.get(g.memberIds[1] ?? 0)}15`);
      }
      const evaluationPart = text.slice(text.indexOf('六、课程评估'), text.indexOf('七、课程评估'));
      for (const [s, c] of courses.entries()) {
        const means = meansOf(Array.from({ length: 150 }, (_, j) => answerOf(s, j))).join('');
        const rate = s < 4 ? '88.2%' : '93.8%';
        // 150 answers of 170 (or 160) who attended; 15 comments each. (A long title may wrap in its cell.)
        expect(evaluationPart).toContain(c.title.slice(0, 8));
        expect(evaluationPart).toContain(`${c.teacher}${means}150${s < 4 ? 170 : 160}${rate}15`);
      }
      // 李明教授 taught courses 1 and 3: the means over all 300 answers.
      const teacherPart = text.slice(text.indexOf('七、课程评估'), text.indexOf('八、结业名单'));
      const li = meansOf([0, 2].flatMap((s) => Array.from({ length: 150 }, (_, j) => answerOf(s, j)))).join('');
      expect(teacherPart).toContain(`李明教授2${li}300340`);
      const completionPart = text.slice(text.indexOf('八、结业名单'));
      people.forEach((p, i) => expect(completionPart.includes(p.name), p.name).toBe(i < 170));
      expect(completionPart.match(/未打印/g)).toHaveLength(170);

      // ── The same tables in the workbook ──
      const book = readBook(fileBytes((await t.call('GET', `/api/events/${eventId}/class-report.xlsx`)).body));
      const groupRows = rowsOf(sheetOf(book, '分组情况')).slice(3);
      expect(groupRows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual(
        again.map((g) => [g.name, nameOf.get(g.memberIds[0] ?? 0), nameOf.get(g.memberIds[1] ?? 0), 15]),
      );
      const evaluationRows = rowsOf(sheetOf(book, '评估（按课程）')).slice(3);
      expect(evaluationRows.map((r) => r.slice(0, 8))).toEqual(
        courses.map((c, s) => [
          c.title,
          c.teacher,
          ...meansOf(Array.from({ length: 150 }, (_, j) => answerOf(s, j))).map(Number),
          150,
          s < 4 ? 170 : 160,
        ]),
      );
      const attendanceRows = rowsOf(sheetOf(book, '考勤（按课程）')).slice(3);
      expect(attendanceRows.map((r) => r.slice(1, 7))).toEqual([
        ...courses.map((c, s) => [c.title, 180, s < 4 ? 170 : 160, 0, 0, s < 4 ? 10 : 20]),
        [undefined, 900, 840, 0, 0, 60],
      ]);
      expect(rowsOf(sheetOf(book, '结业名单')).slice(3)).toHaveLength(170);
    },
  );
});
