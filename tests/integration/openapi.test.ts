// The API reference is the contract's own: every route is in it, the copy in docs/ is the current one, and the host
// serves the same document to anyone on the LAN.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import pkg from '../../package.json';
import { contract } from '../../shared/api/contract';
import { openApiDocument, openApiPath } from '../../shared/api/openapi';
import { withHost } from '../support/host';

const document = openApiDocument(contract, pkg.version);

const Operation = z.looseObject({
  operationId: z.string(),
  parameters: z
    .array(z.looseObject({ name: z.string(), in: z.enum(['path', 'query']), required: z.boolean() }))
    .optional(),
  requestBody: z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: z.unknown() })) }).optional(),
  responses: z.record(z.string(), z.looseObject({ description: z.string() })),
});

function operationOf(path: string, method: string) {
  return Operation.parse(document.paths[openApiPath(path)]?.[method.toLowerCase()]);
}

describe('the OpenAPI 3.1 document', () => {
  test('has every route of the contract, with its method, path parameters, body and answer', () => {
    const routes = Object.entries(contract);
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(operations).toHaveLength(routes.length);
    for (const [name, route] of routes) {
      const operation = operationOf(route.path, route.method);
      expect(operation.operationId, name).toBe(name);
      const inPath = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const declared = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), name).toEqual(inPath.sort());
      expect(operation.requestBody !== undefined, `${name} body`).toBe('body' in route);
      expect(Object.keys(operation.responses), name).toContain(String('status' in route ? route.status : 200));
      if (!(route.scopes as readonly string[]).includes('public'))
        expect(Object.keys(operation.responses), name).toContain('401');
    }
  });

  test('gives a route its schemas: a strict body stays strict, enums and limits are kept', () => {
    const create = operationOf('/api/events/:id/participants', 'POST');
    const schema = z
      .object({
        type: z.literal('object'),
        additionalProperties: z.literal(false),
        required: z.array(z.string()),
        properties: z.record(z.string(), z.looseObject({})),
      })
      .parse(create.requestBody?.content['application/json']?.schema);
    expect(schema.required).toEqual(['name']);
    expect(schema.properties.name).toMatchObject({ type: 'string', maxLength: 50 });
    const upload = operationOf('/api/events/:id/participants/import', 'POST');
    expect(Object.keys(upload.requestBody?.content ?? {})).toEqual(['application/octet-stream']);
  });

  test('docs/api/openapi.json is the current document (after a contract change, run npm run docs:api)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(process.cwd(), 'docs/api/openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  withHost('is served at /api/openapi.json without a token', async ({ t }) => {
    const r = await t.call('GET', '/api/openapi.json', { token: null });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
