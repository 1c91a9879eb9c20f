import type { Bridge } from '../shared/api/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    podium?: Bridge;
  }
}

export {};
