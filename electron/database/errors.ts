import type { MessageKey, MessageParams } from '../../shared/i18n';

/** Why the host refuses to start; the caller translates `key` into one sentence. */
export class StartupError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'StartupError';
  }
}

// SQLite says SQLITE_FULL when a write finds no room (or hits max_page_count); a plain file write says ENOSPC/EDQUOT.
const diskFullCodes: readonly unknown[] = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'];

/** Whether a write failed because the disk (or the user's quota) is full, looking through wrapped causes. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ('code' in e && diskFullCodes.includes(e.code)) return true;
  }
  return false;
}
