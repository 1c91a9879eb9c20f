import type { z } from 'zod';
import { participantFields } from '../../shared/api/contest';
import type { ParticipantRemoval } from '../../shared/api/editing';
import type { ParticipantCreate, participantSorts } from '../../shared/api/events';
import { compareNames } from '../../shared/domain/names';
import { isOpen } from '../../shared/domain/performance';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate } from '../../shared/i18n';
import type { Repositories } from '../database';
import type { ParticipantRecord } from '../database/repositories/participants';
import { AppError } from '../errors';
import { changedFields } from './changes';
import type { EventsService } from './events';

/** A person's fields an edit may change, in the order the audit log lists them. */
const editable = [...participantFields, 'venueId'] as const satisfies readonly (keyof ParticipantRecord)[];

/** The ids of the drawn (or hand-set) order, as stored. */
function storedOrder(repos: Repositories, eventId: number): number[] | null {
  const json = repos.contest.settings(eventId).orderJson;
  const stored: unknown = json === null ? null : JSON.parse(json);
  return Array.isArray(stored) ? stored.filter((v): v is number => typeof v === 'number') : null;
}

export function participantsService(repos: Repositories, events: EventsService, now: () => Date) {
  /** A trainee's venue is one of this class's (main or sub-classroom), else a 400 naming the field. */
  function checkVenue(eventId: number, venueId: number | undefined): void {
    if (venueId === undefined) return;
    const venue = repos.training.venue(venueId);
    if (!venue || venue.eventId !== eventId)
      throw new AppError('validation', 'error.training.venueNotFound', { id: venueId }, 'venueId');
  }

  /**
   * Why this person may not be deleted, or null. The record of a contest must add up: nobody on stage, nobody
   * with scores or a certificate once any result is out, nobody who has spoken in the drawn order. A speaker who
   * has not spoken leaves the order (others keep their places): an absent one must go before awards are final.
   */
  function refusal(participant: ParticipantRecord): AppError | null {
    const turns = repos.contest.performances(participant.eventId);
    const own = turns.find((p) => p.participantId === participant.id);
    const name = { name: participant.name };
    if (own && isOpen(own.status)) return new AppError('conflict', 'error.editing.onStage', name);
    const revealed = turns.some((p) => p.status === 'revealed');
    if (revealed && (own || repos.participants.records(participant.id).certificates.length > 0))
      return new AppError('conflict', 'error.editing.resultsRevealed', name);
    if (own && storedOrder(repos, participant.eventId)?.includes(participant.id))
      return new AppError('conflict', 'error.editing.orderFixed', name);
    return null;
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
    /**
     * Replaces the person's details; the change is audited field by field. Certificates already printed keep
     * the name they were printed with, so a rename shows them as 需重印 until they are printed again.
     */
    update(eventId: number, participantId: number, input: z.output<typeof ParticipantCreate>): ParticipantRecord {
      const before = this.get(eventId, participantId);
      checkVenue(eventId, input.venueId);
      return repos.transaction(() => {
        const after = repos.participants.update(participantId, input);
        const change = changedFields(before, after, editable);
        if (change) {
          const reprint = repos.certificates
            .certificates(eventId)
            .filter((c) => c.participantId === participantId)
            .filter((c) => c.name !== after.name || c.organization !== after.organization)
            .map((c) => c.number);
          repos.contest.audit({
            eventId,
            at: now().toISOString(),
            actor: 'admin',
            action: 'participant',
            participantId,
            before: change.before,
            after: reprint.length > 0 ? { ...change.after, reprint } : change.after,
          });
        }
        return after;
      });
    },
    /** What deleting the person would take with them, and the sentence of a refusal if the host would refuse. */
    removal(eventId: number, participantId: number, locale: Locale): ParticipantRemoval {
      const participant = this.get(eventId, participantId);
      const records = repos.participants.records(participantId);
      const refused = refusal(participant);
      return {
        name: participant.name,
        scores: records.sheets,
        checkins: records.checkins,
        certificates: records.certificates,
        inOrder: storedOrder(repos, eventId)?.includes(participantId) ?? false,
        refused: refused ? translate(locale, refused.key, refused.params) : null,
      };
    },
    /**
     * Deletes the person with their scores and check-ins (the console has asked); a drawn order is closed up,
     * the others keep their places. Issued certificates stay in the register with the name as printed.
     */
    remove(eventId: number, participantId: number): void {
      const participant = this.get(eventId, participantId);
      const refused = refusal(participant);
      if (refused) throw refused;
      const records = repos.participants.records(participantId);
      const order = storedOrder(repos, eventId);
      const at = now().toISOString();
      repos.transaction(() => {
        if (order?.includes(participantId)) {
          const closedUp = order.filter((id) => id !== participantId);
          repos.contest.setOrder(eventId, JSON.stringify(closedUp), repos.contest.settings(eventId).drawSeed, at);
        }
        repos.participants.remove(participantId);
        repos.contest.audit({
          eventId,
          at,
          actor: 'admin',
          action: 'remove-participant',
          participantId,
          before: { name: participant.name, organization: participant.organization, ...records },
        });
      });
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
