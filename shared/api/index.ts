export * from './contest';
export * from './contract';
export * from './errors';
export * from './events';
export * from './fields';
export * from './host';
export * from './live';
export type { Bridge, OpenedFile, OpenFileRequest, PrintPdfOutcome, PrintPdfRequest, SaveFileRequest } from './bridge';
export { bridgeChannels } from './bridge';
