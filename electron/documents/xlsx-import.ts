// Reads a roster out of a real Excel file from a street office: bytes in, people, row errors and warnings out.
// No database here; electron/services/registration.ts decides what gets written. The workbook itself is unpacked
// and parsed by xlsx-worker.ts: on a worker thread with a time and memory limit for the host, in this thread for tests.
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { participantFields } from '../../shared/api/contest';
import { normalizePhone } from '../../shared/domain/phones';
import { genders, type Gender, type Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { AppError } from '../errors';
import workerBundle from './xlsx-worker?modulePath';
import { looksLikeWorkbook, readWorkbook, type SheetCell, type SheetRows, type WorkbookRefusal } from './xlsx-worker';

export type ParticipantField = (typeof participantFields)[number];

export interface SheetColumn {
  /** The header as written in the sheet (trimmed). */
  header: string;
  field: ParticipantField | null;
}

export interface SheetPerson {
  /** The row number Excel shows (1-based, title rows included). */
  row: number;
  name: string;
  gender: Gender | null;
  organization: string | null;
  title: string | null;
  phone: string | null;
  group: string | null;
  // Training rosters' columns: absent when the sheet has none.
  region?: string;
  ethnicity?: string;
  note?: string;
}

export interface SheetError {
  row: number;
  column?: string;
  message: string;
}

/** A bad optional cell of a row that is imported anyway, with that field left empty. */
export interface SheetWarning {
  row: number;
  column: string;
  message: string;
}

export interface ParticipantSheet {
  columns: SheetColumn[];
  people: SheetPerson[];
  /** Rows refused: a missing or invalid name (with the row's other problems, to fix in one pass). */
  errors: SheetError[];
  /** Rows imported with a field left empty: one bad optional cell does not cost the person their place. */
  warnings: SheetWarning[];
}

/** A header → field override from the console; null means "do not import this column". */
export type ColumnMapping = ReadonlyMap<string, ParticipantField | null>;

// The same limits as ParticipantCreate (shared/api/events.ts), so an imported person could also be typed in.
const maxLength = { name: 50, organization: 200, title: 300, group: 50, region: 50, ethnicity: 20, note: 200 } as const;

/** Headers street offices actually write, in their normalised form (see normaliseHeader). */
const knownHeaders: Record<ParticipantField, readonly string[]> = {
  name: ['姓名', 'name', '选手姓名', '学员姓名', '参赛选手姓名', '参赛者姓名', '名字'],
  gender: ['性别', 'gender', 'sex'],
  organization: [
    '单位',
    '所在单位',
    '工作单位',
    '单位名称',
    '居民区',
    '所在居民区',
    '居委会',
    '社区',
    '所在社区',
    '街道',
    '所在街道',
    'organization',
    'organisation',
  ],
  title: ['题目', '演讲题目', '演讲主题', '职务', 'title'],
  phone: ['电话', '手机', '手机号', '手机号码', '电话号码', '联系电话', '联系方式', 'phone', 'mobile'],
  group: ['分组', '组别', '小组', 'group'],
  region: ['省份/地区', '省份', '地区', '省市', '省/市', '省份/城市', '所在地区', '省', 'region', 'province'],
  ethnicity: ['民族', 'ethnicity'],
  note: ['备注', '说明', 'note', 'notes', 'remark', 'remarks'],
};

/** "姓 名", "*姓名", "姓名（必填）" and "Name" all mean the same column. */
function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff]+/g, '')
    .replace(/^\*+/, '')
    .replace(/\([^)]*\)$/, '')
    .toLowerCase();
}

function knownField(header: string): ParticipantField | null {
  const key = normaliseHeader(header);
  return participantFields.find((field) => knownHeaders[field].includes(key)) ?? null;
}

function isField(value: unknown): value is ParticipantField {
  return typeof value === 'string' && (participantFields as readonly string[]).includes(value);
}

