import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { vi } from 'vitest';

/**
 * A hand-written fake of the parts of `electron` the shell uses: windows, app, ipc, screens, menu, dialogs, shell and
 * the preload's contextBridge. `module` is what `vi.mock('electron')` answers; the rest lets a test look and act.
 */
export function electronFake() {
  type Listener = (...args: unknown[]) => unknown;

  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener): this {
      const wrapped: Listener = (...args) => {
        this.listeners.set(
          name,
          (this.listeners.get(name) ?? []).filter((l) => l !== wrapped),
        );
        return listener(...args);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...args: unknown[]): boolean {
      const listeners = [...(this.listeners.get(name) ?? [])];
      for (const listener of listeners) listener(...args);
      return listeners.length > 0;
    }
    removeAllListeners(): void {
      this.listeners.clear();
    }
  }

  type PrintCallback = (success: boolean, failureReason: string) => void;

  class WebContents extends Emitter {
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    printResult: [success: boolean, reason: string] = [true, ''];
    readonly print = vi.fn((_options: unknown, callback: PrintCallback) => callback(...this.printResult));
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  class BrowserWindow extends Emitter {
    static all: BrowserWindow[] = [];
    static fromWebContents(contents: unknown): BrowserWindow | null {
      return BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
    }
    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    destroyed = false;
    minimized = false;
    focusCount = 0;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      BrowserWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loaded.push(url);
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    restore(): void {
      this.minimized = false;
    }
    focus(): void {
      this.focusCount++;
    }
    close(): void {
      this.destroyed = true;
      this.emit('closed');
    }
  }

  class App extends Emitter {
    gotLock = true;
    userData = '';
    documents = '';
    readonly quit = vi.fn();
    requestSingleInstanceLock(): boolean {
      return this.gotLock;
    }
    whenReady(): Promise<void> {
      return Promise.resolve();
    }
    getPath(name: string): string {
      return name === 'userData' ? this.userData : this.documents;
    }
  }

  type Handler = (event: unknown, ...args: unknown[]) => unknown;
  const ipcMain = {
    handlers: new Map<string, Handler>(),
    handle(channel: string, handler: Handler): void {
      // Electron refuses a second handler for a channel; so does the fake.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
  };

  interface Display {
    id: number;
    bounds: { x: number; y: number; width: number; height: number };
    internal: boolean;
  }
  const screen = {
    displays: [] as Display[],
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: (): Display | undefined => screen.displays[0],
  };

  const menu = { current: null as { template: MenuItemConstructorOptions[] } | null };
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }),
    setApplicationMenu: (built: { template: MenuItemConstructorOptions[] } | null) => {
      menu.current = built;
    },
  };

  const dialog = {
    showErrorBox: vi.fn(),
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
    showOpenDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
  };
  const shell = { openExternal: vi.fn((_url: string) => Promise.resolve()) };
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) };
  const ipcRenderer = { invoke: vi.fn((..._args: unknown[]) => Promise.resolve('answer')) };

  const app = new App();
  return {
    app,
    BrowserWindow,
    ipcMain,
    screen,
    menu,
    dialog,
    shell,
    exposed,
    ipcRenderer,
    module: { app, BrowserWindow, ipcMain, screen, Menu, dialog, shell, contextBridge, ipcRenderer },
    reset() {
      app.removeAllListeners();
      app.gotLock = true;
      app.quit.mockClear();
      BrowserWindow.all = [];
      ipcMain.handlers.clear();
      screen.displays = [];
      menu.current = null;
      for (const mock of [dialog.showErrorBox, dialog.showMessageBox, dialog.showSaveDialog, dialog.showOpenDialog]) {
        mock.mockClear();
      }
      shell.openExternal.mockClear();
      exposed.clear();
      ipcRenderer.invoke.mockClear();
    },
  };
}
export type ElectronFake = ReturnType<typeof electronFake>;
