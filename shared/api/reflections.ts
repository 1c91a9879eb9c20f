import { z } from 'zod';
import { idParam, labelled, optionalText, text } from './fields';
import { PublicReflectionAssignment, PublicReflectionReceipt, ReflectCode } from './reflect';

// API v1, training part: 学习心得. Assignments (what the class is asked to write, with a deadline and a phone link),
// the texts trainees hand in, 优秀心得, and the booklet and workbook.

export { PublicReflectionAssignment, PublicReflectionReceipt, ReflectCode };

export const ReflectionAssignmentParams = z.strictObject({ id: idParam, aid: idParam });
export const ReflectionParams = z.strictObject({ id: idParam, rid: idParam });
export const ReflectCodeParams = z.strictObject({ code: ReflectCode });

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

// ── Assignments (作业) ────────────────────────────────────────────────────

export const ReflectionAssignmentInput = z.strictObject({
  title: text('reflection.assignment.title', 100),
  prompt: optionalText('reflection.assignment.prompt', 1000),
  /** ISO 8601 date and time, with or without an offset (without one it is the host's local time). */
  dueAt: labelled(z.iso.datetime({ local: true, offset: true }), 'reflection.assignment.dueAt'),
});
export type ReflectionAssignmentInput = z.input<typeof ReflectionAssignmentInput>;

export const ReflectionAssignment = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string(),
  prompt: z.string().nullable(),
  dueAt: z.string(),
  /** The phone link's code and the link itself. */
  code: z.string(),
  url: z.string(),
  /** False once the deadline has passed. */
  open: z.boolean(),
  submitted: z.number().int(),
  excellent: z.number().int(),
  /** Everyone on the roster. */
  expected: z.number().int(),
});
export type ReflectionAssignment = z.infer<typeof ReflectionAssignment>;

// ── Reflections (心得) ─────────────────────────────────────────────────────

export const ReflectionsQuery = z.strictObject({
  assignment: idParam,
  group: labelled(z.string().max(100), 'reflection.group').optional(),
  excellent: flag,
});

export const ReflectionsPdfQuery = z.strictObject({ assignment: idParam, excellent: flag });
export const ReflectionsXlsxQuery = z.strictObject({ assignment: idParam });

export const Reflection = z.object({
  id: z.number().int(),
  assignmentId: z.number().int(),
  participantId: z.number().int(),
  name: z.string(),
  organization: z.string().nullable(),
  group: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** Characters of the text as a person counts them. */
  length: z.number().int(),
  excellent: z.boolean(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type Reflection = z.infer<typeof Reflection>;

// The text's length is checked by the host in characters (code points), so the refusal can say how many were sent;
// here only that it is text (a request is at most 64 KB).
const reflectionTitle = labelled(z.string().trim().min(1), 'reflection.title');
const reflectionBody = labelled(z.string().trim().min(1), 'reflection.body');

/** A reflection staff type in for a trainee who handed it in on paper (also after the deadline). */
export const ReflectionInput = z.strictObject({
  assignmentId: labelled(z.number().int().positive(), 'reflection.assignment'),
  participantId: labelled(z.number().int().positive(), 'reflection.participant'),
  title: reflectionTitle,
  body: reflectionBody,
});
export type ReflectionInput = z.input<typeof ReflectionInput>;

export const ReflectionMark = z.strictObject({ excellent: labelled(z.boolean(), 'reflection.excellent') });

export const PublicReflectionInput = z.strictObject({
  phone: text('participant.phone', 30),
  title: reflectionTitle,
  body: reflectionBody,
});
export type PublicReflectionInput = z.input<typeof PublicReflectionInput>;
