// The Electron shell, wired to the real host (real SQLite in a temp dir, real server on
// 127.0.0.1); only the `electron` module is a hand-written fake.
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannels } from '../../shared/api/bridge';
import { translate } from '../../shared/i18n';

// The fake is made before the shell is imported (vi.mock is hoisted above the imports).
const fake = await vi.hoisted(async () => (await import('../support/electron')).electronFake());

vi.mock('electron', () => fake.module);

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true };
const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, internal: false };

let dir = '';

beforeEach(async () => {
  fake.reset();
  vi.resetModules();
  dir = await mkdtemp(join(tmpdir(), 'podium-shell-'));
  fake.app.userData = join(dir, 'userData');
  fake.app.documents = join(dir, 'Documents');
  fake.screen.displays = [laptop, projector];
});

afterEach(async () => {
  await quit();
  await rm(dir, { recursive: true, force: true });
});

/** Imports the shell as Electron would and waits until it has opened its console (or given up). */
async function launch() {
  await import('../../electron/main/index');
  await vi.waitFor(() => {
    expect(fake.BrowserWindow.all.length + fake.dialog.showErrorBox.mock.calls.length).toBeGreaterThan(0);
  });
  const consoleWindow = fake.BrowserWindow.all[0];
  if (!consoleWindow) throw new Error('no console window');
  const consoleUrl = consoleWindow.loaded[0] ?? '';
  return { consoleWindow, consoleUrl, origin: new URL(consoleUrl).origin };
}

/** What Electron does on quit: emits will-quit and, if held back, waits for the next app.quit(). */
async function quit(): Promise<{ heldBack: boolean }> {
  const calls = fake.app.quit.mock.calls.length;
  const preventDefault = vi.fn();
  fake.app.emit('will-quit', { preventDefault });
  if (preventDefault.mock.calls.length > 0) {
    await vi.waitFor(() => expect(fake.app.quit.mock.calls.length).toBeGreaterThan(calls));
  }
  return { heldBack: preventDefault.mock.calls.length > 0 };
}

/** Calls a bridge handler the way the preload's ipcRenderer.invoke reaches it. */
function invoke(
  channel: string,
  from: { webContents: unknown },
  senderUrl: string,
  ...args: unknown[]
): Promise<unknown> {
  const handler = fake.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => handler({ sender: from.webContents, senderFrame: { url: senderUrl } }, ...args));
}

function menuItem(label: string): MenuItemConstructorOptions {
  const items = (fake.menu.current?.template ?? []).flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`${item.label ?? '?'} has no click`);
  // The shell's handlers never read the item they were clicked on.
  const clicked = Object.create(null) as MenuItem;
  item.click(clicked, undefined, {
    triggeredByAccelerator: false,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
  });
}

