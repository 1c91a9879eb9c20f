// What a trainee's phone reads when answering a course evaluation from the session's QR code, in zod's small build
// (zod/mini) like the check-in page's (shared/api/checkin.ts): the phone downloads neither the full zod nor the
// contract. The contract uses these very schemas (shared/api/evaluation-routes.ts adds the requests).
import { z } from 'zod/mini';
import { evaluationItemKinds } from '../domain/evaluation';
import type { MessageKey } from '../i18n';

/** The code in the evaluation QR's link (`#/survey/CODE`): 10 random characters, not guessable like a 4-digit one. */
export const EvaluationCode = z.string().check(z.regex(/^[A-Za-z0-9_-]{10}$/));

/** A question as the trainee reads it; a null label is a default question, worded by its key. */
export const EvaluationQuestion = z.object({
  key: z.string(),
  label: z.nullable(z.string()),
  kind: z.enum(evaluationItemKinds),
  required: z.boolean(),
});
export type EvaluationQuestion = z.infer<typeof EvaluationQuestion>;

/** The words of the default questions (a question with a null label), by key. */
const defaultQuestionWords: Readonly<Record<string, MessageKey>> = {
  content: 'evaluation.question.content',
  delivery: 'evaluation.question.delivery',
  usefulness: 'evaluation.question.usefulness',
  overall: 'evaluation.question.overall',
  comment: 'evaluation.question.comment',
};

/** What a question says: the organiser's words, else the default question's message (its key as a last resort). */
export function questionWords(question: { key: string; label: string | null }, t: (key: MessageKey) => string): string {
  if (question.label !== null) return question.label;
  const words = Object.prototype.hasOwnProperty.call(defaultQuestionWords, question.key)
    ? defaultQuestionWords[question.key]
    : undefined;
  return words === undefined ? question.key : t(words);
}

/** The form behind a code: the session, its teacher and time, the questions; never anyone's name but the teacher's. */
export const SurveyForm = z.object({
  eventTitle: z.string(),
  title: z.string(),
  teacher: z.nullable(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  /** False once the organiser closed it or the class ended: the page says so instead of showing the form. */
  open: z.boolean(),
  questions: z.array(EvaluationQuestion),
  /** Characters a text answer may have. */
  maxTextLength: z.number(),
});
export const SurveyReceipt = z.object({ received: z.literal(true) });

/** The evaluation routes as the phone page calls them: its client parses the answers, never the requests. */
export const surveyAnswers = {
  publicEvaluationForm: {
    method: 'GET',
    path: '/api/public/evaluations/:code',
    scopes: ['public'],
    response: SurveyForm,
  },
  publicEvaluationAnswer: {
    method: 'POST',
    path: '/api/public/evaluations/:code',
    scopes: ['public'],
    response: SurveyReceipt,
  },
} as const;
