import { z } from 'zod';
import { screenModes } from '../domain/screen';
import { locales } from '../domain/vocabulary';

// The projector as the console drives it: one held state per event, kept on the host so a reloaded projector obeys it.

export const ScreenState = z.object({
  mode: z.enum(screenModes),
  /** The console's language for the projector; null: the projector's own. */
  language: z.enum(locales).nullable(),
});
export type ScreenState = z.infer<typeof ScreenState>;

/** Either part alone, or both; what is left out stays as it was. */
export const ScreenUpdate = z.strictObject({
  mode: z.enum(screenModes).optional(),
  language: z.enum(locales).nullable().optional(),
});

export const defaultScreen: ScreenState = { mode: 'auto', language: null };
