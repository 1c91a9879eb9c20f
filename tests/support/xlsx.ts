import * as XLSX from 'xlsx';

// SheetJS types a sheet's cells as `any`; these read them back typed.

/** A workbook read back with SheetJS, as a person's spreadsheet program would open it. */
export function readBook(bytes: Uint8Array, options: XLSX.ParsingOptions = {}): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', ...options });
}

/** The named sheet; a missing one fails the test with its name. */
export function sheetOf(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`the workbook has no sheet “${name}”, only ${book.SheetNames.join(', ')}`);
  return sheet;
}

function isCell(value: unknown): value is XLSX.CellObject {
  return typeof value === 'object' && value !== null && 't' in value;
}

/** One cell as SheetJS reads it (`v` the value, `w` the text shown, `z` the format); undefined when empty. */
export function cellAt(sheet: XLSX.WorkSheet, address: string): XLSX.CellObject | undefined {
  const cell: unknown = sheet[address];
  return isCell(cell) ? cell : undefined;
}

/** The sheet's rows as arrays of values (`raw: false`: as the cells show them). */
export function rowsOf(sheet: XLSX.WorkSheet, options: XLSX.Sheet2JSONOpts = {}): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, ...options });
}
