import { createHash, timingSafeEqual } from 'node:crypto';
import type { Scope } from '../../shared/domain/vocabulary';

/** Who a request speaks for, once its token is known. */
export type Principal =
  | { scope: 'admin' }
  | { scope: 'judge'; judgeId: number; eventId: number }
  | { scope: 'desk'; deskId: number; eventId: number }
  | { scope: 'public' };

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison, so the admin token cannot be guessed byte by byte. */
export function sameToken(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export type Authenticator = (token: string) => Principal | null;

type TokenLookup = (token: string) => { id: number; eventId: number } | null;

/** The admin token, else a judge's or a check-in desk's token looked up in the event data. */
export function hostAuthenticator(
  adminToken: string,
  judgeByToken: TokenLookup,
  deskByToken: TokenLookup = () => null,
): Authenticator {
  return (token) => {
    if (sameToken(token, adminToken)) return { scope: 'admin' };
    const judge = judgeByToken(token);
    if (judge) return { scope: 'judge', judgeId: judge.id, eventId: judge.eventId };
    const desk = deskByToken(token);
    return desk ? { scope: 'desk', deskId: desk.id, eventId: desk.eventId } : null;
  };
}

export type AccessDecision = { ok: true; principal: Principal } | { ok: false; status: 401 | 403 };

/**
 * API v1: a missing or unknown token is 401; a valid token outside the route's scopes is 403.
 * Public routes accept anyone, and still recognise a token when one is sent.
 */
export function decideAccess(
  token: string | undefined,
  scopes: readonly Scope[],
  authenticate: Authenticator,
): AccessDecision {
  const principal = token === undefined ? null : authenticate(token);
  if (scopes.includes('public')) return { ok: true, principal: principal ?? { scope: 'public' } };
  if (!principal) return { ok: false, status: 401 };
  if (!scopes.includes(principal.scope)) return { ok: false, status: 403 };
  return { ok: true, principal };
}

/** The admin token opens everything on the LAN: shorter ones could be guessed or typed by chance. */
export const minAdminTokenLength = 16;

export function isWeakAdminToken(token: string): boolean {
  return token.length < minAdminTokenLength;
}
