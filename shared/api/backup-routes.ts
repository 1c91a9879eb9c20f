// Automatic backups of the host: the list, one taken now, a restore, and the folder they go to.
import { z } from 'zod';
import { backupReasons } from '../domain/backups';
import type { RouteDef } from './contract-types';
import { labelled } from './fields';

/** One backup file, as the console lists it. */
export const Backup = z.object({
  /** The file's name: what a restore asks for. */
  name: z.string(),
  /** When it was taken (ISO). */
  at: z.string(),
  /** Its size in bytes. */
  size: z.number().int(),
  /** What happened just before it was taken. */
  reason: z.enum(backupReasons),
  /** Whom that was about (the speaker locked or revealed), or null. */
  detail: z.string().nullable(),
});
export type Backup = z.infer<typeof Backup>;

export const BackupParams = z.strictObject({ name: z.string().min(1).max(255) });

/** What a restore did: the backup now live, and the one taken of the data it replaced. */
export const RestoreAnswer = z.object({ restored: Backup, before: Backup });
export type RestoreAnswer = z.infer<typeof RestoreAnswer>;

/** Where backups go, and the last time one could not be written there. */
export const BackupFolder = z.object({
  /** The folder backups are written to now. */
  folder: z.string(),
  /** The folder in the data folder, used unless the organiser chose another (a USB stick, another drive). */
  defaultFolder: z.string(),
  custom: z.boolean(),
  /** A sentence about the last backup that could not be written to the chosen folder (cleared by the next one). */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type BackupFolder = z.infer<typeof BackupFolder>;

/** An absolute folder path on the host, or null to go back to the folder in the data folder. */
export const BackupFolderInput = z.strictObject({
  folder: labelled(z.string().trim().max(1024).nullable(), 'backups.folder.label'),
});

/** API v1, backups: merged into `contract`. */
export const backupRoutes = {
  listBackups: { method: 'GET', path: '/api/host/backups', scopes: ['admin'], response: z.array(Backup) },
  takeBackup: { method: 'POST', path: '/api/host/backups', scopes: ['admin'], response: Backup, status: 201 },
  restoreBackup: {
    method: 'POST',
    path: '/api/host/backups/:name/restore',
    scopes: ['admin'],
    params: BackupParams,
    response: RestoreAnswer,
  },
  getBackupFolder: { method: 'GET', path: '/api/host/backup-folder', scopes: ['admin'], response: BackupFolder },
  setBackupFolder: {
    method: 'PUT',
    path: '/api/host/backup-folder',
    scopes: ['admin'],
    body: BackupFolderInput,
    response: BackupFolder,
  },
} as const satisfies Record<string, RouteDef>;
