// How many connections one client address may hold open, so one device on the venue Wi-Fi cannot use up the host.
import type { Server, Socket } from 'node:net';

export interface ConnectionLimits {
  /** Per address on the LAN: a judge's phone needs a handful (page, API, live socket). */
  perClient: number;
  /** Per loopback address: the console, the projector window and local scripts and tests all come from here. */
  perLoopback: number;
}

export const defaultConnectionLimits: ConnectionLimits = { perClient: 64, perLoopback: 1024 };

export function isLoopbackAddress(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\./i.test(address);
}

/** Whether one more connection from `address`, which holds `open` already, is let in. */
export function admitsConnection(open: number, address: string, limits: ConnectionLimits): boolean {
  return open < (isLoopbackAddress(address) ? limits.perLoopback : limits.perClient);
}

/** Counts open connections per client address on `server` and closes at once any beyond the limit. */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = open.get(address) ?? 0;
    if (!admitsConnection(count, address, limits)) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
