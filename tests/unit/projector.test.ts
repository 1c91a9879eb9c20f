import { describe, expect, it } from 'vitest';
import { chooseProjectorPlacement, type DisplayInfo } from '../../electron/main/projector';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true };
const projector: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, internal: false };
const bigTv: DisplayInfo = { id: 3, bounds: { x: 3200, y: 0, width: 3840, height: 2160 }, internal: false };
const sidePanel: DisplayInfo = { id: 4, bounds: { x: -2560, y: 0, width: 2560, height: 1600 }, internal: true };
const desktopMonitor: DisplayInfo = { id: 5, bounds: { x: 0, y: 0, width: 2560, height: 1440 } };
const small: DisplayInfo = { id: 6, bounds: { x: 100, y: 50, width: 1024, height: 600 }, internal: true };

describe('chooseProjectorPlacement', () => {
  const cases: {
    name: string;
    displays: DisplayInfo[];
    primary: number;
    expected: { bounds: DisplayInfo['bounds']; fullscreen: boolean };
  }[] = [
    {
      name: 'laptop + projector: the projector, full screen',
      displays: [laptop, projector],
      primary: 1,
      expected: { bounds: projector.bounds, fullscreen: true },
    },
    {
      name: 'the primary is the external one: the other display still gets the projector',
      displays: [projector, laptop],
      primary: 2,
      expected: { bounds: laptop.bounds, fullscreen: true },
    },
    {
      name: 'two externals: the larger one',
      displays: [laptop, projector, bigTv],
      primary: 1,
      expected: { bounds: bigTv.bounds, fullscreen: true },
    },
    {
      name: 'an external beats a larger built-in secondary panel',
      displays: [desktopMonitor, sidePanel, projector],
      primary: 5,
      expected: { bounds: projector.bounds, fullscreen: true },
    },
    {
      name: 'only built-in secondaries: the largest of them',
      displays: [desktopMonitor, small, sidePanel],
      primary: 5,
      expected: { bounds: sidePanel.bounds, fullscreen: true },
    },
    {
      name: 'displays of equal size: the first listed',
      displays: [laptop, { ...projector, id: 7 }, { ...projector, id: 8, bounds: { ...projector.bounds, x: 5000 } }],
      primary: 1,
      expected: { bounds: projector.bounds, fullscreen: true },
    },
    {
      name: 'one display: a 1280×720 window centred on it, not full screen',
      displays: [laptop],
      primary: 1,
      expected: { bounds: { x: 320, y: 180, width: 1280, height: 720 }, fullscreen: false },
    },
    {
      name: 'one display away from the origin: centred within its own bounds',
      displays: [{ ...laptop, bounds: { x: -1920, y: 200, width: 1920, height: 1080 } }],
      primary: 1,
      expected: { bounds: { x: -1600, y: 380, width: 1280, height: 720 }, fullscreen: false },
    },
    {
      name: 'one display smaller than 1280×720: the window fits it',
      displays: [small],
      primary: 6,
      expected: { bounds: { x: 100, y: 50, width: 1024, height: 600 }, fullscreen: false },
    },
    {
      name: 'the primary id is unknown: the first display counts as the primary',
      displays: [laptop, projector],
      primary: 99,
      expected: { bounds: projector.bounds, fullscreen: true },
    },
    {
      name: 'the primary id is unknown and there is one display: windowed on it',
      displays: [laptop],
      primary: 99,
      expected: { bounds: { x: 320, y: 180, width: 1280, height: 720 }, fullscreen: false },
    },
    {
      name: 'no displays reported: a plain window',
      displays: [],
      primary: 1,
      expected: { bounds: { x: 0, y: 0, width: 1280, height: 720 }, fullscreen: false },
    },
  ];

  it.each(cases)('$name', ({ displays, primary, expected }) => {
    expect(chooseProjectorPlacement(displays, primary)).toEqual(expected);
  });

  it('does not hand out the display object itself', () => {
    const placement = chooseProjectorPlacement([laptop, projector], 1);
    placement.bounds.x = 0;
    expect(projector.bounds.x).toBe(1920);
  });
});
