import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../electron/lan/files';
import { scrollToReveal } from '../../renderer/judge/keepInView';
import { normalizeScoreText } from '../../renderer/judge/scoreText';
import { connectionState, type ConnectionFacts } from '../../renderer/api/connection';

describe('the connection chip follows the socket, the network and the queue at once', () => {
  const cases: Array<[ConnectionFacts, ReturnType<typeof connectionState>]> = [
    [{ live: 'open', online: true, unsaved: 0 }, 'open'],
    [{ live: 'connecting', online: true, unsaved: 0 }, 'connecting'],
    [{ live: 'open', online: true, unsaved: 1 }, 'unsaved'],
    [{ live: 'connecting', online: true, unsaved: 2 }, 'unsaved'],
    // The socket has not noticed yet, but the phone knows it is offline.
    [{ live: 'open', online: false, unsaved: 0 }, 'reconnecting'],
    [{ live: 'open', online: false, unsaved: 3 }, 'reconnecting'],
    [{ live: 'reconnecting', online: true, unsaved: 0 }, 'reconnecting'],
    [{ live: 'reconnecting', online: true, unsaved: 1 }, 'reconnecting'],
  ];
  for (const [facts, state] of cases) {
    it(`${JSON.stringify(facts)} → ${state}`, () => expect(connectionState(facts)).toBe(state));
  }
});

describe('what a Chinese keyboard types becomes digits', () => {
  const cases: Array<[string, string]> = [
    ['２７．５', '27.5'],
    ['２８', '28'],
    ['17。5', '17.5'],
    ['9，5', '9.5'],
    [' 3 5 ', '35'],
    ['\u3000３６\u3000', '36'],
    ['27.5', '27.5'],
    ['abc', 'abc'],
  ];
  for (const [typed, digits] of cases) {
    it(`${JSON.stringify(typed)} → ${digits}`, () => expect(normalizeScoreText(typed)).toBe(digits));
  }
});

describe('the field being typed into is scrolled above the keyboard and the sticky bar', () => {
  // A 390×844 phone; the bar is 64 px; the keyboard leaves 500 px of visual viewport.
  const phone = { viewTop: 0, viewHeight: 844, barHeight: 64, layoutHeight: 844 };
  const keyboard = { ...phone, viewHeight: 500 };
  it('leaves a field that is fully visible where it is', () => {
    expect(scrollToReveal({ top: 300, bottom: 352 }, phone)).toBe(0);
    expect(scrollToReveal({ top: 300, bottom: 352 }, keyboard)).toBe(0);
  });
  it('scrolls down a field under the sticky bar into the middle', () => {
    expect(scrollToReveal({ top: 770, bottom: 822 }, phone)).toBe(796 - 390);
  });
  it('scrolls down a field the keyboard covers into the middle of what is left', () => {
    expect(scrollToReveal({ top: 600, bottom: 652 }, keyboard)).toBe(626 - 250);
  });
  it('scrolls up a field above the visible area', () => {
    expect(scrollToReveal({ top: -40, bottom: 12 }, phone)).toBe(-14 - 390);
  });
  it('counts a visual viewport scrolled down inside the page (iOS keeps the layout viewport)', () => {
    expect(scrollToReveal({ top: 400, bottom: 452 }, { ...keyboard, viewTop: 300 })).toBe(0);
    expect(scrollToReveal({ top: 200, bottom: 252 }, { ...keyboard, viewTop: 300 })).toBe(226 - 540);
  });
});

describe('how long a browser may keep what the host serves', () => {
  const year = 'public, max-age=31536000, immutable';
  it('keeps hashed assets for a year', () => {
    expect(cacheControlFor('/assets/index-BZZcfiHm.js', 200)).toBe(year);
    expect(cacheControlFor('/assets/rolldown-runtime-WkwZ5CU-.js', 200)).toBe(year);
    expect(cacheControlFor('/assets/JudgePage-13Mjk7CM.css', 200)).toBe(year);
  });
  it('never keeps the page, the API, a missing asset or an unhashed file', () => {
    expect(cacheControlFor('/', 200)).toBe('no-store');
    expect(cacheControlFor('/index.html', 200)).toBe('no-store');
    expect(cacheControlFor('/api/judge/state', 200)).toBe('no-store');
    expect(cacheControlFor('/assets/index-BZZcfiHm.js', 404)).toBe('no-store');
    expect(cacheControlFor('/assets/logo.png', 200)).toBe('no-store');
  });
});
