/** How many failures one client may have in a window before a public form stops answering it. */
export interface FailureLimit {
  count: number;
  windowMs: number;
}

/**
 * Failures per client address over a sliding window, for the public forms that must not be guessed through
 * (the judges' join code, the trainees' check-in). Kept in memory: a restart forgives, which is harmless.
 */
export function failureCounter(limit: FailureLimit) {
  const failures = new Map<string, number[]>();

  function recent(client: string, now: number): number[] {
    const kept = (failures.get(client) ?? []).filter((t) => now - t < limit.windowMs);
    if (kept.length > 0) failures.set(client, kept);
    else failures.delete(client);
    return kept;
  }

  return {
    /** True once the client has used up its failures for the window. */
    tooMany: (client: string, now: number) => recent(client, now).length >= limit.count,
    record: (client: string, now: number) => void failures.set(client, [...recent(client, now), now]),
  };
}
