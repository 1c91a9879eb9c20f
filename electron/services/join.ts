// How judges reach the host: the venue address their cards carry, the join codes, and the join page's exchange.
import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { JoinAnswer, VenueAddress } from '../../shared/api/host';
import type { Repositories } from '../database';
import { AppError } from '../errors';
import { failureCounter, type FailureLimit } from './failures';
import type { TokenVault } from './tokens';

/** Where the host is now: whether the LAN is open, its port, and this computer's addresses on a network. */
export interface HostPlace {
  lan: boolean;
  port: number;
  addresses: readonly string[];
}

const loopback = '127.0.0.1';
const venueAddressKey = 'venueAddress';

/**
 * What every link handed out starts with: the chosen venue address while this computer has it (even before the
 * LAN is opened, so cards printed early still work at the venue); else the first LAN address while the LAN is
 * open; else this computer only.
 */
export function joinBaseOf(place: HostPlace, chosen: string | null): string {
  const address =
    (chosen !== null && place.addresses.includes(chosen) ? chosen : undefined) ??
    (place.lan ? place.addresses[0] : undefined) ??
    loopback;
  return `http://${address}:${place.port}`;
}

/** A renderer page at a base address: the one way links for judges, desks and trainees are built. */
export function pageUrl(base: string, page: string): string {
  return `${base}/#${page}`;
}

// No 0/O or 1/I: the code is read off paper and typed on a phone.
export const joinCodeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const joinCodeLength = 6;

/** The code as the host stores it: upper case, without the spaces or dashes a person may type. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-_.]/g, '');
}

function drawJoinCode(): string {
  let code = '';
  for (let i = 0; i < joinCodeLength; i++) code += joinCodeAlphabet[randomInt(joinCodeAlphabet.length)] ?? '';
  return code;
}

/** A new join code for the judge (unique on this host), replacing theirs: the old one finds nobody from now on. */
export function newJoinCode(repos: Repositories, vault: TokenVault, judgeId: number, at: string): string {
  for (;;) {
    const code = drawJoinCode();
    if (repos.judgeAccess.putJoinCode(judgeId, vault.codeHash(code), vault.seal(code), at)) return code;
  }
}

/** The judge's join code, drawn the first time it is asked for; null when it was sealed on another computer. */
export function ensureJoinCode(repos: Repositories, vault: TokenVault, judgeId: number, at: string): string | null {
  const sealed = repos.judgeAccess.joinCode(judgeId);
  return sealed === null ? newJoinCode(repos, vault, judgeId, at) : vault.unseal(sealed);
}

/** Wrong codes one client may type per window before the join page stops answering (so codes cannot be guessed). */
export const joinFailureLimit: FailureLimit = { count: 10, windowMs: 10 * 60_000 };

export function joinService(deps: { repos: Repositories; vault: TokenVault; now: () => Date; place: () => HostPlace }) {
  const { repos, vault } = deps;
  const failures = failureCounter(joinFailureLimit);

  function venue(): VenueAddress {
    const place = deps.place();
    const chosen = repos.judgeAccess.setting(venueAddressKey);
    const joinBase = joinBaseOf(place, chosen);
    return {
      addresses: [...place.addresses],
      chosen,
      joinBase,
      shortUrl: `${joinBase}/j`,
      localOnly: !place.lan || new URL(joinBase).hostname === loopback,
    };
  }

  return {
    venue,
    joinBase: () => venue().joinBase,
    /** Kept in the database: the cards are printed once, the host may restart before the contest. */
    setVenueAddress(address: string): VenueAddress {
      if (!deps.place().addresses.includes(address))
        throw new AppError('validation', 'error.venueAddress.unknown', { address }, 'address');
      repos.judgeAccess.putSetting(venueAddressKey, address, deps.now().toISOString());
      return venue();
    },
    /** A typed code → the judge's page. Wrong codes count against the client's address; too many → 429. */
    publicJoin(typed: string, client: string): z.infer<typeof JoinAnswer> {
      const now = deps.now().getTime();
      if (failures.tooMany(client, now)) throw new AppError('rate_limited', 'error.join.rateLimited');
      const judgeId = repos.judgeAccess.judgeOfCode(vault.codeHash(normalizeJoinCode(typed)));
      const sealed = judgeId === null ? null : (repos.contest.judge(judgeId)?.tokenSealed ?? null);
      const token = sealed === null ? null : vault.unseal(sealed);
      if (token === null) {
        failures.record(client, now);
        throw new AppError('not_found', 'error.join.unknownCode');
      }
      // Relative: the judge reached the host at the address they typed, which may not be the printed one.
      return { url: pageUrl('', `/judge?token=${token}`) };
    },
  };
}
export type JoinService = ReturnType<typeof joinService>;
