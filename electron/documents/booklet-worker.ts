// The reflections booklet is laid out twice (once to learn which pages each text runs over) and CJK text is slow to
// lay out: a class of 180 takes pdfmake many seconds. The host builds it on a worker thread so check-ins and judges'
// scores are answered meanwhile (booklet-in-worker.ts starts it). This file is the worker's entry.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../../shared/domain/vocabulary';
import { reflectionsBooklet, type BookletInput } from './reflections-pdf';

export interface BookletJob {
  input: BookletInput;
  locale: Locale;
}

export const bookletJob = 'podium:reflections-booklet';

function isJob(data: unknown): data is { job: typeof bookletJob; booklet: BookletJob } {
  return typeof data === 'object' && data !== null && 'job' in data && data.job === bookletJob;
}

if (!isMainThread && parentPort && isJob(workerData)) {
  const port = parentPort;
  const { input, locale } = workerData.booklet;
  reflectionsBooklet(input, locale).then(
    (bytes) => port.postMessage({ ok: true, bytes }),
    (error: unknown) =>
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
