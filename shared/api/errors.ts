import { z } from 'zod';
import { CheckinCandidate } from './training';

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
  internal: 500,
};

/** The one error shape of API v1. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.enum(errorCodes),
    message: z.string(),
    field: z.string().optional(),
    /** With `ambiguous`: the trainees a typed name matches, for a person to choose from. */
    candidates: z.array(CheckinCandidate).optional(),
    /** With `missing_scores`: the judges who have not submitted for the speaker being locked. */
    judges: z.array(z.strictObject({ id: z.number().int(), name: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
