// At the electron/ root so every layer may throw it: documents and services refuse, the LAN layer answers.
import type { ErrorBody, ErrorCode } from '../shared/api/errors';
import type { MessageKey, MessageParams } from '../shared/i18n';

/** A refusal a person can act on: the LAN layer turns it into the API's error shape, translated. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly field?: string,
    /** Data the answer carries besides the sentence (the candidates of an ambiguous name, the missing judges). */
    readonly details: Pick<ErrorBody['error'], 'candidates' | 'judges'> = {},
  ) {
    super(key);
    this.name = 'AppError';
  }
}
