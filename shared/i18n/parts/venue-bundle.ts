// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// 分会场: a sub-classroom's venue bundle out of its laptop and into the main classroom's, 本机会场, 应到/实到.
export const zh = {
  'venueBundle.fileName': '{title} {venue} {date}.podium-venue',
  'venueBundle.auditReason': '分会场数据包：{venue}',

  'venueBundle.error.notABundle':
    '这个文件不是 Podium 分会场数据包，或者已经损坏，没有导入任何内容。请在分会场的电脑上重新“导出分会场数据包”，再导入新的文件。',
  'venueBundle.error.newer':
    '这个分会场数据包来自更新版本的 Podium，没有导入任何内容。请先把这台电脑上的 Podium 升级到与分会场相同或更新的版本。',
  'venueBundle.error.otherClass':
    '这个分会场数据包属于另一个培训班，没有导入任何内容。请在本班的“分会场”中导入本班的数据包；' +
    '分会场的电脑应先导入主会场导出的本班“活动存档”，再在那个班里签到和导出数据包。',
  'venueBundle.error.unknownVenue':
    '这个数据包的会场“{venue}”不在本班的会场里，没有导入任何内容。请先在“课程表”中恢复这个会场，或检查数据包是不是本班的。',
  'venueBundle.error.rosterDiffers':
    '这个数据包里的学员“{name}”在本班名单上是“{here}”，两边的名单对不上，没有导入任何内容。' +
    '请让分会场重新导入这台电脑导出的本班活动存档，签到后再导出数据包。',
  'venueBundle.error.venueNotShared':
    '会场“{venue}”是在这台电脑上新建的，主会场不认识它。请选择从主会场活动存档带来的会场导出。',
  'venueBundle.error.venueNotFound': '没有找到这个会场（编号 {id}）。请刷新页面，从列表中选择会场。',

  'venueBundle.local.title': '本机会场',
  'venueBundle.local.hint':
    '分会场的电脑：先导入主会场导出的本班活动存档，再在这里选择本机是哪个会场。之后在本机的签到都记在这个会场。',
  'venueBundle.local.label': '这台电脑是',
  'venueBundle.local.none': '主会场（或未设置）',
  'venueBundle.local.saved': '已设置：这台电脑是“{venue}”。',
  'venueBundle.local.cleared': '已设置：这台电脑不代表某个分会场。',

  'venueBundle.table.title': '应到 / 实到（按会场）',
  'venueBundle.table.hint':
    '应到是登记在该会场的学员；实到是在该会场签到（出勤或迟到）的人数，没有记下会场的签到算在学员登记的会场。',
  'venueBundle.table.session': '课程',
  'venueBundle.table.expected': '应到 {count}',
  'venueBundle.table.cell': '{attended} / {expected}',
  'venueBundle.table.unplaced': '未记会场',
  'venueBundle.table.noVenues': '这个班还没有会场。请先在“课程表”中添加主会场和分会场。',
  'venueBundle.table.noSessions': '还没有课程。',

  'venueBundle.export.title': '导出分会场数据包',
  'venueBundle.export.hint':
    '分会场每天（或结班时）导出一次，把文件交给主会场导入。数据包里有本会场的签到、请假等状态、课程评估和学习心得。',
  'venueBundle.export.venue': '会场',
  'venueBundle.export.button': '导出数据包',
  'venueBundle.export.working': '正在导出…',

  'venueBundle.import.title': '导入分会场数据包',
  'venueBundle.import.hint': '主会场导入分会场交来的数据包。同一个数据包导入两次不会重复计数。',
  'venueBundle.import.button': '选择数据包导入',
  'venueBundle.import.working': '正在导入…',
  'venueBundle.import.done':
    '已合并“{venue}”的数据包：{checkins} 条签到、{statuses} 条请假等状态、{evaluations} 份评估、{reflections} 篇心得。',
  'venueBundle.import.flagged': '{count} 人在两个会场签到，已标出（只计一次）。',
  'venueBundle.import.already': '“{venue}”的这个数据包已经合并过了，没有重复合并。',

  'venueBundle.conflicts.title': '在两个会场签到的学员',
  'venueBundle.conflicts.none': '没有在两个会场签到的学员。',
  'venueBundle.conflicts.session': '课程',
  'venueBundle.conflicts.name': '学员',
  'venueBundle.conflicts.kept': '计入的签到',
  'venueBundle.conflicts.other': '另一会场的签到（未计入）',
  'venueBundle.conflicts.place': '{venue} {time}',
  'venueBundle.conflicts.noVenue': '未记会场',

  'venueBundle.bundles.title': '已导入的数据包',
  'venueBundle.bundles.none': '还没有导入分会场数据包。',
  'venueBundle.bundles.venue': '会场',
  'venueBundle.bundles.createdAt': '导出时间',
  'venueBundle.bundles.importedAt': '导入时间',
  'venueBundle.bundles.counts':
    '签到 {checkins}，状态 {statuses}，评估 {evaluations}，心得 {reflections}，标出 {flagged}',
} as const;

