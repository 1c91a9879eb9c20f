// How much and how long the LAN server reads from a client before it gives up on it.
import type { z } from 'zod';
import { defaultConnectionLimits, type ConnectionLimits } from './connections';

export interface ServerLimits {
  /** A JSON body (every route that takes one): the largest real one, a rubric or a roster row, is a few KB. */
  jsonBodyBytes: number;
  /** The raw bytes of an upload (an Excel roster, a certificate picture, an archive), on upload routes only. */
  uploadBodyBytes: number;
  /** From a connection's first byte to the end of its request's headers. */
  headersTimeoutMs: number;
  /** From a connection's first byte to the end of the whole request (a slow upload included). */
  requestTimeoutMs: number;
  /** A connection with nothing sent either way for this long is closed (an answer being computed included). */
  idleTimeoutMs: number;
  /** A kept-alive connection waiting for its next request. */
  keepAliveTimeoutMs: number;
  /** How often the header and request deadlines are checked. */
  checkIntervalMs: number;
  connections: ConnectionLimits;
}

export const defaultServerLimits: ServerLimits = {
  jsonBodyBytes: 64 * 1024,
  uploadBodyBytes: 32 * 1024 * 1024,
  headersTimeoutMs: 15_000,
  // 32 MB over a poor venue Wi-Fi (1 MB/s) still arrives in time.
  requestTimeoutMs: 60_000,
  // Longer than the slowest answer the host computes (a thousand certificates as one PDF).
  idleTimeoutMs: 120_000,
  keepAliveTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  connections: defaultConnectionLimits,
};

/**
 * Whether a route's body is an upload: its schema keeps raw bytes as bytes (RawUpload, ImageUpload), or refuses
 * them for what they contain rather than for not being a JSON object. A JSON schema whose fields are all optional
 * takes bytes too, but as an empty object: that is no upload.
 */
export function takesUpload(schema: z.ZodType | undefined): boolean {
  if (schema === undefined) return false;
  const result = schema.safeParse(new Uint8Array(0));
  if (result.success) return result.data instanceof Uint8Array;
  return result.error.issues.every((issue) => issue.path.length === 0 && issue.code !== 'invalid_type');
}
