// Who gets a certificate, with which words and which number: the part of printing certificates that decides.
import {
  certificateNumber,
  type CertificateKind,
  type CertificateTemplate as Template,
  type PlaceholderValues,
} from '../../shared/domain/certificates';
import { formatDate, formatDateRange } from '../../shared/domain/dates';
import { defaultPrefix } from '../../shared/domain/names';
import { isClosed } from '../../shared/domain/performance';
import type { Repositories } from '../database';
import type { EventRecord } from '../database/repositories/events';
import { AppError } from '../errors';
import type { ContestService } from './contest';

export interface Recipient {
  participantId: number;
  name: string;
  organization: string | null;
  group: string | null;
  award: string | null;
  tiedAward: boolean;
}

/** A person's certificate number; `sequence` is set when it is a new one, still to be written. */
export interface PlannedNumber {
  number: string;
  sequence: number | null;
}

export interface RecipientsDeps {
  repos: Repositories;
  contest: ContestService;
  /** Trainees who complete the class, in roster order (training); everyone when absent. */
  completers?: ((eventId: number) => number[]) | undefined;
}

/**
 * Who gets a certificate, in print order, or why nobody can yet. Awards are final only when every
 * speaker's scores are locked: until then a late score could move someone across a tier.
 */
export function recipientsOf(
  { repos, contest, completers }: RecipientsDeps,
  event: EventRecord,
  kind: CertificateKind,
): { list: Recipient[]; blocked: AppError | null } {
  const people = new Map(repos.participants.listByEvent(event.id).map((p) => [p.id, p]));
  if (kind === 'completion') {
    const chosen = completers ? new Set(completers(event.id)) : null;
    const list = [...people.values()]
      .filter((p) => !chosen || chosen.has(p.id))
      .map((p) => ({
        participantId: p.id,
        name: p.name,
        organization: p.organization,
        group: p.group,
        award: null,
        tiedAward: false,
      }));
    if (list.length > 0 || people.size === 0)
      return { list, blocked: list.length === 0 ? new AppError('conflict', 'error.certificates.noTrainees') : null };
    return { list, blocked: new AppError('conflict', 'error.certificates.noCompleters') };
  }
  if (contest.awards(event.id).tiers.length === 0)
    return { list: [], blocked: new AppError('conflict', 'error.certificates.noAwards') };
  const ranking = contest.ranking(event.id);
  const status = new Map(contest.performances(event.id).map((p) => [p.participantId, p.status]));
  const open = ranking.rows.filter(
    (row) => row.status !== 'final' || !isClosed(status.get(row.participantId) ?? 'waiting'),
  );
  const list = ranking.rows.flatMap((row) =>
    row.award
      ? [
          {
            participantId: row.participantId,
            name: row.name,
            organization: row.organization,
            group: people.get(row.participantId)?.group ?? null,
            award: row.award,
            tiedAward: row.tiedAward ?? false,
          },
        ]
      : [],
  );
  if (open.length > 0) {
    const names =
      open
        .slice(0, 5)
        .map((row) => row.name)
        .join('、') + (open.length > 5 ? '…' : '');
    return { list, blocked: new AppError('conflict', 'error.certificates.notFinal', { count: open.length, names }) };
  }
  return { list, blocked: list.length === 0 ? new AppError('conflict', 'error.certificates.nobodyAwarded') : null };
}

export function valuesFor(
  event: EventRecord,
  template: Template,
  person: Omit<Recipient, 'participantId' | 'tiedAward'>,
  number: string,
): PlaceholderValues {
  // Certificates are Chinese documents: their dates read 2024年7月3日 whatever the console's language.
  return {
    姓名: person.name,
    单位: person.organization ?? '',
    组别: person.group ?? '',
    奖项: person.award ?? '',
    活动: event.title,
    主办单位: event.organizer ?? '',
    日期: formatDate(template.date ?? event.endsOn ?? event.startsOn),
    起止日期: formatDateRange(event.startsOn, event.endsOn),
    编号: number,
  };
}

/** participantId → the number issued to them before. */
export function issuedNumbers(repos: Repositories, eventId: number, kind: CertificateKind): Map<number, string> {
  return new Map(
    repos.certificates
      .certificates(eventId, kind)
      .flatMap((c) => (c.participantId === null ? [] : [[c.participantId, c.number] as const])),
  );
}

/**
 * Who holds a printed certificate that no longer says what it would say now (a name or organisation edited,
 * an award changed): 需重印. Printing it again writes the new words into the register, which clears it.
 */
export function toReprint(
  repos: Repositories,
  eventId: number,
  kind: CertificateKind,
  people: readonly Recipient[],
): Set<number> {
  const printed = new Map(repos.certificates.certificates(eventId, kind).map((c) => [c.participantId, c]));
  return new Set(
    people
      .filter((p) => {
        const c = printed.get(p.participantId);
        return c !== undefined && (c.name !== p.name || c.organization !== p.organization || c.award !== p.award);
      })
      .map((p) => p.participantId),
  );
}

/** Each person's number: the one issued before, or the next ones in print order (not yet written). */
export function numbersFor(
  repos: Repositories,
  event: EventRecord,
  kind: CertificateKind,
  template: Template,
  people: Recipient[],
): Map<number, PlannedNumber> {
  const issued = issuedNumbers(repos, event.id, kind);
  const year = Number(event.startsOn.slice(0, 4));
  const prefix = template.numberPrefix || defaultPrefix(event.title);
  let sequence = repos.certificates.lastSequence(event.id);
  const planned = new Map<number, PlannedNumber>();
  for (const p of people) {
    const number = issued.get(p.participantId);
    if (number !== undefined) planned.set(p.participantId, { number, sequence: null });
    else planned.set(p.participantId, { number: certificateNumber(prefix, year, ++sequence), sequence });
  }
  return planned;
}
