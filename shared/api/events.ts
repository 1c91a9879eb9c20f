import { z } from 'zod';
import { eventKinds, genders } from '../domain/vocabulary';
import { idParam, isoDate, labelled, optionalText, text } from './fields';
import { normalizePhone } from '../domain/phones';

export const EventCreate = z
  .strictObject({
    title: text('event.title', 200),
    kind: labelled(z.enum(eventKinds), 'event.kind'),
    startsOn: isoDate('event.startsOn'),
    endsOn: isoDate('event.endsOn').optional(),
    venue: optionalText('event.venue', 200),
    organizer: optionalText('event.organizer', 200),
    /** Training: 期次 (e.g. 第十五期), 班主任 and a contact line. */
    term: optionalText('event.term', 50),
    classTeacher: optionalText('event.classTeacher', 50),
    contact: optionalText('event.contact', 100),
    /** Training: minutes after a session's start before a check-in counts as late (default 10). */
    graceMinutes: labelled(z.number().int().min(0).max(120), 'event.graceMinutes').optional(),
  })
  .refine((e) => !e.endsOn || e.endsOn >= e.startsOn, { path: ['endsOn'], message: 'dateOrder' });
export type EventCreate = z.input<typeof EventCreate>;

export const Event = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(eventKinds),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  venue: z.string().nullable(),
  organizer: z.string().nullable(),
  term: z.string().nullable(),
  classTeacher: z.string().nullable(),
  contact: z.string().nullable(),
  graceMinutes: z.number().int(),
  createdAt: z.string(),
  participantCount: z.number().int(),
});
export type Event = z.infer<typeof Event>;

/** What anyone on the LAN may see of an event (the projector, check-in desks). */
export const PublicEvent = Event.pick({
  id: true,
  title: true,
  kind: true,
  startsOn: true,
  endsOn: true,
  venue: true,
  organizer: true,
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const EventParams = z.strictObject({ id: idParam });
export const ParticipantParams = z.strictObject({ id: idParam, pid: idParam });

/** Raw uploaded bytes (an Excel file), not JSON. */
export const RawUpload = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'upload' });

export const ParticipantCreate = z.strictObject({
  name: text('participant.name', 50),
  organization: optionalText('participant.organization', 200),
  title: optionalText('participant.title', 300),
  phone: labelled(
    z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{0,30}$/, { message: 'phone' })
      .transform((v) => (v === '' ? undefined : normalizePhone(v)))
      .optional(),
    'participant.phone',
  ),
  gender: labelled(z.enum(genders), 'participant.gender').optional(),
  group: optionalText('participant.group', 50),
  /** Training rosters: 省份/地区, 民族, 备注, and the venue (main or sub-classroom) the trainee attends. */
  region: optionalText('participant.region', 50),
  ethnicity: optionalText('participant.ethnicity', 20),
  note: optionalText('participant.note', 200),
  venueId: labelled(z.number().int().positive(), 'participant.venue').optional(),
});
export type ParticipantCreate = z.input<typeof ParticipantCreate>;

export const Participant = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  gender: z.enum(genders).nullable(),
  group: z.string().nullable(),
  region: z.string().nullable(),
  ethnicity: z.string().nullable(),
  note: z.string().nullable(),
  venueId: z.number().int().nullable(),
  registeredAt: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const participantSorts = ['registration', 'pinyin'] as const;
export const ParticipantListQuery = z.strictObject({ sort: z.enum(participantSorts).optional() });
