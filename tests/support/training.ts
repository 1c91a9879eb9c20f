import { Event, Participant } from '../../shared/api/events';
import { Desk, Session, Venue, type SessionInput } from '../../shared/api/training';
import { ok } from './contest';
import { startTestHost, type TestHost } from './host';
import { test } from 'vitest';

/** A clock the test moves by hand: lateness, held sessions and rotating codes all read it. */
export class TestClock {
  constructor(public ms = Date.parse('2026-03-02T08:00:00+08:00')) {}
  /** Sets the clock to a wall-clock time of the class (Beijing time). */
  set(isoLocal: string): void {
    this.ms = Date.parse(`${isoLocal}+08:00`);
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
  readonly now = (): Date => new Date(this.ms);
}

/** A host whose services run on a TestClock, stopped when the test ends. */
export const withClassHost = test.extend('t', async ({ onTestFinished }) => {
  const clock = new TestClock();
  const host = await startTestHost({ now: clock.now });
  onTestFinished(() => host.stop());
  return Object.assign(host, { clock });
});
export type ClassHost = TestHost & { clock: TestClock };

const surnames = ['王', '李', '张', '赵', '陈', '杨', '黄', '周', '吴', '徐'];
const givenNames = ['建国', '丽华', '志强', '晓燕'];

/**
 * 40 trainees: 37 of the form 王建国, then two namesakes 刘友红 (different units and phones) and 李雨航, whose
 * initials are also lyh. Phones 1380000NNNN in this order (the namesakes end 1037 and 1038).
 */
export const trainees = [
  ...surnames.flatMap((s) => givenNames.map((g) => `${s}${g}`)).slice(0, 37),
  '刘友红',
  '刘友红',
  '李雨航',
].map((name, i) => ({
  name,
  organization: i === 37 ? '金元社区' : i === 38 ? '观山社区' : `第${(i % 5) + 1}社区`,
  phone: `1380000${String(1000 + i)}`,
  group: `第${(i % 4) + 1}组`,
}));

const day = (d: number, hm: string) => `2026-03-0${d + 1}T${hm}:00+08:00`;

/** The 3-day schedule, 8 sessions; `venue` is filled in with the main (m) or sub (s) classroom's id. */
export const schedule: Array<Omit<SessionInput, 'venueId'> & { venue?: 'm' | 's' }> = [
  { title: '开班式', kind: 'opening', startsAt: day(1, '09:00'), endsAt: day(1, '09:30'), venue: 'm' },
  { title: '社区工作与社区工作者职业素养', startsAt: day(1, '09:40'), endsAt: day(1, '12:00'), venue: 'm' },
  { title: '分组讨论', kind: 'discussion', startsAt: day(1, '14:00'), endsAt: day(1, '17:00'), venue: 's' },
  { title: '社区社会组织培育与社区治理', startsAt: day(2, '09:00'), endsAt: day(2, '12:00'), venue: 'm' },
  {
    title: '金元社区现场教学',
    kind: 'site-visit',
    startsAt: day(2, '14:00'),
    endsAt: day(2, '17:00'),
    location: '金元社区',
  },
  { title: '“三感社区”案例交流', kind: 'case-study', startsAt: day(3, '09:00'), endsAt: day(3, '12:00'), venue: 'm' },
  { title: '结业考试', kind: 'exam', startsAt: day(3, '14:00'), endsAt: day(3, '16:00'), venue: 'm', hours: 1 },
  { title: '结业式', kind: 'closing', startsAt: day(3, '16:30'), endsAt: day(3, '17:00'), venue: 'm' },
];

export interface ClassSetUp {
  event: Event;
  eventId: number;
  main: Venue;
  sub: Venue;
  /** In roster (registration) order. */
  people: Participant[];
  /** In time order. */
  sessions: Session[];
  desk: Desk;
}

/** The class of the training tests: 观山湖区委党校社区工作者培训班, 3 days, 2 venues, 40 trainees, 8 sessions, a desk. */
export async function setUpClass(t: TestHost): Promise<ClassSetUp> {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: {
          title: '观山湖区委党校社区工作者培训班',
          kind: 'training',
          startsOn: '2026-03-02',
          endsOn: '2026-03-04',
          organizer: '观山湖区委党校',
          term: '第一期',
          classTeacher: '周老师',
          contact: '0851-1234567',
        },
      }),
      'create the class',
    ),
  );
  const base = `/api/events/${event.id}`;
  const venue = async (name: string, kind: 'main' | 'sub') =>
    Venue.parse(await ok(t.call('POST', `${base}/venues`, { body: { name, kind, address: '观山湖区' } }), name));
  const main = await venue('主会场（党校报告厅）', 'main');
  const sub = await venue('分会场（201 教室）', 'sub');
  const people: Participant[] = [];
  for (const [i, p] of trainees.entries()) {
    const body = { ...p, venueId: i % 2 === 0 ? main.id : sub.id };
    people.push(Participant.parse(await ok(t.call('POST', `${base}/participants`, { body }), p.name)));
  }
  // Created last day first: the answer must still be in time order.
  for (const { venue: v, ...s } of [...schedule].reverse()) {
    const body = { ...s, ...(v ? { venueId: v === 'm' ? main.id : sub.id } : {}) };
    await ok(t.call('POST', `${base}/sessions`, { body }), s.title);
  }
  const sessions = Session.array().parse(await ok(t.call('GET', `${base}/sessions`), 'list sessions'));
  const desk = Desk.parse(await ok(t.call('POST', `${base}/desks`, { body: { name: '一号签到台' } }), 'desk'));
  return { event, eventId: event.id, main, sub, people, sessions, desk };
}
