import { EventCreate } from '../../shared/api/events';
import { SessionInput, VenueInput } from '../../shared/api/training';
import type { AttendanceStatus, SessionKind } from '../../shared/domain/attendance';
import type { Gender } from '../../shared/domain/vocabulary';
import type { Repositories } from '../database';
import type { EventsService } from './events';
import type { TrainingService } from './training';

// The sample training class (DESIGN.md, sample data): its people, teachers and numbers are made up.

export const trainingClass = EventCreate.parse({
  title: '观山湖区委党校社区治理学校第一期社区工作者培训班',
  kind: 'training',
  startsOn: '2024-09-09',
  endsOn: '2024-09-13',
  venue: '观山湖区委党校',
  organizer: '观山湖区委党校社区治理学校',
  term: '第一期',
  classTeacher: '李红梅',
  contact: '班主任 李红梅 0851-8400 0000（示例号码）',
});

type VenueKey = 'hall' | 'jinyuan' | 'guanshan';
const venues: Record<VenueKey, VenueInput> = {
  hall: { name: '观山湖区委党校 报告厅', kind: 'main', address: '贵州省贵阳市观山湖区 区委党校 2 号楼一层' },
  jinyuan: { name: '金元社区', kind: 'site', address: '贵州省贵阳市观山湖区 金元社区党群服务中心' },
  guanshan: { name: '观山社区', kind: 'site', address: '贵州省贵阳市观山湖区 观山社区党群服务中心' },
};

// Fictional teachers, each with the title printed on the schedule.
const teachers = {
  he: ['何志远', '区委党校常务副校长'],
  chen: ['陈立新', '区委党校副教授'],
  li: ['李红梅', '班主任、区委党校讲师'],
  zhou: ['周雅琴', '区委党校讲师'],
  yang: ['杨春梅', '金元社区党委书记'],
  luo: ['罗文斌', '区委党校教授'],
  wu: ['吴建华', '观山社区党委书记'],
  liu: ['刘俊峰', '区委党校副教授'],
} as const;

type DemoSession = [
  day: number,
  start: string,
  end: string,
  title: string,
  kind: SessionKind,
  teacher: keyof typeof teachers,
  venue: VenueKey,
];

// Five days of closed training, mornings 09:00–12:00 and afternoons 14:30–17:30; the ceremonies share a half-day.
const schedule: DemoSession[] = [
  [9, '09:00', '09:30', '开班式', 'opening', 'he', 'hall'],
  [9, '09:40', '12:00', '社区工作与社区工作者职业素养', 'lecture', 'chen', 'hall'],
  [9, '14:30', '17:30', '分组讨论：社区工作者的角色与成长', 'discussion', 'li', 'hall'],
  [10, '09:00', '12:00', '社区社会组织培育与社区治理', 'lecture', 'zhou', 'hall'],
  [10, '14:30', '17:30', '现场教学：金元社区“党建引领、多元共治”', 'site-visit', 'yang', 'jinyuan'],
  [11, '09:00', '12:00', '社区服务体系建设与“三感社区”推动', 'lecture', 'luo', 'hall'],
  [11, '14:30', '17:30', '现场教学：观山社区“一站式”便民服务', 'site-visit', 'wu', 'guanshan'],
  [12, '09:00', '12:00', '案例交流：社区治理典型案例', 'case-study', 'chen', 'hall'],
  [12, '14:30', '17:30', '分组讨论：如何推动“三感社区”建设', 'discussion', 'li', 'hall'],
  [13, '09:00', '12:00', '社区矛盾纠纷化解与新时代“枫桥经验”', 'lecture', 'liu', 'hall'],
  [13, '14:30', '16:30', '分组讨论：学习成果汇报', 'discussion', 'li', 'hall'],
  [13, '16:40', '17:30', '结业式', 'closing', 'he', 'hall'],
];

/** Host-local wall-clock time, as an organiser types the schedule. */
const localTime = (day: number, clock: string) => `2024-09-${String(day).padStart(2, '0')}T${clock}:00`;

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
// Each given name with the gender it usually goes with.
const givenNames: Array<[given: string, gender: Gender]> = [
  ['晓燕', 'female'],
  ['志强', 'male'],
  ['丽娟', 'female'],
  ['建国', 'male'],
  ['海燕', 'female'],
  ['俊杰', 'male'],
  ['秀英', 'female'],
  ['志军', 'male'],
  ['文静', 'female'],
  ['国庆', 'male'],
  ['雪梅', 'female'],
  ['明辉', 'male'],
  ['婷婷', 'female'],
  ['浩然', 'male'],
  ['春花', 'female'],
  ['伟', 'male'],
  ['芳', 'female'],
  ['磊', 'male'],
  ['琳', 'female'],
  ['涛', 'male'],
];
// Where each trainee works: a county or district of Guizhou and a residents' committee there.
const units: Array<[region: string, organization: string]> = [
  ['观山湖区', '金元社区居委会'],
  ['观山湖区', '观山社区居委会'],
  ['云岩区', '东山社区居委会'],
  ['观山湖区', '世纪城社区居委会'],
  ['南明区', '花果园社区居委会'],
  ['观山湖区', '碧海社区居委会'],
  ['花溪区', '清华社区居委会'],
  ['乌当区', '新天社区居委会'],
  ['白云区', '艳山红社区居委会'],
  ['清镇市', '红枫湖社区居委会'],
];
const jobs = ['社区党委书记', '居委会主任', '社区网格员', '社区专职工作者', '社区党委副书记'];
const groups = ['第一组', '第二组', '第三组', '第四组', '第五组'];

