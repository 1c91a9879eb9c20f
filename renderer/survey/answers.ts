// What the phone checks before sending an evaluation (the host checks it all again): every required rating given.
import type { EvaluationQuestion } from '../../shared/api/survey';

export type Answers = Record<string, number | string>;

/** The first required rating left blank, or null. */
export function missingRating(questions: readonly EvaluationQuestion[], answers: Answers): EvaluationQuestion | null {
  return questions.find((q) => q.kind === 'rating' && q.required && typeof answers[q.key] !== 'number') ?? null;
}
