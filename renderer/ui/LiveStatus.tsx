import type { LiveState } from '../api/live';
import { useT } from './i18n';

const labels = { open: 'live.connected', connecting: 'live.connecting', reconnecting: 'live.disconnected' } as const;

/** A small dot and a word: calm when connected, noticeable (not alarming) when reconnecting. */
export function LiveStatus({ state, className }: { state: LiveState; className?: string }) {
  const t = useT();
  return (
    <span
      className={['live-status', `live-${state}`, className].filter(Boolean).join(' ')}
      role="status"
      data-testid="live-status"
      data-state={state}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(labels[state])}
    </span>
  );
}
