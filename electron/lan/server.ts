import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { parse, type z } from 'zod';
import {
  contract,
  routeNames,
  type RouteArgs,
  type RouteDef,
  type RouteName,
  type HandlerOutput,
} from '../../shared/api/contract';
import { cacheControlFor, contentDisposition, isFileAnswer } from './files';
import type { ErrorBody } from '../../shared/api/errors';
import { LiveQuery } from '../../shared/api/live';
import type { Locale } from '../../shared/domain/vocabulary';
import { localeFromAcceptLanguage, translate } from '../../shared/i18n';
import type { Logger } from '../logger';
import { AppError } from '../errors';
import { bearerToken, decideAccess, type Authenticator, type Principal } from './auth';
import { limitConnections } from './connections';
import { appErrorBody, ErrorAnswer, frameworkErrorBody, statusOf, storageErrorBody, validationError } from './errors';
import { isAllowedHost, isAllowedOrigin, loopbackNames, type HostAllowance } from './hostCheck';
import { defaultServerLimits, takesUpload, type ServerLimits } from './limits';
import type { LiveHub } from './live';
import { isProbePath } from './paths';
import { hasLargeUnreadBody, refuseUnread } from './unread';

export interface RequestContext {
  principal: Principal;
  locale: Locale;
  /** The client's network address (rate limits of the public check-in). */
  clientAddress: string;
  /** Runs once the answer has been sent (e.g. rebinding the server after the LAN switch). */
  afterResponse(task: () => Promise<void>): void;
  /** Answers with this status instead of the route's (an archive imported before: 200, not 201). */
  answerStatus(status: 200 | 201): void;
}

export type Handlers = {
  [N in RouteName]: (args: RouteArgs<N>, ctx: RequestContext) => HandlerOutput<N> | Promise<HandlerOutput<N>>;
};

export interface ServerOptions {
  handlers: Handlers;
  authenticate: Authenticator;
  hub: LiveHub;
  /** Whether an event exists (for /api/live). */
  eventExists(eventId: number): boolean;
  rendererDir?: string | undefined;
  log: Logger;
  /** The host names requests may use (DNS rebinding); this computer's loopback names only when absent. */
  allowHost?: HostAllowance;
  /** Body sizes, timeouts and connections per client; the defaults when absent (tests make them small). */
  limits?: Partial<ServerLimits>;
}

// Pages load only their own code; the live socket is same-origin; QR codes are inline SVG.
const pagePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  // Only the console's own 大屏幕 thumbnail may frame a page (the projector); no other site can.
  "frame-ancestors 'self'",
].join('; ');

const pendingTasks = new WeakMap<FastifyRequest, Array<() => Promise<void>>>();
/** Who each request speaks for, decided in `onRequest` before its body is read. */
const principals = new WeakMap<FastifyRequest, Principal>();
/** The body limit of each route (the 413 says it). */
const bodyLimits = new WeakMap<FastifyRequest, number>();

const loopbackOnly: HostAllowance = (hostname) => loopbackNames.includes(hostname);

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

function localeOf(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  return reply.code(statusOf(body)).type('application/json; charset=utf-8').send(body);
}

/** A refusal before the body is read: a large body on its way is not read at all. */
function refuse(request: FastifyRequest, reply: FastifyReply, body: ErrorBody): FastifyReply {
  // A refused WebSocket upgrade is answered on its raw socket and closed: left to the websocket plugin, the
  // connection stayed open and the host could not stop while the client held it (tests/integration/fuzz.test.ts).
  const upgrade = request.headers.upgrade !== undefined;
  if (!upgrade && !hasLargeUnreadBody(request, defaultServerLimits.jsonBodyBytes)) return sendError(reply, body);
  refuseUnread(request, reply, statusOf(body), body);
  return reply;
}

function parsePart(schema: z.ZodType | undefined, value: unknown, locale: Locale): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw new ErrorAnswer(validationError(schema, result.error, locale));
  return result.data;
}

