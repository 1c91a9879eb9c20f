import type { PublicRanking, PublicShow } from '../../shared/api/contest';
import type { LiveMessage } from '../../shared/api/live';
import type { ScreenMode } from '../../shared/domain/screen';

// What the projector knows, and the pure rules that turn it into a scene.
// Times are the projector's own monotonic clock (performance.now()): the host's
// clock is never compared with ours.

export type Current = NonNullable<PublicShow['current']>;
export type TimerMarks = PublicShow['timer'];
export type RankingRow = PublicRanking['rows'][number];
export type Reveal = Extract<LiveMessage, { type: 'reveal' }>;

export interface ShowState {
  current: Current | null;
  /** When the current performance's elapsedMs was true, on our clock. */
  currentAt: number;
  timer: TimerMarks;
  ranking: PublicRanking | null;
  speakers: number | null;
  reveal: { message: Reveal; at: number } | null;
  /** The last speaker whose reveal we played: their turn is over even if the host still reports them as current. */
  lastRevealedId: number | null;
}

export const initialShow: ShowState = {
  current: null,
  currentAt: 0,
  timer: null,
  ranking: null,
  speakers: null,
  reveal: null,
  lastRevealedId: null,
};

export type ShowAction =
  | { type: 'show'; show: PublicShow; now: number }
  | { type: 'live'; message: LiveMessage; now: number }
  | { type: 'reveal-done'; at: number };

const onStage = new Set<Current['status']>(['speaking', 'scoring', 'locked']);

export function showReducer(state: ShowState, action: ShowAction): ShowState {
  switch (action.type) {
    case 'show':
      return {
        ...state,
        current: action.show.current,
        currentAt: action.now,
        timer: action.show.timer,
        ranking: action.show.ranking,
        speakers: action.show.speakers,
      };
    case 'reveal-done':
      return state.reveal && state.reveal.at === action.at ? { ...state, reveal: null } : state;
    case 'live': {
      const m = action.message;
      if (m.type === 'performance') {
        const next = m.performance;
        // The next speaker on stage ends the held reveal early.
        const endsReveal =
          state.reveal !== null &&
          next !== null &&
          next.participantId !== state.reveal.message.participantId &&
          next.status === 'speaking';
        return {
          ...state,
          current: next,
          currentAt: action.now,
          timer: m.timer,
          reveal: endsReveal ? null : state.reveal,
        };
      }
      if (m.type === 'reveal')
        return { ...state, reveal: { message: m, at: action.now }, lastRevealedId: m.participantId };
      if (m.type === 'ranking') return { ...state, ranking: m.ranking };
      return state;
    }
  }
}

/** The speaker to show as "now speaking", or null when nobody is on stage. */
export function speakerOnStage(state: ShowState): Current | null {
  const c = state.current;
  if (!c || !onStage.has(c.status)) return null;
  if (c.participantId === state.lastRevealedId) return null;
  return c;
}

/** A new speaker has just started: the host's choice of view gives way to the live show (a pause holds). */
export function startsNewTurn(before: Current | null, after: Current | null): boolean {
  if (!after || after.status !== 'speaking') return false;
  return !before || before.participantId !== after.participantId || before.status !== 'speaking';
}

// ── Timer ─────────────────────────────────────────────────────────────────

export type TimerColor = 'neutral' | 'green' | 'amber' | 'red';

export function elapsedSeconds(current: Current, currentAt: number, now: number): number {
  const base = current.elapsedMs ?? 0;
  const running = current.running && current.status === 'speaking' ? Math.max(0, now - currentAt) : 0;
  return Math.floor((base + running) / 1000);
}

export function timerColor(seconds: number, marks: TimerMarks): TimerColor {
  if (!marks) return 'neutral';
  if (seconds >= marks.redAt) return 'red';
  if (seconds >= marks.amberAt) return 'amber';
  if (seconds >= marks.greenAt) return 'green';
  return 'neutral';
}

/** Seconds past the limit, or null while within it. */
export function overtimeSeconds(seconds: number, marks: TimerMarks): number | null {
  return marks && seconds > marks.redAt ? seconds - marks.redAt : null;
}