/** Parses the `mapping` query: a JSON object of header → field ("" or null: do not import). */
export function parseMapping(json: string | undefined): ColumnMapping {
  const mapping = new Map<string, ParticipantField | null>();
  if (json === undefined || json.trim() === '') return mapping;
  const bad = () => new AppError('validation', 'error.import.badMapping', {}, 'mapping');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw bad();
  for (const [header, field] of Object.entries(parsed)) {
    if (field === null || field === '') mapping.set(normaliseHeader(header), null);
    else if (isField(field)) mapping.set(normaliseHeader(header), field);
    else throw bad();
  }
  return mapping;
}

// ── Cells ────────────────────────────────────────────────────────────────

type Cell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; shown: string }
  | { kind: 'error'; shown: string };

/** Trims, turns full-width and no-break spaces into plain ones and collapses runs (line breaks in a cell too). */
function cleanText(text: string): string {
  return text
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim();
}

function readCell(cell: SheetCell | null | undefined): Cell {
  if (!cell) return { kind: 'empty' };
  if (cell.t === 'e') return { kind: 'error', shown: cell.w ?? '#ERROR' };
  const value = cell.v;
  if (typeof value === 'string') {
    const text = cleanText(value);
    return text === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if (typeof value === 'number') return { kind: 'number', value, shown: cell.w ?? String(value) };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'text', text: cleanText(cell.w ?? value.toISOString().slice(0, 10)) };
  return { kind: 'empty' };
}

/** A number cell as text: whole numbers without exponent or ".0". */
function numberText(value: number): string {
  return Number.isSafeInteger(value) ? value.toFixed(0) : String(value);
}

type Read<T> = { ok: true; value: T } | { ok: false; key: MessageKey; params?: MessageParams };

function readText(cell: Cell, max: number): Read<string | null> {
  if (cell.kind === 'empty') return { ok: true, value: null };
  if (cell.kind === 'error') return { ok: false, key: 'import.cellError', params: { value: cell.shown } };
  const text = cell.kind === 'number' ? numberText(cell.value) : cell.text;
  return text.length > max ? { ok: false, key: 'import.textTooLong', params: { max } } : { ok: true, value: text };
}

const han = /\p{Script=Han}/u;
const latin = /[A-Za-z]/;

function readName(cell: Cell): Read<string> {
  const text = readText(cell, Number.POSITIVE_INFINITY);
  if (!text.ok) return text;
  if (text.value === null) return { ok: false, key: 'import.nameEmpty' };
  // "张 经天" is a typing slip (or alignment padding in old forms); "John Smith" needs its space.
  const name = han.test(text.value) && !latin.test(text.value) ? text.value.replace(/ /g, '') : text.value;
  return name.length > maxLength.name
    ? { ok: false, key: 'import.nameTooLong', params: { max: maxLength.name } }
    : { ok: true, value: name };
}

const scientific = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

function readPhone(cell: Cell): Read<string | null> {
  if (cell.kind === 'empty') return { ok: true, value: null };
  if (cell.kind === 'error') return { ok: false, key: 'import.cellError', params: { value: cell.shown } };
  const invalid: Read<string | null> = {
    ok: false,
    key: 'import.phoneInvalid',
    params: { value: cell.kind === 'number' ? cell.shown : cell.text },
  };
  let digits: string;
  if (cell.kind === 'number') {
    // The raw value is exact even when Excel shows 1.38001E+10; the shown text is not.
    if (!Number.isSafeInteger(cell.value) || cell.value <= 0) return invalid;
    digits = normalizePhone(cell.value.toFixed(0));
  } else {
    // NFKC turns full-width digits and punctuation (１３８－００１３) into ASCII.
    const text = cell.text.normalize('NFKC').trim();
    if (scientific.test(text)) return { ok: false, key: 'import.phoneScientific', params: { value: cell.text } };
    digits = normalizePhone(text);
  }
  return /^\+?\d{5,20}$/.test(digits) ? { ok: true, value: digits } : invalid;
}

const genderWords: Record<Gender, readonly string[]> = {
  male: ['男', '男性', 'm', 'male'],
  female: ['女', '女性', 'f', 'female'],
};

function readGender(cell: Cell): Read<Gender | null> {
  const text = readText(cell, Number.POSITIVE_INFINITY);
  if (!text.ok || text.value === null) return text.ok ? { ok: true, value: null } : text;
  const word = text.value.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  const gender = genders.find((g) => genderWords[g].includes(word));
  return gender
    ? { ok: true, value: gender }
    : { ok: false, key: 'import.genderInvalid', params: { value: text.value } };
}

