import { useEffect, useRef, useState } from 'react';
import { safeParse } from 'zod/mini';
import type * as core from 'zod/v4/core';

import type { LiveState } from './connection';

export type { LiveState };

/**
 * How a page reads live messages: the whole `LiveMessage` of shared/api/live.ts, or a page's own smaller view of it
 * (the judge page's `LiveSignal`), so a phone does not parse, nor download the schemas of, messages it ignores.
 */
export type LiveSchema = core.$ZodType;

export interface LiveOptions<S extends LiveSchema> {
  eventId: number;
  messages: S;
  /** Admin or judge token; without one only public messages arrive. */
  token?: string | null | undefined;
  onMessage: (message: core.output<S>) => void;
  onState?: (state: LiveState) => void;
  /** Defaults to the page's own origin. */
  baseUrl?: string;
}

const firstDelayMs = 1000;
const maxDelayMs = 15000;

export function liveUrl(eventId: number, token: string | null | undefined, baseUrl: string): string {
  const url = new URL('/api/live', baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('event', String(eventId));
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

/** Keeps a live connection open until `close()`, reconnecting with backoff when the host or the network drops. */
export function connectLive<S extends LiveSchema>({
  eventId,
  messages,
  token,
  onMessage,
  onState,
  baseUrl = window.location.origin,
}: LiveOptions<S>): {
  close(): void;
} {
  let socket: WebSocket | null = null;
  let timer: number | undefined;
  let failures = 0;
  let closed = false;

  const setState = (state: LiveState) => onState?.(state);

  function open(): void {
    if (closed) return;
    window.clearTimeout(timer);
    timer = undefined;
    setState(failures === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(liveUrl(eventId, token, baseUrl));
    socket = ws;
    ws.onopen = () => {
      failures = 0;
      setState('open');
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = safeParse(messages, json);
      if (parsed.success) onMessage(parsed.data);
      // A message type this page does not know yet (a newer host) is skipped, not fatal.
      else console.warn('Podium: live message outside the contract', parsed.error);
    };
    ws.onclose = () => {
      if (socket !== ws || closed) return;
      socket = null;
      failures++;
      setState('reconnecting');
      scheduleRetry();
    };
  }

  function scheduleRetry(): void {
    const base = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - 1, 4));
    // Jitter keeps twenty judges' phones from all knocking at the same moment after a host restart.
    timer = window.setTimeout(open, base * (0.8 + Math.random() * 0.4));
  }

  // Coming back online or to the tab is a good moment to try at once instead of waiting out the backoff.
  const retryNow = () => {
    if (!closed && socket === null) open();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') retryNow();
  };
  // An open socket only notices a lost network when TCP gives up (seconds to minutes): the page is told at once.
  const dropNow = () => {
    if (closed || socket === null) return;
    const ws = socket;
    socket = null;
    ws.close();
    failures++;
    setState('reconnecting');
    window.clearTimeout(timer);
    scheduleRetry();
  };
  window.addEventListener('online', retryNow);
  window.addEventListener('offline', dropNow);
  document.addEventListener('visibilitychange', onVisible);

  open();

  return {
    close() {
      closed = true;
      window.clearTimeout(timer);
      window.removeEventListener('online', retryNow);
      window.removeEventListener('offline', dropNow);
      document.removeEventListener('visibilitychange', onVisible);
      socket?.close();
      socket = null;
    },
  };
}

/** Subscribes a component to an event's live messages; returns the connection state for an indicator. */
export function useLive<S extends LiveSchema>(
  messages: S,
  eventId: number | null,
  token: string | null | undefined,
  onMessage: (message: core.output<S>) => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  useEffect(() => {
    if (eventId === null) return;
    const connection = connectLive({
      eventId,
      messages,
      token,
      onMessage: (m) => handler.current(m),
      onState: setState,
    });
    return () => connection.close();
  }, [messages, eventId, token]);
  return state;
}