/** 65 → "01:05" (mm:ss), or "1:05" (m:ss) when `pad` is false. */
export function formatClock(seconds: number, pad = true): string {
  const s = Math.max(0, Math.floor(seconds));
  const minutes = String(Math.floor(s / 60));
  return `${pad ? minutes.padStart(2, '0') : minutes}:${String(s % 60).padStart(2, '0')}`;
}

// ── The staged reveal ─────────────────────────────────────────────────────

export interface RevealPlan {
  /** When each judge's total appears, ms after the reveal arrived. */
  judgeAt: number[];
  strikeAt: number;
  /** Null when there is no deduction to show. */
  deductionAt: number | null;
  finalAt: number;
  /** When the held reveal gives way to the leaderboard. */
  doneAt: number;
}

const firstJudgeMs = 900;
const judgeGapMs = 600;
const beatMs = 900;
export const revealHoldMs = 12_000;

export function hasDeduction(deduction: string): boolean {
  return !/^[0.]*$/.test(deduction.replace(/^[-−]/, ''));
}

export function revealPlan(judges: number, deduction: string): RevealPlan {
  const judgeAt = Array.from({ length: judges }, (_, i) => firstJudgeMs + i * judgeGapMs);
  const strikeAt = firstJudgeMs + Math.max(0, judges - 1) * judgeGapMs + beatMs;
  const deductionAt = hasDeduction(deduction) ? strikeAt + beatMs : null;
  const finalAt = (deductionAt ?? strikeAt) + beatMs;
  return { judgeAt, strikeAt, deductionAt, finalAt, doneAt: finalAt + revealHoldMs };
}

// ── Leaderboard and awards, and the idle rotation between them ───────────

export const leaderboardPageSize = 8;

