import { EventParams } from './events';
import type { RouteDef } from './contract-types';
import { ScreenState, ScreenUpdate } from './screen';

/** The console drives the projector (大屏幕): read and set the held scene and language of an event. */
export const screenRoutes = {
  getScreen: {
    method: 'GET',
    path: '/api/events/:id/screen',
    scopes: ['admin'],
    params: EventParams,
    response: ScreenState,
  },
  setScreen: {
    method: 'PUT',
    path: '/api/events/:id/screen',
    scopes: ['admin'],
    params: EventParams,
    body: ScreenUpdate,
    response: ScreenState,
  },
} as const satisfies Record<string, RouteDef>;
