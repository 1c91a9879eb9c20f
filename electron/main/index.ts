// The desktop shell: starts the host, opens its windows, wires the menu and the bridge.
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { translate, type MessageKey } from '../../shared/i18n';
import { StartupError } from '../database';
import { createHost } from '../host/createHost';
import type { Host } from '../host/types';
import { redactingLogger, type Logger } from '../logger';
import { registerBridgeHandlers } from './ipc';
import { openWindows, type Windows } from './windows';

// This file is bundled to out/main/index.js, next to out/preload and out/renderer.
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// No log line carries a token (the console address has the admin token, a judge's link theirs).
const log: Logger = redactingLogger(console);
const t = (key: MessageKey) => translate('zh-CN', key);

let host: Host | undefined;
let windows: Windows | undefined;
let hostState: 'running' | 'closing' | 'closed' = 'running';

async function start(): Promise<void> {
  const started = await createHost({ dataDir: app.getPath('userData'), rendererDir, log });
  host = started;
  // `npm run demo` passes --demo through to Electron: load the sample contest and class.
  if (process.argv.includes('--demo')) started.services.loadDemo();
  const shown = openWindows(host, preload, log);
  windows = shown;
  // The projector only makes sense next to the console.
  shown.console.on('closed', () => app.quit());
  registerBridgeHandlers({ origin: new URL(host.url).origin, showProjector: (id) => shown.showProjector(id) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menu(shown)));
}

// Electron's own role labels are English; ours come from shared/i18n.
type MenuRole =
  'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'reload' | 'togglefullscreen' | 'toggleDevTools';
const items = (...roles: MenuRole[]): MenuItemConstructorOptions[] =>
  roles.map((role) => ({ role, label: t(`shell.menu.${role}`) }));

function menu(shown: Windows): MenuItemConstructorOptions[] {
  const showProjector = () => {
    if (shown.projectorEventId !== null) shown.showProjector(shown.projectorEventId);
    else void dialog.showMessageBox(shown.console, { type: 'info', message: t('shell.projectorNoEvent') });
  };
  const projector = { label: t('event.openScreen'), click: showProjector };
  return [
    { label: t('app.name'), submenu: [projector, { type: 'separator' }, ...items('quit')] },
    { label: t('shell.menu.edit'), submenu: items('undo', 'redo', 'cut', 'copy', 'paste', 'selectAll') },
    { label: t('shell.menu.view'), submenu: items('reload', 'togglefullscreen', 'toggleDevTools') },
  ];
}

function refuseToStart(error: unknown): void {
  log.error('Podium did not start', error);
  const sentence = error instanceof StartupError ? translate('zh-CN', error.key, error.params) : t('shell.startFailed');
  dialog.showErrorBox(t('shell.startFailedTitle'), sentence);
  app.quit();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => windows?.focusConsole());
  app.on('will-quit', (event) => {
    if (!host || hostState === 'closed') return;
    // Quitting waits for the host so the last scores reach the disk.
    event.preventDefault();
    if (hostState === 'closing') return;
    hostState = 'closing';
    host
      .close()
      .catch((error: unknown) => log.error('the host did not close cleanly', error))
      .finally(() => {
        hostState = 'closed';
        app.quit();
      });
  });
  app.whenReady().then(start).catch(refuseToStart);
}
