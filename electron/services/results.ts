import type { RegisterRow } from '../../shared/api/certificates';
import type { FileAnswer } from '../../shared/api/contract';
import { documentFileName } from '../../shared/api/documents';
import type { Locale } from '../../shared/domain/vocabulary';
import { pdfType, renderPdf } from '../documents/pdf';
import { scoreNotes, type ResultsData, type ScoreNote, type Sheet } from '../documents/results-data';
import { resultsWorkbook } from '../documents/results-xlsx';
import { xlsxType } from '../documents/xlsx-write';
import { judgeSheetsDocument, resultsTableDocument, type JudgeSheetPage } from '../documents/sheets';
import type { ContestService } from './contest';
import { AppError } from '../errors';
import type { EventsService } from './events';

/** Where the certificate register comes from (the certificates service). */
export interface CertificateRegister {
  register(eventId: number): RegisterRow[];
}

export interface ResultsDeps {
  events: EventsService;
  contest: ContestService;
  certificates: CertificateRegister;
}

/** The documents of a contest's results: the Excel summary, the judges' sheets, the results table. */
export function resultsService({ events, contest, certificates }: ResultsDeps) {
  /** Everything the documents show, read once (the event must exist: 404 otherwise). */
  function data(eventId: number): ResultsData {
    const event = events.get(eventId);
    return {
      event: {
        title: event.title,
        startsOn: event.startsOn,
        endsOn: event.endsOn,
        venue: event.venue,
        organizer: event.organizer,
      },
      rubric: contest.rubric(eventId),
      ranking: contest.ranking(eventId),
      speakers: contest.performances(eventId).map((p) => ({
        participantId: p.participantId,
        order: p.order,
        name: p.name,
        organization: p.organization,
        title: p.title,
      })),
      judges: contest
        .judges(eventId)
        .map((j) => ({ id: j.id, name: j.name, organization: j.organization, conflicts: j.conflicts })),
      sheets: contest.sheets(eventId),
      certificates: certificates.register(eventId),
      notes: scoreNotes(contest.auditLog(eventId)),
    };
  }

  return {
    data,

    /** results.xlsx: works before any score exists (the sheets are then mostly empty). */
    workbook(eventId: number, locale: Locale): FileAnswer {
      const results = data(eventId);
      return {
        data: resultsWorkbook(results, locale),
        fileName: documentFileName(locale, 'results-xlsx', results.event),
        contentType: xlsxType,
      };
    },

    /** The results table to sign; before any score it is the empty form with every speaker. */
    async resultsTable(eventId: number, locale: Locale): Promise<FileAnswer> {
      const results = data(eventId);
      return {
        data: await renderPdf(resultsTableDocument(results, locale)),
        fileName: documentFileName(locale, 'results-pdf', results.event),
        contentType: pdfType,
      };
    },

    /**
     * One judge's score sheet, or every judge's (a page or more each); blank unless `filled`.
     * Blank sheets need the rubric only, so they print before the first speaker; with no judge
     * registered yet, one sheet with an empty name line is printed.
     */
    async judgeSheets(
      eventId: number,
      options: { judgeId?: number | undefined; filled: boolean },
      locale: Locale,
    ): Promise<FileAnswer> {
      const results = data(eventId);
      const chosen =
        options.judgeId === undefined ? results.judges : results.judges.filter((j) => j.id === options.judgeId);
      if (options.judgeId !== undefined && chosen.length === 0)
        throw new AppError('not_found', 'error.contest.judgeNotFound', { id: options.judgeId });
      if (!results.rubric) throw new AppError('conflict', 'error.contest.noRubric');
      const scoresOf = (judgeId: number): Map<number, Sheet> | null => {
        if (!options.filled) return null;
        return new Map(
          results.speakers.flatMap((s) => {
            const sheet = results.sheets.get(s.participantId)?.get(judgeId);
            return sheet ? [[s.participantId, sheet] as const] : [];
          }),
        );
      };
      const notesOf = (judgeId: number): Map<number, readonly ScoreNote[]> =>
        new Map(
          results.speakers.flatMap((s) => {
            const notes = results.notes.get(s.participantId)?.get(judgeId);
            return notes ? [[s.participantId, notes] as const] : [];
          }),
        );
      const pages: JudgeSheetPage[] =
        chosen.length > 0
          ? chosen.map((j) => ({
              judge: { name: j.name, organization: j.organization },
              recused: j.conflicts,
              scores: scoresOf(j.id),
              notes: notesOf(j.id),
            }))
          : [{ judge: null, recused: [], scores: options.filled ? new Map() : null }];
      const document = judgeSheetsDocument(
        { event: results.event, rubric: results.rubric, speakers: results.speakers, pages },
        locale,
      );
      const kind = options.filled ? 'judge-sheets-filled' : 'judge-sheets-blank';
      const judgeName = options.judgeId === undefined ? undefined : chosen[0]?.name;
      return {
        data: await renderPdf(document),
        fileName: documentFileName(locale, kind, results.event, judgeName),
        contentType: pdfType,
      };
    },
  };
}
export type ResultsService = ReturnType<typeof resultsService>;
