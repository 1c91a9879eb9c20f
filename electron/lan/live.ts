import type { WebSocket } from 'ws';
import { liveAudience, type LiveMessage } from '../../shared/api/live';
import type { Principal } from './auth';

interface Subscriber {
  eventId: number;
  principal: Principal;
  alive: boolean;
}

function seesNames(principal: Principal, eventId: number): boolean {
  return principal.scope === 'admin' || (principal.scope === 'desk' && principal.eventId === eventId);
}

/**
 * Fans live messages out to the sockets of one event. It outlives any one server
 * instance (the LAN switch rebuilds the server), so publishers never change.
 */
export class LiveHub {
  private readonly subscribers = new Map<WebSocket, Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    // A laptop that sleeps or leaves the Wi-Fi never says goodbye: ping, and drop who does not answer.
    this.heartbeat = setInterval(() => this.sweep(), heartbeatMs);
    this.heartbeat.unref();
  }

  add(socket: WebSocket, eventId: number, principal: Principal): void {
    const subscriber: Subscriber = { eventId, principal, alive: true };
    this.subscribers.set(socket, subscriber);
    socket.on('pong', () => {
      subscriber.alive = true;
    });
    socket.on('close', () => this.subscribers.delete(socket));
    socket.on('error', () => this.subscribers.delete(socket));
  }

  /** Sends to every subscriber of the message's event that may see it. Returns how many got it. */
  publish(message: LiveMessage): number {
    const adminOnly = liveAudience[message.type] === 'admin';
    const data = JSON.stringify(message);
    // Trainees' names go to the console and that event's desks; the projector and phones get counts only.
    const countsOnly = message.type === 'attendance' ? JSON.stringify({ ...message, trainee: undefined }) : data;
    let sent = 0;
    for (const [socket, s] of this.subscribers) {
      if (s.eventId !== message.eventId) continue;
      if (adminOnly && s.principal.scope !== 'admin') continue;
      if (socket.readyState !== socket.OPEN) continue;
      socket.send(seesNames(s.principal, message.eventId) ? data : countsOnly);
      sent++;
    }
    return sent;
  }

  /** A judge's link was replaced or revoked: their open pages lose the live feed at once (4401: the token is gone). */
  closeJudge(judgeId: number): void {
    for (const [socket, s] of this.subscribers) {
      if (s.principal.scope !== 'judge' || s.principal.judgeId !== judgeId) continue;
      socket.close(4401, 'token revoked');
      this.subscribers.delete(socket);
    }
  }

  /** The data was replaced (a backup restored): every page reconnects and reads its state afresh (1012: restart). */
  reconnectAll(): void {
    for (const socket of this.subscribers.keys()) socket.close(1012, 'data restored');
    this.subscribers.clear();
  }

  get size(): number {
    return this.subscribers.size;
  }

  private sweep(): void {
    for (const [socket, s] of this.subscribers) {
      if (!s.alive) {
        socket.terminate();
        this.subscribers.delete(socket);
        continue;
      }
      s.alive = false;
      socket.ping();
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const socket of this.subscribers.keys()) socket.close(1001);
    this.subscribers.clear();
  }
}
