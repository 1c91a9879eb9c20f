// What a trainee's phone reads when checking in from the session's QR code, in zod's small build (zod/mini), like
// the judge's (shared/api/judge.ts): WeChat on venue Wi-Fi does not download the full zod and the whole contract.
// The contract uses these very schemas (shared/api/training.ts re-exports them; training-routes.ts adds the requests).
import { z } from 'zod/mini';

/** The 4-digit code on the session's QR poster. */
export const CheckinCode = z.string().check(z.regex(/^\d{4}$/));

export const PublicCheckinSession = z.object({
  eventTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueName: z.nullable(z.string()),
});
export const PublicCheckinResult = z.object({ name: z.string(), status: z.enum(['present', 'late']) });

/** The self check-in routes as the phone page calls them: its client parses the answers, never the requests. */
export const checkinAnswers = {
  publicCheckinSession: {
    method: 'GET',
    path: '/api/public/checkin/:code',
    scopes: ['public'],
    response: PublicCheckinSession,
  },
  publicCheckin: {
    method: 'POST',
    path: '/api/public/checkin/:code',
    scopes: ['public'],
    response: PublicCheckinResult,
  },
} as const;
