import type { z } from 'zod';
import type { ParticipantCreate, participantSorts } from '../../shared/api/events';
import { compareNames } from '../../shared/domain/names';
import type { Repositories } from '../database';
import type { ParticipantRecord } from '../database/repositories/participants';
import type { EventsService } from './events';

export function participantsService(repos: Repositories, events: EventsService, now: () => Date) {
  return {
    list(eventId: number, sort: (typeof participantSorts)[number] = 'registration'): ParticipantRecord[] {
      events.get(eventId);
      const list = repos.participants.listByEvent(eventId);
      return sort === 'pinyin' ? list.sort((a, b) => compareNames(a.name, b.name)) : list;
    },
    create(eventId: number, input: z.output<typeof ParticipantCreate>): ParticipantRecord {
      events.get(eventId);
      return repos.participants.create(eventId, input, now().toISOString());
    },
  };
}