function registerRoute<N extends RouteName>(
  app: FastifyInstance,
  name: N,
  options: ServerOptions,
  limits: ServerLimits,
): void {
  const route: RouteDef = contract[name];
  const handler = options.handlers[name];
  const bodyLimit = takesUpload(route.body) ? limits.uploadBodyBytes : limits.jsonBodyBytes;
  app.route({
    method: route.method,
    url: route.path,
    bodyLimit,
    // Before the body is read: a request without a valid token costs the host its headers only.
    onRequest: async (request, reply) => {
      bodyLimits.set(request, bodyLimit);
      const access = decideAccess(bearerToken(request.headers.authorization), route.scopes, options.authenticate);
      const locale = localeOf(request);
      if (!access.ok) {
        const code = access.status === 401 ? 'unauthorized' : 'forbidden';
        return refuse(request, reply, {
          error: { code, message: translate(locale, access.status === 401 ? 'error.unauthorized' : 'error.forbidden') },
        });
      }
      // A body declared larger than the route takes is refused before a byte of it is read.
      if (Number(request.headers['content-length'] ?? 0) > bodyLimit) {
        const limit = sizeText(bodyLimit);
        return refuse(request, reply, {
          error: { code: 'too_large', message: translate(locale, 'error.lan.bodyTooLarge', { limit }) },
        });
      }
      principals.set(request, access.principal);
      return undefined;
    },
    handler: async (request, reply) => {
      const locale = localeOf(request);
      const principal = principals.get(request);
      if (!principal) throw new Error(`route ${name} ran without a principal`);
      // Params and queries are parsed before the body so a bad id answers 404/400 about the id.
      const params = parsePart(route.params, request.params, locale);
      const query = parsePart(route.query, request.query, locale);
      const body = route.body ? parsePart(route.body, request.body ?? null, locale) : undefined;
      // The parts were just parsed by this route's own schemas, which is what RouteArgs<N> describes.
      const args = { params, query, body } as RouteArgs<N>;
      const tasks: Array<() => Promise<void>> = [];
      pendingTasks.set(request, tasks);
      let status = route.status ?? 200;
      const result = await handler(args, {
        principal,
        locale,
        clientAddress: request.ip,
        afterResponse: (t) => tasks.push(t),
        answerStatus: (s) => (status = s),
      });
      reply.code(status);
      if (route.status === 204) return reply.send();
      if (route.response === 'binary') {
        if (!isFileAnswer(result)) throw new Error(`route ${name} did not answer with a file`);
        const file = result;
        return reply
          .type(file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
      }
      return reply.type('application/json; charset=utf-8').send(parse(route.response, result));
    },
  });
}

/** The LAN server: API v1, the live hub's socket endpoint, and the built renderer. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...defaultServerLimits, ...options.limits };
  const allowHost = options.allowHost ?? loopbackOnly;
  const noSuchAddress = (request: FastifyRequest) => ({
    error: { code: 'not_found' as const, message: translate(localeOf(request), 'error.lan.noSuchAddress') },
  });
  const app = Fastify({
    logger: false,
    bodyLimit: limits.jsonBodyBytes,
    return503OnClosing: true,
    forceCloseConnections: true,
    // A trickle of bytes (slowloris) or a silent connection is closed, not kept open forever.
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // An address that is not even valid URL encoding (`/%`, `/%c0%ae`) is no page either.
    frameworkErrors: (_error, request, reply) => {
      sendError(reply, noSuchAddress(request));
    },
  });
  limitConnections(app.server, limits.connections);

  app.setErrorHandler((error, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof ErrorAnswer) return sendError(reply, error.body);
    if (error instanceof AppError) return sendError(reply, appErrorBody(error, locale));
    const storage = storageErrorBody(error, locale);
    if (storage) return sendError(reply, storage);
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = sizeText(bodyLimits.get(request) ?? limits.jsonBodyBytes);
      return refuse(request, reply, {
        error: { code: 'too_large', message: translate(locale, 'error.lan.bodyTooLarge', { limit }) },
      });
    }
    // The file server refuses a path outside the renderer (403) or an unreadable one: to a client, no such file.
    if (typeof code === 'string' && code.startsWith('FST_STATIC_')) return sendError(reply, noSuchAddress(request));
    const framework = frameworkErrorBody(error, locale);
    if (framework) return sendError(reply, framework);
    // The path only: a query may carry a token (`/api/live?token=…`).
    options.log.error(`${request.method} ${request.url.split('?')[0] ?? ''} failed`, error);
    return sendError(reply, { error: { code: 'internal', message: translate(locale, 'error.internal') } });
  });

  // Before any route, file or body: a name this host does not go by (DNS rebinding), then a probing path.
  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host, allowHost)) {
      const host = String(request.headers.host).slice(0, 100);
      return refuse(request, reply, {
        error: { code: 'forbidden', message: translate(localeOf(request), 'error.lan.wrongHost', { host }) },
      });
    }
    if (isProbePath(request.url)) return refuse(request, reply, noSuchAddress(request));
    return undefined;
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    const path = request.url.split('?')[0] ?? '';
    // A page address (no file extension) gets the app; a missing script or picture is a 404, never HTML in its place.
    const wantsPage =
      request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path) && options.rendererDir;
    if (wantsPage) return reply.sendFile('index.html');
    return refuse(request, reply, {
      error: { code: 'not_found', message: translate(locale, 'error.notFound', { path }) },
    });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html'))
      reply.header('Content-Security-Policy', pagePolicy);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const cacheControl = cacheControlFor(request.url.split('?')[0] ?? '', reply.statusCode);
    reply.header('Cache-Control', cacheControl);
    // A file kept for a year under its hashed name is never asked about again: no validators on every answer.
    if (cacheControl.includes('immutable')) reply.removeHeader('etag').removeHeader('last-modified');
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    for (const task of pendingTasks.get(request) ?? []) {
      await task().catch((error: unknown) => options.log.error('after-response task failed', error));
    }
  });

  // Excel uploads and certificate pictures arrive as raw bytes.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-excel',
      'image/png',
      'image/jpeg',
    ],
    // No limit of its own: each route's (uploads on upload routes only, JSON's 64 KB everywhere else).
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.get(
    '/api/live',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const locale = localeOf(request);
        // A page of another site (DNS rebinding, or any page open in the organiser's browser) gets no socket.
        if (!isAllowedOrigin(request.headers.origin, allowHost)) {
          return sendError(reply, {
            error: { code: 'forbidden', message: translate(locale, 'error.lan.wrongOrigin') },
          });
        }
        const query = LiveQuery.safeParse(request.query, { reportInput: true });
        if (!query.success) return sendError(reply, validationError(LiveQuery, query.error, locale));
        const access = decideAccess(query.data.token, ['public'], options.authenticate);
        if (query.data.token !== undefined && access.ok && access.principal.scope === 'public') {
          return sendError(reply, {
            error: { code: 'unauthorized', message: translate(locale, 'error.unauthorized') },
          });
        }
        if (!options.eventExists(query.data.event)) {
          return sendError(reply, {
            error: { code: 'not_found', message: translate(locale, 'error.eventNotFound', { id: query.data.event }) },
          });
        }
        return undefined;
      },
    },
    (socket, request) => {
      const query = LiveQuery.parse(request.query);
      const access = decideAccess(query.token, ['public'], options.authenticate);
      options.hub.add(socket, query.event, access.ok ? access.principal : { scope: 'public' });
    },
  );

  for (const name of routeNames) registerRoute(app, name, options, limits);
  // The short address printed on judges' cards (typed by hand): the join page, where the card's code is entered.
  app.get('/j', (_request, reply) => reply.redirect('/#/join'));

  if (options.rendererDir && existsSync(join(options.rendererDir, 'index.html'))) {
    // wildcard: files are looked up when asked for, so a rebuilt renderer is served without a restart.
    // preCompressed: the build writes a .br and a .gz beside each file (electron.config.ts), picked by Accept-Encoding
    // with `Vary: Accept-Encoding`; the host compresses nothing per request.
    await app.register(fastifyStatic, {
      root: options.rendererDir,
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
    });
  } else {
    options.rendererDir = undefined;
  }

  return app;
}
