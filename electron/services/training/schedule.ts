import type { z } from 'zod';
import type { Session, SessionInput, Venue, VenueInput } from '../../../shared/api/training';
import { defaultHoursTenths, formatTenths, hoursToTenths } from '../../../shared/domain/attendance';
import type { NewSession, SessionRecord, VenueRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import type { TrainingContext } from './context';

const at = (time: string) => Date.parse(time);

/** In time order (times may be written with different offsets, so they are compared as instants). */
export function inTimeOrder(sessions: readonly SessionRecord[]): SessionRecord[] {
  return [...sessions].sort((a, b) => at(a.startsAt) - at(b.startsAt) || at(a.endsAt) - at(b.endsAt) || a.id - b.id);
}

/** Ids of the other sessions in the same venue whose time overlaps this one's. */
function overlapsOf(session: SessionRecord, all: readonly SessionRecord[]): number[] {
  if (session.venueId === null) return [];
  return all
    .filter(
      (o) =>
        o.id !== session.id &&
        o.venueId === session.venueId &&
        at(o.startsAt) < at(session.endsAt) &&
        at(session.startsAt) < at(o.endsAt),
    )
    .map((o) => o.id);
}

/** Venues and the schedule of a class. */
export function scheduleService(ctx: TrainingContext) {
  const { store, events } = ctx;

  function venueOf(eventId: number, venueId: number): VenueRecord {
    events.get(eventId);
    const venue = store.venue(venueId);
    if (!venue || venue.eventId !== eventId)
      throw new AppError('not_found', 'error.training.venueNotFound', { id: venueId });
    return venue;
  }

  function toSessionRecord(input: z.output<typeof SessionInput>): NewSession {
    return {
      title: input.title,
      kind: input.kind ?? 'lecture',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      teacher: input.teacher ?? null,
      teacherTitle: input.teacherTitle ?? null,
      location: input.location ?? null,
      venueId: input.venueId ?? null,
      hoursTenths:
        input.hours === undefined
          ? defaultHoursTenths(at(input.startsAt), at(input.endsAt))
          : hoursToTenths(input.hours),
      organization: input.organization ?? null,
    };
  }

  function sessions(eventId: number): Session[] {
    events.get(eventId);
    const venues = new Map(store.venues(eventId).map((v) => [v.id, v.name]));
    const open = new Set(
      store
        .selfCheckins()
        .filter((c) => c.open && c.eventId === eventId)
        .map((c) => c.sessionId),
    );
    const all = inTimeOrder(store.sessions(eventId));
    return all.map((s) => ({
      id: s.id,
      eventId: s.eventId,
      title: s.title,
      kind: s.kind,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      teacher: s.teacher,
      teacherTitle: s.teacherTitle,
      location: s.location,
      venueId: s.venueId,
      venueName: s.venueId === null ? null : (venues.get(s.venueId) ?? null),
      hours: formatTenths(s.hoursTenths),
      overlaps: overlapsOf(s, all),
      selfCheckinOpen: open.has(s.id),
      organization: s.organization,
    }));
  }

  function sessionOut(eventId: number, sessionId: number): Session {
    const found = sessions(eventId).find((s) => s.id === sessionId);
    if (!found) throw new AppError('not_found', 'error.training.sessionNotFound', { id: sessionId });
    return found;
  }

  return {
    venues(eventId: number): Venue[] {
      events.get(eventId);
      return store.venues(eventId);
    },
    createVenue(eventId: number, input: z.output<typeof VenueInput>): Venue {
      events.get(eventId);
      return store.createVenue(eventId, input, ctx.stamp());
    },
    updateVenue(eventId: number, venueId: number, input: z.output<typeof VenueInput>): Venue {
      venueOf(eventId, venueId);
      store.updateVenue(venueId, input);
      return venueOf(eventId, venueId);
    },
    /** Sessions and trainees of the venue keep their place in the class, without a venue. */
    removeVenue(eventId: number, venueId: number): null {
      venueOf(eventId, venueId);
      store.removeVenue(venueId);
      return null;
    },

    /** The schedule in time order, with overlaps in one venue named (a warning, not a refusal). */
    sessions,
    /** Plain records in time order, for documents. */
    sessionRecords(eventId: number): SessionRecord[] {
      events.get(eventId);
      return inTimeOrder(store.sessions(eventId));
    },
    createSession(eventId: number, input: z.output<typeof SessionInput>): Session {
      events.get(eventId);
      ctx.checkVenue(eventId, input.venueId, 'venueId');
      const id = store.createSession(eventId, toSessionRecord(input), ctx.stamp());
      return sessionOut(eventId, id);
    },
    updateSession(eventId: number, sessionId: number, input: z.output<typeof SessionInput>): Session {
      ctx.session(eventId, sessionId);
      ctx.checkVenue(eventId, input.venueId, 'venueId');
      store.updateSession(sessionId, toSessionRecord(input));
      return sessionOut(eventId, sessionId);
    },
    /** Its attendance goes with it. */
    removeSession(eventId: number, sessionId: number): null {
      ctx.session(eventId, sessionId);
      store.removeSession(sessionId);
      return null;
    },
  };
}
export type ScheduleService = ReturnType<typeof scheduleService>;
