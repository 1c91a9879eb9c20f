import { z } from 'zod';
import { evaluationItemKinds } from '../domain/evaluation';
import { EvaluationCode, EvaluationQuestion, SurveyForm, SurveyReceipt } from './survey';
import { labelled, text } from './fields';

// API v1, course evaluations (课程评估): a form per session, trainees' anonymous answers, the results.

export { EvaluationQuestion, SurveyForm, SurveyReceipt };
export const EvaluationCodeParams = z.strictObject({ code: EvaluationCode });

/** A question as the organiser sets it: a key the answers are stored under, the words, rating 1–5 or text. */
export const EvaluationQuestionInput = z.strictObject({
  key: labelled(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), 'evaluation.field.key'),
  /** Null or absent: the default question of that key, worded in the reader's language. */
  label: labelled(z.string().trim().max(40).nullable(), 'evaluation.field.label').optional(),
  kind: labelled(z.enum(evaluationItemKinds), 'evaluation.field.kind'),
  /** Ratings are required unless set false; texts never are. */
  required: labelled(z.boolean(), 'evaluation.field.required').optional(),
});

export const EvaluationInput = z.strictObject({
  open: labelled(z.boolean(), 'evaluation.field.open'),
  questions: labelled(z.array(EvaluationQuestionInput).min(1).max(20), 'evaluation.field.questions').optional(),
});

/** A session's form in the console: open or not, its QR link, its questions and how many answered. */
export const EvaluationState = z.object({
  open: z.boolean(),
  /** The code of the QR's link; kept when the form is closed and opened again, so a printed poster stays good. */
  code: z.string().nullable(),
  /** What the QR code holds: the venue address of `#/survey/CODE`. */
  url: z.string().nullable(),
  questions: z.array(EvaluationQuestion),
  responses: z.number().int(),
  /** The class's last day has passed: answers are no longer taken, whatever `open` says. */
  classEnded: z.boolean(),
});

export const PublicEvaluationInput = z.strictObject({
  phone: text('participant.phone', 30),
  /** Per question key: a whole number 1–5 for a rating, text for a text question; a blank question is left out. */
  answers: labelled(
    z.record(z.string().max(40), z.union([z.number(), z.string().max(20_000)])),
    'evaluation.field.answers',
  ),
});

export const EvaluationComment = z.object({ key: z.string(), text: z.string() });

/** One session's results (no names, no phones): exact means with two decimals, response count and rate. */
export const SessionEvaluation = z.object({
  sessionId: z.number().int(),
  title: z.string(),
  teacher: z.string().nullable(),
  startsAt: z.string(),
  open: z.boolean(),
  responses: z.number().int(),
  /** Who attended the session (present, late, early) when attendance was taken; else the whole roster. */
  expected: z.number().int(),
  /** Percent with one decimal ("83.3"); null when nobody was expected. */
  rate: z.string().nullable(),
  /** Per rating question: the mean, "4.50"; a question nobody rated is absent. */
  means: z.record(z.string(), z.string()),
  questions: z.array(EvaluationQuestion),
  /** The non-blank texts, trimmed, in the order they came. */
  comments: z.array(EvaluationComment),
});

/** A teacher's results over all their evaluated sessions: the mean over every answer, not a mean of means. */
export const TeacherEvaluation = z.object({
  teacher: z.string(),
  sessionIds: z.array(z.number().int()),
  responses: z.number().int(),
  means: z.record(z.string(), z.string()),
  questions: z.array(EvaluationQuestion),
});

/** The projector's evaluation scene: the open form's QR and how many answered (no names). */
export const PublicEvaluationDisplay = z.object({
  session: z.object({ id: z.number().int(), title: z.string(), teacher: z.string().nullable() }).nullable(),
  url: z.string().nullable(),
  responses: z.number().int(),
  expected: z.number().int(),
});
