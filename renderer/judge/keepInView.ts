/** A box in the page's layout-viewport coordinates (getBoundingClientRect's top and bottom). */
export interface Span {
  top: number;
  bottom: number;
}

/** What a judge can see: the visual viewport (shrunk by an on-screen keyboard), above the sticky bar. */
export interface VisibleArea {
  /** visualViewport.offsetTop and height; the layout viewport's when the browser has no visualViewport. */
  viewTop: number;
  viewHeight: number;
  /** Height of the sticky total/submit bar at the bottom of the layout viewport. */
  barHeight: number;
  /** The layout viewport's height (window.innerHeight): where the sticky bar sits. */
  layoutHeight: number;
}

const margin = 12;

/**
 * How far to scroll (positive: down) so the focused field sits in the middle of what is visible, or 0 when it is
 * already fully visible. The sticky bar covers the bottom of the layout viewport; a keyboard covers what lies below
 * the visual viewport.
 */
export function scrollToReveal(field: Span, area: VisibleArea): number {
  const top = area.viewTop + margin;
  const bottom = Math.min(area.viewTop + area.viewHeight, area.layoutHeight - area.barHeight) - margin;
  if (field.top >= top && field.bottom <= bottom) return 0;
  return Math.round((field.top + field.bottom) / 2 - (top + bottom) / 2);
}
