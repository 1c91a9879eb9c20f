import type { Repositories } from '../database';
import type { LiveMessage } from '../../shared/api/live';
import { backupService } from './backup';
import { certificatesService } from './certificates';
import { contestService } from './contest';
import { registrationService } from './registration';
import { loadDemo } from './demo';
import { eventsService } from './events';
import { joinService, type HostPlace } from './join';
import { participantsService } from './participants';
import { resultsService } from './results';
import { trainingService } from './training';
import { trainingDocumentsService } from './training-documents';

export { AppError } from '../errors';

export interface ServiceDeps {
  now?: () => Date;
  publish?: (message: LiveMessage) => void;
  joinBase?: () => string;
  /** Where the host is reachable now; links then use the venue address chosen in the console. */
  place?: () => HostPlace;
}

export function createServices(repos: Repositories, deps: ServiceDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const events = eventsService(repos, now);
  const publish = deps.publish ?? (() => {});
  const join = joinService({ repos, now, place: deps.place ?? (() => ({ lan: false, port: 0, addresses: [] })) });
  const joinBase = deps.joinBase ?? (deps.place ? join.joinBase : () => '');
  const contest = contestService({ repos, events, now, publish, joinBase });
  const training = trainingService({ repos, events, now, publish, joinBase });
  const certificates = certificatesService({
    repos,
    events,
    contest,
    now,
    completers: (eventId) => training.completers(eventId),
  });
  return {
    events,
    contest,
    join,
    participants: participantsService(repos, events, now),
    registration: registrationService(repos, now),
    backup: backupService(repos),
    certificates,
    training,
    trainingDocuments: trainingDocumentsService({ events, training }),
    results: resultsService({ events, contest, certificates }),
    loadDemo: () => loadDemo({ repos, events, contest, training, now }),
  };
}
export type Services = ReturnType<typeof createServices>;
