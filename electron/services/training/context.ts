import type { auditActions } from '../../../shared/api/contest';
import type { LiveMessage } from '../../../shared/api/live';
import type { AttendanceCounts } from '../../../shared/api/training';
import { clockTime, sessionCounts, type AttendanceStatus } from '../../../shared/domain/attendance';
import type { Repositories } from '../../database';
import type { ParticipantRecord } from '../../database/repositories/participants';
import type { SessionRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import type { EventsService } from '../events';
import type { TokenVault } from '../tokens';

export interface TrainingDeps {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
  publish: (message: LiveMessage) => void;
  /** The address other devices reach the host at (desk links, the self check-in QR). */
  joinBase: () => string;
  /** Desks' tokens: hashed to find them, sealed to show the link again. */
  vault: TokenVault;
}

/** Who made a change: the console, a check-in desk, or a trainee's own phone. */
export interface Actor {
  actor: string;
  deskId: number | null;
}
export const adminActor: Actor = { actor: 'admin', deskId: null };

/** What the parts of the training service share: lookups that answer 404s, the audit trail, live counts. */
export function trainingContext(deps: TrainingDeps) {
  const { repos, events, now } = deps;
  const store = repos.training;
  const stamp = () => now().toISOString();

  return {
    ...deps,
    store,
    stamp,
    session(eventId: number, sessionId: number): SessionRecord {
      events.get(eventId);
      const session = store.session(sessionId);
      if (!session || session.eventId !== eventId)
        throw new AppError('not_found', 'error.training.sessionNotFound', { id: sessionId });
      return session;
    },
    trainee(eventId: number, participantId: number): ParticipantRecord {
      const participant = repos.participants.find(participantId);
      if (!participant || participant.eventId !== eventId)
        throw new AppError('not_found', 'error.training.traineeNotFound', { id: participantId });
      return participant;
    },
    /** A venue named in a body: one of this event's, else a 400 naming the field. */
    checkVenue(eventId: number, venueId: number | undefined, field: string): void {
      if (venueId === undefined) return;
      const venue = store.venue(venueId);
      if (!venue || venue.eventId !== eventId)
        throw new AppError('validation', 'error.training.venueNotFound', { id: venueId }, field);
    },
    /** HH:MM of an instant, as the schedule's clock reads it (for "已于 09:05 签到"). */
    timeOf(at: string, session: SessionRecord): string {
      return clockTime(Date.parse(at), session.startsAt, -now().getTimezoneOffset());
    },
    counts(eventId: number, sessionId: number): AttendanceCounts {
      const expected = events.get(eventId).participantCount;
      return sessionCounts(
        expected,
        store.sessionAttendance(sessionId).map((a) => a.status),
      );
    },
    /** Live counts for everyone; who changed, for the console and the desks. */
    announce(eventId: number, sessionId: number, trainee: ParticipantRecord, status: AttendanceStatus | null): void {
      deps.publish({
        type: 'attendance',
        eventId,
        sessionId,
        ...this.counts(eventId, sessionId),
        trainee: { participantId: trainee.id, name: trainee.name, group: trainee.group, status },
      });
    },
    audit(
      eventId: number,
      action: (typeof auditActions)[number],
      entry: { actor: string; participantId?: number; before?: unknown; after?: unknown; reason?: string | null },
    ): void {
      repos.contest.audit({ eventId, at: stamp(), action, ...entry });
    },
  };
}
export type TrainingContext = ReturnType<typeof trainingContext>;
