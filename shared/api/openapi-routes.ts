import type { RouteDef } from './contract-types';
import { OpenApiDocument } from './openapi';

/** The contract described by itself, for scripts and integrations (no token needed, like /api/health). */
export const openApiRoutes = {
  openApi: { method: 'GET', path: '/api/openapi.json', scopes: ['public'], response: OpenApiDocument },
} as const satisfies Record<string, RouteDef>;
