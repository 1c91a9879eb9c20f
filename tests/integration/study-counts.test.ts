import { describe, expect } from 'vitest';
import { StudyCounts } from '../../shared/api/class-report';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { Session } from '../../shared/api/training';
import type { AttendanceStatus } from '../../shared/domain/attendance';
import { ok } from '../support/contest';
import { fileBytes, savedName } from '../support/download';
import { withClassHost, type ClassHost } from '../support/training';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// A street's weekly youth-cadre study (青年干部学习): sessions held by three residential districts over two months,
// counted per district and month as the street reports them, over HTTP and read back from the workbook.

const people = ['王建国', '李丽华', '张志强', '赵晓燕', '陈静', '周明'];
// [organisation, start (Beijing time), statuses of the six people]; present, late and early count as attended.
const series: Array<[string | null, string, Array<AttendanceStatus | null>]> = [
  ['恒阳居民区', '2026-03-05T19:00', ['present', 'present', 'late', 'absent', 'leave', null]],
  ['恒阳居民区', '2026-03-19T19:00', ['present', 'present', 'present', 'present', 'early', 'present']],
  ['恒阳居民区', '2026-04-02T19:00', ['present', 'absent', 'absent', 'absent', 'absent', 'absent']],
  ['安丘居民区', '2026-03-12T19:00', ['late', 'late', 'present', null, null, null]],
  ['安丘居民区', '2026-04-09T19:00', ['present', 'present', 'present', 'present', 'present', 'leave']],
  ['长阳居民区', '2026-04-16T19:00', ['early', 'present', null, null, null, null]],
  [null, '2026-04-23T19:00', ['present', null, null, null, null, null]],
  // Not held yet on 30 April: not counted.
  ['长阳居民区', '2026-05-07T19:00', ['present', 'present', 'present', null, null, null]],
];

async function studySeries(t: ClassHost): Promise<{ eventId: number; sessions: Session[] }> {
  const event = Event.parse(
    await ok(
      t.call('POST', '/api/events', {
        body: {
          title: '江浦路街道青年干部学习',
          kind: 'training',
          startsOn: '2026-03-01',
          endsOn: '2026-06-30',
          organizer: '江浦路街道党工委',
        },
      }),
      'create the series',
    ),
  );
  const base = `/api/events/${event.id}`;
  const ids: number[] = [];
  for (const name of people)
    ids.push(Participant.parse(await ok(t.call('POST', `${base}/participants`, { body: { name } }), name)).id);
  const sessions: Session[] = [];
  for (const [organization, startsAt, statuses] of series) {
    const end = startsAt.replace('19:00', '21:00');
    const body = {
      title: '青年干部学习讨论',
      kind: 'discussion',
      startsAt: `${startsAt}:00+08:00`,
      endsAt: `${end}:00+08:00`,
      ...(organization ? { organization } : {}),
    };
    const session = Session.parse(await ok(t.call('POST', `${base}/sessions`, { body }), startsAt));
    sessions.push(session);
    for (const [i, status] of statuses.entries()) {
      if (status === null) continue;
      await ok(
        t.call('PUT', `${base}/sessions/${session.id}/attendance/${ids[i]}`, {
          body: { status, ...(status === 'leave' ? { reason: '值班' } : {}) },
        }),
        `${startsAt} ${people[i]}`,
      );
    }
  }
  t.clock.set('2026-04-30T12:00:00');
  return { eventId: event.id, sessions };
}

