// Which names a request may use for the host, so a web page the organiser visits cannot reach it by DNS rebinding.

/** Names that always mean this computer. */
export const loopbackNames: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** Decides whether a host name (no port, lower case, IPv6 without brackets) is one this host answers to. */
export type HostAllowance = (hostname: string) => boolean;

/**
 * The name in a `Host` header (`192.168.1.23:8866`, `[::1]:8866`, `localhost`), without the port, lower case;
 * null when the header is not a plain name or address with an optional port.
 */
export function hostnameOfHeader(header: string): string | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+))(?::(\d{1,5}))?$/i.exec(header.trim());
  const name = m?.[1] ?? m?.[2];
  return name ? name.toLowerCase() : null;
}

/** The host name of an `Origin` header (`http://192.168.1.23:8866`); null for `null` or anything unreadable. */
export function hostnameOfOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return hostnameOfHeader(url.host);
  } catch {
    return null;
  }
}

export interface AllowedHosts {
  /** This computer's addresses on a network now (electron/lan/network.ts `lanAddresses`). */
  lanAddresses(): readonly string[];
  /** The address the organiser chose for judges' cards, if any. */
  venueAddress(): string | null;
}

/** Loopback names, this computer's LAN addresses and the organiser's venue address, on any port. */
export function hostAllowance(allowed: AllowedHosts): HostAllowance {
  return (hostname) => {
    const name = hostname.toLowerCase();
    if (loopbackNames.includes(name)) return true;
    return allowed.lanAddresses().includes(name) || allowed.venueAddress()?.toLowerCase() === name;
  };
}

/** Whether a request with this `Host` header may be answered; a request without one (HTTP/1.0 scripts) may. */
export function isAllowedHost(header: string | undefined, allow: HostAllowance): boolean {
  if (header === undefined) return true;
  const name = hostnameOfHeader(header);
  return name !== null && allow(name);
}

/** A WebSocket upgrade: no `Origin` (a script) is fine; a page's `Origin` must name an allowed host. */
export function isAllowedOrigin(origin: string | undefined, allow: HostAllowance): boolean {
  if (origin === undefined) return true;
  const name = hostnameOfOrigin(origin);
  return name !== null && allow(name);
}
