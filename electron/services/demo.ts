import type { Repositories } from '../database';
import type { RubricInput } from '../../shared/api/contest';
import type { ContestService } from './contest';
import { addDemoTraining, trainingClass } from './demo-training';
import type { EventsService } from './events';
import type { TrainingService } from './training';

// From the public report of the real contest (DESIGN.md, sample data).
const contest = {
  title: '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛',
  kind: 'contest',
  startsOn: '2024-07-03',
  venue: '辽源西路睦邻中心',
  organizer: '江浦路街道社工办',
} as const;

const speakers: Array<[name: string, organization: string, title: string, gender: 'male' | 'female']> = [
  ['张经天', '陈三居民区', '学习《习近平关于基层治理论述摘编》心得感悟', 'male'],
  ['叶颖华', '辽二居民区', '学好“枫桥经验”，做好社区工作', 'female'],
  ['刘逸禕', '辽四居民区', '让爱无碍，共建温暖家园', 'female'],
  ['高苑欣', '大花园居民区', '新进社区的90后居委干部', 'female'],
  ['李贞', '恒阳居民区', '提高社会化、法治化、智能化、专业化水平——构建富有活力和效率的新型基层社会治理体系', 'female'],
  ['刘菁', '张家浜居民区', '“136”打通服务居民“最后一公里”', 'female'],
  ['李怡', '又一村居民区', '最安心的港湾', 'female'],
  ['李文渊', '海上源居委会（筹）', '人人参与建设美丽新家园', 'male'],
];

// The usual speech-contest rubric: 100 points, the highest and lowest judge dropped, a 5-minute limit.
const rubric = {
  criteria: [
    { key: 'content', name: '内容', max: 40, step: 0.5 },
    { key: 'delivery', name: '表达', max: 30, step: 0.5 },
    { key: 'image', name: '形象风度', max: 20, step: 0.5 },
    { key: 'time', name: '时间把控', max: 10, step: 0.5 },
  ],
  aggregation: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
  decimals: 2,
  tieBreak: [],
  groups: [],
  timer: { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0 },
} satisfies RubricInput;

/** Loads the sample contest and training class, unless they are there already. Returns the titles it added. */
export function loadDemo(deps: {
  repos: Repositories;
  events: EventsService;
  contest: ContestService;
  training: TrainingService;
  now: () => Date;
}): string[] {
  const { repos, events, now } = deps;
  const added: string[] = [];
  let contestId: number | null = null;
  repos.transaction(() => {
    if (!repos.events.findByTitle(contest.title)) {
      const event = events.create(contest);
      for (const [name, organization, title, gender] of speakers) {
        repos.participants.create(event.id, { name, organization, title, gender }, now().toISOString());
      }
      contestId = event.id;
      added.push(contest.title);
    }
    if (!repos.events.findByTitle(trainingClass.title)) {
      addDemoTraining(repos, events, deps.training, now);
      added.push(trainingClass.title);
    }
  });
  if (contestId !== null) deps.contest.putRubric(contestId, rubric);
  return added;
}
