import { z } from 'zod';
import { formatDate, todayIso } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { translate } from '../i18n';
import type { RouteDef } from './contract-types';
import { fileSafe } from './documents';
import { EventParams, RawUpload } from './events';
import { idParam } from './fields';

// 分会场: venue bundles out of a sub-classroom's laptop and into the main classroom's, 本机会场, 应到/实到 per venue.

export const VenueBundleQuery = z.strictObject({ venue: idParam });

/** What a merge took: 201 when new; 200 with `already` (and nothing merged) when this bundle was merged before. */
export const VenueBundleMerged = z.object({
  merged: z.object({
    checkins: z.number().int(),
    statuses: z.number().int(),
    evaluations: z.number().int(),
    reflections: z.number().int(),
  }),
  flagged: z.number().int(),
  bundleId: z.string(),
  venueName: z.string(),
  already: z.boolean(),
});
export type VenueBundleMerged = z.infer<typeof VenueBundleMerged>;

/** 本机会场: the venue this laptop records check-ins at for a class (null: the main classroom, or not set). */
export const LocalVenue = z.object({ venueId: z.number().int().nullable() });
export const LocalVenueInput = z.strictObject({ venueId: z.number().int().positive().nullable() });

export const VenueCount = z.object({ venueId: z.number().int(), attended: z.number().int() });

/** The 分会场 tab: 应到 per venue, 实到 per session and venue, double check-ins, and the bundles merged. */
export const SubVenuesOverview = z.object({
  venues: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), expected: z.number().int() })),
  sessions: z.array(
    z.object({
      sessionId: z.number().int(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      attended: z.array(VenueCount),
      /** Present or late with no recorded venue (checked in before 本机会场 was set, or on the main laptop). */
      unplaced: z.number().int(),
    }),
  ),
  conflicts: z.array(
    z.object({
      sessionId: z.number().int(),
      sessionTitle: z.string(),
      participantId: z.number().int(),
      name: z.string(),
      keptVenue: z.string().nullable(),
      keptAt: z.string().nullable(),
      otherVenue: z.string().nullable(),
      otherAt: z.string().nullable(),
    }),
  ),
  bundles: z.array(
    z.object({
      bundleId: z.string(),
      venueName: z.string(),
      createdAt: z.string(),
      importedAt: z.string(),
      checkins: z.number().int(),
      statuses: z.number().int(),
      evaluations: z.number().int(),
      reflections: z.number().int(),
      flagged: z.number().int(),
    }),
  ),
});
export type SubVenuesOverview = z.infer<typeof SubVenuesOverview>;

/** Sub-classrooms (DESIGN.md "Training": venue-bundle), merged into `contract`. */
export const venueBundleRoutes = {
  exportVenueBundle: {
    method: 'GET',
    path: '/api/events/:id/venue-bundle',
    scopes: ['admin'],
    params: EventParams,
    query: VenueBundleQuery,
    response: 'binary',
  },
  importVenueBundle: {
    method: 'POST',
    path: '/api/events/:id/venue-bundle',
    scopes: ['admin'],
    params: EventParams,
    body: RawUpload,
    response: VenueBundleMerged,
    status: 201,
  },
  getLocalVenue: {
    method: 'GET',
    path: '/api/events/:id/local-venue',
    scopes: ['admin'],
    params: EventParams,
    response: LocalVenue,
  },
  setLocalVenue: {
    method: 'PUT',
    path: '/api/events/:id/local-venue',
    scopes: ['admin'],
    params: EventParams,
    body: LocalVenueInput,
    response: LocalVenue,
  },
  subVenues: {
    method: 'GET',
    path: '/api/events/:id/sub-venues',
    scopes: ['admin'],
    params: EventParams,
    response: SubVenuesOverview,
  },
} as const satisfies Record<string, RouteDef>;

/** "观山湖区…培训班 分会场（201 教室） 2026年3月2日.podium-venue": the host and the console name it the same way. */
export function venueBundleFileName(locale: Locale, input: { title: string; venue: string; at: Date }): string {
  return translate(locale, 'venueBundle.fileName', {
    title: fileSafe(input.title),
    venue: fileSafe(input.venue),
    date: formatDate(todayIso(input.at), locale),
  });
}
