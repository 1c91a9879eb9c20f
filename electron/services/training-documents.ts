import type { FileAnswer } from '../../shared/api/contract';
import type { AttendanceSummary, RosterRow, Session } from '../../shared/api/training';
import type { Locale } from '../../shared/domain/vocabulary';
import { trainingFileName, type TrainingFile } from '../../shared/api/training-documents';
import { attendanceWorkbook } from '../documents/attendance-xlsx';
import { pdfType, renderPdf } from '../documents/pdf';
import { scheduleDocument, scheduleWorkbook } from '../documents/schedule';
import { signinSheetDocument } from '../documents/signin-sheet';
import { translator, type TrainingEvent } from '../documents/training-data';
import { xlsxType } from '../documents/xlsx-write';
import { AppError } from '../errors';
import type { EventsService } from './events';

/** The plain reads the documents need of the training service (the host side's). */
export interface TrainingReads {
  sessions(eventId: number): Session[];
  attendance(eventId: number): AttendanceSummary;
  /** Everyone expected at a session. */
  roster(eventId: number, sessionId: number): RosterRow[];
}

export interface TrainingDocumentsDeps {
  events: EventsService;
  training: TrainingReads;
}

/** A training class's printed and Excel outputs: the schedule, the attendance workbook, a session's sign-in sheet. */
export function trainingDocumentsService({ events, training }: TrainingDocumentsDeps) {
  /** The class as its documents print it (404 when there is no such event). */
  function eventOf(eventId: number): TrainingEvent {
    const e = events.get(eventId);
    return {
      title: e.title,
      term: e.term,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      venue: e.venue,
      organizer: e.organizer,
      classTeacher: e.classTeacher,
      contact: e.contact,
    };
  }

  const fileName = (locale: Locale, file: TrainingFile, event: TrainingEvent, session?: string) =>
    trainingFileName(translator(locale), locale, file, event, session);

  return {
    async schedulePdf(eventId: number, locale: Locale): Promise<FileAnswer> {
      const event = eventOf(eventId);
      const sessions = training.sessions(eventId);
      return {
        data: await renderPdf(scheduleDocument({ event, sessions }, locale)),
        fileName: fileName(locale, 'schedulePdf', event),
        contentType: pdfType,
      };
    },

    scheduleXlsx(eventId: number, locale: Locale): FileAnswer {
      const event = eventOf(eventId);
      const sessions = training.sessions(eventId);
      return {
        data: scheduleWorkbook({ event, sessions }, locale),
        fileName: fileName(locale, 'scheduleXlsx', event),
        contentType: xlsxType,
      };
    },

    attendanceXlsx(eventId: number, locale: Locale): FileAnswer {
      const event = eventOf(eventId);
      return {
        data: attendanceWorkbook({ event, summary: training.attendance(eventId) }, locale),
        fileName: fileName(locale, 'attendanceXlsx', event),
        contentType: xlsxType,
      };
    },

    /** The paper sign-in sheet of one session: everyone expected, by group then pinyin. */
    async signinSheetPdf(eventId: number, sessionId: number, locale: Locale): Promise<FileAnswer> {
      const event = eventOf(eventId);
      const session = training.sessions(eventId).find((s) => s.id === sessionId);
      if (!session) throw new AppError('not_found', 'error.training.sessionNotFound', { id: sessionId });
      const trainees = training.roster(eventId, sessionId);
      return {
        data: await renderPdf(signinSheetDocument({ event, session, trainees }, locale)),
        fileName: fileName(locale, 'signinSheet', event, session.title),
        contentType: pdfType,
      };
    },
  };
}
export type TrainingDocumentsService = ReturnType<typeof trainingDocumentsService>;
