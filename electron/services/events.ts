import type { z } from 'zod';
import type { EventCreate } from '../../shared/api/events';
import type { Repositories } from '../database';
import type { EventRecord } from '../database/repositories/events';
import { AppError } from '../errors';

export function eventsService(repos: Repositories, now: () => Date) {
  return {
    list(): EventRecord[] {
      return repos.events.list();
    },
    create(input: z.output<typeof EventCreate>): EventRecord {
      return repos.events.create(input, now().toISOString());
    },
    /** The organiser edits the class or contest details (期次, 班主任, grace minutes …). */
    update(id: number, input: z.output<typeof EventCreate>): EventRecord {
      this.get(id);
      return repos.events.update(id, input);
    },
    exists(id: number): boolean {
      return repos.events.find(id) !== null;
    },
    /** The event, or a 404 the organiser can read. */
    get(id: number): EventRecord {
      const event = repos.events.find(id);
      if (!event) throw new AppError('not_found', 'error.eventNotFound', { id });
      return event;
    },
  };
}
export type EventsService = ReturnType<typeof eventsService>;
