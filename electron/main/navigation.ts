/** Parses a URL, or null when it is not one. */
function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const web = new Set(['http:', 'https:']);

/**
 * Whether an app window may load `url`: only http(s) pages of the host itself
 * (same scheme, host and port). Credentials in the URL are refused too: they
 * have no use here and are how look-alike addresses are made.
 */
export function isAllowedNavigation(url: string, hostOrigin: string): boolean {
  const target = parse(url);
  const host = parse(hostOrigin);
  if (!target || !host || !web.has(target.protocol)) return false;
  if (target.username !== '' || target.password !== '') return false;
  return target.origin === host.origin;
}

export type ExternalOpenDecision = { action: 'open-in-browser'; url: string } | { action: 'deny' };

/**
 * What to do with a link that may not load in the app: hand it to the system
 * browser only when it is https (no file:, javascript:, custom schemes or
 * plain http to unknown machines), otherwise nothing.
 */
export function externalOpenDecision(url: string): ExternalOpenDecision {
  const target = parse(url);
  if (!target || target.protocol !== 'https:') return { action: 'deny' };
  if (target.username !== '' || target.password !== '') return { action: 'deny' };
  return { action: 'open-in-browser', url: target.href };
}
