// The preload bridge: native things only (file dialogs, printing, the projector window).
// The Electron preload implements it over IPC; renderer/api/browserBridge.ts implements it in a plain browser.

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
}
export interface OpenFileRequest {
  /** Extensions without the dot, e.g. ['xlsx']. */
  extensions: string[];
}
export interface OpenedFile {
  name: string;
  data: Uint8Array;
}
export interface PrintPdfRequest {
  /** The PDF's bytes. */
  data: Uint8Array;
  /** Its name, for the browser when it can only download it. */
  suggestedName: string;
}
/** Where a PDF went: the system print dialog (desktop), a browser tab with its own print button, or a download. */
export type PrintPdfOutcome = 'dialog' | 'tab' | 'download';

export interface Bridge {
  /** 'desktop' inside Electron, 'browser' elsewhere. */
  readonly platform: 'desktop' | 'browser';
  /** Saves bytes where the user chooses; resolves to the saved path or name, or null when cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** A folder the user picks (a USB stick for backups); null when cancelled or with no picker (a browser). */
  chooseFolder(): Promise<string | null>;
  /** Prints the current page through the system dialog. */
  print(): Promise<void>;
  /** Prints a PDF (certificates) through the system dialog; a browser opens it in a tab or downloads it. */
  printPdf(request: PrintPdfRequest): Promise<PrintPdfOutcome>;
  /** Shows the projector for an event: full screen on the second display when there is one. */
  openProjector(eventId: number): Promise<void>;
}

/** IPC channel names, defined once. */
export const bridgeChannels = {
  saveFile: 'podium:save-file',
  openFile: 'podium:open-file',
  chooseFolder: 'podium:choose-folder',
  print: 'podium:print',
  printPdf: 'podium:print-pdf',
  openProjector: 'podium:open-projector',
} as const satisfies Record<Exclude<keyof Bridge, 'platform'>, string>;
