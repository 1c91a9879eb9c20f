// At the electron/ root so every layer may log: the caller of the host decides where it goes.
import { inspect } from 'node:util';

/** Where the host writes what it has to say; the caller decides (console, file, Electron log). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

const hidden = '[redacted]';

/**
 * The text with every token taken out: `token=` values (`/api/live?token=…`, `#/console?token=…`), `"token"`
 * fields of JSON, `Authorization`/`Bearer` values, and the given secrets wherever they appear.
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(/(\btoken=)[^&#\s"'<>)]*/gi, `$1${hidden}`)
    .replace(/("token"\s*:\s*")[^"]*/gi, `$1${hidden}`)
    .replace(/(authorization["']?\s*[:=]\s*["']?)[^"'\r\n,}]*/gi, `$1${hidden}`)
    .replace(/(bearer\s+)[^\s"',}]+/gi, `$1${hidden}`);
  for (const secret of secrets) if (secret) out = out.split(secret).join(hidden);
  return out;
}

/** An error as a log line may show it (name, message, stack, code), with the tokens taken out. */
function redactedError(error: unknown, secrets: readonly string[]): unknown {
  if (error === undefined) return undefined;
  if (!(error instanceof Error)) return redactSecrets(typeof error === 'string' ? error : inspect(error), secrets);
  const copy = new Error(redactSecrets(error.message, secrets));
  copy.name = error.name;
  copy.stack = redactSecrets(error.stack ?? '', secrets);
  if ('code' in error && typeof error.code === 'string') Object.assign(copy, { code: error.code });
  return copy;
}

/** A logger that never writes a token: the admin token is in the console address, a judge's in their link. */
export function redactingLogger(inner: Logger, secrets: () => readonly string[] = () => []): Logger {
  return {
    info: (message) => inner.info(redactSecrets(message, secrets())),
    warn: (message) => inner.warn(redactSecrets(message, secrets())),
    error: (message, error) => {
      const redacted = redactedError(error, secrets());
      if (redacted === undefined) inner.error(redactSecrets(message, secrets()));
      else inner.error(redactSecrets(message, secrets()), redacted);
    },
  };
}