// ── The workbook ─────────────────────────────────────────────────────────

/** How long the host lets one upload be parsed before it answers that the file is too complex. */
export const workbookTimeLimitMs = 20_000;
/** The worker's heap: far above a roster's needs, far below what a crafted file would take from the host. */
const workerHeapMb = 512;

function refusalError(refusal: WorkbookRefusal): AppError {
  switch (refusal.problem) {
    case 'not-a-workbook':
      return new AppError('bad_request', 'error.import.notAWorkbook');
    case 'unpacked':
      return new AppError('bad_request', 'error.limits.workbookUnpacked', { max: refusal.maxMegabytes });
    case 'rows':
      return new AppError('bad_request', 'error.limits.workbookRows', { rows: refusal.rows, max: refusal.max });
    case 'parts':
      return new AppError('bad_request', 'error.limits.workbookParts', { count: refusal.count, max: refusal.max });
  }
}

// The worker's answer crosses a thread boundary: it is parsed like any other input.
const SheetCellAnswer = z.object({
  t: z.string(),
  v: z.union([z.string(), z.number(), z.boolean(), z.date()]).optional(),
  w: z.string().optional(),
});
const WorkbookAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), sheets: z.array(z.array(z.array(SheetCellAnswer.nullable()))) }),
  z.object({
    ok: z.literal(false),
    refusal: z.discriminatedUnion('problem', [
      z.object({ problem: z.literal('not-a-workbook') }),
      z.object({ problem: z.literal('unpacked'), maxMegabytes: z.number() }),
      z.object({ problem: z.literal('rows'), rows: z.number(), max: z.number() }),
      z.object({ problem: z.literal('parts'), count: z.number(), max: z.number() }),
    ]),
  }),
]);

/** electron-vite bundles the worker and gives its path; the sources (vitest) have none, and Node runs the .ts. */
function workerFile(): string | URL {
  return workerBundle ?? new URL('./xlsx-worker.ts', import.meta.url);
}

/**
 * The rows of every sheet, read on a worker thread so the host keeps answering judges meanwhile; a file that takes
 * longer than the time limit, or more memory than the worker has, is refused with a sentence.
 */
function readSheetsInWorker(bytes: Uint8Array, timeLimitMs: number): Promise<SheetRows[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), {
      workerData: { job: 'podium:read-workbook', bytes },
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => {
      const seconds = Math.round(timeLimitMs / 1000);
      settle(() => reject(new AppError('bad_request', 'error.limits.workbookTooSlow', { seconds })));
    }, timeLimitMs);
    worker.on('message', (message: unknown) => {
      const answer = WorkbookAnswer.safeParse(message);
      if (!answer.success) return settle(() => reject(new Error('the workbook reader answered in the wrong shape')));
      const read = answer.data;
      settle(() => (read.ok ? resolve(read.sheets) : reject(refusalError(read.refusal))));
    });
    worker.on('error', (error) => {
      const outOfMemory = 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(outOfMemory ? new AppError('bad_request', 'error.limits.workbookMemory') : error));
    });
    worker.on('exit', () => settle(() => reject(new Error('the workbook reader stopped without an answer'))));
  });
}

function headerText(cell: SheetCell | null | undefined): string {
  const read = readCell(cell);
  if (read.kind === 'text') return read.text;
  if (read.kind === 'number') return numberText(read.value);
  return '';
}

function fieldOf(header: string, mapping: ColumnMapping): ParticipantField | null {
  const key = normaliseHeader(header);
  return mapping.has(key) ? (mapping.get(key) ?? null) : knownField(header);
}

/** The index of the first row with a name header (built in or mapped by hand), or -1. */
function findHeaderRow(rows: SheetRows, mapping: ColumnMapping): number {
  return rows.findIndex((row) =>
    row.some((cell) => {
      const header = headerText(cell);
      return header !== '' && fieldOf(header, mapping) === 'name';
    }),
  );
}

interface ReadOptions {
  mapping?: string | undefined;
  locale: Locale;
}