describe('the desktop shell', () => {
  it('starts the host in userData and opens a locked-down console window on its console URL', async () => {
    const { consoleWindow, consoleUrl, origin } = await launch();

    expect(fake.BrowserWindow.all).toHaveLength(1);
    expect(consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/console\?token=[0-9a-f]+/);
    expect(consoleWindow.options.title).toBe(zh('shell.consoleWindow'));
    expect(consoleWindow.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(consoleWindow.options.webPreferences?.preload).toMatch(/preload[\\/]index\.cjs$/);

    const health = await fetch(`${origin}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ ok: true });
    expect((await readFile(join(fake.app.userData, 'podium.db'))).length).toBeGreaterThan(0);
  });

  it('keeps the window on the host: other origins are stopped, https ones go to the browser', async () => {
    const { consoleWindow, origin } = await launch();
    const navigate = (url: string) => {
      const preventDefault = vi.fn();
      consoleWindow.webContents.emit('will-navigate', { url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };

    expect(navigate(`${origin}/#/screen/3`)).toBe(false);
    expect(navigate(`http://127.0.0.1:1/`)).toBe(true);
    expect(navigate(`${origin.replace('http://', 'http://x@')}/`)).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(fake.shell.openExternal).not.toHaveBeenCalled();

    expect(navigate('https://www.gov.cn/')).toBe(true);
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.gov.cn/');

    const redirect = vi.fn();
    consoleWindow.webContents.emit('will-redirect', { url: 'http://evil.example/', preventDefault: redirect });
    expect(redirect).toHaveBeenCalled();
  });

  it('denies every window.open, even to the host itself', async () => {
    const { consoleWindow, origin } = await launch();
    const open = consoleWindow.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');

    expect(open({ url: `${origin}/#/screen/1` })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://example.com/report' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://example.com/report');
    expect(fake.BrowserWindow.all).toHaveLength(1);
  });

  it('openProjector opens the screen page full screen on the second display, once', async () => {
    const { consoleWindow, consoleUrl, origin } = await launch();

    await invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, 7);
    const projectorWindow = fake.BrowserWindow.all[1];
    expect(fake.BrowserWindow.all).toHaveLength(2);
    expect(projectorWindow?.loaded).toEqual([`${origin}/#/screen/7`]);
    expect(projectorWindow?.options).toMatchObject({
      title: zh('shell.projectorWindow'),
      ...projector.bounds,
      fullscreen: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });

    // Again: the same window comes forward; another event replaces the page.
    await invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, 7);
    await invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, 8);
    expect(fake.BrowserWindow.all).toHaveLength(2);
    expect(projectorWindow?.loaded).toEqual([`${origin}/#/screen/7`, `${origin}/#/screen/8`]);
    expect(projectorWindow?.focusCount).toBe(2);
  });

  it('with one display the projector is a 1280×720 window in the middle of it', async () => {
    fake.screen.displays = [laptop];
    const { consoleWindow, consoleUrl } = await launch();

    await invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, 1);
    expect(fake.BrowserWindow.all[1]?.options).toMatchObject({
      x: 320,
      y: 180,
      width: 1280,
      height: 720,
      fullscreen: false,
    });
  });

  it('refuses an event id that is not a positive integer, and callers from other origins', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    const sentence = zh('shell.invalidRequest');

    for (const bad of [0, -3, 1.5, Number.NaN, '7', null, undefined, { id: 7 }]) {
      await expect(invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, bad)).rejects.toThrow(sentence);
    }
    await expect(invoke(bridgeChannels.openProjector, consoleWindow, 'https://evil.example/', 7)).rejects.toThrow(
      sentence,
    );
    await expect(invoke(bridgeChannels.openProjector, consoleWindow, 'file:///tmp/x.html', 7)).rejects.toThrow(
      sentence,
    );
    expect(fake.BrowserWindow.all).toHaveLength(1);
  });

  it('the menu reopens the projector for the event the console last showed', async () => {
    const { consoleWindow, consoleUrl, origin } = await launch();
    const item = menuItem(zh('event.openScreen'));

    click(item);
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(
      consoleWindow,
      expect.objectContaining({ message: zh('shell.projectorNoEvent') }),
    );
    expect(fake.BrowserWindow.all).toHaveLength(1);

    await invoke(bridgeChannels.openProjector, consoleWindow, consoleUrl, 5);
    fake.BrowserWindow.all[1]?.close();
    click(item);
    expect(fake.BrowserWindow.all).toHaveLength(3);
    expect(fake.BrowserWindow.all[2]?.loaded).toEqual([`${origin}/#/screen/5`]);
  });

  it('has a Chinese menu with reload, full screen, developer tools and quit', async () => {
    await launch();
    const top = fake.menu.current?.template ?? [];
    expect(top.map((m) => m.label)).toEqual([zh('app.name'), zh('shell.menu.edit'), zh('shell.menu.view')]);
    expect(menuItem('重新加载').role).toBe('reload');
    expect(menuItem('切换全屏').role).toBe('togglefullscreen');
    expect(menuItem('开发者工具').role).toBe('toggleDevTools');
    expect(menuItem('退出').role).toBe('quit');
    expect(menuItem('粘贴').role).toBe('paste');
  });

  it('saveFile writes the bytes where the user chose, suggesting only a bare file name', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    const target = join(dir, 'chosen.xlsx');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });

    const saved = await invoke(bridgeChannels.saveFile, consoleWindow, consoleUrl, {
      suggestedName: '../../etc/成绩汇总.xlsx',
      data: new Uint8Array([80, 75, 3, 4]),
    });
    expect(saved).toBe(target);
    expect([...(await readFile(target))]).toEqual([80, 75, 3, 4]);
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledWith(
      consoleWindow,
      expect.objectContaining({ defaultPath: join(fake.app.documents, '成绩汇总.xlsx') }),
    );

    // Cancelled: nothing written, null back.
    expect(
      await invoke(bridgeChannels.saveFile, consoleWindow, consoleUrl, {
        suggestedName: 'a.pdf',
        data: new Uint8Array(1),
      }),
    ).toBeNull();
  });

  it('saveFile refuses payloads that are not {suggestedName: string, data: Uint8Array}', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    const bad: unknown[] = [
      undefined,
      'a.xlsx',
      { suggestedName: 'a.xlsx', data: [1, 2, 3] },
      { suggestedName: 'a.xlsx', data: 'UEsDBA==' },
      { suggestedName: 'a.xlsx', data: new ArrayBuffer(4) },
      { suggestedName: 42, data: new Uint8Array(1) },
      { suggestedName: '   ', data: new Uint8Array(1) },
      { suggestedName: 'a.xlsx' },
      { suggestedName: 'a.xlsx', data: new Uint8Array(1), path: '/etc/passwd' },
    ];
    for (const request of bad) {
      await expect(invoke(bridgeChannels.saveFile, consoleWindow, consoleUrl, request)).rejects.toThrow(
        zh('shell.invalidRequest'),
      );
    }
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('openFile reads the chosen file back with its name', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    const file = join(dir, '选手名单.xlsx');
    await writeFile(file, new Uint8Array([1, 2, 3]));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });

    const opened = await invoke(bridgeChannels.openFile, consoleWindow, consoleUrl, { extensions: ['xlsx', 'xls'] });
    expect(opened).toEqual({ name: '选手名单.xlsx', data: new Uint8Array([1, 2, 3]) });
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(
      consoleWindow,
      expect.objectContaining({
        filters: [{ name: zh('shell.fileFilter', { extensions: 'xlsx, xls' }), extensions: ['xlsx', 'xls'] }],
      }),
    );
    expect(await invoke(bridgeChannels.openFile, consoleWindow, consoleUrl, { extensions: [] })).toBeNull();
    await expect(invoke(bridgeChannels.openFile, consoleWindow, consoleUrl, { extensions: ['*'] })).rejects.toThrow(
      zh('shell.invalidRequest'),
    );
  });

  it('chooseFolder gives the folder picked in the system dialog (a USB stick), null when cancelled', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    expect(await invoke(bridgeChannels.chooseFolder, consoleWindow, consoleUrl)).toBe(dir);
    expect(fake.dialog.showOpenDialog).toHaveBeenCalledWith(
      consoleWindow,
      expect.objectContaining({ title: zh('shell.folderTitle'), properties: ['openDirectory', 'createDirectory'] }),
    );
    expect(await invoke(bridgeChannels.chooseFolder, consoleWindow, consoleUrl)).toBeNull();
    await expect(invoke(bridgeChannels.chooseFolder, consoleWindow, 'https://evil.example/')).rejects.toThrow(
      zh('shell.invalidRequest'),
    );
  });

  it('print uses the system dialog; cancelling is not an error, a failure is a sentence', async () => {
    const { consoleWindow, consoleUrl } = await launch();

    await expect(invoke(bridgeChannels.print, consoleWindow, consoleUrl)).resolves.toBeUndefined();
    expect(consoleWindow.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false }),
      expect.any(Function),
    );
    consoleWindow.webContents.printResult = [false, 'Print job canceled'];
    await expect(invoke(bridgeChannels.print, consoleWindow, consoleUrl)).resolves.toBeUndefined();
    consoleWindow.webContents.printResult = [false, 'Print job failed'];
    await expect(invoke(bridgeChannels.print, consoleWindow, consoleUrl)).rejects.toThrow(
      zh('shell.printFailed', { reason: 'Print job failed' }),
    );
  });

  it('printPdf prints a PDF from a hidden window through the system dialog, then removes it', async () => {
    const { consoleWindow, consoleUrl } = await launch();
    await mkdir(fake.app.documents, { recursive: true });
    const pdf = new TextEncoder().encode('%PDF-1.3\n荣誉证书\n%%EOF');
    const shown: Uint8Array[] = [];
    const loadURL = vi.spyOn(fake.BrowserWindow.prototype, 'loadURL').mockImplementation(async function (
      this: InstanceType<typeof fake.BrowserWindow>,
      url: string,
    ) {
      this.loaded.push(url);
      shown.push(new Uint8Array(await readFile(fileURLToPath(url))));
    });

    await expect(
      invoke(bridgeChannels.printPdf, consoleWindow, consoleUrl, { data: pdf, suggestedName: '荣誉证书.pdf' }),
    ).resolves.toBe('dialog');
    const hidden = fake.BrowserWindow.all[1];
    if (!hidden) throw new Error('no window for the PDF');
    expect(hidden.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    expect(hidden.options.webPreferences?.preload).toBeUndefined();
    expect(hidden.loaded[0]).toMatch(/^file:\/\/.*podium-print-[0-9a-f-]+\.pdf$/);
    expect(shown).toEqual([pdf]);
    expect(hidden.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false }),
      expect.any(Function),
    );
    expect(hidden.destroyed).toBe(true);
    await expect(access(fileURLToPath(hidden.loaded[0] ?? ''))).rejects.toThrow();

    // Only PDF bytes are printed.
    for (const request of [{ data: new TextEncoder().encode('<html>'), suggestedName: 'a.pdf' }, { data: pdf }, pdf]) {
      await expect(invoke(bridgeChannels.printPdf, consoleWindow, consoleUrl, request)).rejects.toThrow(
        zh('shell.invalidRequest'),
      );
    }
    expect(fake.BrowserWindow.all).toHaveLength(2);
    loadURL.mockRestore();
  });

  it('when the host cannot start, shows its one sentence in an error box and quits', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    fake.app.userData = join(blocker, 'Podium');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    await import('../../electron/main/index');
    await vi.waitFor(() => expect(fake.app.quit).toHaveBeenCalled());

    expect(fake.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      zh('shell.startFailedTitle'),
      zh('host.dataDirNotWritable', { dir: fake.app.userData }),
    );
    expect(fake.BrowserWindow.all).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    consoleError.mockRestore();
  });

  it('quitting waits for the host to close', async () => {
    const { origin } = await launch();
    expect((await fetch(`${origin}/api/health`)).ok).toBe(true);

    expect(await quit()).toEqual({ heldBack: true });
    await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
    // The second will-quit (from that app.quit()) goes through.
    expect(await quit()).toEqual({ heldBack: false });
  });

  it('closing the console quits the app', async () => {
    const { consoleWindow } = await launch();
    consoleWindow.close();
    expect(fake.app.quit).toHaveBeenCalled();
  });

  it('a second launch brings the existing console forward', async () => {
    const { consoleWindow } = await launch();
    consoleWindow.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(consoleWindow.minimized).toBe(false);
    expect(consoleWindow.focusCount).toBe(1);
  });

  it('the second instance itself quits without starting a host', async () => {
    fake.app.gotLock = false;
    await import('../../electron/main/index');
    expect(fake.app.quit).toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.BrowserWindow.all).toHaveLength(0);
  });
});

