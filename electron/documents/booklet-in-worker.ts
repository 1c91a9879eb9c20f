// Runs the reflections booklet on a worker thread in the host (see booklet-worker.ts). Vitest runs the sources, where
// there is no bundled worker: there it is built in this thread.
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { Locale } from '../../shared/domain/vocabulary';
import { bookletJob, type BookletJob } from './booklet-worker';
import workerBundle from './booklet-worker?modulePath';
import { reflectionsBooklet, type BookletInput } from './reflections-pdf';

// The worker's answer crosses a thread boundary: it is parsed like any other input.
const BookletAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), bytes: z.instanceof(Uint8Array) }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

export function reflectionsBookletOffThread(input: BookletInput, locale: Locale): Promise<Uint8Array> {
  const file = workerBundle;
  if (file === undefined) return reflectionsBooklet(input, locale);
  const booklet: BookletJob = { input, locale };
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { job: bookletJob, booklet } });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      outcome();
    };
    worker.on('message', (message: unknown) => {
      const answer = BookletAnswer.safeParse(message);
      if (!answer.success) return settle(() => reject(new Error('the booklet worker answered in the wrong shape')));
      const built = answer.data;
      settle(() => (built.ok ? resolve(built.bytes) : reject(new Error(`the booklet failed: ${built.message}`))));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the booklet worker stopped (${code})`))));
  });
}
