import type { z } from 'zod';
import type { EventRemoval } from '../../shared/api/editing';
import { EventCreate } from '../../shared/api/events';
import type { Repositories } from '../database';
import type { EventRecord } from '../database/repositories/events';
import { AppError } from '../errors';
import { changedFields } from './changes';

/** An event's fields an edit may change (every field of the create form), in the order the audit log lists them. */
const editable = EventCreate.keyof().options satisfies readonly (keyof EventRecord)[];

export function eventsService(repos: Repositories, now: () => Date) {
  return {
    list(): EventRecord[] {
      return repos.events.list();
    },
    create(input: z.output<typeof EventCreate>): EventRecord {
      return repos.events.create(input, now().toISOString());
    },
    /** The organiser edits the class or contest details (期次, 班主任, grace minutes …); audited field by field. */
    update(id: number, input: z.output<typeof EventCreate>): EventRecord {
      const before = this.get(id);
      return repos.transaction(() => {
        const after = repos.events.update(id, input);
        const change = changedFields(before, after, editable);
        if (change)
          repos.contest.audit({ eventId: id, at: now().toISOString(), actor: 'admin', action: 'event', ...change });
        return after;
      });
    },
    /** What deleting the event would take; typing its title is asked when results or attendance would go. */
    removal(id: number): EventRemoval {
      const event = this.get(id);
      const counts = repos.events.counts(id);
      return {
        title: event.title,
        participants: event.participantCount,
        judges: counts.judges,
        scores: counts.sheets,
        checkins: counts.checkins,
        certificates: counts.certificates,
        confirmTitle: counts.sheets > 0 || counts.checkins > 0 || counts.certificates > 0,
      };
    },
    /** Deletes the event and everything of it, its audit log included (a backup keeps a copy). */
    remove(id: number): null {
      this.get(id);
      repos.events.remove(id);
      return null;
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
