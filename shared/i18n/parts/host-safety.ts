// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// One host per data folder, a full disk, and a judge added after some speakers were locked.
export const zh = {
  'host.dataDirInUse':
    '数据文件夹 {dir} 已被另一个 Podium（进程 {pid}，自 {since} 起）使用，这个 Podium 没有启动。' +
    '请先关闭那个 Podium，或换一个数据文件夹（用 --data 指定）；' +
    '如果确定没有其他 Podium 在运行，请删除 {file} 后再启动。',
  'host.dataDirInUseElsewhere':
    '数据文件夹 {dir} 已被电脑 {machine} 上的 Podium（进程 {pid}，自 {since} 起）使用，这个 Podium 没有启动。' +
    '请先在那台电脑上关闭它；如果那台电脑上已经没有运行 Podium，请删除 {file} 后再启动。',
  'host.dataDirInUseUnknown':
    '数据文件夹 {dir} 正被另一个 Podium 使用（{file} 无法读取），这个 Podium 没有启动。' +
    '请稍后再试；如果没有其他 Podium 在运行，请删除 {file} 后再启动。',
  'host.diskFull': '数据文件夹 {dir} 所在的磁盘已满，Podium 没有启动。请腾出磁盘空间（删除不需要的文件）后再启动。',
  'error.diskFull': '磁盘已满，这次的修改没有保存。请在这台电脑上腾出磁盘空间（删除不需要的文件），然后再试一次。',
  'error.contest.panelClosed':
    '{judge} 是在 {name} 的评分锁定之后才加入的评委，不在这位选手的评委组里，不能为其补录评分；' +
    '{judge} 只为之后出场的选手评分。',
  'contest.ranking.panelHead': '评分评委',
  'contest.ranking.panelSize': '评委 {count} 人',
  'contest.ranking.panelNote':
    '各选手的评分评委人数不同：评分锁定之后才加入的评委只为之后出场的选手评分，“仍然锁定”时未提交的评委不计入；' +
    '每位选手的成绩按为其评分的评委计算，已锁定的成绩不会因此改变。',
} as const;

export const en = {
  'host.dataDirInUse':
    'The data folder {dir} is in use by another Podium (process {pid}, since {since}), so this Podium did not ' +
    'start. Close the other Podium first, or choose another data folder with --data; if you are sure no other ' +
    'Podium is running, delete {file} and start again.',
  'host.dataDirInUseElsewhere':
    'The data folder {dir} is in use by Podium on the computer {machine} (process {pid}, since {since}), so this ' +
    'Podium did not start. Close it on that computer first; if Podium no longer runs there, delete {file} and ' +
    'start again.',
  'host.dataDirInUseUnknown':
    'The data folder {dir} is in use by another Podium ({file} cannot be read), so this Podium did not start. ' +
    'Try again in a moment; if no other Podium is running, delete {file} and start again.',
  'host.diskFull':
    'The disk of the data folder {dir} is full, so Podium did not start. Free some disk space (delete files you do ' +
    'not need), then start again.',
  'error.diskFull':
    'The disk is full, so this change was not saved. Free some disk space on this computer (delete files you ' +
    'do not need), then try again.',
  'error.contest.panelClosed':
    '{judge} joined the panel after the scores of {name} were locked, so is not on that speaker’s panel and ' +
    'cannot have a sheet entered for them; {judge} scores only the speakers after that.',
  'contest.ranking.panelHead': 'Scored by',
  'contest.ranking.panelSize': '{count} judges',
  'contest.ranking.panelNote':
    'Not every speaker was scored by the same number of judges: a judge added after a speaker’s scores were ' +
    'locked scores only later speakers, and judges left out by “Lock anyway” do not count. Each result comes ' +
    'from the judges who scored that speaker; results already locked do not change.',
} as const;
