import { BrowserWindow, screen, shell, type Rectangle, type WebPreferences } from 'electron';
import { translate } from '../../shared/i18n';
import type { Host } from '../host/types';
import type { Logger } from '../logger';
import { externalOpenDecision, isAllowedNavigation } from './navigation';
import { chooseProjectorPlacement } from './projector';

/** Pages get no Node, an isolated world and only the preload's named functions. */
export function secureWebPreferences(preload: string): WebPreferences {
  return { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload };
}

interface AppWindowOptions {
  title: string;
  url: string;
  /** The host's origin: the only place this window may go. */
  origin: string;
  preload: string;
  log: Logger;
  bounds?: Partial<Rectangle>;
  fullscreen?: boolean;
}

/** A window that only ever shows the host's pages; https links go to the system browser. */
export function createAppWindow({
  title,
  url,
  origin,
  preload,
  log,
  bounds,
  fullscreen,
}: AppWindowOptions): BrowserWindow {
  const webPreferences = secureWebPreferences(preload);
  const win = new BrowserWindow({ title, ...bounds, fullscreen: fullscreen ?? false, webPreferences });
  const openOutside = (target: string) => {
    const decision = externalOpenDecision(target);
    if (decision.action === 'deny') return;
    shell
      .openExternal(decision.url)
      .catch((error: unknown) => log.warn(`could not open the browser: ${String(error)}`));
  };
  const keepInside = (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url, origin)) return;
    event.preventDefault();
    openOutside(event.url);
  };
  win.webContents.on('will-navigate', keepInside);
  win.webContents.on('will-redirect', keepInside);
  win.webContents.setWindowOpenHandler((details) => {
    openOutside(details.url);
    return { action: 'deny' };
  });
  // Otherwise the page's <title> replaces the Chinese window title.
  win.on('page-title-updated', (event) => event.preventDefault());
  load(win, url, title, log);
  return win;
}

// The URL stays out of the log: the console's carries the admin token.
function load(win: BrowserWindow, url: string, title: string, log: Logger): void {
  win.loadURL(url).catch((error: unknown) => log.error(`${title}: the page did not load`, error));
}

export interface Windows {
  readonly console: BrowserWindow;
  /** The event last put on the projector, which the menu item shows again. */
  readonly projectorEventId: number | null;
  focusConsole(): void;
  showProjector(eventId: number): void;
}

export function openWindows(host: Host, preload: string, log: Logger): Windows {
  const origin = new URL(host.url).origin;
  const title = translate('zh-CN', 'shell.consoleWindow');
  const bounds = { width: 1280, height: 800 };
  const consoleWindow = createAppWindow({ title, url: host.consoleUrl, origin, preload, log, bounds });
  let projector: BrowserWindow | null = null;
  let projectorEventId: number | null = null;
  return {
    console: consoleWindow,
    get projectorEventId() {
      return projectorEventId;
    },
    focusConsole() {
      if (consoleWindow.isMinimized()) consoleWindow.restore();
      consoleWindow.focus();
    },
    showProjector(eventId) {
      const url = host.screenUrl(eventId);
      const title = translate('zh-CN', 'shell.projectorWindow');
      if (projector && !projector.isDestroyed()) {
        if (eventId !== projectorEventId) load(projector, url, title, log);
        projector.focus();
      } else {
        const placement = chooseProjectorPlacement(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
        const win = createAppWindow({ title, url, origin, preload, log, ...placement });
        win.on('closed', () => {
          if (projector === win) projector = null;
        });
        projector = win;
      }
      projectorEventId = eventId;
    },
  };
}
