// The projector as the console drives it (大屏幕): a held scene and language per event, pushed to every socket.
import { defaultScreen, type ScreenState } from '../../../shared/api/screen';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { ScreenMode } from '../../../shared/domain/screen';
import { requireEvent, type ContestContext } from './context';

/** What the console last asked for; auto (the projector's own choice) until then. */
export function screenOf(ctx: ContestContext, eventId: number): ScreenState {
  return ctx.repos.screen.get(eventId) ?? defaultScreen;
}

export function screen(ctx: ContestContext, eventId: number): ScreenState {
  requireEvent(ctx, eventId);
  return screenOf(ctx, eventId);
}

/** Stored before it is pushed, so a projector that reloads (or connects later) comes back the same. */
export function setScreen(
  ctx: ContestContext,
  eventId: number,
  update: { mode?: ScreenMode | undefined; language?: Locale | null | undefined },
): ScreenState {
  requireEvent(ctx, eventId);
  const before = screenOf(ctx, eventId);
  const next: ScreenState = {
    mode: update.mode ?? before.mode,
    language: update.language === undefined ? before.language : update.language,
  };
  ctx.repos.screen.put(eventId, next, ctx.stamp());
  ctx.publish({ type: 'screen', eventId, ...next });
  return next;
}
