// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// A lost judge laptop: a judge's link reissued (重新生成链接) or shut off (停用), in the console's judges panel.
export const zh = {
  'judgeLink.reissue': '重新生成链接',
  'judgeLink.revoke': '停用',
  'judgeLink.reissueConfirm':
    '为 {name} 重新生成链接？旧链接和二维码将立即失效，需要重新打印这位评委的卡片。已提交的评分不受影响。',
  'judgeLink.revokeConfirm':
    '停用 {name} 的链接？这位评委的评分页面和卡片将立即无法使用，已提交的评分仍计入成绩。' +
    '要恢复，请点“重新生成链接”，再打印新卡片。',
  'judgeLink.reissued': '已为 {name} 生成新链接，旧链接已失效。请打印新卡片交给这位评委。',
  'judgeLink.revoked': '已停用 {name} 的链接。',
  'judgeLink.revokedTag': '已停用',
  'judgeLink.revokedHelp':
    '这位评委的链接已停用，无法进入评分页面；已提交的评分仍计入成绩。要恢复，请点“重新生成链接”并打印新卡片。',
  'judgeLink.unprintableTag': '需要新链接',
  'judgeLink.unprintableHelp':
    '这份数据来自另一台电脑，这里无法重新打印这位评委的卡片（旧卡片仍可使用）。要打印卡片，请点“重新生成链接”。',
  'judgeLink.printSkipped': '{count} 位评委的链接已停用或需要重新生成，没有打印他们的卡片。',
  'contest.audit.action.reissue-link': '重新生成评委链接',
  'contest.audit.action.revoke-link': '停用评委链接',
} as const;

export const en = {
  'judgeLink.reissue': 'New link',
  'judgeLink.revoke': 'Disable',
  'judgeLink.reissueConfirm':
    'Make a new link for {name}? The old link and QR code stop working at once, and this judge’s card must be ' +
    'printed again. Scores already submitted are kept.',
  'judgeLink.revokeConfirm':
    'Disable the link of {name}? This judge’s scoring page and card stop working at once; scores already submitted ' +
    'still count. To undo, choose “New link” and print a new card.',
  'judgeLink.reissued': 'New link made for {name}; the old one no longer works. Print the new card for this judge.',
  'judgeLink.revoked': 'The link of {name} is disabled.',
  'judgeLink.revokedTag': 'Disabled',
  'judgeLink.revokedHelp':
    'This judge’s link is disabled and their scoring page does not open; scores already submitted still count. ' +
    'To let them back, choose “New link” and print a new card.',
  'judgeLink.unprintableTag': 'Needs a new link',
  'judgeLink.unprintableHelp':
    'These data come from another computer, so this judge’s card cannot be printed again here (the old card still ' +
    'works). To print a card, choose “New link”.',
  'judgeLink.printSkipped': '{count} judges have a disabled link or need a new one; their cards were not printed.',
  'contest.audit.action.reissue-link': 'New judge link',
  'contest.audit.action.revoke-link': 'Judge link disabled',
} as const;