/**
 * Reads the people of the first sheet that has a name header, in this thread. The header row is the first
 * row with 姓名 (or "name"); title rows above it and blank rows are skipped.
 */
export function readParticipantSheet(bytes: Uint8Array, options: ReadOptions): ParticipantSheet {
  const mapping = parseMapping(options.mapping);
  const read = readWorkbook(bytes);
  if (!read.ok) throw refusalError(read.refusal);
  return peopleOf(read.sheets, mapping, options.locale);
}

/** The same, with the workbook parsed on a worker thread within a time limit: what the host does with an upload. */
export async function readParticipantSheetInWorker(
  bytes: Uint8Array,
  options: ReadOptions & { timeLimitMs?: number },
): Promise<ParticipantSheet> {
  const mapping = parseMapping(options.mapping);
  // A text file or random bytes need no thread of their own to be refused.
  if (!looksLikeWorkbook(bytes)) throw refusalError({ problem: 'not-a-workbook' });
  const sheets = await readSheetsInWorker(bytes, options.timeLimitMs ?? workbookTimeLimitMs);
  return peopleOf(sheets, mapping, options.locale);
}

function peopleOf(sheets: SheetRows[], mapping: ColumnMapping, locale: Locale): ParticipantSheet {
  let rows: SheetRows = [];
  let headerIndex = -1;
  for (const sheet of sheets) {
    rows = sheet;
    headerIndex = findHeaderRow(rows, mapping);
    if (headerIndex >= 0) break;
  }
  if (headerIndex < 0) throw new AppError('bad_request', 'error.import.noHeader');

  const layout: Array<SheetColumn & { index: number }> = [];
  (rows[headerIndex] ?? []).forEach((cell, index) => {
    const header = headerText(cell);
    if (header !== '') layout.push({ index, header, field: fieldOf(header, mapping) });
  });

  const people: SheetPerson[] = [];
  const errors: SheetError[] = [];
  const warnings: SheetWarning[] = [];
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);

  for (let r = headerIndex + 1; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    const excelRow = r + 1;
    // Per field, the first column with something in it (a sheet may have both 手机 and 电话).
    const source = new Map<ParticipantField, { header: string; cell: Cell }>();
    for (const column of layout) {
      if (!column.field || source.has(column.field)) continue;
      const cell = readCell(cells[column.index]);
      if (cell.kind !== 'empty') source.set(column.field, { header: column.header, cell });
    }
    // A row with nothing in the imported columns is a blank row (or only a pre-filled 序号).
    if (source.size === 0) continue;

    const nameErrors: SheetError[] = [];
    const rowWarnings: SheetWarning[] = [];
    function field<T>(name: ParticipantField, read: (cell: Cell) => Read<T>, fallback: T): T {
      const from = source.get(name);
      const result = read(from?.cell ?? { kind: 'empty' });
      if (result.ok) return result.value;
      const message = t(result.key, result.params);
      if (name === 'name') {
        const column = from?.header ?? layout.find((c) => c.field === 'name')?.header;
        nameErrors.push({ row: excelRow, ...(column === undefined ? {} : { column }), message });
      } else if (from) {
        // Only a cell with something in it can be wrong, so an optional field's problem always has its column.
        rowWarnings.push({ row: excelRow, column: from.header, message });
      }
      return fallback;
    }

    const person: SheetPerson = {
      row: excelRow,
      name: field('name', readName, ''),
      gender: field('gender', readGender, null),
      organization: field('organization', (c) => readText(c, maxLength.organization), null),
      title: field('title', (c) => readText(c, maxLength.title), null),
      phone: field('phone', readPhone, null),
      group: field('group', (c) => readText(c, maxLength.group), null),
    };
    for (const name of ['region', 'ethnicity', 'note'] as const) {
      const value = field(name, (c) => readText(c, maxLength[name]), null);
      if (value !== null) person[name] = value;
    }
    if (nameErrors.length === 0) {
      people.push(person);
      warnings.push(...rowWarnings.map((w) => ({ ...w, message: t('import.leftEmpty', { problem: w.message }) })));
    } else {
      errors.push(...nameErrors, ...rowWarnings);
    }
  }

  return { columns: layout.map(({ header, field }) => ({ header, field })), people, errors, warnings };
}
