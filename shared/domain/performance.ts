// A speaker's turn: waiting → speaking → scoring → locked → revealed, and the action that moves it on.
import type { MessageKey } from '../i18n';
import type { ScoreProblemCode } from './scoring';

export const performanceStatuses = ['waiting', 'speaking', 'scoring', 'locked', 'revealed'] as const;
export type PerformanceStatus = (typeof performanceStatuses)[number];

export const performanceActions = ['start', 'finish', 'lock', 'reveal'] as const;
export type PerformanceAction = (typeof performanceActions)[number];

/** Which statuses each action may be taken from, and where it leads. */
export const transitions: Record<PerformanceAction, { from: readonly PerformanceStatus[]; to: PerformanceStatus }> = {
  start: { from: ['waiting'], to: 'speaking' },
  finish: { from: ['speaking'], to: 'scoring' },
  // Locking straight from speaking is allowed: a speaker who ran out of time is scored at once.
  lock: { from: ['speaking', 'scoring'], to: 'locked' },
  reveal: { from: ['locked'], to: 'revealed' },
};

export function canTake(action: PerformanceAction, status: PerformanceStatus): boolean {
  return transitions[action].from.includes(status);
}

/** Judges may score while the speaker speaks or is being scored. */
export function isOpen(status: PerformanceStatus): boolean {
  return status === 'speaking' || status === 'scoring';
}

/** Scoring is over for this speaker: the scores stand (and may be revealed). */
export function isClosed(status: PerformanceStatus): boolean {
  return status === 'locked' || status === 'revealed';
}

/**
 * The one button the run of show offers for a speaker; only one speaker is open at a time, and a locked speaker
 * is revealed only once the sheets in give a final (else 补录 comes first).
 */
export function nextAction(status: PerformanceStatus, anotherOpen: boolean, hasFinal = true): PerformanceAction | null {
  switch (status) {
    case 'waiting':
      return anotherOpen ? null : 'start';
    case 'speaking':
      return 'finish';
    case 'scoring':
      return 'lock';
    case 'locked':
      return hasFinal ? 'reveal' : null;
    case 'revealed':
      return null;
  }
}

/** The sentence for each problem with a typed score, shared by the host's 400s and the judge page. */
export const scoreProblemMessage: Record<ScoreProblemCode, MessageKey> = {
  missing: 'error.score.missing',
  unknown: 'error.score.unknown',
  'out-of-range': 'error.score.outOfRange',
  'off-step': 'error.score.offStep',
  'not-a-number': 'error.score.notANumber',
};
