// Self check-in codes: a 4-digit code per time window, so a photo of the QR sent out of the room stops working.
// Pure: the caller passes the clock's reading and the keyed digest (HMAC of the session's secret on the host).

/** Default seconds between two codes. */
export const defaultRotateSeconds = 30;

/** The keyed hash of a window's number: HMAC-SHA256 of the session secret on the host. */
export type WindowDigest = (message: string) => Uint8Array;

/** Which window `now` falls in, counted from the opening (0 before and during the first period). */
export function codeWindow(openedAt: number, rotateSeconds: number, now: number): number {
  return Math.max(0, Math.floor((now - openedAt) / (rotateSeconds * 1000)));
}

/** Windows whose code is accepted now: the current one and the one before (a trainee typing slowly). */
export function acceptedWindows(window: number): number[] {
  return window > 0 ? [window, window - 1] : [window];
}

/** Seconds until the code shown now changes (at least 1). */
export function secondsUntilNextCode(openedAt: number, rotateSeconds: number, now: number): number {
  const period = rotateSeconds * 1000;
  const next = openedAt + (codeWindow(openedAt, rotateSeconds, now) + 1) * period;
  return Math.max(1, Math.ceil((next - now) / 1000));
}

/** The 4-digit code of a window: 31 bits of the digest (as HOTP truncates), modulo 10 000. */
export function windowCode(window: number, digest: WindowDigest): string {
  const bytes = digest(String(window));
  const offset = (bytes[bytes.length - 1] ?? 0) & 0x0f;
  const b = (i: number) => bytes[offset + i] ?? 0;
  const value = (((b(0) & 0x7f) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0;
  return String(value % 10_000).padStart(4, '0');
}

export type CodeMatch = 'current' | 'expired' | null;

/**
 * How `code` stands for one opening: `current` when it is one of the accepted windows, `expired` when it was
 * the code of an earlier window (up to `lookback` of them), null when it never was.
 */
export function matchCode(
  code: string,
  opening: { openedAt: number; rotateSeconds: number; until: number },
  digest: WindowDigest,
  lookback = 2880,
): CodeMatch {
  const last = codeWindow(opening.openedAt, opening.rotateSeconds, opening.until);
  const accepted = acceptedWindows(last);
  if (accepted.some((w) => windowCode(w, digest) === code)) return 'current';
  for (let w = last - accepted.length; w >= Math.max(0, last - lookback); w--) {
    if (windowCode(w, digest) === code) return 'expired';
  }
  return null;
}
