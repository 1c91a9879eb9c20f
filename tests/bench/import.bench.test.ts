// `npm run bench`: a roster of 19,999 namesakes (one name, one organisation, each their own phone) against the same
// roster of 2,000, imported into a real SQLite file. The duplicate check is linear when the ratio is about 10 (it was
// over 200 when each row copied the list of everyone before it). Prints both times and the ratio; asserts no time.
import { performance } from 'node:perf_hooks';
import { expect, it } from 'vitest';
import { openDatabase, repositories } from '../../electron/database';
import { workbookLimits } from '../../electron/documents/xlsx-worker';
import { registrationService } from '../../electron/services/registration';
import { tempDir } from '../support/host';
import { rosterXlsx } from '../support/roster';

const small = 2_000;
// The most a sheet may hold besides its header row.
const large = workbookLimits.rows - 1;

/** A header and `count` rows of 张伟 of 陈三居民区, each with a phone of their own. */
function namesakes(count: number): Uint8Array {
  const rows = Array.from({ length: count }, (_, i) => ['张伟', '陈三居民区', String(13_800_000_000 + i)]);
  return rosterXlsx([['姓名', '单位', '手机'], ...rows]);
}

/** Milliseconds to import the roster into a fresh event of a fresh database, and how many were created. */
function importOnce(bytes: Uint8Array): { ms: number; created: number } {
  const dir = tempDir('podium-bench-');
  const db = openDatabase(dir.path);
  try {
    const repos = repositories(db);
    const event = repos.events.create(
      { title: '演讲比赛', kind: 'contest', startsOn: '2024-07-03' },
      '2024-07-01T00:00:00Z',
    );
    const service = registrationService(repos, () => new Date('2024-07-01T09:00:00Z'));
    const started = performance.now();
    const result = service.importParticipants(event.id, bytes, { dryRun: false, locale: 'zh-CN' });
    return { ms: performance.now() - started, created: result.created };
  } finally {
    db.close();
    dir.remove();
  }
}

it(`imports ${large} namesakes in about ${Math.round(large / small)}× the time of ${small}`, () => {
  const smallRoster = namesakes(small);
  const largeRoster = namesakes(large);
  importOnce(smallRoster); // warm-up: SheetJS and SQLite statements compiled once
  const best = (bytes: Uint8Array, runs: number) => {
    const results = Array.from({ length: runs }, () => importOnce(bytes));
    return { ms: Math.min(...results.map((r) => r.ms)), created: results[0]?.created ?? 0 };
  };
  const a = best(smallRoster, 5);
  const b = best(largeRoster, 3);
  const ratio = b.ms / a.ms;
  const linear = Math.round(large / small);
  console.log(
    `import: ${small} rows ${a.ms.toFixed(0)} ms, ${large} rows ${b.ms.toFixed(0)} ms; ` +
      `ratio ${ratio.toFixed(1)} (linear ≈ ${linear}, quadratic ≈ ${linear ** 2})`,
  );
  // Namesakes with their own phones are different people: all of them are created.
  expect([a.created, b.created]).toEqual([small, large]);
  // Half of quadratic: leaves room for a busy machine's noise (the copying check measured over 200).
  expect(ratio).toBeLessThan(linear * 5);
});
