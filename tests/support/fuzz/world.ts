// The host the contract fuzz runs against: the demo contest mid-show (one speaker revealed, one open for scoring)
// and the demo training class with a check-in desk, plus a second small contest for ids and tokens of another
// event; and a read-only second connection to its database file that sees any write the host commits.
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { Judge } from '../../../shared/api/contest';
import { Participant } from '../../../shared/api/events';
import { Desk, SelfCheckinState, Session, Venue } from '../../../shared/api/training';
import { contestWith, demoEvents, nextSubmission, ok } from '../contest';
import type { TestHost } from '../host';
import { totalRubric } from '../rubrics';

/** Ids that exist, by event, and the tokens of every scope the fuzz sends. */
export interface FuzzWorld {
  contestId: number;
  trainingId: number;
  /** Another contest: its ids are foreign to both demo events. */
  otherContestId: number;
  speakers: number[];
  /** The demo speaker open for scoring now: a valid score from a demo judge would be written. */
  openSpeaker: number;
  lockedSpeaker: number;
  trainees: number[];
  otherSpeakers: number[];
  judges: number[];
  otherJudges: number[];
  sessions: number[];
  venues: number[];
  desks: number[];
  checkinCode: string;
  tokens: {
    admin: string;
    judge: string;
    otherJudge: string;
    desk: string;
    revokedDesk: string;
  };
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);

/** Seeds `t` over HTTP as the organiser would, and says which ids and tokens there are. */
export async function seedWorld(t: TestHost): Promise<FuzzWorld> {
  const { contest, training } = await demoEvents(t);
  const judges: Judge[] = [];
  for (const name of ['王评委', '李评委', '张评委'])
    judges.push(Judge.parse(await ok(t.call('POST', `/api/events/${contest.id}/judges`, { body: { name } }), 'judge')));
  const speakers = Participant.array().parse((await t.call('GET', `/api/events/${contest.id}/participants`)).body);
  const [first, second] = speakers;
  if (!first || !second) throw new Error('the demo contest has fewer than two speakers');
  const show = (pid: number, step: string) =>
    ok(t.call('POST', `/api/events/${contest.id}/performances/${pid}/${step}`, { body: {} }), step);
  await show(first.id, 'start');
  for (const judge of judges) {
    const body = { scores: { content: 35, delivery: 25, image: 18, time: 9 }, submissionId: nextSubmission('fuzz') };
    await ok(t.call('PUT', `/api/judge/scores/${first.id}`, { token: judge.token, body }), 'score');
  }
  await show(first.id, 'lock');
  await show(first.id, 'reveal');
  await show(second.id, 'start');

  const other = await contestWith(t, {
    event: { title: '另一场比赛' },
    speakers: ['外场选手甲', '外场选手乙'],
    rubric: totalRubric(),
    judges: ['外场评委'],
  });

  const trainingPath = `/api/events/${training.id}`;
  const trainees = Participant.array().parse((await t.call('GET', `${trainingPath}/participants`)).body);
  const sessions = Session.array().parse((await t.call('GET', `${trainingPath}/sessions`)).body);
  const venues = Venue.array().parse((await t.call('GET', `${trainingPath}/venues`)).body);
  const desk = Desk.parse(await ok(t.call('POST', `${trainingPath}/desks`, { body: { name: '签到台' } }), 'desk'));
  const revoked = Desk.parse(await ok(t.call('POST', `${trainingPath}/desks`, { body: { name: '旧签到台' } }), 'desk'));
  await ok(t.call('DELETE', `${trainingPath}/desks/${revoked.id}`), 'revoke desk');
  const session = sessions[0];
  if (!session) throw new Error('the demo class has no session');
  const selfCheckin = SelfCheckinState.parse(
    await ok(t.call('POST', `${trainingPath}/sessions/${session.id}/self-checkin`, { body: { open: true } }), 'open'),
  );

  const [judge] = judges;
  const [otherJudge] = other.judges;
  if (!judge?.token || !otherJudge?.token || !selfCheckin.code)
    throw new Error('the fuzz world lacks a judge or a code');
  return {
    contestId: contest.id,
    trainingId: training.id,
    otherContestId: other.eventId,
    speakers: ids(speakers),
    openSpeaker: second.id,
    lockedSpeaker: first.id,
    trainees: ids(trainees),
    otherSpeakers: ids(other.speakers),
    judges: ids(judges),
    otherJudges: ids(other.judges),
    sessions: ids(sessions),
    venues: ids(venues),
    desks: [desk.id],
    checkinCode: selfCheckin.code,
    tokens: {
      admin: t.host.adminToken,
      judge: judge.token,
      otherJudge: otherJudge.token,
      desk: desk.token,
      revokedDesk: revoked.token,
    },
  };
}

/**
 * A second, read-only connection to the host's database file. `PRAGMA data_version` changes when any other
 * connection commits, so "nothing was written" is one number; the row counts say what was, when it was.
 */
export class DatabaseWatch {
  private readonly db: Database;

  constructor(dataDir: string) {
    this.db = new Sqlite(join(dataDir, 'podium.db'), { readonly: true, fileMustExist: true });
  }

  /** Changes whenever the host has committed anything since the last look. */
  version(): number {
    const value: unknown = this.db.pragma('data_version', { simple: true });
    if (typeof value !== 'number') throw new Error('PRAGMA data_version did not answer a number');
    return value;
  }

  /** `SELECT count(*)` of every table (the audit log among them). */
  counts(): Record<string, number> {
    const tables = this.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => {
        const row = this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get();
        return [name, row?.n ?? -1];
      }),
    );
  }

  integrity(): string {
    const value: unknown = this.db.pragma('integrity_check', { simple: true });
    return String(value);
  }

  close(): void {
    this.db.close();
  }
}
