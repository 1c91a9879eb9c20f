// A training class's course evaluations workbook (课程评估汇总): per session, per teacher, and the comments.
// Pure: the results the console shows in, .xlsx bytes out. No names of trainees, no phones: there are none to give.
import type { z } from 'zod';
import type { EvaluationQuestion, SessionEvaluation, TeacherEvaluation } from '../../shared/api/evaluations';
import { questionWords } from '../../shared/api/survey';
import { dayLine, type Translate } from '../../shared/api/training-documents';
import { formatDateRange } from '../../shared/domain/dates';
import { wallClock } from '../../shared/domain/sessionTime';
import type { Locale } from '../../shared/domain/vocabulary';
import { classTitle, translator, type TrainingEvent } from './training-data';
import { decimalsFormat, workbookBytes, type Cell, type Table } from './xlsx-write';

type Question = z.infer<typeof EvaluationQuestion>;

export interface EvaluationsInput {
  event: TrainingEvent;
  sessions: ReadonlyArray<z.infer<typeof SessionEvaluation>>;
  teachers: ReadonlyArray<z.infer<typeof TeacherEvaluation>>;
}

const questionText = (question: Question, t: Translate) => questionWords(question, (key) => t(key));

/** The rating questions of several forms, by key, in the order first met. */
function ratingColumns(forms: ReadonlyArray<{ questions: readonly Question[] }>): Question[] {
  const byKey = new Map<string, Question>();
  for (const form of forms)
    for (const q of form.questions) if (q.kind === 'rating' && !byKey.has(q.key)) byKey.set(q.key, q);
  return [...byKey.values()];
}

/** A mean ("4.50") as a number Excel shows with two decimals; blank when nobody rated it. */
function meanCell(means: Readonly<Record<string, string>>, key: string): Cell {
  const mean = means[key];
  return mean === undefined ? null : { value: Number(mean), format: decimalsFormat(2) };
}

export function evaluationsWorkbook(input: EvaluationsInput, locale: Locale): Uint8Array {
  const t = translator(locale);
  const { event, sessions, teachers } = input;
  const title = classTitle(event, locale);
  const date = formatDateRange(event.startsOn, event.endsOn, locale);

  const sessionRatings = ratingColumns(sessions);
  const perSession: Table = {
    name: t('evaluation.sheet.sessions'),
    title,
    caption: t('evaluation.caption.sessions', { date }),
    header: [
      t('documents.col.number'),
      t('trainingDocs.col.date'),
      t('trainingDocs.col.course'),
      t('trainingDocs.col.teacher'),
      t('evaluation.col.expected'),
      t('evaluation.col.responses'),
      t('evaluation.col.rate'),
      ...sessionRatings.map((q) => questionText(q, t)),
    ],
    rows: sessions.map((s, index) => [
      index + 1,
      dayLine(wallClock(s.startsAt).date, t, locale),
      s.title,
      s.teacher,
      s.expected,
      s.responses,
      s.rate === null ? null : { value: Number(s.rate) / 100, format: '0.0%' },
      ...sessionRatings.map((q) => meanCell(s.means, q.key)),
    ]),
    empty: t('evaluation.empty'),
  };

  const teacherRatings = ratingColumns(teachers);
  const perTeacher: Table = {
    name: t('evaluation.sheet.teachers'),
    title,
    caption: t('evaluation.caption.teachers', { date }),
    header: [
      t('trainingDocs.col.teacher'),
      t('evaluation.col.sessions'),
      t('evaluation.col.responses'),
      ...teacherRatings.map((q) => questionText(q, t)),
    ],
    rows: teachers.map((teacher) => [
      teacher.teacher,
      teacher.sessionIds.length,
      teacher.responses,
      ...teacherRatings.map((q) => meanCell(teacher.means, q.key)),
    ]),
    empty: t('evaluation.empty'),
  };

  const comments: Table = {
    name: t('evaluation.sheet.comments'),
    title,
    caption: t('evaluation.caption.comments', { date }),
    header: [
      t('documents.col.number'),
      t('trainingDocs.col.course'),
      t('trainingDocs.col.teacher'),
      t('evaluation.col.question'),
      t('evaluation.col.comment'),
    ],
    rows: sessions
      .flatMap((s) =>
        s.comments.map((c) => {
          const question = s.questions.find((q) => q.key === c.key);
          return [s.title, s.teacher, question ? questionText(question, t) : c.key, c.text];
        }),
      )
      .map((row, index) => [index + 1, ...row]),
    empty: t('evaluation.noComments'),
  };

  return workbookBytes([perSession, perTeacher, comments]);
}
