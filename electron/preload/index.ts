// Runs sandboxed (bundled as CommonJS): the page gets these named functions, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeChannels, type Bridge } from '../../shared/api/bridge';

const bridge = {
  platform: 'desktop',
  saveFile: (request) => ipcRenderer.invoke(bridgeChannels.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(bridgeChannels.openFile, request),
  chooseFolder: () => ipcRenderer.invoke(bridgeChannels.chooseFolder),
  print: () => ipcRenderer.invoke(bridgeChannels.print),
  printPdf: (request) => ipcRenderer.invoke(bridgeChannels.printPdf, request),
  openProjector: (eventId) => ipcRenderer.invoke(bridgeChannels.openProjector, eventId),
} satisfies Bridge;

contextBridge.exposeInMainWorld('podium', bridge);
