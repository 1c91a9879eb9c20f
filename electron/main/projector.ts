export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface DisplayInfo {
  id: number;
  bounds: Bounds;
  internal?: boolean;
}
export interface ProjectorPlacement {
  bounds: Bounds;
  fullscreen: boolean;
}

const windowed = { width: 1280, height: 720 };

/**
 * Where the projector window goes: full screen on a second display (an external
 * one before a built-in panel, then the largest); with one display, a 16:9
 * window so the organiser still sees the console behind it.
 */
export function chooseProjectorPlacement(displays: readonly DisplayInfo[], primaryId: number): ProjectorPlacement {
  // Electron always lists the primary; should it not, the first display stands in for it.
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  const others = displays.filter((d) => d !== primary);
  const external = others.filter((d) => d.internal !== true);
  const target = largest(external.length > 0 ? external : others);
  if (target) return { bounds: { ...target.bounds }, fullscreen: true };

  const area = primary?.bounds;
  if (!area) return { bounds: { x: 0, y: 0, ...windowed }, fullscreen: false };
  const width = Math.min(windowed.width, area.width);
  const height = Math.min(windowed.height, area.height);
  return {
    bounds: {
      x: area.x + Math.floor((area.width - width) / 2),
      y: area.y + Math.floor((area.height - height) / 2),
      width,
      height,
    },
    fullscreen: false,
  };
}

/** The first of the displays with the most pixels. */
function largest(displays: readonly DisplayInfo[]): DisplayInfo | undefined {
  let best: DisplayInfo | undefined;
  for (const d of displays) {
    if (!best || d.bounds.width * d.bounds.height > best.bounds.width * best.bounds.height) best = d;
  }
  return best;
}
