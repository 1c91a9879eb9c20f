// The questions editor's state, apart from drawing it: what the organiser edits and what goes to the host.
import type { z } from 'zod';
import type { EvaluationQuestion, EvaluationQuestionInput } from '../../../shared/api/evaluations';
import type { EvaluationItemKind } from '../../../shared/domain/evaluation';

export type Question = z.infer<typeof EvaluationQuestion>;
export type QuestionInput = z.input<typeof EvaluationQuestionInput>;

/** A question being edited: its words as typed ('' keeps a default question's words). */
export interface DraftQuestion {
  key: string;
  label: string;
  kind: EvaluationItemKind;
  required: boolean;
}

export const toDraft = (questions: readonly Question[]): DraftQuestion[] =>
  questions.map((q) => ({ key: q.key, label: q.label ?? '', kind: q.kind, required: q.required }));

/** A key for a new question no other question has: q1, q2, … */
export function newKey(draft: readonly DraftQuestion[]): string {
  const taken = new Set(draft.map((q) => q.key));
  let n = 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

export function addQuestion(draft: readonly DraftQuestion[], kind: EvaluationItemKind): DraftQuestion[] {
  return [...draft, { key: newKey(draft), label: '', kind, required: kind === 'rating' }];
}

/** What the host takes: blank words mean the default question's. */
export const toInput = (draft: readonly DraftQuestion[]): QuestionInput[] =>
  draft.map((q) => ({
    key: q.key,
    label: q.label.trim() === '' ? null : q.label.trim(),
    kind: q.kind,
    ...(q.kind === 'rating' ? { required: q.required } : {}),
  }));
