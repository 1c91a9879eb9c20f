import { describe, expect, it } from 'vitest';
import {
  assignmentDraft,
  assignmentInput,
  blankAssignment,
  dueText,
  groupsOf,
  traineesByGroup,
} from '../../renderer/console/training/reflections';
import { emptyDraft, parseDraft } from '../../renderer/reflect/draft';

describe('the 学习心得 tab', () => {
  it('a new assignment is due at 17:00 on the last day of the class', () => {
    expect(blankAssignment('2026-03-04')).toEqual({ title: '', prompt: '', date: '2026-03-04', time: '17:00' });
  });

  it('the form sends the deadline as a wall-clock time of the host, trimmed text', () => {
    const draft = { title: ' 学习心得 ', prompt: ' ', date: '2026-03-04', time: '18:30' };
    expect(assignmentInput(draft)).toEqual({ title: '学习心得', prompt: '', dueAt: '2026-03-04T18:30:00' });
  });

  it('editing starts from the deadline as it was given, offset or not', () => {
    const given = { title: '心得', prompt: null, dueAt: '2026-03-04T17:00:00+08:00' };
    expect(assignmentDraft(given)).toEqual({ title: '心得', prompt: '', date: '2026-03-04', time: '17:00' });
    expect(dueText(given.dueAt, 'zh-CN')).toBe('2026年3月4日 17:00');
    expect(dueText('2026-03-04T09:05:00', 'en')).toBe('4 Mar 2026 09:05');
  });

  it('the group filter lists the groups in their natural order, no group last', () => {
    const groups = ['第十组', null, '第二组', '第10组', '第2组', '第二组'].map((group) => ({ group }));
    expect(groupsOf(groups)).toEqual(['第2组', '第二组', '第10组', '第十组', null]);
  });

  it('trainees to enter a paper one for are listed by group, then pinyin', () => {
    const people = [
      { name: '张丽华', group: '第2组' },
      { name: '王建国', group: null },
      { name: '李雨航', group: '第10组' },
      { name: '陈静', group: '第2组' },
    ];
    expect(traineesByGroup(people).map((p) => p.name)).toEqual(['陈静', '张丽华', '李雨航', '王建国']);
  });
});

describe("the phone's draft", () => {
  it.each([
    ['nothing stored', null, emptyDraft],
    ['not JSON', '{', emptyDraft],
    ['not an object', '"text"', emptyDraft],
    [
      'a whole draft',
      JSON.stringify({ phone: '13800001000', title: '心得', body: '正文', handedIn: true }),
      { phone: '13800001000', title: '心得', body: '正文', handedIn: true },
    ],
    [
      'fields of the wrong type are dropped, the rest kept',
      JSON.stringify({ phone: 138, title: '心得', body: '正文', handedIn: 'yes' }),
      { phone: '', title: '心得', body: '正文', handedIn: false },
    ],
  ])('%s', (_, stored, draft) => {
    expect(parseDraft(stored)).toEqual(draft);
  });
});
