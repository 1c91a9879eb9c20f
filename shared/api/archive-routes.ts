import { z } from 'zod';
import { formatDateRange } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { translate } from '../i18n';
import type { RouteDef } from './contract-types';
import { fileSafe } from './documents';
import { EventParams, RawUpload } from './events';

/** Where an imported archive's event is: 201 when it was made now, 200 when that archive was here already. */
export const ArchiveImported = z.object({ eventId: z.number().int() });

/** The event archive (.podium): one event as one SQLite file, carried to another host (no tokens inside). */
export const archiveRoutes = {
  exportArchive: {
    method: 'GET',
    path: '/api/events/:id/archive.podium',
    scopes: ['admin'],
    params: EventParams,
    response: 'binary',
  },
  importArchive: {
    method: 'POST',
    path: '/api/archives',
    scopes: ['admin'],
    body: RawUpload,
    response: ArchiveImported,
    status: 201,
  },
} as const satisfies Record<string, RouteDef>;

/** "江浦路街道…演讲比赛 2024年7月3日.podium": the host and the console name the file the same way. */
export function archiveFileName(locale: Locale, event: { title: string; startsOn: string; endsOn?: string | null }) {
  return translate(locale, 'archive.fileName', {
    title: fileSafe(event.title),
    date: formatDateRange(event.startsOn, event.endsOn, locale),
  });
}
