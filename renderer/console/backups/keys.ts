/** Query keys of the host's backups (not of an event). */
export const backupKeys = {
  list: ['host', 'backups'] as const,
  folder: ['host', 'backup-folder'] as const,
};
