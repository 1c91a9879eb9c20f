import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { FileAnswer } from '../../../shared/api/contract';
import { fileSafe } from '../../../shared/api/documents';
import type {
  PublicReflectionAssignment,
  PublicReflectionInput,
  PublicReflectionReceipt,
  Reflection,
  ReflectionAssignment,
  ReflectionAssignmentInput,
  ReflectionInput,
} from '../../../shared/api/reflections';
import { normalizePhone } from '../../../shared/domain/phones';
import {
  acceptsReflections,
  characterCount,
  reflectionCode,
  reflectionLimits,
} from '../../../shared/domain/reflections';
import { wallClock } from '../../../shared/domain/sessionTime';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { Repositories } from '../../database';
import type { ReflectionAssignmentRecord, ReflectionRecord } from '../../database/repositories/reflections';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { pdfType } from '../../documents/pdf';
import { reflectionsBookletOffThread } from '../../documents/booklet-in-worker';
import { reflectionsWorkbook } from '../../documents/reflections-xlsx';
import { byGroupThenName, translator, type TrainingEvent } from '../../documents/training-data';
import { xlsxType } from '../../documents/xlsx-write';
import { AppError } from '../../errors';
import type { EventsService } from '../events';
import { failureCounter } from '../failures';
import { pageUrl } from '../join';
import { failureLimit } from './selfCheckin';

export interface ReflectionsDeps {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
  /** The address trainees' phones reach the host at (the assignment's QR). */
  joinBase: () => string;
}

/** What the reflection lists may be narrowed to. */
export interface ReflectionFilter {
  assignment: number;
  group?: string | undefined;
  excellent?: boolean | undefined;
}

/** "2026-03-04 17:00": a deadline as the class's clock reads it, the same in both languages. */
const dueLine = (dueAt: string) => {
  const { date, time } = wallClock(dueAt);
  return time ? `${date} ${time}` : date;
};

/** Title and text are held to their limits in characters as a person counts them; a refusal says by how much. */
function checkLengths(title: string, body: string): void {
  const titleLength = characterCount(title);
  if (titleLength > reflectionLimits.title)
    throw new AppError(
      'validation',
      'error.reflection.titleTooLong',
      { max: reflectionLimits.title, count: titleLength },
      'title',
    );
  const bodyLength = characterCount(body);
  if (bodyLength > reflectionLimits.body)
    throw new AppError(
      'validation',
      'error.reflection.bodyTooLong',
      { max: reflectionLimits.body, count: bodyLength, over: bodyLength - reflectionLimits.body },
      'body',
    );
}

/**
 * 学习心得: assignments with a deadline and a phone link, the texts trainees hand in (one each, replaced until the
 * deadline), 优秀心得, and the booklet and workbook. The phone form is rate-limited like the self check-in.
 */
