import type { ServerLimits } from '../lan/limits';
import type { Logger } from '../logger';

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
  /** Admin bearer token, at least 16 characters (a shorter one refuses to start); a random 128-bit one when absent. */
  adminToken?: string;
  /** The built renderer (out/renderer) to serve; pages answer 404 when absent. */
  rendererDir?: string;
  log?: Logger;
  /** The clock of the services (tests only: sessions, lateness and rotating codes depend on it). */
  now?: () => Date;
  /** Body sizes, timeouts and connections per client of the LAN server (tests only: small ones). */
  limits?: Partial<ServerLimits>;
  /** How often changes are backed up automatically (default five minutes; tests use less). */
  backupIntervalMs?: number;
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
