// Strings of one area; merged into the zh-CN and en catalogues in ../zh-CN.ts and ../en.ts.
// The words for the people of an event, by its kind: 参赛选手 on a contest, 学员 on a class.
export const zh = {
  'people.contest': '参赛选手',
  'people.training': '学员',
  'event.peopleColumn': '人数',
  'event.roster.contest': '参赛选手',
  'event.empty.contest': '还没有参赛选手。',
  'event.empty.training': '还没有学员。',
  'participant.addTitle.contest': '添加参赛选手',
  'participant.addTitle.training': '添加学员',
  'import.title.contest': '从 Excel 导入参赛选手',
  'import.title.training': '从 Excel 导入学员',
  'import.previewTitle.contest': '将导入的参赛选手',
  'import.previewTitle.training': '将导入的学员',
  'import.nothing.contest': '文件里没有可以导入的参赛选手。',
  'import.nothing.training': '文件里没有可以导入的学员。',

  // The draw's seed, kept under 高级 (advanced) for the few who re-run a draw.
  'contest.order.advanced': '高级',
  'contest.order.drawDone': '当前为抽签结果。',

  // The event page's header: whether judges and the projector can join.
  'lan.headOn': '局域网已开放',
  'lan.headOff': '局域网未开放',

  // A batch printed once is printed again (重印), not printed.
  'certificates.reprintAll': '全部重印',

  // An award in an English or Chinese sentence: the tier's own name, then the word.
  'documents.awardTied': '{award}（并列）',
  'documents.noteJoin': '；',
  'documents.nameWithOrganization': '{name}（{organization}）',
  // Between the items of a list inside a sentence.
  'list.join': '，',
} as const;

export const en = {
  'people.contest': 'speakers',
  'people.training': 'trainees',
  'event.peopleColumn': 'People',
  'event.roster.contest': 'Speakers',
  'event.empty.contest': 'No speakers yet.',
  'event.empty.training': 'No trainees yet.',
  'participant.addTitle.contest': 'Add a speaker',
  'participant.addTitle.training': 'Add a trainee',
  'import.title.contest': 'Import speakers from Excel',
  'import.title.training': 'Import trainees from Excel',
  'import.previewTitle.contest': 'Speakers to import',
  'import.previewTitle.training': 'Trainees to import',
  'import.nothing.contest': 'The file has no speakers that can be imported.',
  'import.nothing.training': 'The file has no trainees that can be imported.',

  'contest.order.advanced': 'Advanced',
  'contest.order.drawDone': 'This is the order of the draw.',

  'lan.headOn': 'LAN open',
  'lan.headOff': 'LAN closed',

  'certificates.reprintAll': 'Reprint all',

  'documents.awardTied': '{award} (tied)',
  'documents.noteJoin': '; ',
  'documents.nameWithOrganization': '{name} ({organization})',
  'list.join': ', ',
} as const satisfies Record<keyof typeof zh, string>;
