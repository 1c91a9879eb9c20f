/** Where the host writes what it has to say; the caller decides (console, file, Electron log). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface HostOptions {
  /** Folder for podium.db and backups; created if missing. */
  dataDir: string;
  /**
   * Absent: the usual port (so judges' links and printed QR codes survive a restart),
   * or a free one when that is taken. A number: exactly that port (0: any free one).
   */
  port?: number;
  /** Listen on every interface (the venue LAN) instead of 127.0.0.1 only. */
  lan?: boolean;
  /** Admin bearer token; a random 128-bit one when absent. */
  adminToken?: string;
  /** The built renderer (out/renderer) to serve; pages answer 404 when absent. */
  rendererDir?: string;
  log?: Logger;
}

export interface Host {
  /** http://127.0.0.1:PORT (always reachable from this computer). */
  readonly url: string;
  readonly port: number;
  readonly adminToken: string;
  /** The console page with the admin token in its hash: what the organiser opens. */
  readonly consoleUrl: string;
  /** The projector page of an event (public, no token). */
  screenUrl(eventId: number): string;
  /** Whether the LAN is open now (the console can switch it). */
  readonly lan: boolean;
  setLan(lan: boolean): Promise<void>;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/** The port Podium listens on unless told otherwise. */
export const defaultPort = 8866;

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
