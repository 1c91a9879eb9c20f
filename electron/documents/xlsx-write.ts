// Writes tables as an Excel workbook people print and pass on: a merged title, a caption, a frozen
// header, columns wide enough for Chinese, numbers as numbers. Pure: rows in, bytes out.
import * as XLSX from 'xlsx';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell: text, a plain number, a number shown with an Excel number format, or nothing. */
export type Cell = string | number | null | { value: number; format: string };

export interface Table {
  /** The sheet's tab name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  /** Row 1, merged across the table: the event's title. */
  title: string;
  /** Row 2, merged: what the sheet is and the date. */
  caption: string;
  header: string[];
  rows: Cell[][];
  /** Shown under the header when there are no rows. */
  empty?: string;
}

/** Rows above the data: title, caption, header. They stay in view when scrolling. */
export const headerRows = 3;

const minWidth = 6;
const maxWidth = 60;

/** Columns a text takes in Excel's default font: CJK and full-width characters count as 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width += code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

/** An Excel number format with exactly `decimals` places: 2 → "0.00". */
export function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function shown(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  // A format like "(0.00)" adds characters around the digits.
  const places = /\.(0+)/.exec(cell.format)?.[1]?.length ?? 0;
  const extra = cell.format.replace(/["0.]/g, '').length;
  return `${cell.value.toFixed(places)}${' '.repeat(extra)}`;
}

function toSheetCell(cell: Cell): XLSX.CellObject | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  return { t: 'n', v: cell.value, z: cell.format };
}

export function tableSheet(table: Table): XLSX.WorkSheet {
  const columns = Math.max(table.header.length, 1);
  const body: Cell[][] = table.rows.length === 0 && table.empty ? [[table.empty]] : table.rows;
  const grid: Cell[][] = [[table.title], [table.caption], table.header, ...body];
  const sheet: XLSX.WorkSheet = {};
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      const value = toSheetCell(cell);
      if (value) sheet[XLSX.utils.encode_cell({ r, c })] = value;
    }),
  );
  const lastRow = grid.length - 1;
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: columns - 1 } });
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: columns - 1 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: columns - 1 } },
  ];
  // The title and caption are merged across the table, so only the header and the data set the widths.
  sheet['!cols'] = Array.from({ length: columns }, (_, c) => {
    const widest = Math.max(...[table.header, ...table.rows].map((row) => displayWidth(shown(row[c] ?? null))));
    return { wch: Math.min(maxWidth, Math.max(minWidth, widest + 2)) };
  });
  if (table.rows.length > 0) {
    sheet['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: headerRows - 1, c: 0 }, e: { r: lastRow, c: columns - 1 } }),
    };
  }
  return sheet;
}

// SheetJS types its bundled zip library as `any`; this is the part of it used here.
interface ZipEntry {
  content: Uint8Array;
}
interface ZipApi {
  read(data: Uint8Array, options: { type: 'buffer' }): object;
  find(zip: object, path: string): ZipEntry | null;
  write(zip: object, options: { fileType: 'zip'; type: 'buffer'; compression: boolean }): Uint8Array;
}
// The xlsx types declare CFB as `any`; ZipApi above describes the part used here.
const zipApi = XLSX.CFB as ZipApi;

const paneXml =
  `<pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}"` + ' activePane="bottomLeft" state="frozen"/>';

/**
 * Freezes the header rows of every sheet. SheetJS Community Edition writes no panes (`!freeze` is a
 * Pro feature), so the pane goes into each sheet's `<sheetView>` after writing.
 */
function freezeHeaders(bytes: Uint8Array, sheetCount: number): Uint8Array {
  const zip = zipApi.read(bytes, { type: 'buffer' });
  for (let i = 1; i <= sheetCount; i++) {
    const entry = zipApi.find(zip, `/xl/worksheets/sheet${i}.xml`);
    if (!entry) throw new Error(`the written workbook has no sheet ${i}`);
    const xml = Buffer.from(entry.content).toString('utf8');
    const frozen = xml.replace(/<sheetView\b([^>]*?)\/>/, `<sheetView$1>${paneXml}</sheetView>`);
    if (frozen === xml) throw new Error(`sheet ${i} has no sheet view to freeze`);
    entry.content = Buffer.from(frozen, 'utf8');
  }
  return zipApi.write(zip, { fileType: 'zip', type: 'buffer', compression: true });
}

/** The .xlsx bytes of the tables, one sheet each, in order. */
export function workbookBytes(tables: readonly Table[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const table of tables) XLSX.utils.book_append_sheet(book, tableSheet(table), table.name);
  // Written unpacked: freezeHeaders reads it back and packs it once, compressed.
  const written: unknown = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: false });
  if (!(written instanceof Uint8Array)) throw new Error('SheetJS did not write bytes');
  return new Uint8Array(freezeHeaders(written, tables.length));
}
