import { describe, expect, it } from 'vitest';
import { scoreNotes, scoreNoteText } from '../../electron/documents/results-data';
import type { AuditEntry } from '../../shared/api/contest';

// The audit log as the contest service answers it (newest first), reduced to what the notes read.
const entry = (
  id: number,
  action: AuditEntry['action'],
  actor: string,
  participantId: number | null,
  judgeId: number | null,
  before: unknown,
  reason: string | null = null,
) => ({ id, action, actor, participantId, judgeId, before, reason });

describe('scoreNotes', () => {
  const log = [
    entry(9, 'correct', 'admin', 2, 12, { total: 9100 }, '再次核对'),
    entry(8, 'correct', 'admin', 2, 12, { total: 8300 }, '录入有误'),
    entry(7, 'enter', 'admin', 2, 13, null, '按纸质评分卡录入'),
    entry(6, 'lock', 'admin', 2, null, null),
    entry(5, 'score', 'judge:李评委', 2, 12, { total: 8000 }),
    entry(4, 'score', 'judge:李评委', 2, 12, null),
    entry(3, 'conflicts', 'admin', null, 14, [], null),
    entry(2, 'correct', 'admin', 1, 11, {}, '评委漏交'),
  ];
  const notes = scoreNotes(log);

  it('keeps only what the chief judge did to a judge’s sheet, oldest first', () => {
    expect(notes.get(2)?.get(12)).toEqual([
      { kind: 'corrected', reason: '录入有误' },
      { kind: 'corrected', reason: '再次核对' },
    ]);
    expect(notes.get(2)?.get(13)).toEqual([{ kind: 'entered', reason: '按纸质评分卡录入' }]);
    expect([...notes.keys()].sort()).toEqual([1, 2]);
  });

  it('calls a write over no sheet at all 补录, whatever the action was named', () => {
    expect(notes.get(1)?.get(11)).toEqual([{ kind: 'entered', reason: '评委漏交' }]);
  });

  it('writes the note in the reader’s language, the word alone for a narrow cell', () => {
    const corrected = { kind: 'corrected', reason: '录入有误' } as const;
    expect(scoreNoteText(corrected, 'zh-CN')).toBe('更正：录入有误');
    expect(scoreNoteText(corrected, 'zh-CN', true)).toBe('更正');
    expect(scoreNoteText({ kind: 'entered', reason: null }, 'zh-CN')).toBe('补录');
    expect(scoreNoteText(corrected, 'en')).toBe('Corrected: 录入有误');
  });
});
