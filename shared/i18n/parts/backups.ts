// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// Automatic backups: the console's list, 立即备份, 恢复 (asked first), the backup folder, and the host's refusals.
export const zh = {
  'backups.title': '自动备份',
  'backups.intro': '每 5 分钟（有改动时）、每次锁定、公布和导入之后以及退出时自动备份，保留最近 50 份和每天最后一份。',
  'backups.takeNow': '立即备份',
  'backups.taking': '正在备份…',
  'backups.taken': '已备份：{time}',
  'backups.empty': '还没有备份。有改动后会自动备份，也可以点“立即备份”。',
  'backups.time': '时间',
  'backups.size': '大小',
  'backups.what': '备份前发生了什么',
  'backups.restore': '恢复',
  'backups.showAll': '显示全部 {count} 份',
  'backups.showFewer': '只显示最近 {count} 份',
  'backups.reason.interval': '定时备份',
  'backups.reason.lock': '锁定评分之后',
  'backups.reason.lockOf': '锁定 {name} 之后',
  'backups.reason.reveal': '公布成绩之后',
  'backups.reason.revealOf': '公布 {name} 之后',
  'backups.reason.import': '导入名单之后',
  'backups.reason.quit': '退出时',
  'backups.reason.manual': '手动备份',
  'backups.reason.before-restore': '恢复备份之前',
  'backups.sizeKb': '{size} KB',
  'backups.sizeMb': '{size} MB',
  'backups.confirm.title': '恢复 {time} 的备份？',
  'backups.confirm.body':
    '现在的全部数据会被这份备份取代，{time} 之后的评分、签到和修改都不再显示。恢复前会先把现在的数据另存为一份备份（“恢复备份之前”），需要时可以再恢复回来。',
  'backups.confirm.judges': '正在评分的评委页面会自动重新连接并显示恢复后的状态。',
  'backups.confirm.restore': '恢复这份备份',
  'backups.confirm.cancel': '取消',
  'backups.restoring': '正在恢复…',
  'backups.restored': '已恢复 {time} 的备份；恢复前的数据已另存为 {before} 的备份。',
  'backups.folder.title': '备份文件夹',
  'backups.folder.label': '备份文件夹',
  'backups.folder.other': '换一个备份文件夹',
  'backups.folder.current': '备份保存在：',
  'backups.folder.default': '（数据文件夹中的默认位置）',
  'backups.folder.hint':
    '可以选另一个磁盘或 U 盘上的文件夹，填写完整路径，例如 E:\\Podium备份 或 /Volumes/U盘/Podium备份。',
  'backups.folder.placeholder': '文件夹的完整路径',
  'backups.folder.save': '使用这个文件夹',
  'backups.folder.browse': '选择文件夹…',
  'backups.folder.reset': '改回默认位置',
  'backups.folder.saved': '以后的备份保存到 {folder}',
  'backups.folder.lastFailure': '上次备份失败（{time}）：',
  'backups.failure.open': '查看备份',
  'backups.failure.fellBack':
    '无法写入备份文件夹 {folder}（U 盘是否已拔出或已满？），这份备份已改存到本机的 {fallback}。请插回 U 盘，或重新选择备份文件夹。',
  'backups.failure.none':
    '无法写入备份文件夹 {folder}，这份备份没有保存（磁盘可能已满）。请腾出磁盘空间，或选择另一个备份文件夹。',

  'error.backup.notFound': '没有名为 {name} 的备份。请刷新备份列表后从列表中选择。',
  'error.backup.corrupt': '备份 {name} 已损坏，无法恢复，现有数据没有改变。请选择另一份备份。',
  'error.backup.notPodium': '{name} 不是 Podium 的备份文件，无法恢复，现有数据没有改变。请选择另一份备份。',
  'error.backup.newer': '备份 {name} 来自更新版本的 Podium，无法在这个版本中恢复，现有数据没有改变。请先安装新版本。',
  'error.backup.failed':
    '无法在 {folder} 写入备份，什么也没有保存（磁盘可能已满或 U 盘已拔出）。请腾出空间或选择另一个备份文件夹。',
  'error.backup.noFolder': '这台主机没有数据文件夹，无法自动备份。',
  'error.backup.folderNotAbsolute': '“{folder}”不是完整路径。请填写以盘符或 / 开头的完整文件夹路径。',
  'error.backup.folderMissing': '找不到文件夹 {folder}。请检查 U 盘是否已插好、路径是否写对。',
  'error.backup.folderNotWritable':
    '无法在文件夹 {folder} 中写入文件。请选择一个可以写入的文件夹（U 盘是否写保护？）。',
} as const;

