// Editing and deleting what the organiser typed: what a deletion would take with it, asked before it is done.
import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { EventParams, ParticipantParams } from './events';

/** What deleting one speaker or trainee takes with it, or why it cannot be deleted. */
export const ParticipantRemoval = z.object({
  name: z.string(),
  /** Judges' sheets for this person that go with them. */
  scores: z.number().int(),
  checkins: z.number().int(),
  /** Numbers of certificates already issued (the register keeps them, with the name as printed). */
  certificates: z.array(z.string()),
  /** The person has a place in the drawn order, which is closed up. */
  inOrder: z.boolean(),
  /** A sentence saying why the host will refuse, or null when it may be deleted. */
  refused: z.string().nullable(),
});
export type ParticipantRemoval = z.infer<typeof ParticipantRemoval>;

/** What deleting an event takes with it; with scores or check-ins the console asks for the title to be typed. */
export const EventRemoval = z.object({
  title: z.string(),
  participants: z.number().int(),
  judges: z.number().int(),
  scores: z.number().int(),
  checkins: z.number().int(),
  certificates: z.number().int(),
  confirmTitle: z.boolean(),
});
export type EventRemoval = z.infer<typeof EventRemoval>;

/** API v1, editing: merged into `contract`. */
export const editingRoutes = {
  deleteEvent: {
    method: 'DELETE',
    path: '/api/events/:id',
    scopes: ['admin'],
    params: EventParams,
    response: z.null(),
    status: 204,
  },
  eventRemoval: {
    method: 'GET',
    path: '/api/events/:id/removal',
    scopes: ['admin'],
    params: EventParams,
    response: EventRemoval,
  },
  participantRemoval: {
    method: 'GET',
    path: '/api/events/:id/participants/:pid/removal',
    scopes: ['admin'],
    params: ParticipantParams,
    response: ParticipantRemoval,
  },
} as const satisfies Record<string, RouteDef>;
