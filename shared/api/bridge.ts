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

export interface Bridge {
  /** 'desktop' inside Electron, 'browser' elsewhere. */
  readonly platform: 'desktop' | 'browser';
  /** Saves bytes where the user chooses; resolves to the saved path or name, or null when cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Prints the current page through the system dialog. */
  print(): Promise<void>;
  /** Shows the projector for an event: full screen on the second display when there is one. */
  openProjector(eventId: number): Promise<void>;
}

/** IPC channel names, defined once. */
export const bridgeChannels = {
  saveFile: 'podium:save-file',
  openFile: 'podium:open-file',
  print: 'podium:print',
  openProjector: 'podium:open-projector',
} as const satisfies Record<Exclude<keyof Bridge, 'platform'>, string>;
