// In zod's small build (zod/mini): every page reads this shape, phones included (see shared/api/judge.ts).
import { z } from 'zod/mini';

export const errorCodes = [
  'bad_request',
  'validation',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'ambiguous',
  'missing_scores',
  'no_judges',
  'rules_frozen',
  'too_large',
  'rate_limited',
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  ambiguous: 409,
  missing_scores: 409,
  no_judges: 409,
  rules_frozen: 409,
  too_large: 413,
  rate_limited: 429,
  // 507 Insufficient Storage: the disk of the host is full; nothing was saved.
  disk_full: 507,
  internal: 500,
};

/** Listed with a 409 `ambiguous` when a typed name matches more than one trainee. */
export const CheckinCandidate = z.object({
  participantId: z.number().check(z.int()),
  name: z.string(),
  organization: z.nullable(z.string()),
  /** The last 4 digits of the phone, never the whole number. */
  phoneTail: z.nullable(z.string()),
});

/** The one error shape of API v1. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes),
    message: z.string(),
    field: z.optional(z.string()),
    /** With `ambiguous`: the trainees a typed name matches, for a person to choose from. */
    candidates: z.optional(z.array(CheckinCandidate)),
    /** With `missing_scores`: the judges who have not submitted for the speaker being locked. */
    judges: z.optional(z.array(z.strictObject({ id: z.number().check(z.int()), name: z.string() }))),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
