import { createHmac, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  PublicCheckinDisplay,
  PublicCheckinInput,
  PublicCheckinResult,
  PublicCheckinSession,
  SelfCheckinInput,
  SelfCheckinState,
} from '../../../shared/api/training';
import {
  codeWindow,
  defaultRotateSeconds,
  matchCode,
  secondsUntilNextCode,
  windowCode,
  type WindowDigest,
} from '../../../shared/domain/checkinCode';
import { normalizePhone } from '../../../shared/domain/phones';
import type { SelfCheckinRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import { pageUrl } from '../join';
import type { CheckinService } from './checkin';
import type { TrainingContext } from './context';
import { failureCounter, type FailureLimit } from '../failures';

type State = z.infer<typeof SelfCheckinState>;

/** Failed numbers one client may send per window before the form stops answering (so it is not an oracle). */
export const failureLimit: FailureLimit = { count: 5, windowMs: 10 * 60_000 };
/** A closed session's old codes are recognised (to say "not open") for this long. */
const closedMemoryMs = 6 * 3_600_000;

const digestOf =
  (secret: string): WindowDigest =>
  (message) =>
    createHmac('sha256', secret).update(message).digest();

/** Self check-in by phone: the rotating code, the trainee's form, and the projector's QR scene. */
export function selfCheckinService(ctx: TrainingContext, checkins: CheckinService) {
  const { store, events, repos } = ctx;
  const failures = failureCounter(failureLimit);

  function currentCode(c: SelfCheckinRecord, now: number): string {
    return windowCode(codeWindow(Date.parse(c.openedAt), c.rotateSeconds, now), digestOf(c.secret));
  }

  const urlOf = (code: string) => pageUrl(ctx.joinBase(), `/checkin/${code}`);

  function stateOf(sessionId: number): State {
    const c = store.selfCheckin(sessionId);
    if (!c?.open)
      return { open: false, code: null, url: null, rotateSeconds: c?.rotateSeconds ?? defaultRotateSeconds };
    const code = currentCode(c, ctx.now().getTime());
    return { open: true, code, url: urlOf(code), rotateSeconds: c.rotateSeconds };
  }

  /**
   * The open session a code belongs to; an old code → 403 (scan again), a closed session's → 409. A code that
   * never was is told like an old one, after `guessed` (the form counts it as a failure: codes are only 4 digits).
   */
  function sessionOfCode(code: string, guessed: () => void = () => {}): SelfCheckinRecord {
    const now = ctx.now().getTime();
    const all = store.selfCheckins();
    const open = all.filter((c) => c.open);
    const match = (c: SelfCheckinRecord, until: number) =>
      matchCode(code, { openedAt: Date.parse(c.openedAt), rotateSeconds: c.rotateSeconds, until }, digestOf(c.secret));
    const current = open.find((c) => match(c, now) === 'current');
    if (current) return current;
    if (open.some((c) => match(c, now) === 'expired')) throw new AppError('forbidden', 'error.selfCheckin.expired');
    const closed = all.filter((c) => !c.open && c.closedAt !== null && now - Date.parse(c.closedAt) < closedMemoryMs);
    if (closed.some((c) => match(c, Date.parse(c.closedAt ?? '')) !== null))
      throw new AppError('conflict', 'error.selfCheckin.notOpen');
    guessed();
    throw new AppError('forbidden', 'error.selfCheckin.expired');
  }

  return {
    selfCheckinState: stateOf,
    /** Opening one session closes any other open one of the class: the projector shows one code. */
    setSelfCheckin(eventId: number, sessionId: number, input: z.output<typeof SelfCheckinInput>): State {
      return repos.transaction(() => {
        ctx.session(eventId, sessionId);
        const stamp = ctx.stamp();
        if (!input.open) {
          store.closeSelfCheckin(sessionId, stamp);
          return stateOf(sessionId);
        }
        const rotateSeconds = input.rotateSeconds ?? defaultRotateSeconds;
        const existing = store.selfCheckin(sessionId);
        for (const other of store.selfCheckins())
          if (other.open && other.eventId === eventId && other.sessionId !== sessionId)
            store.closeSelfCheckin(other.sessionId, stamp);
        // Opening again with the same period keeps the code on the screen valid.
        if (!existing?.open || existing.rotateSeconds !== rotateSeconds)
          store.openSelfCheckin(sessionId, randomBytes(32).toString('hex'), rotateSeconds, stamp);
        return stateOf(sessionId);
      });
    },
    /** What the trainee's phone shows before the number is typed: the session, never names. */
    publicSession(code: string): z.infer<typeof PublicCheckinSession> {
      const c = sessionOfCode(code);
      const session = ctx.session(c.eventId, c.sessionId);
      const venue = session.venueId === null ? null : store.venue(session.venueId);
      return {
        eventTitle: events.get(c.eventId).title,
        title: session.title,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        venueName: venue?.name ?? null,
      };
    },
    /**
     * A trainee checks in with their phone number. An unknown number (or a code that never was) counts against
     * the client's address; after too many, every number is refused for a while.
     */
    publicCheckin(
      code: string,
      input: z.output<typeof PublicCheckinInput>,
      client: string,
    ): z.infer<typeof PublicCheckinResult> {
      const now = ctx.now().getTime();
      if (failures.tooMany(client, now)) throw new AppError('rate_limited', 'error.selfCheckin.rateLimited');
      const fail = () => failures.record(client, now);
      return repos.transaction(() => {
        const c = sessionOfCode(code, fail);
        const session = ctx.session(c.eventId, c.sessionId);
        const phone = normalizePhone(input.phone);
        const participant = repos.participants.listByEvent(c.eventId).find((p) => p.phone === phone);
        if (!participant) {
          fail();
          throw new AppError('not_found', 'error.selfCheckin.unknownPhone');
        }
        const time = checkins.alreadyIn(session, participant);
        if (time) throw new AppError('conflict', 'error.selfCheckin.already', { time });
        const used = store.deviceUse(session.id, input.device);
        if (used !== null && used !== participant.id) throw new AppError('conflict', 'error.selfCheckin.deviceUsed');
        const done = checkins.checkIn(session, participant, { source: 'self', deskId: null, device: input.device });
        store.recordDevice(session.id, input.device, participant.id, done.at);
        return { name: done.name, status: done.status };
      });
    },
    /** The projector's check-in scene: the open session's QR and counts (no names). */
    publicDisplay(eventId: number): z.infer<typeof PublicCheckinDisplay> {
      events.get(eventId);
      const now = ctx.now().getTime();
      const c = store.selfCheckins().find((x) => x.open && x.eventId === eventId);
      if (!c) return { session: null, code: null, url: null, refreshInSeconds: 0, counts: null };
      const session = ctx.session(eventId, c.sessionId);
      const venue = session.venueId === null ? null : store.venue(session.venueId);
      const code = currentCode(c, now);
      return {
        session: { id: session.id, title: session.title, startsAt: session.startsAt, venueName: venue?.name ?? null },
        code,
        url: urlOf(code),
        refreshInSeconds: secondsUntilNextCode(Date.parse(c.openedAt), c.rotateSeconds, now),
        counts: ctx.counts(eventId, session.id),
      };
    },
  };
}