export function reflectionsService({ repos, events, now, joinBase }: ReflectionsDeps) {
  const store = repos.reflections;
  const failures = failureCounter(failureLimit);
  const stamp = () => now().toISOString();
  const urlOf = (code: string) => pageUrl(joinBase(), `/reflect/${code}`);

  function newCode(): string {
    for (;;) {
      const code = reflectionCode(() => randomBytes(1)[0] ?? 0);
      if (!store.assignmentByCode(code)) return code;
    }
  }

  function assignmentOf(eventId: number, assignmentId: number): ReflectionAssignmentRecord {
    events.get(eventId);
    const a = store.assignment(assignmentId);
    if (!a || a.eventId !== eventId)
      throw new AppError('not_found', 'error.reflection.assignmentNotFound', { id: assignmentId });
    return a;
  }

  /** An assignment that came in an archive has no code: it gets a new one the first time the console shows it. */
  function codeOf(a: ReflectionAssignmentRecord): string {
    if (a.code !== null) return a.code;
    const code = newCode();
    store.setCode(a.id, code);
    return code;
  }

  function assignmentView(a: ReflectionAssignmentRecord): ReflectionAssignment {
    const code = codeOf(a);
    return {
      id: a.id,
      eventId: a.eventId,
      title: a.title,
      prompt: a.prompt,
      dueAt: a.dueAt,
      code,
      url: urlOf(code),
      open: acceptsReflections(a.dueAt, now().getTime()),
      ...store.counts(a.id),
      expected: events.get(a.eventId).participantCount,
    };
  }

  const reflectionView = (r: ReflectionRecord, p: ParticipantRecord): Reflection => ({
    id: r.id,
    assignmentId: r.assignmentId,
    participantId: r.participantId,
    name: p.name,
    organization: p.organization,
    group: p.group,
    title: r.title,
    body: r.body,
    length: characterCount(r.body),
    excellent: r.excellent,
    submittedAt: r.submittedAt,
    updatedAt: r.updatedAt,
  });

  /** The reflections of an assignment by group, then by the pinyin of the name. */
  function reflectionsOf(eventId: number, filter: ReflectionFilter): Reflection[] {
    assignmentOf(eventId, filter.assignment);
    const people = new Map(repos.participants.listByEvent(eventId).map((p) => [p.id, p]));
    const all = store.reflections(filter.assignment).flatMap((r) => {
      const p = people.get(r.participantId);
      return p ? [reflectionView(r, p)] : [];
    });
    return byGroupThenName(
      all.filter((r) => (filter.group === undefined || r.group === filter.group) && (!filter.excellent || r.excellent)),
    );
  }

  const fileName = (locale: Locale, key: 'pdf' | 'xlsx', event: TrainingEvent, a: ReflectionAssignmentRecord) =>
    translator(locale)(key === 'pdf' ? 'reflections.file.pdf' : 'reflections.file.xlsx', {
      title: fileSafe(event.title),
      assignment: fileSafe(a.title),
    });

  return {
    assignments(eventId: number): ReflectionAssignment[] {
      events.get(eventId);
      return repos.transaction(() => store.assignments(eventId).map(assignmentView));
    },
    createAssignment(eventId: number, input: z.output<typeof ReflectionAssignmentInput>): ReflectionAssignment {
      return repos.transaction(() => {
        events.get(eventId);
        const id = store.createAssignment(
          eventId,
          { title: input.title, prompt: input.prompt ?? null, dueAt: input.dueAt },
          newCode(),
          stamp(),
        );
        return assignmentView(assignmentOf(eventId, id));
      });
    },
    updateAssignment(
      eventId: number,
      assignmentId: number,
      input: z.output<typeof ReflectionAssignmentInput>,
    ): ReflectionAssignment {
      return repos.transaction(() => {
        assignmentOf(eventId, assignmentId);
        store.updateAssignment(assignmentId, { title: input.title, prompt: input.prompt ?? null, dueAt: input.dueAt });
        return assignmentView(assignmentOf(eventId, assignmentId));
      });
    },
    /** The assignment and every reflection handed in for it. */
    removeAssignment(eventId: number, assignmentId: number): null {
      repos.transaction(() => {
        assignmentOf(eventId, assignmentId);
        store.deleteAssignment(assignmentId);
      });
      return null;
    },

    reflections: reflectionsOf,
    /** Staff type in one handed in on paper (the deadline does not apply); `created` is false when it replaced one. */
    enterReflection(
      eventId: number,
      input: z.output<typeof ReflectionInput>,
    ): { reflection: Reflection; created: boolean } {
      return repos.transaction(() => {
        assignmentOf(eventId, input.assignmentId);
        const p = repos.participants.find(input.participantId);
        if (!p || p.eventId !== eventId)
          throw new AppError('not_found', 'error.training.traineeNotFound', { id: input.participantId });
        checkLengths(input.title, input.body);
        const before = store.reflectionOf(input.assignmentId, p.id);
        store.putReflection(
          { assignmentId: input.assignmentId, participantId: p.id, title: input.title, body: input.body },
          stamp(),
        );
        const after = store.reflectionOf(input.assignmentId, p.id);
        if (!after) throw new Error('the reflection was not saved');
        return { reflection: reflectionView(after, p), created: before === null };
      });
    },
    markReflection(eventId: number, reflectionId: number, excellent: boolean): Reflection {
      return repos.transaction(() => {
        events.get(eventId);
        const r = store.reflection(reflectionId);
        const a = r && store.assignment(r.assignmentId);
        const p = r && repos.participants.find(r.participantId);
        if (!r || !a || a.eventId !== eventId || !p)
          throw new AppError('not_found', 'error.reflection.notFound', { id: reflectionId });
        store.markReflection(r.id, excellent);
        return reflectionView({ ...r, excellent }, p);
      });
    },

    /** What the phone shows before anything is typed: the assignment, never names or texts. */
    publicAssignment(code: string): z.infer<typeof PublicReflectionAssignment> {
      const a = store.assignmentByCode(code);
      if (!a) throw new AppError('not_found', 'error.reflection.codeUnknown');
      return {
        eventTitle: events.get(a.eventId).title,
        title: a.title,
        prompt: a.prompt,
        dueAt: a.dueAt,
        open: acceptsReflections(a.dueAt, now().getTime()),
        titleLimit: reflectionLimits.title,
        bodyLimit: reflectionLimits.body,
      };
    },
    /**
     * A trainee hands in (or replaces) their reflection with their phone number. An unknown number or code counts
     * against the client's address, as at the self check-in; after too many, every number is refused for a while.
     */
    publicReflection(
      code: string,
      input: z.output<typeof PublicReflectionInput>,
      client: string,
    ): { receipt: z.infer<typeof PublicReflectionReceipt>; created: boolean } {
      const at = now().getTime();
      if (failures.tooMany(client, at)) throw new AppError('rate_limited', 'error.reflection.rateLimited');
      const fail = () => failures.record(client, at);
      return repos.transaction(() => {
        const a = store.assignmentByCode(code);
        if (!a) {
          fail();
          throw new AppError('not_found', 'error.reflection.codeUnknown');
        }
        checkLengths(input.title, input.body);
        if (!acceptsReflections(a.dueAt, at))
          throw new AppError('conflict', 'error.reflection.pastDue', { due: dueLine(a.dueAt) });
        const phone = normalizePhone(input.phone);
        const p = repos.participants.listByEvent(a.eventId).find((x) => x.phone === phone);
        if (!p) {
          fail();
          throw new AppError('not_found', 'error.reflection.unknownPhone');
        }
        const before = store.reflectionOf(a.id, p.id);
        const updatedAt = stamp();
        store.putReflection(
          { assignmentId: a.id, participantId: p.id, title: input.title, body: input.body },
          updatedAt,
        );
        return {
          receipt: {
            name: p.name,
            title: input.title,
            length: characterCount(input.body),
            replaced: before !== null,
            updatedAt,
          },
          created: before === null,
        };
      });
    },

    /** The booklet: a cover, then one reflection per page (优秀心得 only when asked). */
    async booklet(eventId: number, assignmentId: number, excellentOnly: boolean, locale: Locale): Promise<FileAnswer> {
      const a = assignmentOf(eventId, assignmentId);
      const event: TrainingEvent = events.get(eventId);
      const reflections = reflectionsOf(eventId, { assignment: assignmentId, excellent: excellentOnly });
      return {
        data: await reflectionsBookletOffThread(
          { event, assignment: a, reflections, excellentOnly, expected: events.get(eventId).participantCount },
          locale,
        ),
        fileName: fileName(locale, 'pdf', event, a),
        contentType: pdfType,
      };
    },
    /** One row per reflection, and who has not handed in. */
    workbook(eventId: number, assignmentId: number, locale: Locale): FileAnswer {
      const a = assignmentOf(eventId, assignmentId);
      const event: TrainingEvent = events.get(eventId);
      const reflections = reflectionsOf(eventId, { assignment: assignmentId });
      const handedIn = new Set(reflections.map((r) => r.participantId));
      const missing = byGroupThenName(repos.participants.listByEvent(eventId).filter((p) => !handedIn.has(p.id)));
      return {
        data: reflectionsWorkbook({ event, assignment: a, reflections, missing }, locale),
        fileName: fileName(locale, 'xlsx', event, a),
        contentType: xlsxType,
      };
    },
  };
}
export type ReflectionsService = ReturnType<typeof reflectionsService>;
