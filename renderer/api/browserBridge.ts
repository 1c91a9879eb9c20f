import type { Bridge, OpenedFile } from '../../shared/api/bridge';

/** The Bridge in a plain browser: downloads, a file picker, window.print and a new tab for the projector. */
export const browserBridge: Bridge = {
  platform: 'browser',

  saveFile({ suggestedName, data }) {
    // Copy into a plain ArrayBuffer: Blob does not take views over shared memory.
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = suggestedName;
    anchor.style.display = 'none';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers.
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve(suggestedName);
  },

  openFile({ extensions }) {
    return new Promise<OpenedFile | null>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = extensions.map((ext) => `.${ext}`).join(',');
      input.style.display = 'none';
      const finish = (file: OpenedFile | null) => {
        input.remove();
        resolve(file);
      };
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return finish(null);
        file.arrayBuffer().then(
          (buffer) => finish({ name: file.name, data: new Uint8Array(buffer) }),
          () => finish(null),
        );
      });
      input.addEventListener('cancel', () => finish(null));
      document.body.append(input);
      input.click();
    });
  },

  chooseFolder() {
    // A web page cannot learn a folder's path: the organiser types it instead (the backup panel's field).
    return Promise.resolve(null);
  },

  print() {
    window.print();
    return Promise.resolve();
  },

  async printPdf({ data, suggestedName }) {
    // The browser's PDF viewer has its own print button. A tab opened long after the click (a large
    // batch takes a while) may be blocked: then the file is downloaded instead.
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    const tab = window.open(url, '_blank');
    if (tab) {
      tab.opener = null;
      window.setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
      return 'tab';
    }
    URL.revokeObjectURL(url);
    await browserBridge.saveFile({ suggestedName, data });
    return 'download';
  },

  openProjector(eventId) {
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = `/screen/${eventId}`;
    window.open(url, '_blank', 'noopener');
    return Promise.resolve();
  },
};
