// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// The first run (no event yet): 创建活动, 载入示例, and the 帮助与关于 panel (快速上手, the data folder, the version).
export const zh = {
  'firstRun.title': '欢迎使用 Podium 赛会通',
  'firstRun.intro': '这台电脑上还没有活动。可以新建一个演讲比赛或培训班，也可以先载入示例看看完整的流程。',
  'firstRun.create': '创建活动',
  'firstRun.demo': '载入示例',
  'firstRun.demoHint': '示例：江浦路街道青年干部演讲比赛（8 位选手）和一个 50 人的社区工作者培训班。随时可以删除。',
  'firstRun.loadingDemo': '正在载入示例…',
  'firstRun.demoLoaded': '已载入示例：{titles}',
  'firstRun.demoThere': '示例已经在活动列表里了。',
  'firstRun.help': '快速上手',

  'help.button': '帮助与关于',
  'help.title': '帮助与关于',
  'help.quickStart': '快速上手',
  'help.contest.title': '演讲比赛',
  'help.contest.1': '新建活动，选“演讲比赛”；在“报名”里添加选手或从 Excel 导入名单。',
  'help.contest.2': '在“评分规则”里定评分项、满分和去掉最高最低分；在“评委”里给每位评委生成链接和二维码。',
  'help.contest.3': '打开“局域网”，评委用自己的电脑或手机连同一个 Wi-Fi 扫码进入；“打开投影屏幕”放到第二块屏幕上。',
  'help.contest.4': '比赛当天在“比赛进行”里逐个开始、锁定、公布；“排名与奖项”定获奖名单，“证书”打印证书。',
  'help.training.title': '培训班',
  'help.training.1': '新建活动，选“培训班”；导入学员名单，排好课程表。',
  'help.training.2': '每节课开“扫码签到”或签到台链接；“考勤”里看出勤率，“结业与证书”打印结业证书。',
  'help.training.3': '分组、课程评估、学习心得和分会场各有一个页签；结班材料在“文档与导出”。',
  'help.safety':
    '数据自动备份（每 5 分钟有改动时、每次锁定和公布之后、退出时）。活动结束后，用“导出活动存档”把整个活动存成一个 .podium 文件带走。',
  'help.guide': '完整的使用说明在 Podium 的 docs 文件夹（用户指南）。',
  'help.about': '关于',
  'help.version': '版本',
  'help.dataDir': '数据文件夹',
  'help.backupFolder': '备份文件夹',
  'help.lastBackup': '最近一次备份',
  'help.noBackup': '还没有备份',
  'help.backupHint': '比赛或培训前，请把备份文件夹换到 U 盘或另一个磁盘（活动列表下方“自动备份”里可以更换）。',
  'help.close': '关闭',
};

export const en: Record<keyof typeof zh, string> = {
  'firstRun.title': 'Welcome to Podium',
  'firstRun.intro':
    'There is no event on this computer yet. Create a speech contest or a training class, or load ' +
    'the samples first to see the whole flow.',
  'firstRun.create': 'Create an event',
  'firstRun.demo': 'Load the samples',
  'firstRun.demoHint':
    'Samples: the Jiangpu Road youth cadres’ speech contest (8 speakers) and a 50-trainee class for ' +
    'community workers. You can delete them at any time.',
  'firstRun.loadingDemo': 'Loading the samples…',
  'firstRun.demoLoaded': 'Samples loaded: {titles}',
  'firstRun.demoThere': 'The samples are in the list already.',
  'firstRun.help': 'Quick start',

  'help.button': 'Help & about',
  'help.title': 'Help and about',
  'help.quickStart': 'Quick start',
  'help.contest.title': 'A speech contest',
  'help.contest.1':
    'Create an event of kind “speech contest”; add speakers under Registration or import them from Excel.',
  'help.contest.2':
    'Under Rules set the criteria, maximums and dropped scores; under Judges make a link and QR code per judge.',
  'help.contest.3':
    'Open the LAN; judges join the same Wi-Fi and scan in on their laptops or phones. Put “Open ' +
    'projector” on the second screen.',
  'help.contest.4':
    'On the day, start, lock and reveal speaker by speaker under Run the show; set the awards and print certificates.',
  'help.training.title': 'A training class',
  'help.training.1': 'Create an event of kind “training class”; import the trainees and build the schedule.',
  'help.training.2':
    'Open QR check-in or a desk link for each session; Attendance shows the rates, Completion prints the certificates.',
  'help.training.3':
    'Groups, Evaluations, Reflections and Venues each have a tab; the class report is under Documents.',
  'help.safety':
    'Data is backed up automatically (every 5 minutes when something changed, after each lock and ' +
    'reveal, on quitting). After the event, “Export event archive” saves the whole event as one ' +
    '.podium file.',
  'help.guide': 'The full user guide is in Podium’s docs folder.',
  'help.about': 'About',
  'help.version': 'Version',
  'help.dataDir': 'Data folder',
  'help.backupFolder': 'Backup folder',
  'help.lastBackup': 'Last backup',
  'help.noBackup': 'No backup yet',
  'help.backupHint':
    'Before the event, move the backup folder to a USB stick or another disk (under Automatic ' +
    'backups below the event list).',
  'help.close': 'Close',
};
