// At the electron/ root so every layer may log: the caller of the host decides where it goes.

/** Where the host writes what it has to say; the caller decides (console, file, Electron log). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
