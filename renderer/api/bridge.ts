import type { Bridge } from '../../shared/api/bridge';
import { browserBridge } from './browserBridge';

/** The desktop app's native bridge when the preload gave us one, else the browser's stand-in. */
export function getBridge(): Bridge {
  return window.podium ?? browserBridge;
}
