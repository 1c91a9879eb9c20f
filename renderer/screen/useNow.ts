import { useEffect, useState } from 'react';

/** The projector's own monotonic clock, re-read every `intervalMs` while `active`. */
export function useNow(active: boolean, intervalMs: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(performance.now());
    // Read at once on starting, not a whole interval later: a clock that was stopped is stale.
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, intervalMs);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now;
}
