import { describe, expect, it } from 'vitest';
import { tokenVault } from '../../electron/services/tokens';
import { normalizePhone } from '../../shared/domain/phones';
import { answerProblem, defaultEvaluationForm } from '../../shared/domain/evaluation';

// The anonymity rule of course evaluations: one answer per trainee per session, told apart only by a keyed hash of
// the phone, which names nobody without the host key and cannot be matched across sessions.
describe('the voter of an evaluation answer', () => {
  const key = Buffer.alloc(32, 7);
  const vault = tokenVault(key);
  const voter = (session: number, phone: string, v = vault) =>
    v.voterHash(`evaluation:${session}`, normalizePhone(phone));

  it.each<[string, () => boolean]>([
    ['the same phone, however typed, is the same voter', () => voter(1, '139 1234 0001') === voter(1, '13912340001')],
    ['two phones are two voters', () => voter(1, '13912340001') !== voter(1, '13912340002')],
    ['one phone in two sessions cannot be linked', () => voter(1, '13912340001') !== voter(2, '13912340001')],
    [
      'another host key gives another voter',
      () => voter(1, '13912340001') !== voter(1, '13912340001', tokenVault(Buffer.alloc(32, 8))),
    ],
    ['the voter does not hold the phone', () => !voter(1, '13912340001').includes('13912340001')],
    ['nor a plain hash of it', () => voter(1, '13912340001') !== vault.hash('13912340001')],
  ])('%s', (_what, holds) => {
    expect(holds()).toBe(true);
  });
});

describe('the default form', () => {
  it.each<[string, Record<string, number | string>, ReturnType<typeof answerProblem>]>([
    ['every rating and a comment', { content: 5, delivery: 4, usefulness: 5, overall: 5, comment: '好' }, null],
    ['no comment', { content: 5, delivery: 4, usefulness: 5, overall: 5 }, null],
    ['a rating left out', { content: 5, usefulness: 5, overall: 5 }, { code: 'missing', key: 'delivery' }],
    ['a rating out of range before one left out', { content: 7, overall: 5 }, { code: 'rating', key: 'content' }],
  ])('%s', (_what, answer, expected) => {
    expect(answerProblem(defaultEvaluationForm, answer)).toEqual(expected);
  });
});
