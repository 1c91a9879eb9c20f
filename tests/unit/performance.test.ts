import { describe, expect, it } from 'vitest';
import {
  canTake,
  isClosed,
  isOpen,
  nextAction,
  performanceActions,
  performanceStatuses,
  transitions,
  type PerformanceAction,
  type PerformanceStatus,
} from '../../shared/domain/performance';

describe('performance state machine', () => {
  // Every action against every status: what a run of show may do and what the host must refuse.
  const allowed: Record<PerformanceStatus, readonly PerformanceAction[]> = {
    waiting: ['start'],
    speaking: ['finish', 'lock'],
    scoring: ['lock'],
    locked: ['reveal'],
    revealed: [],
  };
  for (const status of performanceStatuses) {
    for (const action of performanceActions) {
      const expected = allowed[status].includes(action);
      it(`${action} from ${status} is ${expected ? 'allowed' : 'refused'}`, () => {
        expect(canTake(action, status)).toBe(expected);
      });
    }
  }

  it.each([
    ['start', 'speaking'],
    ['finish', 'scoring'],
    ['lock', 'locked'],
    ['reveal', 'revealed'],
  ] as const)('%s leads to %s', (action, to) => {
    expect(transitions[action].to).toBe(to);
  });

  it.each([
    ['waiting', false, 'start'],
    ['waiting', true, null],
    ['speaking', false, 'finish'],
    ['scoring', true, 'lock'],
    ['locked', false, 'reveal'],
    ['revealed', false, null],
  ] as const)('next action for %s (another open: %s) is %s', (status, anotherOpen, action) => {
    expect(nextAction(status, anotherOpen)).toBe(action);
  });

  it('the next action is always one the status allows', () => {
    for (const status of performanceStatuses) {
      const action = nextAction(status, false);
      if (action) expect(canTake(action, status)).toBe(true);
    }
  });

  it.each([
    ['waiting', false, false],
    ['speaking', true, false],
    ['scoring', true, false],
    ['locked', false, true],
    ['revealed', false, true],
  ] as const)('%s: open %s, closed %s', (status, open, closed) => {
    expect(isOpen(status)).toBe(open);
    expect(isClosed(status)).toBe(closed);
  });
});
