import { describe, expect, it } from 'vitest';
import type { EvaluationQuestion } from '../../shared/api/survey';
import { addQuestion, newKey, toDraft, toInput } from '../../renderer/console/training/evaluationForm';
import { withCheckin, withEvaluation, type Scene } from '../../renderer/screen/show';
import { missingRating } from '../../renderer/survey/answers';

const questions: EvaluationQuestion[] = [
  { key: 'content', label: null, kind: 'rating', required: true },
  { key: 'cases', label: '案例贴近实际', kind: 'rating', required: false },
  { key: 'comment', label: null, kind: 'text', required: false },
];

describe('the projector with an open evaluation', () => {
  it.each<[string, Scene, boolean, boolean, Scene['kind']]>([
    ['nothing on: the evaluation', { kind: 'waiting' }, false, true, 'evaluation'],
    ['a check-in open too: the check-in first', { kind: 'waiting' }, true, true, 'checkin'],
    ['nothing open: waiting', { kind: 'waiting' }, false, false, 'waiting'],
    ['a break held by the console stays', { kind: 'paused' }, false, true, 'paused'],
  ])('%s', (_what, scene, checkinOpen, evaluationOpen, kind) => {
    expect(withEvaluation(withCheckin(scene, checkinOpen), evaluationOpen).kind).toBe(kind);
  });
});

describe('the phone checks the required ratings before sending', () => {
  it.each<[string, Record<string, number | string>, string | null]>([
    ['nothing given', {}, 'content'],
    ['the required one given', { content: 4 }, null],
    ['a text where a rating belongs', { content: '4' }, 'content'],
    ['only the optional ones', { cases: 5, comment: '好' }, 'content'],
  ])('%s', (_what, answers, missing) => {
    expect(missingRating(questions, answers)?.key ?? null).toBe(missing);
  });
});

describe('the questions editor', () => {
  it('gives a new question a key no other has, and sends blank words as the default question’s', () => {
    const draft = addQuestion(addQuestion(toDraft(questions), 'rating'), 'text');
    expect(draft.map((q) => q.key)).toEqual(['content', 'cases', 'comment', 'q1', 'q2']);
    expect(newKey([...draft, { key: 'q3', label: '', kind: 'text', required: false }])).toBe('q4');
    expect(toInput(draft)).toEqual([
      { key: 'content', label: null, kind: 'rating', required: true },
      { key: 'cases', label: '案例贴近实际', kind: 'rating', required: false },
      { key: 'comment', label: null, kind: 'text' },
      { key: 'q1', label: null, kind: 'rating', required: true },
      { key: 'q2', label: null, kind: 'text' },
    ]);
  });
});
