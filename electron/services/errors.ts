import type { ErrorCode } from '../../shared/api/errors';
import type { MessageKey, MessageParams } from '../../shared/i18n';

/** A refusal a person can act on: the LAN layer turns it into the API's error shape, translated. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
  ) {
    super(key);
    this.name = 'AppError';
  }
}
