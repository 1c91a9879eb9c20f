import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
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
import { appErrorBody, ErrorAnswer, frameworkErrorBody, statusOf, validationError } from './errors';
import type { LiveHub } from './live';

export interface RequestContext {
  principal: Principal;
  locale: Locale;
  /** The client's network address (rate limits of the public check-in). */
  clientAddress: string;
  /** Runs once the answer has been sent (e.g. rebinding the server after the LAN switch). */
  afterResponse(task: () => Promise<void>): void;
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

function localeOf(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

function sendError(reply: FastifyReply, body: ErrorBody): FastifyReply {
  return reply.code(statusOf(body)).type('application/json; charset=utf-8').send(body);
}

function parsePart(schema: z.ZodType | undefined, value: unknown, locale: Locale): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw new ErrorAnswer(validationError(schema, result.error, locale));
  return result.data;
}

function registerRoute<N extends RouteName>(app: FastifyInstance, name: N, options: ServerOptions): void {
  const route: RouteDef = contract[name];
  const handler = options.handlers[name];
  app.route({
    method: route.method,
    url: route.path,
    handler: async (request, reply) => {
      const locale = localeOf(request);
      const access = decideAccess(bearerToken(request.headers.authorization), route.scopes, options.authenticate);
      if (!access.ok) {
        const code = access.status === 401 ? 'unauthorized' : 'forbidden';
        return sendError(reply, {
          error: { code, message: translate(locale, access.status === 401 ? 'error.unauthorized' : 'error.forbidden') },
        });
      }
      // Params and queries are parsed before the body so a bad id answers 404/400 about the id.
      const params = parsePart(route.params, request.params, locale);
      const query = parsePart(route.query, request.query, locale);
      const body = route.body ? parsePart(route.body, request.body ?? null, locale) : undefined;
      // The parts were just parsed by this route's own schemas, which is what RouteArgs<N> describes.
      const args = { params, query, body } as RouteArgs<N>;
      const tasks: Array<() => Promise<void>> = [];
      pendingTasks.set(request, tasks);
      const result = await handler(args, {
        principal: access.principal,
        locale,
        clientAddress: request.ip,
        afterResponse: (t) => tasks.push(t),
      });
      reply.code(route.status ?? 200);
      if (route.status === 204) return reply.send();
      if (route.response === 'binary') {
        if (!isFileAnswer(result)) throw new Error(`route ${name} did not answer with a file`);
        const file = result;
        return reply
          .type(file.contentType)
          .header('content-disposition', contentDisposition(file.fileName))
          .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
      }
      return reply.type('application/json; charset=utf-8').send(route.response.parse(result));
    },
  });
}

/** The LAN server: API v1, the live hub's socket endpoint, and the built renderer. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    bodyLimit: 32 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: true,
  });

  app.setErrorHandler((error, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof ErrorAnswer) return sendError(reply, error.body);
    if (error instanceof AppError) return sendError(reply, appErrorBody(error, locale));
    const framework = frameworkErrorBody(error, locale);
    if (framework) return sendError(reply, framework);
    options.log.error(`${request.method} ${request.url} failed`, error);
    return sendError(reply, { error: { code: 'internal', message: translate(locale, 'error.internal') } });
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    const path = request.url.split('?')[0] ?? '';
    // A page address (no file extension) gets the app; a missing script or picture is a 404, never HTML in its place.
    const wantsPage =
      request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path) && options.rendererDir;
    if (wantsPage) return reply.sendFile('index.html');
    return sendError(reply, { error: { code: 'not_found', message: translate(locale, 'error.notFound', { path }) } });
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
    { parseAs: 'buffer', bodyLimit: 32 * 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.get(
    '/api/live',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const locale = localeOf(request);
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

  for (const name of routeNames) registerRoute(app, name, options);
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
