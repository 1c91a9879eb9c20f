// better-sqlite3 hands back `unknown` rows; these read them without casts.

export type Row = Record<string, unknown>;

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null;
}

export function str(row: Row, column: string): string {
  const v = row[column];
  if (typeof v !== 'string') throw new Error(`column ${column} is not text`);
  return v;
}

export function optStr(row: Row, column: string): string | null {
  const v = row[column];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw new Error(`column ${column} is not text`);
  return v;
}

export function int(row: Row, column: string): number {
  const v = row[column];
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`column ${column} is not an integer`);
  return v;
}

/** An INTEGER column that may be NULL (a reference set null, say). */
export function optInt(row: Row, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : int(row, column);
}

/** A REAL column (millimetres, say), which may hold a fraction. */
export function num(row: Row, column: string): number {
  const v = row[column];
  if (typeof v !== 'number') throw new Error(`column ${column} is not a number`);
  return v;
}

export function rows(values: unknown[]): Row[] {
  return values.filter(isRow);
}
