import type { Repositories } from '../database';

/** A consistent copy of the whole database, taken without stopping the event. */
export function backupService(repos: Repositories) {
  return {
    snapshot(): Buffer {
      return repos.db.serialize();
    },
  };
}