export const en = {
  'backups.title': 'Automatic backups',
  'backups.intro':
    'Backed up every 5 minutes (when something changed), after each lock, reveal and import, and on quit; ' +
    'the last 50 and the last of each day are kept.',
  'backups.takeNow': 'Back up now',
  'backups.taking': 'Backing up…',
  'backups.taken': 'Backed up: {time}',
  'backups.empty': 'No backups yet. One is made automatically after changes, or press “Back up now”.',
  'backups.time': 'Time',
  'backups.size': 'Size',
  'backups.what': 'What happened before',
  'backups.restore': 'Restore',
  'backups.showAll': 'Show all {count}',
  'backups.showFewer': 'Show the latest {count} only',
  'backups.reason.interval': 'Scheduled backup',
  'backups.reason.lock': 'After a lock',
  'backups.reason.lockOf': 'After locking {name}',
  'backups.reason.reveal': 'After a reveal',
  'backups.reason.revealOf': 'After revealing {name}',
  'backups.reason.import': 'After an import',
  'backups.reason.quit': 'On quit',
  'backups.reason.manual': 'Backed up by hand',
  'backups.reason.before-restore': 'Before a restore',
  'backups.sizeKb': '{size} KB',
  'backups.sizeMb': '{size} MB',
  'backups.confirm.title': 'Restore the backup of {time}?',
  'backups.confirm.body':
    'All current data will be replaced by this backup; scores, check-ins and edits made after {time} will no longer ' +
    'show. The current data is saved as a backup first (“Before a restore”), so you can go back to it.',
  'backups.confirm.judges': 'Judges’ pages reconnect by themselves and show the restored state.',
  'backups.confirm.restore': 'Restore this backup',
  'backups.confirm.cancel': 'Cancel',
  'backups.restoring': 'Restoring…',
  'backups.restored': 'The backup of {time} is restored; the data before it is kept as the backup of {before}.',
  'backups.folder.title': 'Backup folder',
  'backups.folder.label': 'backup folder',
  'backups.folder.other': 'Another backup folder',
  'backups.folder.current': 'Backups are saved in:',
  'backups.folder.default': '(the default place in the data folder)',
  'backups.folder.hint':
    'You can choose a folder on another drive or a USB stick: type its full path, e.g. E:\\Podium backups or ' +
    '/Volumes/USB/Podium backups.',
  'backups.folder.placeholder': 'Full path of the folder',
  'backups.folder.save': 'Use this folder',
  'backups.folder.browse': 'Choose a folder…',
  'backups.folder.reset': 'Back to the default place',
  'backups.folder.saved': 'Backups now go to {folder}',
  'backups.folder.lastFailure': 'The last backup failed ({time}):',
  'backups.failure.open': 'See the backups',
  'backups.failure.fellBack':
    'The backup folder {folder} could not be written (USB stick pulled out or full?); this backup was saved on this ' +
    'computer in {fallback} instead. Plug the stick back in, or choose the backup folder again.',
  'backups.failure.none':
    'The backup folder {folder} could not be written and this backup was not saved (the disk may be full). ' +
    'Free some disk space, or choose another backup folder.',

  'error.backup.notFound': 'There is no backup named {name}. Refresh the list of backups and choose one from it.',
  'error.backup.corrupt':
    'The backup {name} is damaged and cannot be restored; nothing was changed. Choose another one.',
  'error.backup.notPodium':
    '{name} is not a Podium backup and cannot be restored; nothing was changed. Choose another one.',
  'error.backup.newer':
    'The backup {name} comes from a newer Podium and cannot be restored by this version; nothing was changed. ' +
    'Install the newer version first.',
  'error.backup.failed':
    'No backup could be written in {folder}, so nothing was saved (the disk may be full or the USB stick ' +
    'pulled out). Free some space or choose another backup folder.',
  'error.backup.noFolder': 'This host has no data folder, so it cannot keep backups.',
  'error.backup.folderNotAbsolute': '“{folder}” is not a full path. Type the whole path of the folder, from the drive.',
  'error.backup.folderMissing':
    'The folder {folder} does not exist. Check that the USB stick is plugged in and the path is right.',
  'error.backup.folderNotWritable':
    'Files cannot be written in the folder {folder}. Choose a folder you can write to (is the stick write-protected?).',
} as const;
