import { pinyin } from 'pinyin-pro';
import type { z } from 'zod';
import type { AttendanceInput, Checkin, CheckinInput, RosterRow } from '../../../shared/api/training';
import { checkinStatus, isAttended, type AttendanceStatus } from '../../../shared/domain/attendance';
import { resolveTrainee } from '../../../shared/domain/nameSearch';
import { normalizePhone } from '../../../shared/domain/phones';
import type { ParticipantRecord } from '../../database/repositories/participants';
import type { CheckinSource, SessionRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import { adminActor, type Actor, type TrainingContext } from './context';

const spellings = new Map<string, { initials: string; pinyin: string }>();

/** Pinyin of a name for typing at the desk, reading the surname as a surname: 单 shan, 曾 zeng. */
export function nameSpelling(name: string): { initials: string; pinyin: string } {
  let found = spellings.get(name);
  if (!found) {
    const syllables = pinyin(name.trim(), { mode: 'surname', toneType: 'none', type: 'array', nonZh: 'consecutive' })
      .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
      .filter((s) => s !== '');
    found = { initials: syllables.map((s) => s[0] ?? '').join(''), pinyin: syllables.join('') };
    spellings.set(name, found);
  }
  return found;
}

const phoneTail = (phone: string | null) => (phone && phone.length >= 4 ? phone.slice(-4) : null);

/** Check-in at the desk, its undo, the desk's list, and staff corrections of a status. */
export function checkinService(ctx: TrainingContext) {
  const { store, events, repos } = ctx;

  function ambiguous(query: string, people: readonly ParticipantRecord[]): AppError {
    const candidates = people.map((p) => ({
      participantId: p.id,
      name: p.name,
      organization: p.organization,
      phoneTail: phoneTail(p.phone),
    }));
    return new AppError('ambiguous', 'error.checkin.ambiguous', { name: query }, undefined, { candidates });
  }

  /** The one trainee the desk means; a name or phone ending that fits several is never guessed. */
  function whoIs(eventId: number, input: z.output<typeof CheckinInput>): ParticipantRecord {
    if ('participantId' in input) return ctx.trainee(eventId, input.participantId);
    const people = repos.participants.listByEvent(eventId);
    if ('phone' in input) {
      const phone = normalizePhone(input.phone);
      const found = people.filter(
        (p) => p.phone !== null && (/^\d{4}$/.test(phone) ? phoneTail(p.phone) : p.phone) === phone,
      );
      const [one, ...more] = found;
      if (!one) throw new AppError('not_found', 'error.checkin.unknownPhone', { phone: input.phone });
      if (more.length > 0) throw ambiguous(input.phone, found);
      return one;
    }
    const rows = people.map((p) => ({ ...nameSpelling(p.name), name: p.name, phoneTail: phoneTail(p.phone), p }));
    const match = resolveTrainee(input.name, rows);
    if ('none' in match) throw new AppError('not_found', 'error.checkin.unknownName', { name: input.name });
    if ('many' in match)
      throw ambiguous(
        input.name,
        match.many.map((r) => r.p),
      );
    return match.one.p;
  }

  /** The time an attended status was recorded, for the "already checked in at 09:05" answer. */
  function alreadyIn(session: SessionRecord, participant: ParticipantRecord): string | null {
    const existing = store.attendance(session.id, participant.id);
    if (!existing || !isAttended(existing.status)) return null;
    return ctx.timeOf(existing.at ?? existing.updatedAt, session);
  }

  /** Records a check-in now: present, or late after the start plus the grace minutes. */
  function checkIn(
    session: SessionRecord,
    participant: ParticipantRecord,
    how: { source: CheckinSource; deskId: number | null; device: string | null },
  ): Checkin {
    const grace = events.get(session.eventId).graceMinutes;
    const at = ctx.now();
    const status =
      how.source === 'paper' ? 'present' : checkinStatus(Date.parse(session.startsAt), grace, at.getTime());
    store.putAttendance({
      sessionId: session.id,
      participantId: participant.id,
      status,
      at: at.toISOString(),
      reason: null,
      ...how,
      updatedAt: at.toISOString(),
      venueId: repos.venueBundles.localVenue(session.eventId),
    });
    ctx.announce(session.eventId, session.id, participant, status);
    return {
      participantId: participant.id,
      name: participant.name,
      group: participant.group,
      status,
      at: at.toISOString(),
    };
  }

  return {
    checkIn,
    alreadyIn,
    checkin(eventId: number, sessionId: number, input: z.output<typeof CheckinInput>, by: Actor = adminActor): Checkin {
      return repos.transaction(() => {
        const session = ctx.session(eventId, sessionId);
        const participant = whoIs(eventId, input);
        const time = alreadyIn(session, participant);
        if (time) throw new AppError('conflict', 'error.checkin.already', { name: participant.name, time });
        const paper = 'participantId' in input && input.paper === true;
        return checkIn(session, participant, { source: paper ? 'paper' : 'desk', deskId: by.deskId, device: null });
      });
    },
    /** The desk's "undo": only a check-in can be taken back, not a status staff set. */
    undoCheckin(eventId: number, sessionId: number, participantId: number, by: Actor = adminActor): null {
      return repos.transaction(() => {
        ctx.session(eventId, sessionId);
        const participant = ctx.trainee(eventId, participantId);
        const existing = store.attendance(sessionId, participantId);
        if (!existing) throw new AppError('conflict', 'error.checkin.notCheckedIn', { name: participant.name });
        if (existing.source === 'staff')
          throw new AppError('conflict', 'error.checkin.notUndoable', { name: participant.name });
        store.removeAttendance(sessionId, participantId);
        ctx.audit(eventId, 'undo-checkin', {
          actor: by.actor,
          participantId,
          before: { sessionId, status: existing.status, at: existing.at, source: existing.source },
        });
        ctx.announce(eventId, sessionId, participant, null);
        return null;
      });
    },
    /** Everyone expected at a session, in roster order, with pinyin for typing and how each stands. */
    roster(eventId: number, sessionId: number): RosterRow[] {
      ctx.session(eventId, sessionId);
      const records = new Map(store.sessionAttendance(sessionId).map((a) => [a.participantId, a]));
      return repos.participants.listByEvent(eventId).map((p) => ({
        participantId: p.id,
        name: p.name,
        ...nameSpelling(p.name),
        organization: p.organization,
        group: p.group,
        phoneTail: phoneTail(p.phone),
        status: records.get(p.id)?.status ?? null,
        at: records.get(p.id)?.at ?? null,
      }));
    },
    /** Staff set or correct a status (leave needs a reason); every change lands in the audit log. */
    setAttendance(
      eventId: number,
      sessionId: number,
      participantId: number,
      input: z.output<typeof AttendanceInput>,
    ): {
      sessionId: number;
      participantId: number;
      status: AttendanceStatus;
      at: string | null;
      reason: string | null;
    } {
      return repos.transaction(() => {
        ctx.session(eventId, sessionId);
        const participant = ctx.trainee(eventId, participantId);
        if (input.status === 'leave' && !input.reason)
          throw new AppError('validation', 'error.training.leaveNeedsReason', {}, 'reason');
        const before = store.attendance(sessionId, participantId);
        const stamp = ctx.stamp();
        const keepsTime = isAttended(input.status) && before?.at;
        const record = {
          sessionId,
          participantId,
          status: input.status,
          at: keepsTime ? before.at : null,
          reason: input.reason ?? null,
          source: 'staff' as const,
          deskId: null,
          device: null,
          updatedAt: stamp,
          // A corrected time keeps where the check-in happened; a new status is recorded at this laptop's venue.
          venueId: keepsTime ? (before.venueId ?? null) : repos.venueBundles.localVenue(eventId),
        };
        store.putAttendance(record);
        ctx.audit(eventId, 'attendance', {
          actor: adminActor.actor,
          participantId,
          before: before ? { sessionId, status: before.status, at: before.at } : { sessionId, status: null },
          after: { sessionId, status: record.status, at: record.at },
          reason: record.reason,
        });
        ctx.announce(eventId, sessionId, participant, record.status);
        return { sessionId, participantId, status: record.status, at: record.at, reason: record.reason };
      });
    },
  };
}
export type CheckinService = ReturnType<typeof checkinService>;