/** The same 50 people every time: surnames and given names both run through without repeating a name. */
export function demoTrainees(count = 50) {
  return Array.from({ length: count }, (_, i) => {
    const [given, gender] = givenNames[(i * 3) % givenNames.length]!;
    const [region, organization] = units[i % units.length]!;
    return {
      name: `${surnames[(i * 7) % surnames.length]}${given}`,
      gender,
      region,
      organization,
      title: jobs[i % jobs.length],
      phone: `139${String(85100000 + i * 7919).padStart(8, '0')}`,
      group: groups[i % groups.length],
    };
  });
}

// Who was not there, by trainee (roster index) and session (schedule index); everyone else came.
const missed: Array<{ trainee: number; session: number; status: 'leave' | 'absent' | 'early'; reason?: string }> = [
  { trainee: 7, session: 5, status: 'leave', reason: '社区突发事件处置，经社区党委同意' },
  { trainee: 7, session: 6, status: 'leave', reason: '社区突发事件处置，经社区党委同意' },
  { trainee: 7, session: 9, status: 'absent' },
  { trainee: 12, session: 4, status: 'absent' },
  { trainee: 16, session: 7, status: 'absent' },
  { trainee: 16, session: 8, status: 'absent' },
  { trainee: 16, session: 9, status: 'absent' },
  { trainee: 19, session: 8, status: 'early', reason: '提前离开参加街道防汛值班' },
  { trainee: 23, session: 3, status: 'leave', reason: '家中老人住院陪护' },
  { trainee: 30, session: 2, status: 'absent' },
  { trainee: 30, session: 3, status: 'absent' },
  { trainee: 30, session: 4, status: 'absent' },
  { trainee: 30, session: 8, status: 'absent' },
  { trainee: 38, session: 10, status: 'absent' },
  { trainee: 41, session: 4, status: 'absent' },
  { trainee: 45, session: 1, status: 'leave', reason: '参加区里的社区换届业务培训' },
  { trainee: 45, session: 6, status: 'absent' },
  { trainee: 45, session: 7, status: 'absent' },
];

/** A fixed spread of arrivals: most a few minutes early, one or two a session after the grace minutes. */
function arrival(trainee: number, session: number): { status: AttendanceStatus; minutes: number } {
  if ((trainee * 7 + session * 11) % 37 === 0) return { status: 'late', minutes: 12 + (trainee % 15) };
  return { status: 'present', minutes: -(2 + ((trainee * 7 + session * 3) % 20)) };
}

/** Adds the class with its venues, schedule, roster and a week of attendance. Call inside a transaction. */
export function addDemoTraining(
  repos: Repositories,
  events: EventsService,
  training: TrainingService,
  now: () => Date,
): void {
  const event = events.create(trainingClass);
  const venueId = (key: VenueKey) => training.createVenue(event.id, VenueInput.parse(venues[key])).id;
  const venueIds: Record<VenueKey, number> = {
    hall: venueId('hall'),
    jinyuan: venueId('jinyuan'),
    guanshan: venueId('guanshan'),
  };

  const sessions = schedule.map(([day, start, end, title, kind, teacher, venue]) => {
    const input = {
      title,
      kind,
      startsAt: localTime(day, start),
      endsAt: localTime(day, end),
      teacher: teachers[teacher][0],
      teacherTitle: teachers[teacher][1],
      location: venues[venue].address,
      venueId: venueIds[venue],
    };
    return training.createSession(event.id, SessionInput.parse(input));
  });

  const trainees = demoTrainees().map((t) =>
    repos.participants.create(event.id, { ...t, venueId: venueIds.hall }, now().toISOString()),
  );

  // Written as the desks and the class teacher recorded it at the time, not as edits made today.
  trainees.forEach((trainee, i) =>
    sessions.forEach((session, s) => {
      const start = new Date(session.startsAt).getTime();
      const exception = missed.find((m) => m.trainee === i && m.session === s);
      if (exception?.status === 'absent') return;
      const { status, minutes } = exception ? { status: exception.status, minutes: -5 } : arrival(i, s);
      const at = new Date(start + minutes * 60_000).toISOString();
      repos.training.putAttendance({
        sessionId: session.id,
        participantId: trainee.id,
        status,
        at: status === 'leave' ? null : at,
        reason: exception?.reason ?? null,
        source: exception ? 'staff' : 'desk',
        deskId: null,
        device: null,
        updatedAt: at,
      });
    }),
  );
}
