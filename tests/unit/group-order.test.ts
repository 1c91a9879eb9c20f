import { describe, expect, test } from 'vitest';
import { compareGroups as onPaper } from '../../electron/documents/training-data';
import { compareGroups as onScreen } from '../../renderer/console/training/roster';
import { compareGroups } from '../../shared/domain/groups';

// The console's lists and the printed ones put groups in one order: by their numbers, Chinese or Arabic.
describe('the order of groups', () => {
  test('numbers by value, written either way; no group last', () => {
    const groups = ['第十组', '第四组', '第2组', null, '第十一组', '第一组', '第10组', '第三组'];
    expect([...groups].sort(compareGroups)).toEqual([
      '第一组',
      '第2组',
      '第三组',
      '第四组',
      '第10组',
      '第十组',
      '第十一组',
      null,
    ]);
  });

  test('the screen and the paper use the same rule', () => {
    expect(onScreen).toBe(compareGroups);
    expect(onPaper).toBe(compareGroups);
  });
});
