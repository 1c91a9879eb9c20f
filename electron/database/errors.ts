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
