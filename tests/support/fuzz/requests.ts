// Malformed requests across the whole contract. Every request carries at least one defect that makes it invalid by
// construction (a token outside the route's scopes, an id that is not there, a part its schema refuses, bytes no
// parser can take), so the host must refuse it with a 4xx in the API v1 shape and write nothing.
import fc from 'fast-check';
import { z } from 'zod';
import { contract, routeNames, type RouteDef, type RouteName } from '../../../shared/api/contract';
import { afterJson, brokenBody, plausible } from './schema';
import { brokenJsonText, brokenUploads, longDigits, notANumberTexts, wrongContentTypes } from './values';
import type { FuzzWorld } from './world';

export type Defect = 'host' | 'token' | 'params' | 'missing' | 'query' | 'body' | 'upload' | 'scores';

export interface FuzzRequest {
  route: RouteName;
  defect: Defect;
  /** What makes it invalid, in words, for the failure message. */
  why: string;
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The exact status API v1 prescribes for this defect, when it prescribes one. */
  expect?: 401 | 403;
  /** Sent as the `Host` header instead of the host's own address. */
  host?: string;
}

/** A criterion of the rubric the open speaker is scored on. */
export interface Criterion {
  key: string;
  max: number;
  step: number;
}

interface Parts {
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  token: string | null;
  body?: { text: string | Uint8Array; contentType: string };
}

const nowhere = 987_654_321;

function hasPart(route: RouteDef, part: 'params' | 'query' | 'body'): boolean {
  return route[part] !== undefined;
}

/** An upload route takes raw bytes (a workbook, a picture, an archive) rather than JSON. */
function isUpload(route: RouteDef): boolean {
  return route.body !== undefined && route.body.safeParse(new Uint8Array([1])).success;
}

/** `value` if it is a plain object, else an empty one (to spread a plausible body into). */
function fields(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
}

function bodyKeys(route: RouteDef): string[] {
  return route.body ? Object.keys(fields(plausible(route.body))) : [];
}

function paramNames(route: RouteDef): string[] {
  return [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}

/** The token a caller of this route would have: the admin's, else a demo judge's, else a desk's, else none. */
function rightToken(route: RouteDef, world: FuzzWorld): string | null {
  if (route.scopes.includes('admin')) return world.tokens.admin;
  if (route.scopes.includes('judge')) return world.tokens.judge;
  if (route.scopes.includes('desk')) return world.tokens.desk;
  return null;
}

/** Ids that exist, chosen per parameter: the ids of one of the two demo events (which one is up to the draw). */
function existingParams(route: RouteDef, world: FuzzWorld, training: boolean): fc.Arbitrary<Record<string, string>> {
  const pick = (values: Array<number | string>) => fc.constantFrom(...values.map(String));
  const record: Record<string, fc.Arbitrary<string>> = {};
  for (const name of paramNames(route)) {
    const options = enumOptions(route, name);
    if (options) record[name] = fc.constantFrom(...options);
    else if (name === 'id') record[name] = pick([training ? world.trainingId : world.contestId]);
    else if (name === 'pid' && route.scopes.includes('judge')) record[name] = pick([world.openSpeaker]);
    else if (name === 'pid') record[name] = pick(training ? world.trainees : [world.lockedSpeaker, world.openSpeaker]);
    else if (name === 'jid') record[name] = pick(world.judges);
    else if (name === 'sid') record[name] = pick(world.sessions);
    else if (name === 'vid') record[name] = pick(world.venues);
    else if (name === 'did') record[name] = pick(world.desks);
    else if (name === 'code') record[name] = pick([world.checkinCode]);
    else record[name] = pick(['podium-2026-03-02-0900.db', '1']);
  }
  return fc.record(record);
}

/** The values of an enum parameter (a certificate's kind, an image's role), or undefined for ids and codes. */
function enumOptions(route: RouteDef, name: string): string[] | undefined {
  if (!(route.params instanceof z.ZodObject)) return undefined;
  const child: unknown = route.params.shape[name];
  return child instanceof z.ZodEnum ? child.options.map(String) : undefined;
}

/** Path segments a parameter schema refuses: not ids, traversal attempts, overflowing numbers, other scripts. */
const badSegments = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    'abc',
    '1.5',
    '1e3',
    '0x1F',
    '99999999999999999999',
    '%201',
    '%00',
    '1%00',
    encodeURIComponent('１'),
  ),
  fc.constantFrom('..%2f..%2fpodium.db', '..%5c..%5cpodium.db', '%2e%2e%2fetc%2fpasswd', 'NaN', 'Infinity', 'null'),
  fc.constantFrom('%E2%80%AE1', encodeURIComponent('张三'), encodeURIComponent('<script>'), 'a'.repeat(3000)),
  fc.integer({ min: 17, max: 2000 }).map(longDigits),
);

