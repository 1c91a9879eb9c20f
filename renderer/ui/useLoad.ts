import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  /** The last good answer; kept while reloading so the page does not flash empty. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` (memoise it with useCallback) and again whenever it changes or `reload()` is called. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  // Which request the last answer was for: loading until the current one has answered.
  const [settled, setSettled] = useState<{ load: () => Promise<T>; round: number } | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(undefined);
        setSettled({ load, round });
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        setSettled({ load, round });
      },
    );
    // A late answer to an old request must not overwrite the newer one.
    return () => {
      current = false;
    };
  }, [load, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const loading = settled === null || settled.load !== load || settled.round !== round;
  return { data, error, loading, reload };
}
