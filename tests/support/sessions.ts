import type { Session } from '../../shared/api/training';

/** A session as the host answers it, for the pure screen rules: a lecture with nothing but its times. */
export function sessionRecord(id: number, startsAt: string, endsAt: string, extra: Partial<Session> = {}): Session {
  return {
    id,
    eventId: 1,
    title: `课程${id}`,
    kind: 'lecture',
    startsAt,
    endsAt,
    teacher: null,
    teacherTitle: null,
    location: null,
    venueId: null,
    venueName: null,
    hours: '1.0',
    overlaps: [],
    selfCheckinOpen: false,
    ...extra,
  };
}
