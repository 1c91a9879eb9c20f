import type { Network } from '../../shared/api/host';
import type { Services } from '../services';
import type { Handlers } from './server';

/** What the routes need of the host itself (not of the event data). */
export interface HostControls {
  version: string;
  network(): Network;
  /** Switches the LAN; the server is rebound after the answer is sent. */
  setLan(lan: boolean): Promise<void>;
  networkIf(lan: boolean): Network;
}

/** API v1, route by route: each one a call into a service. */
export function createHandlers(services: Services, host: HostControls): Handlers {
  return {
    health: () => ({ ok: true, version: host.version }),

    listEvents: () => services.events.list(),
    createEvent: ({ body }) => services.events.create(body),
    getEvent: ({ params }) => services.events.get(params.id),
    publicEvent: ({ params }) => services.events.get(params.id),

    listParticipants: ({ params, query }) => services.participants.list(params.id, query.sort),
    createParticipant: ({ params, body }) => services.participants.create(params.id, body),

    getNetwork: () => host.network(),
    setNetwork: ({ body }, ctx) => {
      ctx.afterResponse(() => host.setLan(body.lan));
      return host.networkIf(body.lan);
    },
    backup: () => services.backup.snapshot(),
  };
}
