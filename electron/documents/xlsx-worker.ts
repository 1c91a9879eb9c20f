// Reads the cells of an uploaded workbook within bounds: the zip's parts are measured (and really unpacked, up to a
// cap) before SheetJS sees them, so a small file that unpacks to gigabytes is refused without parsing it.
// It runs on a worker thread for the host (xlsx-import.ts starts it) and in the caller's thread for tests.
// Only packages are imported here: the worker runs this very file, and Node runs the TypeScript source in tests.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';

export const workbookLimits = {
  /** All parts of the zip unpacked; a roster of 500 trainees is well under 1 MB. */
  unpackedBytes: 50 * 1024 * 1024,
  /** Rows of one sheet, title rows included. */
  rows: 20_000,
  /** Files inside the zip; Excel writes about a dozen for one sheet. */
  parts: 1_000,
} as const;

/** Why a workbook is not read: the main thread turns it into a sentence. */
export type WorkbookRefusal =
  | { problem: 'not-a-workbook' }
  | { problem: 'unpacked'; maxMegabytes: number }
  | { problem: 'rows'; rows: number; max: number }
  | { problem: 'parts'; count: number; max: number };

/** The part of a SheetJS cell the roster reader uses: type, value, and the text Excel shows. */
export interface SheetCell {
  t: string;
  v?: string | number | boolean | Date | undefined;
  w?: string | undefined;
}
export type SheetRows = Array<Array<SheetCell | null>>;

export type WorkbookRead = { ok: true; sheets: SheetRows[] } | { ok: false; refusal: WorkbookRefusal };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const cfbSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .xls

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** Container signatures: SheetJS would otherwise happily read any text file as CSV. */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, zipSignature) || startsWith(bytes, cfbSignature);
}

const endOfDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const rowTags = [Buffer.from('<row '), Buffer.from('<row>'), Buffer.from(':row '), Buffer.from(':row>')];

function occurrences(haystack: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** The zip64 "extended information" extra field's uncompressed size, for an entry whose 32-bit size is all ones. */
function zip64Size(data: Buffer, extraStart: number, extraEnd: number): number | null {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = data.readUInt16LE(at);
    const size = data.readUInt16LE(at + 2);
    if (id === 0x0001 && size >= 8 && at + 12 <= extraEnd) return Number(data.readBigUInt64LE(at + 4));
    at += 4 + size;
  }
  return null;
}

/**
 * Measures a zip workbook before it is parsed: how many parts, how large unpacked by the directory, and how large
 * really (each part is inflated with a ceiling, so a directory that lies costs no more than the cap), and how many
 * rows its sheets have. Null when it may be read; throws a RangeError on offsets past the end (readWorkbook says no).
 */
function zipRefusal(bytes: Uint8Array, limits = workbookLimits): WorkbookRefusal | null {
  const notAWorkbook: WorkbookRefusal = { problem: 'not-a-workbook' };
  const tooLarge: WorkbookRefusal = { problem: 'unpacked', maxMegabytes: Math.round(limits.unpackedBytes / 2 ** 20) };
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  const end = data.lastIndexOf(endOfDirectory);
  if (end < 0 || end < data.length - 22 - 0xffff || end + 22 > data.length) return notAWorkbook;
  const count = data.readUInt16LE(end + 10);
  if (count > limits.parts) return { problem: 'parts', count, max: limits.parts };
  let at = data.readUInt32LE(end + 16);
  let declared = 0;
  let unpacked = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) return notAWorkbook;
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const next = at + 46 + nameLength + extraLength + data.readUInt16LE(at + 32);
    const size32 = data.readUInt32LE(at + 24);
    const size =
      size32 === 0xffffffff ? zip64Size(data, at + 46 + nameLength, at + 46 + nameLength + extraLength) : size32;
    if (size === null || compressed === 0xffffffff) return tooLarge;
    declared += size;
    if (declared > limits.unpackedBytes) return tooLarge;
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const local = data.readUInt32LE(at + 42);
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) return notAWorkbook;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressed > data.length) return notAWorkbook;
    const stored = data.subarray(start, start + compressed);
    let content: Buffer;
    if (method === 0) content = stored;
    else if (method === 8) {
      try {
        content = inflateRawSync(stored, { maxOutputLength: Math.max(1, limits.unpackedBytes - unpacked) });
      } catch (error) {
        // Node stops inflating at maxOutputLength and says so with this code.
        const overCap = error instanceof Error && 'code' in error && error.code === 'ERR_BUFFER_TOO_LARGE';
        return overCap ? tooLarge : notAWorkbook;
      }
    } else return notAWorkbook;
    unpacked += content.length;
    if (unpacked > limits.unpackedBytes) return tooLarge;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      const sheetRows = rowTags.reduce((sum, tag) => sum + occurrences(content, tag), 0);
      if (sheetRows > limits.rows) return { problem: 'rows', rows: sheetRows, max: limits.rows };
    }
    at = next;
  }
  return null;
}

function cellOf(cell: XLSX.CellObject | undefined): SheetCell | null {
  if (!cell) return null;
  return { t: cell.t, v: cell.v, w: cell.w };
}

/** The rows of every sheet, in order, as plain cells; or why the bytes are not read. */
export function readWorkbook(bytes: Uint8Array, limits = workbookLimits): WorkbookRead {
  if (!looksLikeWorkbook(bytes)) return { ok: false, refusal: { problem: 'not-a-workbook' } };
  if (startsWith(bytes, zipSignature)) {
    let refusal: WorkbookRefusal | null;
    try {
      refusal = zipRefusal(bytes, limits);
    } catch {
      // An offset or length pointing past the end of the file: a truncated or made-up zip.
      refusal = { problem: 'not-a-workbook' };
    }
    if (refusal) return { ok: false, refusal };
  }
  let workbook: XLSX.WorkBook;
  try {
    // dense: rows are arrays, so a sheet whose range claims a million rows costs only the rows it has;
    // sheetRows: a legacy .xls (no zip to measure) stops one row past the limit.
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellHTML: false,
      cellFormula: false,
      sheetRows: limits.rows + 1,
    });
  } catch {
    return { ok: false, refusal: { problem: 'not-a-workbook' } };
  }
  if (workbook.SheetNames.length === 0) return { ok: false, refusal: { problem: 'not-a-workbook' } };
  const sheets: SheetRows[] = [];
  for (const name of workbook.SheetNames) {
    const dense = workbook.Sheets[name]?.['!data'] ?? [];
    if (dense.length > limits.rows)
      return { ok: false, refusal: { problem: 'rows', rows: dense.length, max: limits.rows } };
    // Array.from visits the holes of a sparse row too, so the rows cross to the main thread as plain arrays.
    sheets.push(Array.from(dense, (row) => Array.from(row ?? [], cellOf)));
  }
  return { ok: true, sheets };
}

/** What the host sends the worker. */
export interface WorkbookJob {
  job: 'podium:read-workbook';
  bytes: Uint8Array;
}

function isWorkbookJob(value: unknown): value is WorkbookJob {
  return (
    typeof value === 'object' &&
    value !== null &&
    'job' in value &&
    value.job === 'podium:read-workbook' &&
    'bytes' in value &&
    value.bytes instanceof Uint8Array
  );
}

// On a worker thread started with a job (not a test runner's own worker): read it, answer once, and end.
const job: unknown = isMainThread ? undefined : workerData;
if (parentPort && isWorkbookJob(job)) parentPort.postMessage(readWorkbook(job.bytes));
