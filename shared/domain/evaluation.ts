// Course evaluations (课程评估): the form trainees answer after a session and what the console shows of the answers.
// Means are exact (no float sums) and shown with two decimals, the response rate with one, as the school reports them.
import { formatUnits, rational, roundHalfUp } from './decimal';

export const evaluationItemKinds = ['rating', 'text'] as const;
export type EvaluationItemKind = (typeof evaluationItemKinds)[number];

export interface EvaluationItem {
  key: string;
  /** What the trainee reads, in the organiser's words; null for the default form's items, translated by key. */
  label: string | null;
  kind: EvaluationItemKind;
  /** A rating the trainee must give (the default form's ratings are); texts are never required. */
  required?: boolean;
}

/** Ratings are whole numbers from 1 (很不满意) to 5 (非常满意). */
export const ratingMin = 1;
export const ratingMax = 5;

/** The default form of every session: 内容 / 讲授 / 实用性, an overall 满意度, and 意见建议. */
export const defaultEvaluationItems: readonly EvaluationItem[] = [
  { key: 'content', label: null, kind: 'rating' },
  { key: 'delivery', label: null, kind: 'rating' },
  { key: 'usefulness', label: null, kind: 'rating' },
  { key: 'overall', label: null, kind: 'rating' },
  { key: 'comment', label: null, kind: 'text' },
];

/** The form a session gets until the organiser changes it: the default items, every rating required. */
export const defaultEvaluationForm: readonly EvaluationItem[] = defaultEvaluationItems.map((item) =>
  item.kind === 'rating' ? { ...item, required: true } : item,
);

/** One trainee's answer: a rating per rating item, text per text item; an item left blank is absent. */
export type EvaluationAnswer = Readonly<Record<string, number | string>>;

export type AnswerProblem =
  | { code: 'unknownItem'; key: string }
  | { code: 'rating'; key: string }
  | { code: 'text'; key: string }
  | { code: 'missing'; key: string }
  | { code: 'empty' };

export const maxCommentLength = 1000;

/** Why an answer cannot be taken, or null. Required ratings must be given, and at least one rating. */
export function answerProblem(items: readonly EvaluationItem[], answer: EvaluationAnswer): AnswerProblem | null {
  const byKey = new Map(items.map((item) => [item.key, item]));
  let ratings = 0;
  for (const [key, value] of Object.entries(answer)) {
    const item = byKey.get(key);
    if (!item) return { code: 'unknownItem', key };
    if (item.kind === 'rating') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < ratingMin || value > ratingMax)
        return { code: 'rating', key };
      ratings++;
    } else if (typeof value !== 'string' || value.length > maxCommentLength) {
      return { code: 'text', key };
    }
  }
  const missing = items.find((item) => item.required === true && answer[item.key] === undefined);
  if (missing) return { code: 'missing', key: missing.key };
  return ratings === 0 ? { code: 'empty' } : null;
}

/** The keys of a form in order: a change of these after the first answer would orphan answers. */
export function formKeys(items: readonly EvaluationItem[]): string {
  return items.map((item) => `${item.kind}:${item.key}`).join('|');
}

export interface EvaluationSummary {
  responses: number;
  /** Trainees who could answer (those present at the session); the rate's denominator. */
  expected: number;
  /** Percent with one decimal, e.g. "83.3"; null when nobody was expected. */
  rate: string | null;
  /** Per rating item: the mean with two decimals, and how many rated it; null mean when nobody did. */
  means: Array<{ key: string; mean: string | null; count: number }>;
  /** Per text item: the non-blank texts, trimmed, in the order given. */
  comments: Array<{ key: string; texts: string[] }>;
}

/** What the console shows of one session's answers. */
export function summarizeEvaluation(
  items: readonly EvaluationItem[],
  answers: readonly EvaluationAnswer[],
  expected: number,
): EvaluationSummary {
  const means = items
    .filter((item) => item.kind === 'rating')
    .map((item) => {
      const given = answers.map((a) => a[item.key]).filter((v): v is number => typeof v === 'number');
      const total = given.reduce((sum, v) => sum + v, 0);
      return {
        key: item.key,
        mean: given.length === 0 ? null : formatUnits(roundHalfUp(rational(total, given.length), 2), 2),
        count: given.length,
      };
    });
  const comments = items
    .filter((item) => item.kind === 'text')
    .map((item) => ({
      key: item.key,
      texts: answers
        .map((a) => a[item.key])
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    }));
  return {
    responses: answers.length,
    expected,
    rate: expected === 0 ? null : formatUnits(roundHalfUp(rational(answers.length * 100, expected), 1), 1),
    means,
    comments,
  };
}
