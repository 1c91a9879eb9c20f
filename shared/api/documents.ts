import { z } from 'zod';
import { formatDateRange } from '../domain/dates';
import type { Locale } from '../domain/vocabulary';
import { translate, type MessageKey } from '../i18n';
import { idParam } from './fields';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

/** Judges' score sheets: one judge or all of them; blank (paper backup) unless `filled`. */
export const JudgeSheetsQuery = z.strictObject({
  judgeId: idParam.optional(),
  filled: flag,
});

export const documentKinds = ['results-xlsx', 'results-pdf', 'judge-sheets-blank', 'judge-sheets-filled'] as const;
export type DocumentKind = (typeof documentKinds)[number];

const fileNameKeys: Record<DocumentKind, MessageKey> = {
  'results-xlsx': 'documents.file.resultsXlsx',
  'results-pdf': 'documents.file.resultsPdf',
  'judge-sheets-blank': 'documents.file.judgeSheetsBlank',
  'judge-sheets-filled': 'documents.file.judgeSheetsFilled',
};

// Characters no file system takes in a name, and control characters.
const unsafeInFileName = /[\\/:*?"<>|\p{Cc}]+/gu;
/** A title or a name made fit for a file name on every system, at most 100 characters. */
export const fileSafe = (text: string) => text.replace(unsafeInFileName, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);

/**
 * The name a document is saved under, in the reader's language, with the event's title and date:
 * "江浦路街道…演讲比赛-成绩汇总-2024年7月3日.xlsx". The host and the console both use it.
 */
export function documentFileName(
  locale: Locale,
  kind: DocumentKind,
  event: { title: string; startsOn: string; endsOn?: string | null },
  judgeName?: string,
): string {
  const title = fileSafe(event.title);
  const who = judgeName ? fileSafe(judgeName) : translate(locale, 'documents.allJudges');
  return translate(locale, fileNameKeys[kind], {
    title,
    date: formatDateRange(event.startsOn, event.endsOn, locale),
    judge: who,
  });
}
