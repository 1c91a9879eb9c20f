// Refusing a request without reading its body: a client without a token must not make the host read 10 MB.
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a refused client has to read the answer before its connection is dropped (its body is never read). */
export const refusalGraceMs = 1000;

/**
 * Whether a large body is still on its way: declared larger than `smallBytes` (or of unknown size) and not yet all
 * read. A small one costs nothing to let through and throw away, and keeps the connection.
 */
export function hasLargeUnreadBody(request: FastifyRequest, smallBytes: number): boolean {
  const { headers } = request;
  const large = headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > smallBytes;
  return large && !request.raw.complete;
}

/**
 * Answers a JSON refusal and stops reading: Node would otherwise read (and throw away) the rest of the body to keep
 * the connection. The socket is paused, the answer written and our side closed; the client reads the answer while it
 * is still sending, and the connection is dropped after a grace period.
 */
export function refuseUnread(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  const socket = request.raw.socket;
  reply.hijack();
  socket.pause();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n` +
      'X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n' +
      json,
  );
  setTimeout(() => socket.destroy(), refusalGraceMs).unref();
}
