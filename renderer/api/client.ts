import type { Contract, RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import { safeParse } from 'zod/mini';
import { routePath, type RouteDef } from '../../shared/api/contract-types';
import { ErrorBody, type ErrorCode } from '../../shared/api/errors';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';

/** Why a call failed, with a sentence to show the person (already in their language). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the host could not be reached. */
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'bad_response',
    message: string,
    /** The request field the message is about, when the server named one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * The routes a page's client may call. The console passes the whole contract; a phone page passes its own routes
 * module (e.g. shared/api/judge-routes.ts), so it does not download the schemas of every other route.
 */
export type RouteTable = { readonly [N in RouteName]?: Pick<Contract[N], 'method' | 'path' | 'response'> };

/** What the client needs of a route: where it is and how to read its answer (requests are checked by the host). */
type PageRoute = Pick<RouteDef, 'method' | 'path' | 'response'>;

export interface ApiClientOptions<R extends RouteTable> {
  routes: R;
  /** Bearer token: the admin token in the console, a judge's token on the judge page, none for public pages. */
  token?: string | null | undefined;
  locale: Locale;
  /** Defaults to the page's own origin: the host serves the pages and the API together. */
  baseUrl?: string;
}

/** Routes whose input has no parts may be called without one. */
type CallArgs<N extends RouteName> = keyof RouteInput<N> extends never
  ? [input?: RouteInput<N>]
  : [input: RouteInput<N>];

/** How far a download is: the host still making the file, then bytes arriving (total when the host said). */
export type DownloadProgress = { phase: 'preparing' } | { phase: 'receiving'; received: number; total: number | null };

export interface ApiClient<R extends RouteTable = Contract> {
  call<N extends RouteName & keyof R>(name: N, ...args: CallArgs<N>): Promise<RouteOutput<N>>;
  /** A file route's bytes, reporting progress while they arrive (for long jobs such as 1000 certificates). */
  download<N extends RouteName & keyof R>(
    name: N,
    input: RouteInput<N>,
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<Uint8Array>;
}

interface WireInput {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

export function createApiClient<R extends RouteTable>({
  routes,
  token,
  locale,
  baseUrl = window.location.origin,
}: ApiClientOptions<R>): ApiClient<R> {
  const table: Partial<Record<RouteName, PageRoute>> = routes;
  function routeOf(name: RouteName): PageRoute {
    const route = table[name];
    if (!route) throw new Error(`Podium: ${name} is not among this page's routes`);
    return route;
  }

  /** Sends the request; an answer that is not OK becomes an ApiError. */
  async function send(route: PageRoute, input: WireInput): Promise<Response> {
    const url = new URL(routePath(route.path, input.params), baseUrl);
    for (const [key, value] of Object.entries(input.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }

    const headers = new Headers({ 'Accept-Language': locale });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    const hasBody = input.body !== undefined;
    // A RawUpload body (an Excel file) goes as its bytes; every other body is JSON.
    const raw = input.body instanceof Uint8Array ? new Uint8Array(input.body) : undefined;
    if (hasBody) headers.set('Content-Type', raw ? 'application/octet-stream' : 'application/json');

    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers,
        body: raw ?? (hasBody ? JSON.stringify(input.body) : undefined),
      });
    } catch {
      throw new ApiError(0, 'network', translate(locale, 'error.network'));
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  function call<N extends RouteName & keyof R>(name: N, ...args: CallArgs<N>): Promise<RouteOutput<N>>;
  async function call(name: RouteName, input: WireInput = {}): Promise<unknown> {
    const route = routeOf(name);
    const response = await send(route, input);

    if (route.response === 'binary') return new Uint8Array(await response.arrayBuffer());
    // A 204 (a DELETE) has no body; its contract answer is null.
    const body: unknown = response.status === 204 ? null : await response.json().catch(() => undefined);
    const parsed = safeParse(route.response, body);
    if (!parsed.success) {
      // A contract mismatch is a bug for developers, not something the user can fix; keep the details in the log.
      console.error(`Podium: ${name} answered outside the contract`, parsed.error);
      throw new ApiError(response.status, 'bad_response', translate(locale, 'error.badResponse'));
    }
    return parsed.data;
  }

  async function errorFrom(response: Response): Promise<ApiError> {
    const parsed = ErrorBody.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) {
      const { code, message, field } = parsed.data.error;
      return new ApiError(response.status, code, message, field);
    }
    // Not our host's error shape (a proxy, a crashed server): say what a person can do about it.
    const fallback = response.status >= 500 ? 'error.internal' : 'error.badResponse';
    return new ApiError(
      response.status,
      response.status >= 500 ? 'internal' : 'bad_response',
      translate(locale, fallback),
    );
  }

  async function download(
    name: RouteName,
    input: WireInput,
    onProgress: (progress: DownloadProgress) => void,
  ): Promise<Uint8Array> {
    onProgress({ phase: 'preparing' });
    const response = await send(routeOf(name), input);
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    const reader = response.body?.getReader();
    if (!reader) return new Uint8Array(await response.arrayBuffer());
    const chunks: Uint8Array[] = [];
    let received = 0;
    onProgress({ phase: 'receiving', received, total });
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch {
        throw new ApiError(0, 'network', translate(locale, 'error.network'));
      }
      if (chunk.done) break;
      chunks.push(chunk.value);
      received += chunk.value.byteLength;
      onProgress({ phase: 'receiving', received, total });
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }

  return { call, download };
}

/** The message of any thrown value, for showing it: ApiErrors carry translated sentences already. */
export function errorMessage(error: unknown, locale: Locale): string {
  return error instanceof ApiError ? error.message : translate(locale, 'error.internal');
}
