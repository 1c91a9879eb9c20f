import { describe, expect, it } from 'vitest';
import {
  idleSlides,
  initialShow,
  isHelpKey,
  judgeSlots,
  keyModes,
  leaderboardPages,
  leaderboardRowsPerPage,
  modeAfterLive,
  pickScene,
  showReducer,
  slideOf,
  type Current,
  type ShowState,
} from '../../renderer/screen/show';
import { rankingRow, stageSpeaker } from '../support/show';

// The projector's scene as the console (大屏幕) holds it, and a leaderboard that fits the screen it is on.

const rows = (n: number) => Array.from({ length: n }, (_, i) => rankingRow(i + 1, i + 1));
const ranked = (n: number) => ({ decimals: 2, rows: rows(n) });

function onStage(current: Current | null): ShowState {
  return showReducer(initialShow, {
    type: 'live',
    message: { type: 'performance', eventId: 1, performance: current, timer: null },
    now: 0,
  });
}

describe('the scene the console holds', () => {
  const speaking = { ...onStage(stageSpeaker(3, 'speaking')), ranking: ranked(5) };

  it.each([
    ['auto', 'speaker'],
    ['waiting', 'waiting'],
    ['speaker', 'speaker'],
    ['leaderboard', 'leaderboard'],
    ['awards', 'leaderboard'],
    ['paused', 'paused'],
  ] as const)('%s with a speaker on stage and five ranked shows %s', (mode, kind) => {
    expect(pickScene(speaking, mode, idleSlides(speaking.ranking, mode), 0).kind).toBe(kind);
  });

  it('holds a pause over everything, even a reveal', () => {
    const revealing = showReducer(speaking, {
      type: 'live',
      message: {
        type: 'reveal',
        eventId: 1,
        participantId: 3,
        name: '选手3',
        organization: null,
        judgeTotals: [],
        deduction: '0.00',
        final: '88.00',
        rank: 1,
      },
      now: 5,
    });
    expect(pickScene(revealing, 'paused', [], 0)).toEqual({ kind: 'paused' });
    expect(pickScene(revealing, 'auto', [], 0).kind).toBe('reveal');
  });

  it('shows 当前选手 as waiting when nobody is on stage, and the leaderboard as waiting before any reveal', () => {
    const idle = onStage(null);
    expect(pickScene(idle, 'speaker', [], 0)).toEqual({ kind: 'waiting' });
    expect(pickScene(idle, 'leaderboard', idleSlides(null, 'leaderboard'), 0)).toEqual({ kind: 'waiting' });
  });

  it('gives way to a reveal or a new speaker (the latest wins), except a pause', () => {
    expect(modeAfterLive('leaderboard')).toBe('auto');
    expect(modeAfterLive('waiting')).toBe('auto');
    expect(modeAfterLive('paused')).toBe('paused');
  });

  it('keeps the projector’s own keys and opens the help on F1 or ?', () => {
    expect(keyModes).toEqual({ '1': 'leaderboard', '2': 'awards', '0': 'auto', Escape: 'auto' });
    expect(['F1', '?', 'Escape', '1'].map(isHelpKey)).toEqual([true, true, false, false]);
  });
});

describe('leaderboard rows per page', () => {
  it.each([
    [1920, 1080, 8],
    [1280, 720, 8],
    [3840, 2160, 8],
    [1024, 768, 12],
    [1920, 1200, 9],
  ])('%i×%i fits %i rows with clear space above the footer', (width, height, expected) => {
    expect(leaderboardRowsPerPage(width, height)).toBe(expected);
  });

  it('pages 8, 12 and 20 speakers by what fits, and finds the page of a speaker', () => {
    const perPage = leaderboardRowsPerPage(1920, 1080);
    expect([8, 12, 20].map((n) => leaderboardPages(rows(n), perPage).map((p) => p.length))).toEqual([
      [8],
      [8, 4],
      [8, 8, 4],
    ]);
    const taller = leaderboardRowsPerPage(1024, 768);
    expect(leaderboardPages(rows(20), taller).map((p) => p.length)).toEqual([12, 8]);
    const slides = idleSlides(ranked(20), 'leaderboard', taller);
    expect(slides).toHaveLength(2);
    expect(slideOf(slides, rows(20), 14, taller)).toBe(1);
    expect(slideOf(slides, rows(20), 12, taller)).toBe(0);
  });
});

describe('judge numbers on the reveal', () => {
  it('leaves a recused judge’s number empty instead of moving the others', () => {
    const totals = [1, 2, 3, 5].map((judgeNo) => ({ judgeNo, total: '88.00', dropped: null }));
    expect(judgeSlots(totals)).toEqual([
      { judgeNo: 1, index: 0 },
      { judgeNo: 2, index: 1 },
      { judgeNo: 3, index: 2 },
      { judgeNo: 4, index: null },
      { judgeNo: 5, index: 3 },
    ]);
  });

  it('numbers by place when an older host sends no numbers', () => {
    const totals = [
      { total: '88.00', dropped: null },
      { total: '87.00', dropped: null },
    ];
    expect(judgeSlots(totals).map((s) => s.judgeNo)).toEqual([1, 2]);
  });
});
