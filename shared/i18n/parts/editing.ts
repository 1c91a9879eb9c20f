// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// Editing and deleting speakers, trainees and events; certificates to reprint after a rename.
export const zh = {
  // Why the host refuses to delete a person.
  'error.editing.onStage': '{name}正在演讲或评分中，不能删除；请先锁定评分。',
  'error.editing.resultsRevealed': '成绩已公布，不能删除{name}；如需更正姓名，请点“编辑”。',
  'error.editing.orderFixed': '{name}已按抽签顺序上场，不能删除；如需更正姓名，请点“编辑”。',
  'error.editing.nothingToReprint': '没有需要重印的证书：印出后没有人改过姓名、单位或奖项。',

  'contest.audit.action.participant': '修改参赛选手信息',
  'contest.audit.action.remove-participant': '删除参赛选手',
  'contest.audit.action.event': '修改活动信息',

  // The roster's row actions and the edit form.
  'editing.actions': '操作',
  'editing.edit': '编辑',
  'editing.editNamed': '编辑 {name}',
  'editing.delete': '删除',
  'editing.deleteNamed': '删除 {name}',
  'editing.editTitle': '编辑 {name}',
  'editing.save': '保存',
  'editing.cancel': '取消',
  'editing.saved': '已保存 {name}',
  'editing.deleted': '已删除 {name}',
  'editing.checking': '正在查看删除会影响什么…',
  'editing.askDelete': '删除 {name}？',
  'editing.loseScores': '{count} 位评委给出的评分将一并删除。',
  'editing.loseCheckins': '{count} 条签到记录将一并删除。',
  'editing.keepCertificates': '已发证书（{numbers}）仍留在证书登记表中，按印出的姓名保存。',
  'editing.leaveOrder': '将从抽签的出场顺序中去掉，其他人的先后不变。',
  'editing.nothingLost': '没有评分、签到或证书记录。',
  'editing.cannotUndo': '删除后不能恢复。',
  'editing.confirmDelete': '确认删除',

  // The event's own details.
  'editing.editEvent': '编辑活动',
  'editing.eventSaved': '活动信息已保存',
  'editing.deleteEvent': '删除活动',
  'editing.askDeleteEvent': '删除活动“{title}”？',
  'editing.eventHolds':
    '其中有 {participants} 人、{judges} 位评委、{scores} 份评分、{checkins} 条签到、{certificates} 张证书记录。',
  'editing.eventCannotUndo': '活动的全部数据（包括审计日志）都会删除，不能恢复。需要留底请先点“备份数据”。',
  'editing.typeTitle': '请输入活动名称以确认删除',
  'editing.titleMismatch': '输入的名称与活动名称不一致。',
  'editing.eventDeleted': '已删除活动“{title}”',

  // Certificates whose person was renamed after they were printed.
  'editing.reprintNeeded': '需重印',
  'editing.reprintHint': '印出后姓名或单位有改动，证书需要重印',
  'editing.printReprints': '只打印需重印的（{count}）',
  'editing.onlyField': '打印范围',
} as const;

export const en = {
  'error.editing.onStage': '{name} is speaking or being scored and cannot be deleted; lock the scores first.',
  'error.editing.resultsRevealed':
    'Results have been revealed, so {name} cannot be deleted. To correct the name, use Edit.',
  'error.editing.orderFixed':
    '{name} has already spoken in the drawn order and cannot be deleted. To correct the name, use Edit.',
  'error.editing.nothingToReprint':
    'No certificate needs reprinting: no name, organisation or award changed since they were printed.',

  'contest.audit.action.participant': 'Speaker edited',
  'contest.audit.action.remove-participant': 'Speaker deleted',
  'contest.audit.action.event': 'Event details edited',

  'editing.actions': 'Actions',
  'editing.edit': 'Edit',
  'editing.editNamed': 'Edit {name}',
  'editing.delete': 'Delete',
  'editing.deleteNamed': 'Delete {name}',
  'editing.editTitle': 'Edit {name}',
  'editing.save': 'Save',
  'editing.cancel': 'Cancel',
  'editing.saved': '{name} saved',
  'editing.deleted': '{name} deleted',
  'editing.checking': 'Checking what deleting would affect…',
  'editing.askDelete': 'Delete {name}?',
  'editing.loseScores': 'The scores of {count} judges are deleted with them.',
  'editing.loseCheckins': '{count} check-ins are deleted with them.',
  'editing.keepCertificates': 'Certificates already issued ({numbers}) stay in the register under the name printed.',
  'editing.leaveOrder': 'They leave the drawn order of appearance; everyone else keeps their place.',
  'editing.nothingLost': 'There are no scores, check-ins or certificates for them.',
  'editing.cannotUndo': 'This cannot be undone.',
  'editing.confirmDelete': 'Delete',

  'editing.editEvent': 'Edit event',
  'editing.eventSaved': 'Event details saved',
  'editing.deleteEvent': 'Delete event',
  'editing.askDeleteEvent': 'Delete the event “{title}”?',
  'editing.eventHolds':
    'It holds {participants} people, {judges} judges, {scores} score sheets, {checkins} check-ins and ' +
    '{certificates} certificate records.',
  'editing.eventCannotUndo':
    'All of the event’s data, the audit log included, is deleted and cannot be recovered. ' +
    'To keep a copy, use Back up data first.',
  'editing.typeTitle': 'Type the event title to confirm',
  'editing.titleMismatch': 'What you typed is not the event title.',
  'editing.eventDeleted': 'Event “{title}” deleted',

  'editing.reprintNeeded': 'Reprint',
  'editing.reprintHint': 'The name or organisation changed after this certificate was printed',
  'editing.printReprints': 'Print only those to reprint ({count})',
  'editing.onlyField': 'Which certificates',
} as const satisfies Record<keyof typeof zh, string>;
