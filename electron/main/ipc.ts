import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';
import { z } from 'zod';
import { bridgeChannels, type OpenedFile } from '../../shared/api/bridge';
import { translate } from '../../shared/i18n';
import { isAllowedNavigation } from './navigation';

// What the renderer sends is outside input: parsed here, never cast.
const SaveFileRequest = z.strictObject({
  suggestedName: z.string().trim().min(1).max(255),
  data: z.instanceof(Uint8Array),
});
const OpenFileRequest = z.strictObject({ extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,10}$/)).max(20) });
const EventId = z.number().int().positive();
const isPdf = (data: Uint8Array) => new TextDecoder().decode(data.subarray(0, 5)) === '%PDF-';
const PrintPdfRequest = z.strictObject({
  data: z.instanceof(Uint8Array).refine(isPdf),
  suggestedName: z.string().max(255),
});

export interface BridgeTarget {
  /** The host's origin: only its pages may call. */
  origin: string;
  showProjector(eventId: number): void;
}

/** Answers the preload's calls (shared/api/bridge.ts is the contract). */
export function registerBridgeHandlers(target: BridgeTarget): void {
  const handle = <T>(channel: string, schema: z.ZodType<T>, run: (event: IpcMainInvokeEvent, request: T) => unknown) =>
    ipcMain.handle(channel, (event, request: unknown) => {
      const parsed = schema.safeParse(request);
      if (!parsed.success || !isAllowedNavigation(event.senderFrame?.url ?? '', target.origin)) {
        throw new Error(translate('zh-CN', 'shell.invalidRequest'));
      }
      return run(event, parsed.data);
    });

  handle(bridgeChannels.saveFile, SaveFileRequest, async (event, { suggestedName, data }): Promise<string | null> => {
    // Only the name is the page's to suggest; the folder is the user's choice.
    const options: SaveDialogOptions = {
      title: translate('zh-CN', 'shell.saveTitle'),
      defaultPath: join(app.getPath('documents'), basename(suggestedName)),
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, data);
    return result.filePath;
  });

  handle(bridgeChannels.openFile, OpenFileRequest, async (event, { extensions }): Promise<OpenedFile | null> => {
    const options: OpenDialogOptions = {
      title: translate('zh-CN', 'shell.openTitle'),
      properties: ['openFile'],
      filters: extensions.length > 0 ? [{ name: filterName(extensions), extensions }] : [],
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    return { name: basename(path), data: new Uint8Array(await readFile(path)) };
  });

  handle(bridgeChannels.chooseFolder, z.undefined(), async (event): Promise<string | null> => {
    const options: OpenDialogOptions = {
      title: translate('zh-CN', 'shell.folderTitle'),
      properties: ['openDirectory', 'createDirectory'],
    };
    const parent = BrowserWindow.fromWebContents(event.sender);
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });

  handle(bridgeChannels.print, z.undefined(), (event) => print(event.sender));

  handle(bridgeChannels.printPdf, PrintPdfRequest, (_event, { data }) => printPdf(data));

  handle(bridgeChannels.openProjector, EventId, (_event, eventId) => target.showProjector(eventId));
}

const filterName = (extensions: string[]) =>
  translate('zh-CN', 'shell.fileFilter', { extensions: extensions.join(', ') });

/** Shows the PDF in a hidden window (Chromium's PDF viewer) and prints that through the system dialog. */
async function printPdf(data: Uint8Array): Promise<'dialog'> {
  const file = join(app.getPath('temp'), `podium-print-${randomUUID()}.pdf`);
  await writeFile(file, data);
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
  });
  try {
    await win.loadURL(pathToFileURL(file).href);
    await print(win.webContents);
    return 'dialog';
  } finally {
    win.close();
    await rm(file, { force: true });
  }
}

function print(contents: WebContents): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, reason) => {
      // Cancelling the system dialog is the user's choice, not a failure.
      if (success || reason === 'Print job canceled') resolve();
      else reject(new Error(translate('zh-CN', 'shell.printFailed', { reason })));
    });
  });
}
