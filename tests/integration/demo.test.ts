import { describe, expect } from 'vitest';
import { Event, Participant } from '../../shared/api/events';
import { AttendanceSummary, Completion, Session, Venue } from '../../shared/api/training';
import { demoEvents, ok } from '../support/contest';
import { withHost, type TestHost } from '../support/host';

/** Everything an organiser sees of the demo class, as counts. */
async function classCounts(t: TestHost, eventId: number) {
  const base = `/api/events/${eventId}`;
  const participants = Participant.array().parse(await ok(t.call('GET', `${base}/participants`), 'roster'));
  const venues = Venue.array().parse(await ok(t.call('GET', `${base}/venues`), 'venues'));
  const sessions = Session.array().parse(await ok(t.call('GET', `${base}/sessions`), 'sessions'));
  const summary = AttendanceSummary.parse(await ok(t.call('GET', `${base}/attendance`), 'attendance'));
  const recorded = summary.perSession.reduce((n, s) => n + s.present + s.late + s.leave, 0);
  return { participants: participants.length, venues: venues.length, sessions: sessions.length, recorded };
}

describe('the demo training class', () => {
  withHost('comes with its term, class teacher and three venues', async ({ t }) => {
    const { training } = await demoEvents(t);
    expect(training).toMatchObject({
      title: '观山湖区委党校社区治理学校第一期社区工作者培训班',
      startsOn: '2024-09-09',
      endsOn: '2024-09-13',
      term: '第一期',
      classTeacher: '李红梅',
      participantCount: 50,
    });
    expect(training.contact).toContain('0851-');
    const venues = Venue.array().parse((await t.call('GET', `/api/events/${training.id}/venues`)).body);
    expect(venues.map((v) => [v.name, v.kind])).toEqual([
      ['观山湖区委党校 报告厅', 'main'],
      ['金元社区', 'site'],
      ['观山社区', 'site'],
    ]);
    expect(venues.every((v) => v.address !== null)).toBe(true);
  });

  withHost('has a five-day schedule in time order, from the opening to the closing', async ({ t }) => {
    const { training } = await demoEvents(t);
    const sessions = Session.array().parse((await t.call('GET', `/api/events/${training.id}/sessions`)).body);
    const starts = sessions.map((s) => Date.parse(s.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(sessions.map((s) => s.startsAt.slice(0, 10)))).toEqual(
      new Set(['2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13']),
    );
    expect(sessions[0]).toMatchObject({ title: '开班式', kind: 'opening', venueName: '观山湖区委党校 报告厅' });
    expect(sessions.at(-1)).toMatchObject({ title: '结业式', kind: 'closing' });
    expect(sessions.at(-1)?.startsAt.slice(0, 10)).toBe('2024-09-13');
    const titles = sessions.map((s) => s.title);
    for (const course of [
      '社区工作与社区工作者职业素养',
      '社区社会组织培育与社区治理',
      '社区服务体系建设与“三感社区”推动',
    ])
      expect(titles).toContain(course);
    const siteVisits = sessions.filter((s) => s.kind === 'site-visit').map((s) => s.venueName);
    expect(siteVisits).toEqual(['金元社区', '观山社区']);
    expect(sessions.filter((s) => s.kind === 'discussion').length).toBeGreaterThanOrEqual(2);
    expect(sessions.some((s) => s.kind === 'case-study')).toBe(true);
    expect(sessions.find((s) => s.title === '社区工作与社区工作者职业素养')).toMatchObject({
      teacher: '陈立新',
      teacherTitle: '区委党校副教授',
    });
    expect(sessions.every((s) => s.overlaps.length === 0)).toBe(true);
  });

  withHost('has a roster whose genders match the names, in five groups of ten', async ({ t }) => {
    const { training } = await demoEvents(t);
    const roster = Participant.array().parse((await t.call('GET', `/api/events/${training.id}/participants`)).body);
    expect(roster).toHaveLength(50);
    const genderOf = (given: string) => roster.filter((p) => p.name.endsWith(given)).map((p) => p.gender);
    // Unambiguous given names; each of them is given to several trainees.
    for (const given of ['晓燕', '丽娟', '秀英', '雪梅', '婷婷'])
      expect(new Set(genderOf(given))).toEqual(new Set(['female']));
    for (const given of ['志强', '建国', '俊杰', '国庆', '浩然'])
      expect(new Set(genderOf(given))).toEqual(new Set(['male']));
    const groups = new Map<string | null, number>();
    for (const p of roster) groups.set(p.group, (groups.get(p.group) ?? 0) + 1);
    expect(Object.fromEntries(groups)).toEqual({ 第一组: 10, 第二组: 10, 第三组: 10, 第四组: 10, 第五组: 10 });
    expect(new Set(roster.map((p) => p.phone)).size).toBe(50);
    expect(roster.every((p) => /^139\d{8}$/.test(p.phone ?? ''))).toBe(true);
    expect(new Set(roster.map((p) => p.name)).size).toBe(50);
    expect(roster.every((p) => p.region !== null && p.organization?.endsWith('社区居委会'))).toBe(true);
    expect(new Set(roster.map((p) => p.region))).toContain('观山湖区');
  });

  withHost('has a week of attendance: a few do not complete, the completion list has the rest', async ({ t }) => {
    const { training } = await demoEvents(t);
    const summary = AttendanceSummary.parse((await t.call('GET', `/api/events/${training.id}/attendance`)).body);
    expect(summary.heldSessionIds).toHaveLength(summary.sessions.length);
    const statuses = summary.rows.flatMap((r) => Object.values(r.statuses));
    expect(statuses.filter((s) => s === 'present').length).toBeGreaterThan(statuses.length * 0.9);
    expect(statuses.filter((s) => s === 'late').length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 'absent').length).toBeGreaterThan(0);
    expect(statuses).not.toContain(null);
    const onLeave = summary.rows.filter((r) => r.leave > 0).length;
    expect(onLeave).toBeGreaterThanOrEqual(2);
    expect(onLeave).toBeLessThanOrEqual(3);

    const out = summary.rows.filter((r) => !r.completes);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out.length).toBeLessThanOrEqual(6);
    expect(out.every((r) => Number(r.rate) < 80)).toBe(true);
    const completion = Completion.parse((await t.call('GET', `/api/events/${training.id}/completion`)).body);
    expect(completion.minRate).toBe(80);
    expect(completion.completers).toEqual(summary.rows.filter((r) => r.completes).map((r) => r.participantId));
    expect(completion.completers).toHaveLength(50 - out.length);
  });

  withHost('loading the demo again adds nothing', async ({ t }) => {
    const { training } = await demoEvents(t);
    const before = await classCounts(t, training.id);
    expect(before).toMatchObject({ participants: 50, venues: 3 });
    expect(t.host.services.loadDemo()).toEqual([]);
    expect(await classCounts(t, training.id)).toEqual(before);
    expect(Event.array().parse(await ok(t.call('GET', '/api/events'), 'events'))).toHaveLength(2);
  });
});
