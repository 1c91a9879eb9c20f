import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { JudgeParams } from './contest';
import { JoinAnswer, JoinInput, VenueAddress, VenueAddressInput } from './host';

/** `force=true`: delete a judge who has entered scores (the console has asked the organiser). */
export const DeleteJudgeQuery = z.strictObject({
  force: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

/** How judges reach the host: the venue address on their cards, the join code, and removing a judge. */
export const judgeAccessRoutes = {
  getVenueAddress: { method: 'GET', path: '/api/host/venue-address', scopes: ['admin'], response: VenueAddress },
  setVenueAddress: {
    method: 'PUT',
    path: '/api/host/venue-address',
    scopes: ['admin'],
    body: VenueAddressInput,
    response: VenueAddress,
  },
  publicJoin: { method: 'POST', path: '/api/public/join', scopes: ['public'], body: JoinInput, response: JoinAnswer },
  deleteJudge: {
    method: 'DELETE',
    path: '/api/events/:id/judges/:jid',
    scopes: ['admin'],
    params: JudgeParams,
    query: DeleteJudgeQuery,
    response: z.object({ ok: z.literal(true) }),
  },
} as const satisfies Record<string, RouteDef>;
