import { z } from 'zod';
import type { RouteDef } from './contract-types';

/** 设置/关于: what the organiser needs to find the data again (and the version, for a support call). */
export const HostAbout = z.object({
  version: z.string(),
  /** The data folder on the host laptop: the database, its host key, and the backups unless moved. */
  dataDir: z.string(),
  /** Where backups are written now. */
  backupFolder: z.string(),
  /** The newest backup, if any. */
  lastBackupAt: z.string().nullable(),
});
export type HostAbout = z.infer<typeof HostAbout>;

/** 载入示例: the sample contest and class of the first run; `added` is empty when both are there already. */
export const DemoLoaded = z.object({ added: z.array(z.string()) });

export const hostInfoRoutes = {
  hostAbout: { method: 'GET', path: '/api/host/about', scopes: ['admin'], response: HostAbout },
  loadDemo: { method: 'POST', path: '/api/host/demo', scopes: ['admin'], response: DemoLoaded },
} as const satisfies Record<string, RouteDef>;