describe('study-session counts', () => {
  withClassHost('sums the sessions held and their attendance per district and month', async ({ t }) => {
    const { eventId, sessions } = await studySeries(t);
    expect(sessions[0]?.organization).toBe('恒阳居民区');
    expect(sessions[6]?.organization).toBeNull();

    const counts = StudyCounts.parse(await ok(t.call('GET', `/api/events/${eventId}/study-counts`), 'counts'));
    expect(counts.months).toEqual(['2026-03', '2026-04']);
    expect(counts.sessions).toBe(7);
    // 恒阳 3+6+1, 安丘 3+5, 长阳 2, none 1.
    expect(counts.attended).toBe(21);
    expect(counts.rows).toEqual([
      {
        organization: '恒阳居民区',
        sessions: 3,
        attended: 10,
        months: { '2026-03': { sessions: 2, attended: 9 }, '2026-04': { sessions: 1, attended: 1 } },
      },
      // Two sessions each: 安丘 (ān) before 长阳 (cháng).
      {
        organization: '安丘居民区',
        sessions: 2,
        attended: 8,
        months: { '2026-03': { sessions: 1, attended: 3 }, '2026-04': { sessions: 1, attended: 5 } },
      },
      { organization: '长阳居民区', sessions: 1, attended: 2, months: { '2026-04': { sessions: 1, attended: 2 } } },
      { organization: null, sessions: 1, attended: 1, months: { '2026-04': { sessions: 1, attended: 1 } } },
    ]);

    // Moving a session to another district moves its count.
    const moved = sessions[5];
    if (!moved) throw new Error('no session');
    await ok(
      t.call('PUT', `/api/events/${eventId}/sessions/${moved.id}`, {
        body: {
          title: moved.title,
          kind: moved.kind,
          startsAt: moved.startsAt,
          endsAt: moved.endsAt,
          organization: '安丘居民区',
        },
      }),
      'move',
    );
    const after = StudyCounts.parse(await ok(t.call('GET', `/api/events/${eventId}/study-counts`), 'counts'));
    expect(after.rows.map((r) => [r.organization, r.sessions, r.attended])).toEqual([
      ['安丘居民区', 3, 10],
      ['恒阳居民区', 3, 10],
      [null, 1, 1],
    ]);
  });

  withClassHost('exports the counts as the street reports them', async ({ t }) => {
    const { eventId } = await studySeries(t);
    const answer = await t.call('GET', `/api/events/${eventId}/study-counts.xlsx`);
    expect(answer.status).toBe(200);
    expect(savedName(answer.headers)).toBe('江浦路街道青年干部学习-学习讨论统计-2026年3月1日至6月30日.xlsx');
    const rows = rowsOf(sheetOf(readBook(fileBytes(answer.body)), '学习讨论统计'));
    expect(rows[0]?.[0]).toBe('各居民区已累计开展了7次学习讨论');
    expect(String(rows[1]?.[0])).toContain('21 人次');
    expect(rows[2]).toEqual([
      '举办单位/居民区',
      '2026年3月 次数',
      '2026年3月 人次',
      '2026年4月 次数',
      '2026年4月 人次',
      '合计次数',
      '合计人次',
    ]);
    expect(rows.slice(3)).toEqual([
      ['恒阳居民区', 2, 9, 1, 1, 3, 10],
      ['安丘居民区', 1, 3, 1, 5, 2, 8],
      ['长阳居民区', 0, 0, 1, 2, 1, 2],
      ['未指定', 0, 0, 1, 1, 1, 1],
      ['合计', 3, 12, 4, 9, 7, 21],
    ]);
  });

  withClassHost('says so when nothing has been held, and refuses a district name too long', async ({ t }) => {
    const event = Event.parse(
      await ok(
        t.call('POST', '/api/events', { body: { title: '新学期学习', kind: 'training', startsOn: '2026-09-01' } }),
        'event',
      ),
    );
    const base = `/api/events/${event.id}`;
    expect(StudyCounts.parse(await ok(t.call('GET', `${base}/study-counts`), 'counts'))).toEqual({
      months: [],
      rows: [],
      sessions: 0,
      attended: 0,
    });
    const rows = rowsOf(
      sheetOf(readBook(fileBytes((await t.call('GET', `${base}/study-counts.xlsx`)).body)), '学习讨论统计'),
    );
    expect(rows[0]?.[0]).toBe('各居民区已累计开展了0次学习讨论');
    expect(String(rows[3]?.[0])).toContain('还没有已开展的课程');

    const refused = await t.call('POST', `${base}/sessions`, {
      body: {
        title: '学习讨论',
        startsAt: '2026-09-03T19:00:00+08:00',
        endsAt: '2026-09-03T21:00:00+08:00',
        organization: '居'.repeat(101),
      },
    });
    expect(refused.status).toBe(400);
    expect(ErrorBody.parse(refused.body).error.field).toBe('organization');
    expect(await ok(t.call('GET', `${base}/sessions`), 'sessions')).toEqual([]);
  });
});
