// The order of appearance by lot (抽签): the same seed always gives the same order.

/** 32-bit FNV-1a of the seed text, so any seed (digits, words, 汉字) works. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (const ch of seed) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and good enough for shuffling a list of speakers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles ids (taken in ascending order first, so the input order does not matter) with the seed. */
export function drawOrder(ids: readonly number[], seed: string): number[] {
  const order = [...ids].sort((a, b) => a - b);
  const next = random(hashSeed(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A seed people can read out and write down: six digits. */
export function newSeed(rand: () => number = Math.random): string {
  return String(Math.floor(rand() * 900000) + 100000);
}

/** Overtime in whole seconds past the limit, and the deduction (hundredths) for each started minute. */
export function overtime(
  elapsedMs: number,
  limitSeconds: number,
  perMinuteHundredths: number,
): { seconds: number; deduction: number } {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000) - limitSeconds);
  return { seconds, deduction: Math.ceil(seconds / 60) * perMinuteHundredths };
}
