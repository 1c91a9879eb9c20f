import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { nextAction } from '../../shared/domain/performance';
import { missingJudges, submittedJudgeIds } from '../../renderer/console/contest/lockGuard';

const panel = [
  { id: 1, name: '王评委' },
  { id: 2, name: '李评委' },
  { id: 3, name: '张评委' },
  { id: 4, name: '赵评委' },
];

/** 张经天 while scoring: 王评委 has submitted, 赵评委 is recused. */
const performance = (submittedJudgeIds = [1]) => ({ participantId: 7, submittedJudgeIds, recusedJudgeIds: [4] });

describe('who the lock asks about', () => {
  it('names the judges neither submitted nor recused, in panel order', () => {
    expect(missingJudges(performance(), panel, null).map((j) => j.name)).toEqual(['李评委', '张评委']);
  });

  it('counts a submission the live progress brought after the list was loaded, for this speaker only', () => {
    const live = {
      type: 'scores-progress' as const,
      eventId: 1,
      participantId: 7,
      submittedJudgeIds: [1, 2],
      expected: 3,
    };
    expect([...submittedJudgeIds(performance(), live)]).toEqual([1, 2]);
    expect(missingJudges(performance(), panel, live).map((j) => j.name)).toEqual(['张评委']);
    const other = { ...live, participantId: 8, submittedJudgeIds: [3] };
    expect(missingJudges(performance(), panel, other).map((j) => j.name)).toEqual(['李评委', '张评委']);
  });

  it('asks nothing once every judge who is not recused has submitted', () => {
    expect(missingJudges(performance([1, 2, 3]), panel, null)).toEqual([]);
  });
});

describe('公布成绩 as the next step', () => {
  it('is offered for a locked speaker only when the sheets in give a final', () => {
    expect(nextAction('locked', false, true)).toBe('reveal');
    expect(nextAction('locked', false, false)).toBeNull();
  });
});

describe('a list of names in a sentence', () => {
  it('is joined the way each language lists names', () => {
    const params = { name: '张经天', count: 2, judges: ['王评委', '李评委'] };
    expect(translate('zh-CN', 'error.contest.missingScores', params)).toMatch(
      /^还有 2 位评委未提交 张经天 的评分：王评委、李评委。/,
    );
    expect(translate('en', 'error.contest.missingScores', params)).toMatch(
      /^2 judge\(s\) have not .* 张经天: 王评委, 李评委\./,
    );
  });
});
