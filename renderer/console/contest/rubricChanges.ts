// A rules edit in the audit log as lines a person reads: 保留小数 2 → 1, 评分项「仪态」满分 10 → 15.
import { Rubric, RubricAudit } from '../../../shared/api/contest';
import { rubricDiff, type RubricChange, type RubricValue } from '../../../shared/domain/rubricDiff';
import { clockText } from './format';
import { methodOf, tieBreakLabel, type Translate } from './rubricForm';

type Criteria = readonly { key: string; name: string }[];

/** The changes an audit entry of a rules edit records; older entries kept both whole rubrics and are compared here. */
export function rubricChangesOf(before: unknown, after: unknown): RubricChange[] | null {
  const recorded = RubricAudit.safeParse(after);
  if (recorded.success) return recorded.data.changes;
  const now = Rubric.safeParse(after);
  if (!now.success) return null;
  const was = Rubric.safeParse(before);
  return rubricDiff(was.success ? was.data : null, now.data);
}

function valueText(t: Translate, change: RubricChange, value: RubricValue, criteria: Criteria): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(value ? 'rules.change.on' : 'rules.change.off');
  if (typeof value === 'object') {
    if (value.length === 0) return t('rules.change.none');
    const items = change.field === 'tieBreak' ? value.map((rule) => tieBreakLabel(t, rule, criteria)) : value;
    return items.join(t('rules.change.list'));
  }
  if (change.field === 'aggregation.method' && typeof value === 'string') {
    const method = methodOf(value);
    return method ? t(`contest.method.${method}`) : value;
  }
  const clock = change.field === 'timer.greenAt' || change.field === 'timer.amberAt' || change.field === 'timer.redAt';
  if (clock && typeof value === 'number') return clockText(value);
  return String(value);
}

/** One line per change, in the reader's language; `criteria` names the criteria tie-break rules refer to. */
export function rubricChangeLines(t: Translate, changes: readonly RubricChange[], criteria: Criteria): string[] {
  return changes.map((change) => {
    const item = change.item ?? '';
    const before = valueText(t, change, change.before, criteria);
    const after = valueText(t, change, change.after, criteria);
    const field = t(`rules.field.${change.field}`);
    switch (change.field) {
      case 'criterion.added':
        return t('rules.change.criterionAdded', { item, value: after });
      case 'criterion.removed':
        return t('rules.change.criterionRemoved', { item, value: before });
      case 'group.added':
        return t('rules.change.groupAdded', { item, value: after });
      case 'group.removed':
        return t('rules.change.groupRemoved', { item, value: before });
      case 'criterion.name':
        return t('rules.change.criterionRenamed', { before, after });
      case 'group.name':
        return t('rules.change.groupRenamed', { before, after });
      case 'criterion.max':
      case 'criterion.step':
        return t('rules.change.criterion', { item, field, before, after });
      case 'group.weight':
        return t('rules.change.group', { item, field, before, after });
      default:
        return t('rules.change.value', { field, before, after });
    }
  });
}
