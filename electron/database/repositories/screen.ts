import type { Database } from 'better-sqlite3';
import { screenModes, type ScreenMode } from '../../../shared/domain/screen';
import { locales, type Locale } from '../../../shared/domain/vocabulary';
import { isRow, optStr, str } from '../rows';

export interface ScreenRecord {
  mode: ScreenMode;
  language: Locale | null;
}

function modeOf(value: string): ScreenMode {
  const mode = screenModes.find((m) => m === value);
  if (!mode) throw new Error(`unknown screen mode ${value}`);
  return mode;
}

function languageOf(value: string | null): Locale | null {
  return locales.find((l) => l === value) ?? null;
}

/** The projector's held scene and language per event (table event_screens). */
export function screenRepository(db: Database) {
  const q = {
    get: db.prepare('SELECT mode, language FROM event_screens WHERE event_id = ?'),
    put: db.prepare(
      `INSERT INTO event_screens (event_id, mode, language, updated_at) VALUES (@eventId, @mode, @language, @at)
       ON CONFLICT (event_id) DO UPDATE SET mode = excluded.mode, language = excluded.language,
       updated_at = excluded.updated_at`,
    ),
  };
  return {
    /** Null until the console first sets it. */
    get(eventId: number): ScreenRecord | null {
      const row = q.get.get(eventId);
      if (!isRow(row)) return null;
      return { mode: modeOf(str(row, 'mode')), language: languageOf(optStr(row, 'language')) };
    },
    put(eventId: number, screen: ScreenRecord, at: string): void {
      q.put.run({ eventId, mode: screen.mode, language: screen.language, at });
    },
  };
}