export const en = {
  'venueBundle.fileName': '{title} {venue} {date}.podium-venue',
  'venueBundle.auditReason': 'Venue bundle: {venue}',

  'venueBundle.error.notABundle':
    'This file is not a Podium venue bundle, or it is damaged; nothing was imported. ' +
    'Export the venue bundle again on the sub-classroom laptop and import the new file.',
  'venueBundle.error.newer':
    'This venue bundle comes from a newer version of Podium; nothing was imported. ' +
    'Update Podium on this computer to the same version as the sub-classroom or newer.',
  'venueBundle.error.otherClass':
    'This venue bundle belongs to another class; nothing was imported. Import this class’s bundles here. ' +
    'A sub-classroom laptop must first import this class’s event archive from the main classroom, ' +
    'then check in and export the bundle in that class.',
  'venueBundle.error.unknownVenue':
    'The bundle’s venue “{venue}” is not one of this class’s venues; nothing was imported. ' +
    'Restore the venue under Schedule, or check that the bundle is of this class.',
  'venueBundle.error.rosterDiffers':
    'The bundle’s trainee “{name}” is “{here}” on this class’s roster: the two rosters do not match; ' +
    'nothing was imported. Have the sub-classroom import the class archive exported from this computer, ' +
    'then check in and export the bundle again.',
  'venueBundle.error.venueNotShared':
    'The venue “{venue}” was made on this laptop and the main classroom does not know it. ' +
    'Export a venue that came with the main classroom’s archive.',
  'venueBundle.error.venueNotFound': 'Venue {id} was not found. Reload the page and choose a venue from the list.',

  'venueBundle.local.title': 'This laptop’s venue',
  'venueBundle.local.hint':
    'On a sub-classroom laptop: first import the class’s event archive from the main classroom, then choose which ' +
    'venue this laptop is. Check-ins on this laptop are then recorded at that venue.',
  'venueBundle.local.label': 'This laptop is',
  'venueBundle.local.none': 'The main classroom (or not set)',
  'venueBundle.local.saved': 'Set: this laptop is “{venue}”.',
  'venueBundle.local.cleared': 'Set: this laptop stands for no sub-classroom.',

  'venueBundle.table.title': 'Expected / present per venue',
  'venueBundle.table.hint':
    'Expected: trainees registered at the venue; present: check-ins (present or late) recorded there, a check-in ' +
    'with no venue recorded counting at the trainee’s own venue.',
  'venueBundle.table.session': 'Session',
  'venueBundle.table.expected': 'expected {count}',
  'venueBundle.table.cell': '{attended} / {expected}',
  'venueBundle.table.unplaced': 'No venue recorded',
  'venueBundle.table.noVenues': 'This class has no venues yet. Add the main and sub-classrooms under Schedule first.',
  'venueBundle.table.noSessions': 'No sessions yet.',

  'venueBundle.export.title': 'Export a venue bundle',
  'venueBundle.export.hint':
    'A sub-classroom exports once a day (or at the end of the class) and hands the file to the main classroom. ' +
    'It holds the venue’s check-ins, leave and other statuses, course evaluations and reflections.',
  'venueBundle.export.venue': 'Venue',
  'venueBundle.export.button': 'Export bundle',
  'venueBundle.export.working': 'Exporting…',

  'venueBundle.import.title': 'Import a venue bundle',
  'venueBundle.import.hint':
    'The main classroom imports the bundles its sub-classrooms hand in. The same bundle twice counts once.',
  'venueBundle.import.button': 'Choose a bundle to import',
  'venueBundle.import.working': 'Importing…',
  'venueBundle.import.done':
    'Merged the bundle of “{venue}”: {checkins} check-ins, {statuses} leave and other statuses, ' +
    '{evaluations} evaluations, {reflections} reflections.',
  'venueBundle.import.flagged': '{count} checked in at two venues; flagged (counted once).',
  'venueBundle.import.already': 'This bundle of “{venue}” was merged before; nothing was merged twice.',

  'venueBundle.conflicts.title': 'Trainees checked in at two venues',
  'venueBundle.conflicts.none': 'No trainee checked in at two venues.',
  'venueBundle.conflicts.session': 'Session',
  'venueBundle.conflicts.name': 'Trainee',
  'venueBundle.conflicts.kept': 'Check-in counted',
  'venueBundle.conflicts.other': 'Other venue’s check-in (not counted)',
  'venueBundle.conflicts.place': '{venue} {time}',
  'venueBundle.conflicts.noVenue': 'no venue recorded',

  'venueBundle.bundles.title': 'Bundles imported',
  'venueBundle.bundles.none': 'No venue bundle imported yet.',
  'venueBundle.bundles.venue': 'Venue',
  'venueBundle.bundles.createdAt': 'Exported',
  'venueBundle.bundles.importedAt': 'Imported',
  'venueBundle.bundles.counts':
    'check-ins {checkins}, statuses {statuses}, evaluations {evaluations}, reflections {reflections}, ' +
    'flagged {flagged}',
} as const;
