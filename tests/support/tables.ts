import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { z } from 'zod';
import type { TestHost } from './host';

const Count = z.object({ n: z.number() });
const TableName = z.object({ name: z.string() });

/** Every table's row count in a host's database, to show a refused or repeated import changed nothing. */
export function rowCounts(t: TestHost): Record<string, number> {
  const db = new Sqlite(join(t.dataDir, 'podium.db'), { readonly: true });
  try {
    const tables = TableName.array().parse(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all(),
    );
    return Object.fromEntries(
      tables.map(({ name }) => [name, Count.parse(db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get()).n]),
    );
  } finally {
    db.close();
  }
}
