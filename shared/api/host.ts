import { z } from 'zod';
import { text } from './fields';

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

/**
 * The address judges' cards carry (the venue address), chosen in the LAN panel among this computer's addresses
 * and kept across restarts.
 */
export const VenueAddress = z.object({
  /** This computer's addresses on a network now, the usual venue ranges first (whether or not the LAN is open). */
  addresses: z.array(z.string()),
  /** The address the organiser chose, kept even while this computer is not on that network. */
  chosen: z.string().nullable(),
  /** What judges' and desks' links start with now, `http://ADDRESS:PORT`. */
  joinBase: z.string(),
  /** The short address printed on a judge's card, typed by hand with the join code. */
  shortUrl: z.string(),
  /** The links work on this computer only (LAN closed or no venue address): cards printed now are useless. */
  localOnly: z.boolean(),
});
export type VenueAddress = z.infer<typeof VenueAddress>;

export const VenueAddressInput = z.strictObject({ address: text('venueAddress.address', 64) });

/** A judge's join code as typed on the join page: case, spaces and dashes do not matter. */
export const JoinInput = z.strictObject({ code: text('join.code', 32) });
/** The judge's page, relative to the address the judge typed (it may differ from the printed one). */
export const JoinAnswer = z.object({ url: z.string() });
