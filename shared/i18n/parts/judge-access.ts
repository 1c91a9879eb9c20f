// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// How judges reach the host: the venue address, judges' cards and join codes, the join page, editing judges.
export const zh = {
  'venueAddress.address': '场地地址',
  'venueAddress.title': '评委卡上的地址',
  'venueAddress.help': '选择场地网络上的地址，评委卡和评委链接都用它。换了网络后请重新选择。',
  'venueAddress.use': '用于评委卡',
  'venueAddress.chosen': '评委卡使用此地址',
  'venueAddress.saved': '评委卡将使用 {address}',
  'venueAddress.missing': '之前选择的地址 {address} 现在不在本机上（电脑可能换了网络），请重新选择。',
  'venueAddress.none': '本机没有连接任何网络，评委的设备无法访问。请先连接场地的 Wi-Fi 或网线。',

  'join.code': '加入码',
  'join.title': '评委加入',
  'join.help': '请输入评委卡上的 6 位加入码。',
  'join.submit': '进入评分页面',
  'join.joining': '正在进入…',

  'judgeCard.code': '加入码',
  'judgeCard.manual': '扫码不成功时：在浏览器中输入 {url}，再输入加入码 {code}。',
  'judgeCard.edit': '修改',
  'judgeCard.delete': '删除',
  'judgeCard.save': '保存',
  'judgeCard.cancel': '取消',
  'judgeCard.saved': '已保存评委 {name}',
  'judgeCard.deleteConfirm': '删除评委“{name}”？其评委卡和链接将失效。',
  'judgeCard.deleteScoredConfirm': '{message}确定删除评委“{name}”及其评分吗？',
  'judgeCard.deleted': '已删除评委 {name}',

  'judgePrint.localOnly': '评委卡上的地址只能在本机使用，评委的手机打不开。请先开放局域网，再打印评委卡。',
  'judgePrint.openAndPrint': '开放局域网并打印',
  'judgePrint.printAnyway': '仍然打印',
  'judgePrint.cancel': '取消',
  'judgePrint.opening': '正在开放局域网…',

  'error.venueAddress.unknown': '{address} 不是本机当前的网络地址，请从列表中选择。',
  'error.join.unknownCode': '没有这个加入码，请核对评委卡上的 6 位加入码后重新输入。',
  'error.join.rateLimited': '输入错误的次数太多，请 10 分钟后再试，或请工作人员帮忙扫描评委卡上的二维码。',
  'error.judge.deleteScored': '评委“{name}”已为 {count} 位选手评分，删除后这些评分也会删除。',
  'error.judge.deleteRevealed':
    '评委“{name}”的评分已计入 {count} 位已公布的选手成绩，不能删除。如不再由其评分，请在其评委卡上为后面的选手勾选回避。',
} as const;

export const en = {
  'venueAddress.address': 'Venue address',
  'venueAddress.title': 'Address on judges’ cards',
  'venueAddress.help':
    'Choose this computer’s address on the venue network; judges’ cards and links use it. Choose again after ' +
    'changing networks.',
  'venueAddress.use': 'Use on judges’ cards',
  'venueAddress.chosen': 'Judges’ cards use this address',
  'venueAddress.saved': 'Judges’ cards will use {address}',
  'venueAddress.missing':
    'The address chosen earlier, {address}, is not on this computer now (it may have changed networks). ' +
    'Please choose again.',
  'venueAddress.none':
    'This computer is not connected to any network, so judges’ devices cannot reach it. ' +
    'Connect to the venue Wi-Fi or cable first.',

  'join.code': 'Join code',
  'join.title': 'Judge sign-in',
  'join.help': 'Type the 6-character join code printed on your judge’s card.',
  'join.submit': 'Open my score sheet',
  'join.joining': 'Opening…',

  'judgeCard.code': 'Join code',
  'judgeCard.manual': 'If the QR code does not work: open {url} in a browser and type the join code {code}.',
  'judgeCard.edit': 'Edit',
  'judgeCard.delete': 'Delete',
  'judgeCard.save': 'Save',
  'judgeCard.cancel': 'Cancel',
  'judgeCard.saved': 'Judge {name} saved',
  'judgeCard.deleteConfirm': 'Delete judge “{name}”? Their card and link will stop working.',
  'judgeCard.deleteScoredConfirm': '{message} Delete judge “{name}” and their scores?',
  'judgeCard.deleted': 'Judge {name} deleted',

  'judgePrint.localOnly':
    'The address on the cards works on this computer only; judges’ phones cannot open it. ' +
    'Open the LAN first, then print the cards.',
  'judgePrint.openAndPrint': 'Open the LAN and print',
  'judgePrint.printAnyway': 'Print anyway',
  'judgePrint.cancel': 'Cancel',
  'judgePrint.opening': 'Opening the LAN…',

  'error.venueAddress.unknown': '{address} is not an address of this computer now; choose one from the list.',
  'error.join.unknownCode': 'There is no such join code. Check the 6 characters on your judge’s card and try again.',
  'error.join.rateLimited':
    'Too many wrong codes. Try again in 10 minutes, or ask the staff to scan the QR code on your card.',
  'error.judge.deleteScored':
    'Judge “{name}” has scored {count} speaker(s); deleting the judge deletes those scores too.',
  'error.judge.deleteRevealed':
    'Judge “{name}” has scores in the results of {count} revealed speaker(s) and cannot be deleted. ' +
    'To stop them scoring, tick recusal on their card for the remaining speakers.',
} as const satisfies Record<keyof typeof zh, string>;
