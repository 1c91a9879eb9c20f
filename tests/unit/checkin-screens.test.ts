import { describe, expect, it } from 'vitest';
import type { RosterRow } from '../../shared/api/training';
import { clockTime, sessionWhen } from '../../renderer/checkin/sessionTime';
import {
  attendedCount,
  defaultSessionId,
  emptyPicker,
  onEnter,
  pickerReducer,
  rosterCounts,
  type Picker,
} from '../../renderer/desk/deskState';
import { withCheckin } from '../../renderer/screen/show';
import { sessionRecord } from '../support/sessions';

const session = (id: number, startsAt: string, endsAt: string) => sessionRecord(id, startsAt, endsAt);

function row(participantId: number, status: RosterRow['status']): RosterRow {
  return {
    participantId,
    name: `学员${participantId}`,
    initials: 'xy',
    pinyin: 'xueyuan',
    organization: null,
    group: null,
    phoneTail: null,
    status,
    at: null,
  };
}

describe('the desk opens the session of the moment', () => {
  const day = [
    session(1, '2026-03-02T09:00:00+08:00', '2026-03-02T12:00:00+08:00'),
    session(2, '2026-03-02T14:00:00+08:00', '2026-03-02T17:00:00+08:00'),
    session(3, '2026-03-03T09:00:00+08:00', '2026-03-03T12:00:00+08:00'),
  ];
  it.each([
    ['during the morning lecture', '2026-03-02T10:00:00+08:00', 1],
    ['at lunch: the afternoon one', '2026-03-02T12:30:00+08:00', 2],
    ['before the first', '2026-03-01T18:00:00+08:00', 1],
    ['in the evening: tomorrow morning', '2026-03-02T19:00:00+08:00', 3],
    ['after the last: the last', '2026-03-09T09:00:00+08:00', 3],
  ])('%s', (_, now, id) => {
    expect(defaultSessionId(day, new Date(now))).toBe(id);
  });
  it('has none to open when there are no sessions', () => {
    expect(defaultSessionId([], new Date())).toBeNull();
  });
});

describe('counts at the top of the desk', () => {
  it('应到 everyone, 实到 on time + late + left early, 迟到 and 请假 apart', () => {
    const counts = rosterCounts([
      row(1, 'present'),
      row(2, 'late'),
      row(3, 'early'),
      row(4, 'leave'),
      row(5, 'absent'),
      row(6, null),
    ]);
    expect(counts).toEqual({ expected: 6, present: 2, late: 1, leave: 1 });
    expect(attendedCount(counts)).toBe(3);
  });
});

describe('Enter checks in nobody by guess', () => {
  const two = ['刘友红（金元社区）', '刘友红（观山社区）'];
  const typed: Picker = pickerReducer(emptyPicker, { type: 'type', query: '刘友红' });

  it('one match: Enter checks that one in', () => {
    expect(onEnter(['李雨航'], typed)).toEqual({ kind: 'checkin', row: '李雨航' });
  });
  it('two matches: Enter asks to choose with ↑↓', () => {
    expect(onEnter(two, typed)).toEqual({ kind: 'choose', count: 2 });
  });
  it('two matches, the highlight moved down: Enter checks in the highlighted one', () => {
    const moved = pickerReducer(typed, { type: 'move', by: 1, count: 2 });
    expect(moved).toEqual({ query: '刘友红', highlight: 1, chosen: true });
    expect(onEnter(two, moved)).toEqual({ kind: 'checkin', row: two[1] });
  });
  it('moved up at the top stays on the first and counts as a choice', () => {
    const moved = pickerReducer(typed, { type: 'move', by: -1, count: 2 });
    expect(onEnter(two, moved)).toEqual({ kind: 'checkin', row: two[0] });
  });
  it('typing again forgets the choice', () => {
    const moved = pickerReducer(typed, { type: 'move', by: 1, count: 2 });
    const retyped = pickerReducer(moved, { type: 'type', query: '刘友' });
    expect(retyped).toEqual({ query: '刘友', highlight: 0, chosen: false });
    expect(onEnter(two, retyped)).toEqual({ kind: 'choose', count: 2 });
  });
  it('no match: nothing', () => {
    expect(onEnter([], typed)).toEqual({ kind: 'none' });
  });
  it('a highlight past a shrunken list moves from its last row', () => {
    const far: Picker = { query: 'l', highlight: 9, chosen: true };
    expect(pickerReducer(far, { type: 'move', by: -1, count: 3 }).highlight).toBe(1);
  });
});

describe('times as the check-in screens show them', () => {
  it('a check-in’s moment is read on this machine’s clock', () => {
    const at = new Date(2026, 2, 2, 14, 7).toISOString();
    expect(clockTime(at)).toBe('14:07');
  });
  it('a session’s day and hours, on the wall clock it is written in', () => {
    expect(sessionWhen('2026-03-02T09:00', '2026-03-02T11:30', 'zh-CN')).toBe('2026年3月2日 09:00–11:30');
    expect(sessionWhen('2026-03-02T09:00:00+08:00', '2026-03-02T11:30:00+08:00', 'en')).toBe('2 Mar 2026 09:00–11:30');
  });
});

describe('the projector’s check-in scene', () => {
  it('takes the waiting scene’s place while self check-in is open', () => {
    expect(withCheckin({ kind: 'waiting' }, true)).toEqual({ kind: 'checkin' });
    expect(withCheckin({ kind: 'waiting' }, false)).toEqual({ kind: 'waiting' });
  });
  it('never covers the ranking', () => {
    const slide = { kind: 'leaderboard', page: 0, pages: 1 } as const;
    expect(withCheckin(slide, true)).toBe(slide);
  });
});
