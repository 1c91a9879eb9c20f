import type { z } from 'zod';
import type { ParticipantCreate, participantSorts } from '../../shared/api/events';
import { compareNames } from '../../shared/domain/names';
import type { Repositories } from '../database';
import type { ParticipantRecord } from '../database/repositories/participants';
import type { ContestService } from './contest';
import { AppError } from '../errors';
import type { EventsService } from './events';

export function participantsService(
  repos: Repositories,
  events: EventsService,
  contest: ContestService,
  now: () => Date,
) {
  /** A trainee's venue is one of this class's (main or sub-classroom), else a 400 naming the field. */
  function checkVenue(eventId: number, venueId: number | undefined): void {
    if (venueId === undefined) return;
    const venue = repos.training.venue(venueId);
    if (!venue || venue.eventId !== eventId)
      throw new AppError('validation', 'error.training.venueNotFound', { id: venueId }, 'venueId');
  }
  return {
    list(eventId: number, sort: (typeof participantSorts)[number] = 'registration'): ParticipantRecord[] {
      events.get(eventId);
      const list = repos.participants.listByEvent(eventId);
      return sort === 'pinyin' ? list.sort((a, b) => compareNames(a.name, b.name)) : list;
    },
    create(eventId: number, input: z.output<typeof ParticipantCreate>): ParticipantRecord {
      events.get(eventId);
      checkVenue(eventId, input.venueId);
      return repos.participants.create(eventId, input, now().toISOString());
    },
    update(eventId: number, participantId: number, input: z.output<typeof ParticipantCreate>): ParticipantRecord {
      this.get(eventId, participantId);
      checkVenue(eventId, input.venueId);
      return repos.participants.update(participantId, input);
    },
    /** Someone who has spoken (and may have scores) stays: the record of the contest must add up. */
    remove(eventId: number, participantId: number): void {
      const participant = this.get(eventId, participantId);
      if (contest.hasPerformance(eventId, participantId))
        throw new AppError('conflict', 'error.contest.hasScores', { name: participant.name });
      repos.participants.remove(participantId);
    },
    get(eventId: number, participantId: number): ParticipantRecord {
      events.get(eventId);
      const participant = repos.participants.find(participantId);
      if (!participant || participant.eventId !== eventId)
        throw new AppError('not_found', 'error.contest.participantNotFound', { id: participantId });
      return participant;
    },
  };
}
