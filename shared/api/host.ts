import { z } from 'zod';

export const Health = z.object({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof Health>;

/** How the host is reachable: loopback only, or the venue LAN too. */
export const Network = z.object({
  lan: z.boolean(),
  port: z.number().int(),
  /** Addresses judges and the projector can use (empty when the LAN is off). */
  lanUrls: z.array(z.string()),
});
export type Network = z.infer<typeof Network>;

export const NetworkUpdate = z.strictObject({ lan: z.boolean() });
