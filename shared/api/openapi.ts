// The API reference: an OpenAPI 3.1 document made from the contract's own zod schemas, so it cannot drift from what
// the host accepts and answers. Served at /api/openapi.json and written to docs/api/openapi.json (npm run docs:api).
import { z } from 'zod';
import type { RouteDef } from './contract-types';
import { ErrorBody, errorStatus, type ErrorCode } from './errors';

type JsonSchema = Record<string, unknown>;

/** What a client may rely on of the document: the version, and a path per route. */
export const OpenApiDocument = z.looseObject({
  openapi: z.literal('3.1.0'),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** A schema as JSON Schema 2020-12; what JSON cannot say (raw bytes, a transform's output) becomes `{}`. */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io,
  });
  return rest;
}

/** An upload route takes raw bytes (a workbook, a picture, an archive) rather than JSON. */
function takesBytes(route: RouteDef): boolean {
  return route.body !== undefined && route.body.safeParse(new Uint8Array([1])).success;
}

/** `/api/events/:id` → `/api/events/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** The path or query parameters of a route, one entry per property of its object schema. */
function parameters(schema: z.core.$ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = typeof object.properties === 'object' && object.properties !== null ? object.properties : {};
  const required = new Set(Array.isArray(object.required) ? object.required : []);
  return Object.entries(properties).map(([name, property]: [string, unknown]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: property,
  }));
}

/** The error statuses a route can answer, each with the one error shape of API v1. */
function errorResponses(route: RouteDef): Record<string, JsonSchema> {
  const statuses = new Set<number>([400, 404, 409, 500, 507]);
  if (!route.scopes.includes('public')) for (const status of [401, 403]) statuses.add(status);
  if (route.scopes.includes('public') && route.method !== 'GET') statuses.add(429);
  if (route.body !== undefined) statuses.add(413);
  const codes = (status: number) =>
    (Object.entries(errorStatus) as Array<[ErrorCode, number]>).filter(([, s]) => s === status).map(([code]) => code);
  return Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((status) => [
        String(status),
        {
          description: `error: ${codes(status).join(', ')}`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
  );
}

function operation(name: string, route: RouteDef): JsonSchema {
  const status = String(route.status ?? 200);
  const answer =
    route.response === 'binary'
      ? {
          description: 'a file (PDF, Excel workbook, archive or backup)',
          content: {
            'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
          },
        }
      : status === '204'
        ? { description: 'done' }
        : {
            description: 'the answer',
            content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
          };
  const body =
    route.body === undefined
      ? {}
      : {
          requestBody: {
            required: true,
            content: takesBytes(route)
              ? {
                  'application/octet-stream': {
                    schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                  },
                }
              : { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        };
  const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
  return {
    operationId: name,
    ...(route.scopes.includes('public') ? { security: [] } : {}),
    'x-podium-scopes': [...route.scopes],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...body,
    responses: { [status]: answer, ...errorResponses(route) },
  };
}

/** The whole contract as one OpenAPI 3.1 document; the same routes always give the same document. */
export function openApiDocument(routes: Readonly<Record<string, RouteDef>>, version: string): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const path = (paths[openApiPath(route.path)] ??= {});
    path[route.method.toLowerCase()] = operation(name, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Podium API v1',
      version,
      description:
        'JSON over HTTP on the venue LAN. Send `Authorization: Bearer <token>` (admin, judge or desk token); public ' +
        'routes need none. Errors are `{error:{code, message, field?}}`; messages follow `Accept-Language` ' +
        '(zh-CN by default, en). See docs/api.md.',
    },
    servers: [{ url: 'http://127.0.0.1:8866', description: 'the host laptop (its LAN address on the venue network)' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