describe('the preload', () => {
  it('exposes exactly the Bridge: platform and one function per channel, over ipcRenderer.invoke', async () => {
    await import('../../electron/preload/index');
    const podium = fake.exposed.get('podium');
    if (typeof podium !== 'object' || podium === null) throw new Error('nothing exposed as podium');
    expect([...fake.exposed.keys()]).toEqual(['podium']);
    expect(Object.keys(podium).sort()).toEqual([...Object.keys(bridgeChannels), 'platform'].sort());
    expect(Object.values(podium)).not.toContain(fake.ipcRenderer);

    const member = (name: string): unknown => Reflect.get(podium, name);
    expect(member('platform')).toBe('desktop');
    const data = new Uint8Array([1]);
    const calls: [unknown, unknown[], unknown[]][] = [
      [
        member('saveFile'),
        [{ suggestedName: 'a.xlsx', data }],
        [bridgeChannels.saveFile, { suggestedName: 'a.xlsx', data }],
      ],
      [member('openFile'), [{ extensions: ['xlsx'] }], [bridgeChannels.openFile, { extensions: ['xlsx'] }]],
      [member('print'), [], [bridgeChannels.print]],
      [
        member('printPdf'),
        [{ data, suggestedName: 'a.pdf' }],
        [bridgeChannels.printPdf, { data, suggestedName: 'a.pdf' }],
      ],
      [member('openProjector'), [7], [bridgeChannels.openProjector, 7]],
    ];
    const isBridgeFunction = (value: unknown): value is (...args: unknown[]) => Promise<unknown> =>
      typeof value === 'function';
    for (const [fn, args, expected] of calls) {
      if (!isBridgeFunction(fn)) throw new Error('not a function');
      fake.ipcRenderer.invoke.mockClear();
      await expect(fn(...args)).resolves.toBe('answer');
      expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...expected);
    }
  });
});