/** The pathname a URL with these segments resolves to must keep the route's shape (no `..` collapsing it). */
function keepsShape(route: RouteDef, url: string): boolean {
  const sent = new URL(url, 'http://127.0.0.1').pathname.split('/');
  const template = route.path.split('/');
  return sent.length === template.length && template.every((s, i) => s.startsWith(':') || s === sent[i]);
}

function fill(route: RouteDef, params: Record<string, string>): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? '1');
}

function encodeQuery(query: Record<string, string | string[]>): string {
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x)}`),
  );
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

const languages = fc.constantFrom<string | undefined>(undefined, 'en', 'zh-CN', 'en-US,en;q=0.9', 'xx;q=bad');

/** A body a caller of the route might send with an otherwise valid request: plausible JSON, or harmless bytes. */
function plainBody(route: RouteDef, workbook: Uint8Array, criteria: Criterion[]): Parts['body'] {
  if (!route.body) return undefined;
  if (isUpload(route)) return { text: workbook, contentType: 'application/octet-stream' };
  const body = fields(plausible(route.body));
  // A score sheet that is right for the demo rubric, so only the defect stands between the request and a write.
  if ('scores' in body) body.scores = Object.fromEntries(criteria.map((c) => [c.key, c.max]));
  return { text: JSON.stringify(body), contentType: 'application/json' };
}

/** What the server's schema gets for a JSON body; `undefined` when the server refuses the bytes before the schema. */
function parsedJson(text: string): { value: unknown } | undefined {
  try {
    const value: unknown = text === '' ? null : JSON.parse(text);
    return { value };
  } catch {
    return undefined;
  }
}

const unknownScoreKeys = [
  'extra',
  '__proto__',
  'CONTENT',
  ' content',
  // Names inherited from Object.prototype (once answered 500: the error's label was looked up with `in`).
  'constructor',
  'toString',
  'hasOwnProperty',
];

function invalidScores(criteria: Criterion[]): fc.Arbitrary<{ scores: Record<string, unknown>; why: string }> {
  const valid = Object.fromEntries(criteria.map((c) => [c.key, c.max]));
  const keys = criteria.map((c) => c.key);
  const wrongValue = (c: Criterion): fc.Arbitrary<unknown> =>
    fc.oneof(
      // Out of range, finer than the step, or no number at all: refused by the scoring rule of API v1.
      fc.constantFrom(-c.step, c.max + c.step, c.step / 2, 0.001, 1e308, -1e-7, c.max * 1000),
      fc.constantFrom(String(-c.step), String(c.max + c.step), String(c.step / 2), `${c.max}.001`, 'abc', '1,5'),
      fc.constantFrom(
        ...notANumberTexts.filter((t) => !Number.isFinite(Number(t)) || t.includes('e') || t.includes('x')),
      ),
      fc.integer({ min: 5, max: 60_000 }).map(longDigits),
      fc.constantFrom(true, [], {}, [c.max], { value: c.max }),
    );
  return fc.oneof(
    fc.constantFrom(...keys).chain((key) => {
      const c = criteria.find((x) => x.key === key) ?? criteria[0];
      if (!c) throw new Error('no criteria');
      return wrongValue(c).map((v) => ({
        scores: { ...valid, [key]: v },
        why: `score ${key}=${String(v).slice(0, 40)}`,
      }));
    }),
    fc.constantFrom(...keys).map((key) => {
      const scores: Record<string, unknown> = { ...valid };
      delete scores[key];
      return { scores, why: `score ${key} missing` };
    }),
    fc.constantFrom(...unknownScoreKeys).map((key) => {
      const scores: Record<string, unknown> = { ...valid };
      Object.defineProperty(scores, key, { value: 1, enumerable: true, writable: true, configurable: true });
      return { scores, why: `unknown score key ${key}` };
    }),
  );
}

function defectsOf(route: RouteDef): Defect[] {
  // Any route, even a public one, can be reached under a name that is not the host's (finding 7, DNS rebinding).
  const defects: Defect[] = ['host'];
  if (!route.scopes.includes('public')) defects.push('token');
  if (hasPart(route, 'params')) defects.push('params', 'missing');
  if (hasPart(route, 'query')) defects.push('query');
  if (route.body && isUpload(route)) defects.push('upload');
  else if (route.body) defects.push('body');
  if (route.body && bodyKeys(route).includes('scores') && paramNames(route).includes('pid')) defects.push('scores');
  return defects;
}

/** Every route of the contract: each can at least be asked for under a foreign host name. */
export function fuzzableRoutes(): RouteName[] {
  return routeNames.filter((name) => defectsOf(contract[name]).length > 0);
}

/** One malformed request to `name`, with the defect that makes it invalid. */
function requestTo(
  name: RouteName,
  world: FuzzWorld,
  criteria: Criterion[],
  workbook: Uint8Array,
): fc.Arbitrary<FuzzRequest> {
  const route: RouteDef = contract[name];
  return fc
    .record({
      // A foreign host name is one defect among several, not half of what a public route gets.
      defect: fc.oneof(...defectsOf(route).map((d) => ({ weight: d === 'host' ? 1 : 3, arbitrary: fc.constant(d) }))),
      training: fc.boolean(),
      lang: languages,
    })
    .chain(({ defect, training, lang }) =>
      existingParams(route, world, training).chain((params) => {
        const base: Parts = {
          params,
          query: {},
          token: rightToken(route, world),
          body: plainBody(route, workbook, criteria),
        };
        return defectArbitrary(name, route, defect, base, world, criteria, workbook, training).map((made) => {
          const headers: Record<string, string> = {};
          if (lang) headers['accept-language'] = lang;
          const parts = made.parts;
          if (parts.token !== null) headers.authorization = parts.token;
          const url = `${fill(route, parts.params)}${encodeQuery(parts.query)}`;
          const sendsBody = route.method !== 'GET' && parts.body !== undefined;
          if (sendsBody && parts.body) headers['content-type'] = parts.body.contentType;
          return {
            route: name,
            defect,
            why: made.why,
            method: route.method,
            url,
            headers,
            ...(sendsBody && parts.body ? { body: parts.body.text } : {}),
            ...(made.expect ? { expect: made.expect } : {}),
            ...(made.host ? { host: made.host } : {}),
          } satisfies FuzzRequest;
        });
      }),
    )
    .filter((r) => keepsShape(route, r.url));
}

type Made = { parts: Parts; why: string; expect?: 401 | 403; host?: string };

/** Names a page of another site resolves to the host by DNS rebinding, or that no one may use for it. */
const foreignHosts = [
  'attacker.example',
  'attacker.example:8866',
  'localhost.attacker.example',
  '127.0.0.1.nip.io',
  '192.0.2.7',
  '[2001:db8::1]',
  'evil',
  '127.0.0.1:80@attacker.example',
];

function defectArbitrary(
  name: RouteName,
  route: RouteDef,
  defect: Defect,
  base: Parts,
  world: FuzzWorld,
  criteria: Criterion[],
  workbook: Uint8Array,
  training: boolean,
): fc.Arbitrary<Made> {
  const bearer = (token: string) => `Bearer ${token}`;
  const withBearer = { ...base, token: base.token === null ? null : bearer(base.token) };
  switch (defect) {
    case 'host':
      // Otherwise the right request, body and all: only the name it was sent to is wrong.
      return fc
        .constantFrom(...foreignHosts)
        .map((host): Made => ({ parts: withBearer, why: `Host: ${host}`, expect: 403, host }));
    case 'token': {
      const others: Array<[string, string]> = [];
      if (!route.scopes.includes('admin')) others.push(['admin', world.tokens.admin]);
      if (!route.scopes.includes('judge'))
        others.push(['judge', world.tokens.judge], ['other judge', world.tokens.otherJudge]);
      if (!route.scopes.includes('desk')) others.push(['desk', world.tokens.desk]);
      const unknown = fc.oneof(
        fc.constant<[string, string | null]>(['no token', null]),
        fc.constant<[string, string | null]>(['revoked desk', bearer(world.tokens.revokedDesk)]),
        fc.constantFrom<[string, string | null]>(
          ['admin token, one letter changed', bearer(`${world.tokens.admin.slice(0, -1)}X`)],
          ['admin token and more', bearer(`${world.tokens.admin}0`)],
          ['admin token, other scheme', `Basic ${world.tokens.admin}`],
          ['admin token twice', `Bearer ${world.tokens.admin} ${world.tokens.admin}`],
          ['empty bearer', 'Bearer '],
        ),
        fc
          .stringMatching(/^[!-~]{1,300}$/)
          .map((s): [string, string | null] => [`garbage token ${s.slice(0, 20)}`, bearer(s)]),
        fc.integer({ min: 1000, max: 6000 }).map((n): [string, string | null] => ['long token', bearer('x'.repeat(n))]),
      );
      // Finding 1: the token is checked before the body is read, so not even an unreadable or huge body matters.
      const wrongBody = fc.oneof(
        fc.constant(base.body),
        brokenJsonText.map((text) => ({ text, contentType: 'application/json' })),
        fc
          .integer({ min: 100_000, max: 3_000_000 })
          .map((n) => ({ text: '['.repeat(n), contentType: 'application/json' })),
      );
      const outside = others.length > 0 ? fc.constantFrom(...others) : undefined;
      const unauthorized = fc.record({ who: unknown, body: wrongBody }).map(({ who, body }): Made => ({
        parts: { ...base, token: who[1], ...(body ? { body } : {}) },
        why: who[0],
        expect: 401,
      }));
      if (!outside) return unauthorized;
      const forbidden = outside.map(([who, token]): Made => ({
        parts: { ...base, token: bearer(token) },
        why: `${who} token`,
        expect: 403,
      }));
      return fc.oneof(unauthorized, forbidden);
    }
    case 'params': {
      const names = paramNames(route);
      return fc
        .record({ which: fc.constantFrom(...names), segment: badSegments })
        .filter(({ which, segment }) => {
          let decoded: string;
          try {
            decoded = decodeURIComponent(segment);
          } catch {
            return true;
          }
          return !(route.params?.safeParse({ ...base.params, [which]: decoded }).success ?? false);
        })
        .map(({ which, segment }): Made => ({
          parts: { ...withBearer, params: { ...base.params, [which]: segment } },
          why: `:${which}=${segment.slice(0, 30)}`,
        }));
    }
    case 'missing': {
      const names = paramNames(route).filter((n) => !enumOptions(route, n));
      const foreign = (n: string): Array<number | string> => {
        if (n === 'pid' && route.scopes.includes('judge'))
          // Not the open speaker: locked, waiting, another contest's or a trainee: outside the scoring window.
          return [...world.speakers.filter((p) => p !== world.openSpeaker), ...world.otherSpeakers, ...world.trainees];
        if (n === 'pid')
          return training ? [...world.speakers, ...world.otherSpeakers] : [...world.trainees, ...world.otherSpeakers];
        if (n === 'jid') return world.otherJudges;
        if (n === 'code') return ['0000', '9999'].filter((c) => c !== world.checkinCode);
        return [];
      };
      return fc
        .constantFrom(...names)
        .chain((which) =>
          fc.constantFrom(...[nowhere, ...foreign(which)].map(String)).map((value) => ({ which, value })),
        )
        .map(({ which, value }): Made => ({
          parts: { ...withBearer, params: { ...base.params, [which]: value } },
          why: `:${which}=${value} is not there`,
        }));
    }
    case 'query': {
      const schema = route.query;
      if (!schema) throw new Error(`${name} has no query`);
      const keys = Object.keys(fields(plausible(schema)));
      // Keys that take an id (a session, a participant): one that is not there is refused like a bad one.
      const idKeys = keys.filter(
        (k) => schema.safeParse({ [k]: '1' }).success && !schema.safeParse({ [k]: 'x' }).success,
      );
      const absent = idKeys.map((key) => ({ [key]: String(nowhere) }));
      const notThere =
        absent.length > 0
          ? fc.constantFrom(...absent).map((query): Made => ({
              parts: { ...withBearer, query },
              why: `query ${JSON.stringify(query)} is not there`,
            }))
          : undefined;
      const refused = fc
        .record({
          key: fc.constantFrom(...keys, 'token', 'extra', 'dryRun[]', ''),
          value: fc.oneof(
            fc.constantFrom('', 'maybe', 'TRUE', '-1', 'NaN', '..%2f', String(nowhere)),
            fc.string({ maxLength: 30 }),
          ),
          twice: fc.boolean(),
        })
        .map(({ key, value, twice }) => ({ ...base.query, [key]: twice ? [value, value] : value }))
        .filter((query) => !schema.safeParse(query).success)
        .map((query): Made => ({
          parts: { ...withBearer, query },
          why: `query ${JSON.stringify(query).slice(0, 60)}`,
        }));
      return notThere ? fc.oneof({ weight: 3, arbitrary: refused }, { weight: 1, arbitrary: notThere }) : refused;
    }
    case 'body': {
      const schema = route.body;
      if (!schema) throw new Error(`${name} has no body`);
      const refused = (value: unknown) => !schema.safeParse(afterJson(value)).success;
      const json = brokenBody(schema)
        .filter(refused)
        .map((value): Made => ({
          parts: { ...withBearer, body: { text: JSON.stringify(value) ?? '', contentType: 'application/json' } },
          why: `body ${String(JSON.stringify(value)).slice(0, 80)}`,
        }));
      const raw = brokenJsonText
        .filter((text) => {
          const parsed = parsedJson(text);
          return parsed === undefined || !schema.safeParse(parsed.value).success;
        })
        .map((text): Made => ({
          parts: { ...withBearer, body: { text, contentType: 'application/json' } },
          why: `raw body ${text.slice(0, 40)}`,
        }));
      // A broken body under another content type: whatever parser takes it (or none, 415), it stays refused.
      const typed = fc
        .record({ value: brokenBody(schema).filter(refused), contentType: fc.constantFrom(...wrongContentTypes) })
        .map(({ value, contentType }): Made => ({
          parts: { ...withBearer, body: { text: JSON.stringify(value) ?? 'null', contentType } },
          why: `${contentType} body`,
        }));
      const huge = fc.integer({ min: 70_000, max: 1_500_000 }).map((n): Made => {
        const padded = { ...fields(plausible(schema)), padding: 'x'.repeat(n) };
        return {
          parts: { ...withBearer, body: { text: JSON.stringify(padded), contentType: 'application/json' } },
          why: `body of ${n} bytes`,
        };
      });
      return fc.oneof(
        { weight: 5, arbitrary: json },
        { weight: 2, arbitrary: raw },
        { weight: 2, arbitrary: typed },
        { weight: 1, arbitrary: huge },
      );
    }
    case 'upload':
      return brokenUploads(workbook).map(({ bytes, contentType }): Made => ({
        parts: { ...withBearer, body: { text: bytes, contentType } },
        why: `${bytes.length} bytes of ${contentType}, starting ${Buffer.from(bytes.slice(0, 8)).toString('hex')}`,
      }));
    case 'scores': {
      // The scoring window is open for the demo's second speaker; a judge's valid sheet would be written.
      const params = route.scopes.includes('judge')
        ? { ...base.params, pid: String(world.openSpeaker) }
        : {
            ...base.params,
            id: String(world.contestId),
            pid: String(world.lockedSpeaker),
            jid: String(world.judges[0]),
          };
      return invalidScores(criteria).map(({ scores, why }): Made => {
        const body = { ...fields(route.body ? plausible(route.body) : null), scores };
        return {
          parts: { ...withBearer, params, body: { text: JSON.stringify(body), contentType: 'application/json' } },
          why,
        };
      });
    }
  }
}

/** Malformed requests spread over every fuzzable route of the contract. */
export function malformedRequests(
  world: FuzzWorld,
  criteria: Criterion[],
  workbook: Uint8Array,
): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...fuzzableRoutes()).chain((name) => requestTo(name, world, criteria, workbook));
}

/** A `/api/live` upgrade that must not open: what makes it wrong, and how it is sent. */
export interface FuzzUpgrade {
  why: string;
  /** Path and query string. */
  url: string;
  headers: Record<string, string>;
  host?: string;
}

/** Upgrades of the live channel with a bad or unknown event, an unknown token, or another site's page behind them. */
export function malformedUpgrades(world: FuzzWorld): fc.Arbitrary<FuzzUpgrade> {
  const good = { event: String(world.contestId), token: world.tokens.admin };
  const upgrade = (why: string, query: Record<string, string>, more: Partial<FuzzUpgrade> = {}): FuzzUpgrade => ({
    why,
    url: `/api/live${encodeQuery(query)}`,
    headers: {},
    ...more,
  });
  return fc.oneof(
    fc
      .constantFrom('', 'abc', '-1', '1.5', String(nowhere), '99999999999999999999999', encodeURIComponent('１'))
      .map((event) => upgrade(`event=${event}`, { ...good, event })),
    fc.constant(upgrade('no event', { token: world.tokens.admin })),
    fc
      .oneof(fc.constant(world.tokens.revokedDesk), fc.stringMatching(/^[!-~]{1,200}$/))
      .map((token) => upgrade(`token ${token.slice(0, 20)}`, { ...good, token })),
    fc
      .constantFrom('http://attacker.example', 'https://127.0.0.1.nip.io', 'null', 'file://', 'http://192.0.2.7:8866')
      .map((origin) => upgrade(`Origin: ${origin}`, good, { headers: { origin } })),
    // A foreign Host (DNS rebinding); once left the connection open so the host could not stop.
    fc.constantFrom(...foreignHosts).map((host) => upgrade(`Host: ${host}`, good, { host })),
  );
}
