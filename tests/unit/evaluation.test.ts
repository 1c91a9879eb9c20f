import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  defaultEvaluationItems,
  summarizeEvaluation,
  type EvaluationAnswer,
} from '../../shared/domain/evaluation';

const items = defaultEvaluationItems;

describe('answerProblem', () => {
  it.each<[string, EvaluationAnswer, ReturnType<typeof answerProblem>]>([
    ['a full answer', { content: 5, delivery: 4, usefulness: 5, overall: 5, comment: '很好' }, null],
    ['ratings only', { overall: 3 }, null],
    ['no rating at all', { comment: '无' }, { code: 'empty' }],
    ['nothing', {}, { code: 'empty' }],
    ['a rating of 0', { overall: 0 }, { code: 'rating', key: 'overall' }],
    ['a rating of 6', { overall: 6 }, { code: 'rating', key: 'overall' }],
    ['a half point', { content: 4.5 }, { code: 'rating', key: 'content' }],
    ['a rating as text', { content: '5' }, { code: 'rating', key: 'content' }],
    ['a comment as a number', { overall: 5, comment: 5 }, { code: 'text', key: 'comment' }],
    ['a comment too long', { overall: 5, comment: '长'.repeat(1001) }, { code: 'text', key: 'comment' }],
    ['an item not on the form', { overall: 5, speed: 3 }, { code: 'unknownItem', key: 'speed' }],
  ])('%s', (_what, answer, expected) => {
    expect(answerProblem(items, answer)).toEqual(expected);
  });
});

describe('summarizeEvaluation', () => {
  it('gives exact means with two decimals, the rate with one, and the comments', () => {
    const answers: EvaluationAnswer[] = [
      { content: 5, delivery: 4, usefulness: 5, overall: 5, comment: '  讲得很实在 ' },
      { content: 4, delivery: 4, usefulness: 4, overall: 4, comment: '' },
      { content: 5, delivery: 5, overall: 4 },
    ];
    const summary = summarizeEvaluation(items, answers, 36);
    expect(summary.responses).toBe(3);
    expect(summary.rate).toBe('8.3');
    expect(summary.means).toEqual([
      { key: 'content', mean: '4.67', count: 3 },
      { key: 'delivery', mean: '4.33', count: 3 },
      { key: 'usefulness', mean: '4.50', count: 2 },
      { key: 'overall', mean: '4.33', count: 3 },
    ]);
    expect(summary.comments).toEqual([{ key: 'comment', texts: ['讲得很实在'] }]);
  });

  it('rounds half up exactly: 4.125 shows 4.13, 4.005 shows 4.01', () => {
    const ratings = (values: number[]) => values.map((overall) => ({ overall }));
    expect(summarizeEvaluation(items, ratings([4, 4, 4, 5, 4, 4, 4, 4]), 8).means[3]?.mean).toBe('4.13');
    const many = ratings([...Array<number>(199).fill(4), 5]);
    expect(summarizeEvaluation(items, many, 200).means[3]?.mean).toBe('4.01');
  });

  it('says nothing about a mean nobody rated, and no rate when nobody was expected', () => {
    const summary = summarizeEvaluation(items, [], 0);
    expect(summary.rate).toBeNull();
    expect(summary.means.every((m) => m.mean === null && m.count === 0)).toBe(true);
  });
});
