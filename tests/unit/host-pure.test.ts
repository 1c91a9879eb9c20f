import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseServeArgs } from '../../electron/host/cli';
import { bearerToken, decideAccess, sameToken, type Authenticator } from '../../electron/lan/auth';
import { newToken } from '../../electron/services/tokens';
import { lanAddresses } from '../../electron/lan/network';

describe('parseServeArgs', () => {
  it.each([
    [[], { dataDir: '/def', lan: false, demo: false }],
    [['--data', '/d', '--port', '8080', '--lan'], { dataDir: '/d', port: 8080, lan: true, demo: false }],
    [['--data=/d', '--port=0', '--demo'], { dataDir: '/d', port: 0, lan: false, demo: true }],
  ])('%j', (argv, args) => {
    expect(parseServeArgs(argv, '/def')).toEqual({ ok: true, args });
  });
  it.each([[['--port', 'abc']], [['--port', '70000']], [['--data']], [['--verbose']]])(
    'refuses %j with usage',
    (argv) => {
      const r = parseServeArgs(argv, '/def');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Usage: npm run serve -- --data DIR/);
    },
  );
});

describe('defaultDataDir mirrors Electron userData for "Podium"', () => {
  it.each([
    ['linux', {}, '/home/u/.config/Podium'],
    ['linux', { XDG_CONFIG_HOME: '/x' }, '/x/Podium'],
    ['darwin', {}, '/home/u/Library/Application Support/Podium'],
    ['win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u\\AppData\\Roaming\\Podium'],
  ] as const)('%s %j', (platform, env, expected) => {
    expect(defaultDataDir(platform, env, '/home/u')).toBe(expected);
  });
});

describe('tokens and access (API v1 status rules)', () => {
  const admin: Authenticator = (token) => (token === 'A' ? { scope: 'admin' } : null);
  it.each([
    [undefined, ['admin'], { ok: false, status: 401 }],
    ['wrong', ['admin'], { ok: false, status: 401 }],
    ['A', ['admin'], { ok: true, principal: { scope: 'admin' } }],
    [undefined, ['public'], { ok: true, principal: { scope: 'public' } }],
    ['wrong', ['public'], { ok: true, principal: { scope: 'public' } }],
    ['A', ['judge'], { ok: false, status: 403 }],
  ] as const)('token %s on %j', (token, scopes, expected) => {
    expect(decideAccess(token, scopes, admin)).toEqual(expected);
  });
  it('reads bearer headers', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
  it('makes 128-bit tokens and compares them exactly', () => {
    const t = newToken();
    expect(t).toMatch(/^[0-9a-f]{32}$/);
    expect(newToken()).not.toBe(t);
    expect(sameToken(t, t)).toBe(true);
    expect(sameToken(t, `${t}x`)).toBe(false);
  });
});

describe('lanAddresses', () => {
  it('lists IPv4 venue addresses, usual ranges first, no loopback, link-local or IPv6', () => {
    const info = (address: string, family: 'IPv4' | 'IPv6' = 'IPv4', internal = false): NetworkInterfaceInfo =>
      family === 'IPv4'
        ? { address, family, internal, netmask: '', mac: '', cidr: null }
        : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };
    expect(
      lanAddresses({
        lo: [info('127.0.0.1', 'IPv4', true)],
        eth0: [info('172.20.0.5'), info('fe80::1', 'IPv6')],
        wlan0: [info('192.168.1.23'), info('169.254.3.4')],
        tun0: [info('100.64.0.2'), info('10.0.0.8')],
      }),
    ).toEqual(['192.168.1.23', '10.0.0.8', '172.20.0.5', '100.64.0.2']);
  });
});
