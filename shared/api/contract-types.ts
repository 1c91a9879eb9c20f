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
  /** The JSON answer, or `'binary'` for a file download (a phone page's answers may be zod/mini schemas). */
  response: z.core.$ZodType | 'binary';
  status?: 200 | 201 | 204;
}

/** Fills `:name` parameters into a route path. */
export function routePath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
