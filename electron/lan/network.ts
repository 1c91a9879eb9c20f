import type { NetworkInterfaceInfo } from 'node:os';

function privateRank(address: string): number {
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  const m = /^172\.(\d+)\./.exec(address);
  if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return 2;
  return 3;
}

/**
 * The addresses judges and the projector can type in: IPv4, not loopback, not
 * link-local (169.254: no DHCP answer, unreachable), the usual venue ranges first.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.')) continue;
      found.add(info.address);
    }
  }
  return [...found].sort((a, b) => privateRank(a) - privateRank(b) || a.localeCompare(b));
}
