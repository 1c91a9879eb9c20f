import { describe, expect, it } from 'vitest';
import type { PublicShow } from '../../shared/api/contest';
import {
  awardPages,
  elapsedSeconds,
  formatClock,
  idleSlides,
  initialShow,
  leaderboardPages,
  overtimeSeconds,
  pickScene,
  revealPlan,
  showReducer,
  speakerOnStage,
  startsNewTurn,
  timerColor,
  type Current,
  type Reveal,
  type ShowState,
} from '../../renderer/screen/show';
import { rankingRow, stageSpeaker } from '../support/show';

const marks = { greenAt: 0, amberAt: 240, redAt: 300, overtimeDeductionPerMinute: 0 };

const speaker = stageSpeaker;
const row = rankingRow;

const reveal = (participantId: number): Reveal => ({
  type: 'reveal',
  eventId: 1,
  participantId,
  name: `选手${participantId}`,
  organization: null,
  judgeTotals: [],
  deduction: '0.00',
  final: '88.13',
  rank: 1,
});

function showOf(current: Current | null): PublicShow {
  return {
    event: { id: 1, title: '演讲比赛', organizer: null, venue: null, startsOn: '2024-07-03' },
    current,
    timer: marks,
    ranking: { decimals: 2, rows: [] },
    speakers: 8,
    screen: { mode: 'auto', language: null },
  };
}

describe('the projector show state', () => {
  it('shows the speaker on stage until their reveal, then never again for that turn', () => {
    let state: ShowState = showReducer(initialShow, { type: 'show', show: showOf(speaker(1, 'speaking')), now: 0 });
    expect(speakerOnStage(state)?.participantId).toBe(1);
    state = showReducer(state, {
      type: 'live',
      message: { type: 'performance', eventId: 1, performance: speaker(1, 'locked'), timer: marks },
      now: 10,
    });
    expect(speakerOnStage(state)?.status).toBe('locked');
    state = showReducer(state, { type: 'live', message: reveal(1), now: 20 });
    expect(pickScene(state, 'auto', [], 0)).toMatchObject({ kind: 'reveal', at: 20 });
    // The host still reports speaker 1 (revealed is not on stage anyway); after the reveal is played, no speaker.
    state = showReducer(state, { type: 'reveal-done', at: 20 });
    expect(speakerOnStage(state)).toBeNull();
    expect(pickScene(state, 'auto', [], 0)).toEqual({ kind: 'waiting' });
  });

  it('ends a held reveal early when the next speaker starts, and a stale reveal-done changes nothing', () => {
    let state = showReducer(initialShow, { type: 'live', message: reveal(1), now: 5 });
    expect(showReducer(state, { type: 'reveal-done', at: 4 })).toBe(state);
    state = showReducer(state, {
      type: 'live',
      message: { type: 'performance', eventId: 1, performance: speaker(2, 'speaking'), timer: marks },
      now: 6,
    });
    expect(state.reveal).toBeNull();
    expect(pickScene(state, 'auto', [], 0)).toMatchObject({ kind: 'speaker', current: { participantId: 2 } });
    // The host's manual view wins over the live show while chosen.
    const slides = idleSlides({ decimals: 2, rows: [row(1, 1)] }, 'leaderboard');
    expect(pickScene(state, 'leaderboard', slides, 0)).toMatchObject({ kind: 'leaderboard', page: 0 });
  });

  it('knows when a new turn starts', () => {
    expect(startsNewTurn(null, speaker(1, 'speaking'))).toBe(true);
    expect(startsNewTurn(speaker(1, 'speaking'), speaker(1, 'speaking'))).toBe(false);
    expect(startsNewTurn(speaker(1, 'locked'), speaker(2, 'speaking'))).toBe(true);
    expect(startsNewTurn(speaker(1, 'speaking'), speaker(1, 'scoring'))).toBe(false);
  });
});

describe('the timer on the projector', () => {
  it('runs on the projector’s own clock from the host’s elapsed time', () => {
    expect(elapsedSeconds(speaker(1, 'speaking', 61_500), 1000, 3000)).toBe(63);
    // Stopped when the speaker has finished.
    expect(elapsedSeconds(speaker(1, 'scoring', 61_500), 1000, 90_000)).toBe(61);
  });

  it.each([
    [0, 'green'],
    [239, 'green'],
    [240, 'amber'],
    [299, 'amber'],
    [300, 'red'],
    [420, 'red'],
  ] as const)('%i s is %s', (seconds, color) => {
    expect(timerColor(seconds, marks)).toBe(color);
  });

  it('counts overtime past the red mark and formats clocks', () => {
    expect(timerColor(10, null)).toBe('neutral');
    expect(overtimeSeconds(300, marks)).toBeNull();
    expect(overtimeSeconds(365, marks)).toBe(65);
    expect(formatClock(65)).toBe('01:05');
    expect(formatClock(65, false)).toBe('1:05');
    expect(formatClock(-3)).toBe('00:00');
  });
});

describe('the staged reveal and the slides', () => {
  it('shows the judges one by one, strikes the dropped, then the deduction and the final', () => {
    const plan = revealPlan(5, '0.50');
    expect(plan.judgeAt).toHaveLength(5);
    expect([...plan.judgeAt].sort((a, b) => a - b)).toEqual(plan.judgeAt);
    expect(plan.strikeAt).toBeGreaterThan(plan.judgeAt[4]!);
    expect(plan.deductionAt).toBeGreaterThan(plan.strikeAt);
    expect(plan.finalAt).toBeGreaterThan(plan.deductionAt ?? 0);
    expect(plan.doneAt).toBeGreaterThan(plan.finalAt);
    expect(revealPlan(5, '0.00').deductionAt).toBeNull();
  });

  it('pages the leaderboard by eight and groups winners by award in ranking order', () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      row(i + 1, i + 1, i === 0 ? '一等奖' : i < 3 ? '二等奖' : i < 6 ? '三等奖' : '优秀奖'),
    );
    expect(leaderboardPages(rows).map((p) => p.length)).toEqual([8, 8, 4]);
    const pages = awardPages(rows);
    expect(pages[0]!.map((g) => g.award)).toEqual(['一等奖', '二等奖', '三等奖', '优秀奖']);
    // Every winner appears exactly once, in ranking order.
    const shown = pages.flatMap((p) => p.flatMap((g) => g.rows.map((r) => r.participantId)));
    expect(shown).toEqual(rows.map((r) => r.participantId));
    const continued = pages.slice(1).flatMap((p) => p.filter((g) => g.continued).map((g) => g.award));
    expect(continued).toContain('优秀奖');
    expect(idleSlides({ decimals: 2, rows }, 'auto').map((s) => s.kind)).toEqual([
      'leaderboard',
      'leaderboard',
      'leaderboard',
      ...pages.map(() => 'awards'),
    ]);
    // Awards asked for before any are given: the leaderboard instead.
    expect(idleSlides({ decimals: 2, rows: [row(1, 1)] }, 'awards').map((s) => s.kind)).toEqual(['leaderboard']);
  });
});
