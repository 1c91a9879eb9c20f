import * as XLSX from 'xlsx';

export type RosterCell = string | number | null | XLSX.CellObject;

/** Real .xlsx bytes of one sheet of rows, as Excel would save a roster someone typed. */
export function rosterXlsx(rows: RosterCell[][], sheetName = '学员名单'): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheetName);
  const out: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx' });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not write an ArrayBuffer');
  return new Uint8Array(out);
}
