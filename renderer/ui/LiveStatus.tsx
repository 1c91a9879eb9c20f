import { useSyncExternalStore } from 'react';
import type { LiveState } from '../api/live';
import { connectionState } from '../api/connection';
import { useT } from './i18n';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** Whether the device has a network at all, updated the moment it changes. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/**
 * A small dot and a word: calm when connected, noticeable (not alarming) when reconnecting. `unsaved` counts the
 * sheets waiting on this device (the judge page): while there are any, it never says connected.
 */
export function LiveStatus({
  state,
  className,
  unsaved = 0,
}: {
  state: LiveState;
  className?: string;
  unsaved?: number;
}) {
  const t = useT();
  const online = useOnline();
  const shown = connectionState({ live: state, online, unsaved });
  let label: string;
  if (shown === 'open') label = t('live.connected');
  else if (shown === 'connecting') label = t('live.connecting');
  else if (shown === 'unsaved') label = t('live.unsaved', { count: unsaved });
  else if (unsaved > 0) label = t('live.offlineUnsaved', { count: unsaved });
  else label = online ? t('live.disconnected') : t('live.offline');
  return (
    <span
      className={['live-status', `live-${shown}`, className].filter(Boolean).join(' ')}
      role="status"
      data-testid="live-status"
      data-state={shown}
    >
      <span className="live-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
