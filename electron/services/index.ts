import type { Repositories } from '../database';
import { backupService } from './backup';
import { loadDemo } from './demo';
import { eventsService } from './events';
import { participantsService } from './participants';

export { AppError } from './errors';

export function createServices(repos: Repositories, now: () => Date = () => new Date()) {
  const events = eventsService(repos, now);
  return {
    events,
    participants: participantsService(repos, events, now),
    backup: backupService(repos),
    loadDemo: () => loadDemo(repos, events, now),
  };
}
export type Services = ReturnType<typeof createServices>;
