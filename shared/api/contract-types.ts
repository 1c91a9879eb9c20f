import type { z } from 'zod';
import type { Scope } from '../domain/vocabulary';

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
  status?: 200 | 201 | 204;
}
