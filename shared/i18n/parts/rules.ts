// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// The rules frozen after a lock, 解除锁定, and a rules edit in the audit log as field: old → new.
export const zh = {
  'error.rules.frozen':
    '已有选手锁定了评分，“{what}”等影响成绩的规则已锁定，以免已公布的排名悄悄改变。确需修改时，请在“评分规则”页点“解除锁定”并写明原因，再保存。',
  'error.rules.notFrozen': '还没有选手锁定评分，评分规则可以直接修改，不需要解除锁定。',
  'rules.unfreezeReason': '解除锁定的原因',

  'rules.frozen.title': '评分规则已锁定',
  'rules.frozen.body':
    '已有选手锁定了评分。为免已公布的成绩和排名悄悄改变，评分项、满分、计分方法、小数位数、并列规则和评委组权重现在只能查看；评分项名称和计时仍可修改。',
  'rules.unfreeze': '解除锁定',
  'rules.unfreeze.title': '解除评分规则锁定',
  'rules.unfreeze.warning':
    '解除后可以修改一次影响成绩的规则。保存后，所有选手的得分和排名会按新规则重新计算，已经公布的成绩也可能改变；保存后或再锁定一位选手后，规则会重新锁定。',
  'rules.unfreeze.reasonHint': '例如：评分细则印错了满分，经主评委同意更正',
  'rules.unfreeze.needReason': '请写明解除锁定的原因，它会记入审计日志。',
  'rules.unfreeze.confirm': '解除锁定',
  'rules.unfreeze.cancel': '取消',
  'rules.unfreeze.done': '评分规则已解除锁定，可以修改一次',
  'rules.unfrozen.body': '评分规则已解除锁定：保存修改后，成绩和排名会按新规则重新计算，然后规则重新锁定。',
  'rules.advanced': '高级',
  'rules.advanced.hint': '评分项代码由系统自动生成，用于导出和接口，一般不需要修改。',

  'rules.field.criterion.added': '新增评分项',
  'rules.field.criterion.removed': '删除评分项',
  'rules.field.criterion.name': '评分项名称',
  'rules.field.criterion.max': '满分',
  'rules.field.criterion.step': '最小分值单位',
  'rules.field.criteria.order': '评分项顺序',
  'rules.field.aggregation.method': '计分方法',
  'rules.field.aggregation.dropHighest': '去掉最高分个数',
  'rules.field.aggregation.dropLowest': '去掉最低分个数',
  'rules.field.decimals': '保留小数',
  'rules.field.tieBreak': '并列处理规则',
  'rules.field.group.added': '新增评委组',
  'rules.field.group.removed': '删除评委组',
  'rules.field.group.name': '评委组名称',
  'rules.field.group.weight': '权重',
  'rules.field.timer': '演讲计时',
  'rules.field.timer.greenAt': '绿色提示',
  'rules.field.timer.amberAt': '黄色提示',
  'rules.field.timer.redAt': '红色 / 时间到',
  'rules.field.timer.overtimeDeductionPerMinute': '超时每分钟扣分',

  'rules.change.value': '{field} {before} → {after}',
  'rules.change.criterion': '评分项「{item}」{field} {before} → {after}',
  'rules.change.group': '评委组「{item}」{field} {before} → {after}',
  'rules.change.criterionRenamed': '评分项「{before}」改名为「{after}」',
  'rules.change.groupRenamed': '评委组「{before}」改名为「{after}」',
  'rules.change.criterionAdded': '新增评分项「{item}」，满分 {value}',
  'rules.change.criterionRemoved': '删除评分项「{item}」（满分 {value}）',
  'rules.change.groupAdded': '新增评委组「{item}」，权重 {value}%',
  'rules.change.groupRemoved': '删除评委组「{item}」（权重 {value}%）',
  'rules.change.on': '开',
  'rules.change.off': '关',
  'rules.change.none': '无',
  'rules.change.list': '、',
  'contest.audit.action.unfreeze': '解除规则锁定',
} as const;

