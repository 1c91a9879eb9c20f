import type { Repositories } from '../database';
import type { LiveMessage } from '../../shared/api/live';
import { backupService } from './backup';
import { certificatesService } from './certificates';
import { contestService } from './contest';
import { registrationService } from './registration';
import { loadDemo } from './demo';
import { eventsService } from './events';
import { participantsService } from './participants';
import { resultsService } from './results';

export { AppError } from './errors';

export interface ServiceDeps {
  now?: () => Date;
  publish?: (message: LiveMessage) => void;
  joinBase?: () => string;
}

export function createServices(repos: Repositories, deps: ServiceDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const events = eventsService(repos, now);
  const contest = contestService({
    repos,
    events,
    now,
    publish: deps.publish ?? (() => {}),
    joinBase: deps.joinBase ?? (() => ''),
  });
  const certificates = certificatesService({ repos, events, contest, now });
  return {
    events,
    contest,
    participants: participantsService(repos, events, contest, now),
    registration: registrationService(repos, now),
    backup: backupService(repos),
    certificates,
    results: resultsService({ events, contest, certificates }),
    loadDemo: () => loadDemo(repos, events, contest, now),
  };
}
export type Services = ReturnType<typeof createServices>;
