import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { IssuedJudge, JudgeParams } from './contest';

/** A lost judge laptop: a new link for the judge (the old one answers 401 at once), or none (停用). */
export const tokenRoutes = {
  reissueJudgeToken: {
    method: 'POST',
    path: '/api/events/:id/judges/:jid/token',
    scopes: ['admin'],
    params: JudgeParams,
    response: IssuedJudge,
  },
  revokeJudgeToken: {
    method: 'DELETE',
    path: '/api/events/:id/judges/:jid/token',
    scopes: ['admin'],
    params: JudgeParams,
    response: z.null(),
    status: 204,
  },
} as const satisfies Record<string, RouteDef>;
