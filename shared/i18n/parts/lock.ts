// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// Locking a speaker's scores with judges missing, 补录 from the paper card, and a contest without judges.
export const zh = {
  'run.force': '仍然锁定',
  'error.contest.missingScores':
    '还有 {count} 位评委未提交 {name} 的评分：{judges}。请等评委提交，或由主评委按纸质评分卡补录；' +
    '如果仍然锁定，这几位评委就不能再为这位选手评分，成绩按已提交的评分计算。',
  'error.contest.noJudgesStart': '还没有添加评委：请先在“评委”中添加评委，再开始比赛。',
  'error.contest.noJudgesLock': '还没有添加评委，{name} 没有评分可以锁定：请先在“评委”中添加评委，评分后再锁定。',
  'error.contest.tooFewScores': '{name} 的有效评分只有 {count} 份，按本场的计分方法算不出成绩，不能公布。',
  'error.contest.entryBeforeStart': '{name} 还没有开始演讲，不能补录评分。',

  'contest.audit.action.enter': '补录评分',
  'contest.audit.lockForced': '仍然锁定，未提交：{judges}',

  'contest.lock.title': '锁定 {name} 的评分？',
  'contest.lock.missing': '还有 {count} 位评委未提交：',
  'contest.lock.wait': '可以等评委提交（提交后这里会更新），或由主评委按纸质评分卡为其补录。',
  'contest.lock.forceEffect':
    '仍然锁定：{judges} 就不能再为这位选手评分，成绩按已提交的 {count} 份评分计算。锁定后仍可由主评委补录。',
  'contest.lock.allIn': '全部评委都已提交，可以锁定。',
  'contest.lock.force': '仍然锁定',
  'contest.lock.lock': '锁定评分',
  'contest.lock.cancel': '取消',
  'contest.lock.revealBlocked': '{name} 的评分还不够算出成绩，暂不能公布：请为未提交的评委补录。',
  'contest.progress.missing': '未提交，不计入',
  'contest.entry.open': '补录',
  'contest.entry.title': '为 {judge} 补录 {name} 的评分',
  'contest.entry.hint': '按评委签字的纸质评分卡逐项录入。补录和原因记入审计日志。',
  'contest.entry.reason': '补录原因',
  'contest.entry.reasonExample': '例如：评委手机没电，按纸质评分卡补录',
  'contest.entry.needReason': '请填写补录原因',
  'contest.entry.submit': '保存补录',
  'contest.entry.cancel': '取消',
  'contest.entry.saved': '已为 {judge} 补录评分，总分 {total}',
} as const;

export const en = {
  'run.force': 'Lock anyway',
  'error.contest.missingScores':
    '{count} judge(s) have not submitted scores for {name}: {judges}. Wait for them, or let the chief judge ' +
    'enter their paper score cards; if you lock anyway, they can no longer score this speaker and the final is ' +
    'computed from the scores submitted.',
  'error.contest.noJudgesStart': 'No judges have been added yet: add them under "Judges" first, then start.',
  'error.contest.noJudgesLock':
    'No judges have been added yet, so {name} has no scores to lock: add judges under "Judges" first, ' +
    'then lock once they have scored.',
  'error.contest.tooFewScores':
    '{name} has only {count} valid score(s): the rules of this contest cannot compute a final, ' +
    'so it cannot be revealed.',
  'error.contest.entryBeforeStart': '{name} has not started speaking yet, so no score can be entered.',

  'contest.audit.action.enter': 'Score entered',
  'contest.audit.lockForced': 'Locked anyway; not submitted: {judges}',

  'contest.lock.title': "Lock {name}'s scores?",
  'contest.lock.missing': '{count} judge(s) have not submitted:',
  'contest.lock.wait':
    'Wait for them (this list updates as they submit), or let the chief judge enter their paper cards.',
  'contest.lock.forceEffect':
    'Lock anyway: {judges} can no longer score this speaker, and the final is computed from the {count} score(s) ' +
    'submitted. The chief judge can still enter missing cards after the lock.',
  'contest.lock.allIn': 'Every judge has submitted; the scores can be locked.',
  'contest.lock.force': 'Lock anyway',
  'contest.lock.lock': 'Lock scores',
  'contest.lock.cancel': 'Cancel',
  'contest.lock.revealBlocked':
    "{name}'s scores are not enough for a final yet, so it cannot be revealed: enter the missing judges' cards.",
  'contest.progress.missing': 'Not in, not counted',
  'contest.entry.open': 'Enter card',
  'contest.entry.title': "Enter {judge}'s score for {name}",
  'contest.entry.hint':
    "Type each item from the judge's signed paper card. The entry and its reason go into the audit log.",
  'contest.entry.reason': 'Why it is entered',
  'contest.entry.reasonExample': "e.g. the judge's phone ran out of battery; entered from the paper card",
  'contest.entry.needReason': 'Write why the score is entered',
  'contest.entry.submit': 'Save entry',
  'contest.entry.cancel': 'Cancel',
  'contest.entry.saved': "{judge}'s score entered; total {total}",
} as const;
