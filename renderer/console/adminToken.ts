import { parseHash } from '../router';

const storageKey = 'podium.adminToken';
// Fallback when sessionStorage is blocked: the token then lasts until the page is reloaded.
let memoryToken: string | null = null;

/**
 * Moves `?token=` from a console URL into sessionStorage and out of the address bar,
 * so reloads keep working and the token is not left on screen for onlookers to read.
 */
export function captureAdminToken(): void {
  const { path, query } = parseHash(window.location.hash);
  if (!path.startsWith('/console')) return;
  const token = query.get('token');
  if (token === null) return;
  if (token.trim()) {
    memoryToken = token.trim();
    try {
      sessionStorage.setItem(storageKey, memoryToken);
    } catch {
      // memoryToken covers this page.
    }
  }
  query.delete('token');
  const rest = query.toString();
  const url = new URL(window.location.href);
  url.hash = rest ? `${path}?${rest}` : path;
  window.history.replaceState(window.history.state, '', url);
}

export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(storageKey) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}
