import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type { TestHost } from './host';

/** The text of a live message, however ws hands the frame over. */
export function messageText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

/** A socket on the host's live channel with every message it has received, closed when the test ends. */
export async function openLive(t: TestHost, query: string): Promise<{ socket: WebSocket; received: unknown[] }> {
  const socket = new WebSocket(`${t.host.url.replace('http', 'ws')}/api/live?${query}`);
  const received: unknown[] = [];
  socket.on('message', (data) => received.push(JSON.parse(messageText(data))));
  await new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  onTestFinished(() => socket.close());
  return { socket, received };
}
