import { z } from 'zod';
import type { Scope } from '../domain/vocabulary';
import { Event, EventCreate, EventParams, Participant, ParticipantCreate, ParticipantListQuery, PublicEvent } from './events';
import { Health, Network, NetworkUpdate } from './host';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: Method;
  /** Fastify-style path, `:name` for parameters. */
  path: string;
  /** Scopes allowed to call; `public` means no token needed. */
  scopes: readonly Scope[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The JSON answer, or `'binary'` for a file download. */
  response: z.ZodType | 'binary';
  status?: 200 | 201;
}

/** API v1: every route, its schemas and who may call it. The server and the client are both typed from this. */
export const contract = {
  health: { method: 'GET', path: '/api/health', scopes: ['public'], response: Health },

  listEvents: { method: 'GET', path: '/api/events', scopes: ['admin'], response: z.array(Event) },
  createEvent: { method: 'POST', path: '/api/events', scopes: ['admin'], body: EventCreate, response: Event, status: 201 },
  getEvent: { method: 'GET', path: '/api/events/:id', scopes: ['admin'], params: EventParams, response: Event },
  publicEvent: { method: 'GET', path: '/api/public/events/:id', scopes: ['public'], params: EventParams, response: PublicEvent },

  listParticipants: {
    method: 'GET',
    path: '/api/events/:id/participants',
    scopes: ['admin'],
    params: EventParams,
    query: ParticipantListQuery,
    response: z.array(Participant),
  },
  createParticipant: {
    method: 'POST',
    path: '/api/events/:id/participants',
    scopes: ['admin'],
    params: EventParams,
    body: ParticipantCreate,
    response: Participant,
    status: 201,
  },

  getNetwork: { method: 'GET', path: '/api/host/network', scopes: ['admin'], response: Network },
  setNetwork: { method: 'PUT', path: '/api/host/network', scopes: ['admin'], body: NetworkUpdate, response: Network },
  backup: { method: 'GET', path: '/api/host/backup', scopes: ['admin'], response: 'binary' },
} as const satisfies Record<string, RouteDef>;

export type Contract = typeof contract;
export type RouteName = keyof Contract;

type Field<R, K extends string> = R extends { [P in K]: infer S } ? (S extends z.ZodType ? S : never) : never;

/** What a caller sends for a route (schema inputs). */
export type RouteInput<N extends RouteName> = {
  [K in 'params' | 'query' | 'body' as Field<Contract[N], K> extends never ? never : K]: z.input<Field<Contract[N], K>>;
};
/** What the server hands its handler (schema outputs, already parsed). */
export type RouteArgs<N extends RouteName> = {
  [K in 'params' | 'query' | 'body' as Field<Contract[N], K> extends never ? never : K]: z.output<Field<Contract[N], K>>;
};
export type RouteOutput<N extends RouteName> = Contract[N]['response'] extends z.ZodType
  ? z.output<Contract[N]['response']>
  : Uint8Array;

/** Fills `:name` parameters into a route path. */
export function routePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

export function isRouteName(value: string): value is RouteName {
  return Object.hasOwn(contract, value);
}

export const routeNames: RouteName[] = Object.keys(contract).filter(isRouteName);
