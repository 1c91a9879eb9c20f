import { describe, expect, it } from 'vitest';
import type { RubricChange } from '../../shared/domain/rubricDiff';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { rubricChangeLines, rubricChangesOf } from '../../renderer/console/contest/rubricChanges';
import { speechRubricWith } from '../support/rubrics';

const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const criteria = [{ key: 'content', name: '内容' }];

describe('a rules edit in the audit log, one readable line per change', () => {
  const cases: Array<[RubricChange, string, string]> = [
    [{ field: 'decimals', before: 2, after: 1 }, '保留小数 2 → 1', 'Decimals 2 → 1'],
    [
      { field: 'criterion.max', item: '仪态', before: 10, after: 15 },
      '评分项「仪态」满分 10 → 15',
      'Criterion "仪态" maximum 10 → 15',
    ],
    [
      { field: 'criterion.name', item: '仪态', before: '形象', after: '仪态' },
      '评分项「形象」改名为「仪态」',
      'Criterion "形象" renamed "仪态"',
    ],
    [
      { field: 'criterion.added', item: '创新', before: null, after: 10 },
      '新增评分项「创新」，满分 10',
      'New criterion "创新", maximum 10',
    ],
    [
      { field: 'aggregation.method', before: 'trimmed-mean', after: 'mean' },
      '计分方法 去掉最高最低后平均 → 平均分',
      'Aggregation Mean without highest and lowest → Mean',
    ],
    [
      { field: 'tieBreak', before: [], after: ['unrounded', 'criterion:content'] },
      '并列处理规则 无 → 未四舍五入的分数、“内容”得分',
      'Tie-break rules none → Unrounded score, Score for "内容"',
    ],
    [{ field: 'timer.redAt', before: 360, after: 300 }, '红色 / 时间到 6:00 → 5:00', 'Red / time up 6:00 → 5:00'],
    [{ field: 'timer', before: true, after: false }, '演讲计时 开 → 关', 'Speech timer on → off'],
    [
      { field: 'group.weight', item: '专业评委', before: 70, after: 60 },
      '评委组「专业评委」权重 70 → 60',
      'Judge group "专业评委" weight 70 → 60',
    ],
  ];
  for (const [change, chinese, english] of cases) {
    it(change.field, () => {
      expect(rubricChangeLines(zh, [change], criteria)).toEqual([chinese]);
      expect(rubricChangeLines(en, [change], criteria)).toEqual([english]);
    });
  }

  it('reads what an entry recorded, and compares the two whole rubrics older entries kept', () => {
    expect(rubricChangesOf(null, { changes: [{ field: 'decimals', before: 2, after: 1 }] })).toEqual([
      { field: 'decimals', before: 2, after: 1 },
    ]);
    const before = { ...speechRubricWith(), groups: [], timer: null };
    const after = { ...before, decimals: 1 };
    expect(rubricChangesOf(before, after)).toEqual([{ field: 'decimals', before: 2, after: 1 }]);
    expect(rubricChangesOf(null, 'something else')).toBeNull();
  });
});
