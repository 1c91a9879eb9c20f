import { useMemo, useSyncExternalStore } from 'react';

/** Where the hash points: `#/console/events/3?x=1` → path `/console/events/3`, query `x=1`. */
export interface HashLocation {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): HashLocation {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)) || '/';
  return {
    path: path.startsWith('/') ? path : `/${path}`,
    query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)),
  };
}

const listeners = new Set<() => void>();
const beforeNotify: Array<() => void> = [];

// A new snapshot on every route event, even when the hash text ends up the same
// (a console URL whose token was just moved to storage must still re-render).
let snapshot = { hash: typeof window === 'undefined' ? '' : window.location.hash, round: 0 };

function refresh(): void {
  snapshot = { hash: window.location.hash, round: snapshot.round + 1 };
  for (const listener of listeners) listener();
}

function notify(): void {
  for (const hook of beforeNotify) hook();
  refresh();
}

function getSnapshot(): typeof snapshot {
  if (snapshot.hash !== window.location.hash) snapshot = { hash: window.location.hash, round: snapshot.round + 1 };
  return snapshot;
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', notify);

/** Runs before every route change is rendered, e.g. to take a token out of the URL. */
export function onBeforeRoute(hook: () => void): void {
  beforeNotify.push(hook);
  hook();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHashLocation(): HashLocation {
  const current = useSyncExternalStore(subscribe, getSnapshot);
  return useMemo(() => parseHash(current.hash), [current]);
}

export function hrefFor(path: string): string {
  return `#${path}`;
}

/** Matches `/console/events/:id` style patterns; null when the path does not fit. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.replace(/\/+$/, '').split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (!g) return null;
      params[w.slice(1)] = decodeURIComponent(g);
    } else if (w !== g) return null;
  }
  return params;
}

/** A positive integer id from a path segment, or null. */
export function idFromSegment(segment: string | undefined): number | null {
  return segment && /^[1-9]\d{0,15}$/.test(segment) ? Number(segment) : null;
}