export function leaderboardPages(rows: RankingRow[], perPage = leaderboardPageSize): RankingRow[][] {
  const pages: RankingRow[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages;
}

// The leaderboard's layout in --u (LeaderboardScene.css, screen.css): what a page around the rows takes, one row.
const boardChromeU = 21;
const boardRowU = 4.2;
/** The clear space kept between the last row and the footer. */
const boardClearU = 1.5;

/**
 * Rows that fit on one leaderboard page of a width × height screen with clear space above the footer:
 * 8 on any 16:9 screen, more on a taller one (4:3, 16:10); never fewer than 4.
 */
export function leaderboardRowsPerPage(width: number, height: number): number {
  if (width <= 0 || height <= 0) return leaderboardPageSize;
  const u = Math.min(width / 100, (height * 1.7778) / 100);
  const rows = Math.floor((height / u - boardChromeU - boardClearU) / boardRowU);
  return Math.max(4, Math.min(16, rows));
}

export interface AwardGroup {
  award: string;
  rows: RankingRow[];
  /** This group began on an earlier page. */
  continued: boolean;
}

/** Winners' cards per line and lines per slide: what fits at 1920×1080 in type read from the back of a hall. */
const awardsPerLine = 3;
const awardLinesPerSlide = 4;

/** Rows grouped by award in ranking order (一等奖 first), packed into slides of at most four lines of cards. */
export function awardPages(rows: RankingRow[]): AwardGroup[][] {
  const groups: AwardGroup[] = [];
  for (const row of rows) {
    if (!row.award) continue;
    const group = groups.find((g) => g.award === row.award);
    if (group) group.rows.push(row);
    else groups.push({ award: row.award, rows: [row], continued: false });
  }
  const pages: AwardGroup[][] = [];
  let page: AwardGroup[] = [];
  let lines = 0;
  for (const group of groups) {
    let rest = group.rows;
    let continued = false;
    while (rest.length > 0) {
      if (lines >= awardLinesPerSlide) {
        pages.push(page);
        page = [];
        lines = 0;
      }
      const take = rest.slice(0, (awardLinesPerSlide - lines) * awardsPerLine);
      page.push({ award: group.award, rows: take, continued });
      lines += Math.ceil(take.length / awardsPerLine);
      rest = rest.slice(take.length);
      continued = true;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The projector's own keys choose among these; the console (大屏幕) among all of them. */
export type ViewMode = ScreenMode;

export type Slide =
  { kind: 'leaderboard'; page: number; pages: number } | { kind: 'awards'; page: number; pages: number };

/** The slides shown when nobody is on stage: every leaderboard page, then every awards page. */
export function idleSlides(ranking: PublicRanking | null, mode: ViewMode, perPage = leaderboardPageSize): Slide[] {
  const rows = ranking?.rows ?? [];
  const board = leaderboardPages(rows, perPage).map((_, page, all): Slide => ({
    kind: 'leaderboard',
    page,
    pages: all.length,
  }));
  const awards = awardPages(rows).map((_, page, all): Slide => ({ kind: 'awards', page, pages: all.length }));
  if (mode === 'leaderboard') return board;
  // Asked for awards before there are any: the leaderboard is the next best thing.
  if (mode === 'awards') return awards.length > 0 ? awards : board;
  return [...board, ...awards];
}

export function slideMs(slide: Slide): number {
  return slide.kind === 'awards' ? 12_000 : 10_000;
}

/** The leaderboard slide that holds a speaker, to land on it after their reveal. */
export function slideOf(
  slides: Slide[],
  rows: RankingRow[],
  participantId: number | null,
  perPage = leaderboardPageSize,
): number {
  const at = rows.findIndex((r) => r.participantId === participantId);
  if (at < 0) return 0;
  const page = Math.floor(at / perPage);
  const index = slides.findIndex((s) => s.kind === 'leaderboard' && s.page === page);
  return Math.max(0, index);
}

export type Scene =
  | { kind: 'waiting' }
  | { kind: 'paused' }
  | { kind: 'checkin' }
  | { kind: 'evaluation' }
  | { kind: 'speaker'; current: Current }
  | { kind: 'reveal'; reveal: Reveal; at: number }
  | Slide;

export function pickScene(state: ShowState, mode: ViewMode, slides: Slide[], slideIndex: number): Scene {
  const slide = slides.length > 0 ? slides[slideIndex % slides.length] : undefined;
  // Held by the console: a break shows the title only; 等待 the event; 当前选手 whoever is on stage, if anyone.
  if (mode === 'paused') return { kind: 'paused' };
  if (mode === 'waiting') return { kind: 'waiting' };
  if (mode === 'speaker') return state.current ? { kind: 'speaker', current: state.current } : { kind: 'waiting' };
  if ((mode === 'leaderboard' || mode === 'awards') && slide) return slide;
  if (state.reveal) return { kind: 'reveal', reveal: state.reveal.message, at: state.reveal.at };
  const speaker = speakerOnStage(state);
  if (speaker) return { kind: 'speaker', current: speaker };
  return slide ?? { kind: 'waiting' };
}

/** An open self check-in takes the waiting scene's place; a speaker, a reveal or the ranking still come first. */
export function withCheckin(scene: Scene, checkinOpen: boolean): Scene {
  return checkinOpen && scene.kind === 'waiting' ? { kind: 'checkin' } : scene;
}

/** An open course evaluation also takes the waiting scene's place, after an open check-in (which comes first). */
export function withEvaluation(scene: Scene, evaluationOpen: boolean): Scene {
  return evaluationOpen && scene.kind === 'waiting' ? { kind: 'evaluation' } : scene;
}

/** A reveal or a new speaker ends a held view (the latest wins), except a pause: the hall is on a break. */
export function modeAfterLive(mode: ViewMode): ViewMode {
  return mode === 'paused' ? mode : 'auto';
}

/** The projector machine's own keys; the console's buttons set the same modes. */
export const keyModes: Readonly<Record<string, ViewMode>> = {
  '1': 'leaderboard',
  '2': 'awards',
  '0': 'auto',
  Escape: 'auto',
};

/** F1 or ? opens the list of keys, Esc closes it. */
export function isHelpKey(key: string): boolean {
  return key === 'F1' || key === '?';
}

export type JudgeSlot = { judgeNo: number; index: number } | { judgeNo: number; index: null };

/**
 * The reveal's judges by their fixed number: a recused judge (a number missing between the others) keeps
 * an empty place ("评委4 回避"), so nobody else's number moves. `index` is the total's place in the message.
 */
export function judgeSlots(totals: Reveal['judgeTotals']): JudgeSlot[] {
  const slots: JudgeSlot[] = [];
  totals.forEach((total, index) => {
    const judgeNo = total.judgeNo ?? index + 1;
    const last = slots.at(-1)?.judgeNo ?? 0;
    for (let gap = last + 1; gap < judgeNo; gap++) slots.push({ judgeNo: gap, index: null });
    slots.push({ judgeNo, index });
  });
  return slots;
}
