/** The live socket's own state. `reconnecting` also covers "never got through yet after a failure". */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

/**
 * What the header's connection chip says. `reconnecting`: the socket is down or the device is offline;
 * `unsaved`: connected or not, sheets are waiting on this device for the host to confirm them.
 */
export type ConnectionState = 'open' | 'connecting' | 'reconnecting' | 'unsaved';

export interface ConnectionFacts {
  /** The live socket's own state. */
  live: LiveState;
  /** `navigator.onLine`: false the moment the device loses its network, long before a socket notices. */
  online: boolean;
  /** Sheets the host has not confirmed after at least one try. */
  unsaved: number;
}

/**
 * One answer from the socket, the network and the queue together, so the chip never says 已连接 while a score
 * waits or the phone is offline.
 */
export function connectionState({ live, online, unsaved }: ConnectionFacts): ConnectionState {
  if (!online || live === 'reconnecting') return 'reconnecting';
  if (unsaved > 0) return 'unsaved';
  return live;
}
