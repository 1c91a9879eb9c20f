// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// The event archive (.podium): exporting one event to a file and importing it on another computer.
export const zh = {
  'archive.fileName': '{title} {date}.podium',
  'archive.error.notAnArchive':
    '这个文件不是 Podium 活动存档（.podium），或者已经损坏，没有导入任何内容。请在原来的电脑上重新“导出活动存档”，再导入新的文件。',
  'archive.error.newer':
    '这个活动存档来自更新版本的 Podium，没有导入任何内容。请用更新版本的 Podium 打开它（先升级这台电脑上的 Podium）。',

  'archive.export.title': '活动存档',
  'archive.export.hint':
    '把这个活动的全部资料（名单、评分规则、评委、评分、操作记录、证书编号、考勤）存成一个 .podium 文件，' +
    '可在另一台电脑上“导入活动存档”。文件里没有评委和签到台的链接：导入后请重新打印评委卡、重建签到台链接。',
  'archive.export.button': '导出活动存档',
  'archive.export.working': '正在导出…',
  'archive.import.button': '导入活动存档',
  'archive.import.working': '正在导入…',
  'archive.import.done.contest': '已导入“{title}”。评委的旧链接没有随存档带来：请在“评委”中重新打印评委卡。',
  'archive.import.done.training': '已导入“{title}”。签到台的旧链接没有随存档带来：请在“签到”中重新建立签到台链接。',
  'archive.import.already': '这个活动存档已经导入过了，没有重复导入：已打开“{title}”。',
} as const;

export const en = {
  'archive.fileName': '{title} {date}.podium',
  'archive.error.notAnArchive':
    'This file is not a Podium event archive (.podium), or it is damaged; nothing was imported. ' +
    'Export the event archive again on the original computer and import the new file.',
  'archive.error.newer':
    'This event archive comes from a newer version of Podium; nothing was imported. ' +
    'Open it with the newer Podium (update Podium on this computer first).',

  'archive.export.title': 'Event archive',
  'archive.export.hint':
    'Saves everything of this event (roster, rules, judges, scores, audit log, certificate numbers, attendance) ' +
    'as one .podium file to import on another computer. It holds no judge or desk links: make new ones after.',
  'archive.export.button': 'Export event archive',
  'archive.export.working': 'Exporting…',
  'archive.import.button': 'Import event archive',
  'archive.import.working': 'Importing…',
  'archive.import.done.contest':
    'Imported “{title}”. The judges’ old links stay behind: print new judge cards (Judges).',
  'archive.import.done.training':
    'Imported “{title}”. The desks’ old links stay behind: make new desk links (Check-in).',
  'archive.import.already': 'This event archive was imported before; nothing was duplicated. Opened “{title}”.',
} as const;