export const en = {
  'error.rules.frozen':
    'A speaker has been locked, so rules that change results (such as "{what}") are frozen ' +
    'and a revealed ranking cannot change silently. ' +
    'To change them, press "Unlock" on the Scoring rules tab, give a reason, then save.',
  'error.rules.notFrozen':
    'No speaker has been locked yet: the scoring rules can be changed directly, no unlocking needed.',
  'rules.unfreezeReason': 'Reason for unlocking',

  'rules.frozen.title': 'The scoring rules are frozen',
  'rules.frozen.body':
    'A speaker has been locked. So that revealed scores and ranks cannot change silently, criteria, maxima, ' +
    'aggregation, decimals, tie-breaks and group weights are read-only now; ' +
    'criterion names and the timer can still change.',
  'rules.unfreeze': 'Unlock',
  'rules.unfreeze.title': 'Unlock the scoring rules',
  'rules.unfreeze.warning':
    'Unlocking allows one change of the rules that affect results. ' +
    'Once saved, every score and rank is worked out again under the new rules, ' +
    'and results already revealed may change. ' +
    'The rules freeze again after that save, or when another speaker is locked.',
  'rules.unfreeze.reasonHint': 'For example: the printed rubric had the wrong maximum; corrected with the chief judge',
  'rules.unfreeze.needReason': 'Say why the rules are unlocked; the reason goes into the audit log.',
  'rules.unfreeze.confirm': 'Unlock',
  'rules.unfreeze.cancel': 'Cancel',
  'rules.unfreeze.done': 'Scoring rules unlocked for one change',
  'rules.unfrozen.body':
    'The scoring rules are unlocked: after you save, scores and ranks are worked out again under the new rules, ' +
    'and the rules freeze again.',
  'rules.advanced': 'Advanced',
  'rules.advanced.hint':
    'Criterion codes are made automatically for exports and the API; there is usually no need to change them.',

  'rules.field.criterion.added': 'New criterion',
  'rules.field.criterion.removed': 'Criterion removed',
  'rules.field.criterion.name': 'Criterion name',
  'rules.field.criterion.max': 'maximum',
  'rules.field.criterion.step': 'smallest step',
  'rules.field.criteria.order': 'Order of criteria',
  'rules.field.aggregation.method': 'Aggregation',
  'rules.field.aggregation.dropHighest': 'Highest dropped',
  'rules.field.aggregation.dropLowest': 'Lowest dropped',
  'rules.field.decimals': 'Decimals',
  'rules.field.tieBreak': 'Tie-break rules',
  'rules.field.group.added': 'New judge group',
  'rules.field.group.removed': 'Judge group removed',
  'rules.field.group.name': 'Judge group name',
  'rules.field.group.weight': 'weight',
  'rules.field.timer': 'Speech timer',
  'rules.field.timer.greenAt': 'Green',
  'rules.field.timer.amberAt': 'Amber',
  'rules.field.timer.redAt': 'Red / time up',
  'rules.field.timer.overtimeDeductionPerMinute': 'Deduction per minute over',

  'rules.change.value': '{field} {before} → {after}',
  'rules.change.criterion': 'Criterion "{item}" {field} {before} → {after}',
  'rules.change.group': 'Judge group "{item}" {field} {before} → {after}',
  'rules.change.criterionRenamed': 'Criterion "{before}" renamed "{after}"',
  'rules.change.groupRenamed': 'Judge group "{before}" renamed "{after}"',
  'rules.change.criterionAdded': 'New criterion "{item}", maximum {value}',
  'rules.change.criterionRemoved': 'Criterion "{item}" removed (maximum {value})',
  'rules.change.groupAdded': 'New judge group "{item}", weight {value}%',
  'rules.change.groupRemoved': 'Judge group "{item}" removed (weight {value}%)',
  'rules.change.on': 'on',
  'rules.change.off': 'off',
  'rules.change.none': 'none',
  'rules.change.list': ', ',
  'contest.audit.action.unfreeze': 'Rules unlocked',
} as const satisfies Record<keyof typeof zh, string>;
