import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  acceptedWindows,
  codeWindow,
  matchCode,
  secondsUntilNextCode,
  windowCode,
} from '../../shared/domain/checkinCode';

const digest = (secret: string) => (message: string) => createHmac('sha256', secret).update(message).digest();
const opened = Date.parse('2026-03-02T08:50:00Z');
const at = (seconds: number) => opened + seconds * 1000;

describe('code windows', () => {
  it.each([
    [0, 30, 0],
    [29.999, 30, 0],
    [30, 30, 1],
    [95, 30, 3],
    [-5, 30, 0],
    [600, 60, 10],
  ])('%f s after opening, every %i s, is window %i', (after, rotate, window) => {
    expect(codeWindow(opened, rotate, at(after))).toBe(window);
  });

  it.each([
    [0, [0]],
    [1, [1, 0]],
    [7, [7, 6]],
  ])('window %i accepts %j', (window, accepted) => {
    expect(acceptedWindows(window)).toEqual(accepted);
  });

  it.each([
    [0, 30, 30],
    [1, 30, 29],
    [29.5, 30, 1],
    [30, 30, 30],
  ])('%f s after opening the code changes in %i s', (after, rotate, seconds) => {
    expect(secondsUntilNextCode(opened, rotate, at(after))).toBe(seconds);
  });
});

describe('codes', () => {
  it('are 4 digits, the same for the same secret and window, different for another secret', () => {
    const a = digest('secret-a');
    const codes = Array.from({ length: 50 }, (_, w) => windowCode(w, a));
    for (const code of codes) expect(code).toMatch(/^\d{4}$/);
    expect(windowCode(3, a)).toBe(codes[3]);
    expect(new Set(codes).size).toBeGreaterThan(40);
    const b = digest('secret-b');
    expect(Array.from({ length: 50 }, (_, w) => windowCode(w, b))).not.toEqual(codes);
  });

  // RFC 4226's dynamic truncation on a known digest: bytes chosen so the value is 0x50ef7f19 = 1357872921.
  it('truncates the digest as HOTP does', () => {
    const bytes = new Uint8Array(20);
    bytes.set([0x50, 0xef, 0x7f, 0x19], 10);
    bytes[19] = 0x5a; // offset 10
    expect(windowCode(0, () => bytes)).toBe('2921');
  });
});

describe('matching a typed code', () => {
  const d = digest('session-secret');
  const opening = (until: number) => ({ openedAt: opened, rotateSeconds: 30, until: at(until) });
  it.each([
    ['the current code', 100, 3, 'current'],
    ['the previous code (someone typing slowly)', 100, 2, 'current'],
    ['a code two windows old (a photo sent out)', 100, 1, 'expired'],
    ['the first code, long after', 100, 0, 'expired'],
  ] as const)('%s', (_what, now, window, expected) => {
    expect(matchCode(windowCode(window, d), opening(now), d)).toBe(expected);
  });

  it('a code that never was answers null', () => {
    const used = new Set(Array.from({ length: 4 }, (_, w) => windowCode(w, d)));
    const never = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0')).find((c) => !used.has(c));
    expect(matchCode(never ?? '', opening(100), d)).toBeNull();
  });
});
