import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FileAnswer } from '../../../shared/api/contract';
import { fileSafe } from '../../../shared/api/documents';
import type {
  EvaluationInput,
  EvaluationState,
  PublicEvaluationDisplay,
  PublicEvaluationInput,
  SessionEvaluation,
  SurveyForm,
  SurveyReceipt,
  TeacherEvaluation,
} from '../../../shared/api/evaluations';
import { EvaluationQuestion } from '../../../shared/api/evaluations';
import { questionWords } from '../../../shared/api/survey';
import {
  answerProblem,
  defaultEvaluationForm,
  defaultEvaluationItems,
  formKeys,
  maxCommentLength,
  summarizeEvaluation,
  type EvaluationAnswer,
  type EvaluationItem,
} from '../../../shared/domain/evaluation';
import { formatDateRange, todayIso } from '../../../shared/domain/dates';
import { normalizePhone } from '../../../shared/domain/phones';
import type { Locale } from '../../../shared/domain/vocabulary';
import { translate } from '../../../shared/i18n';
import type { MessageKey } from '../../../shared/i18n';
import type { EvaluationFormRecord } from '../../database/repositories/evaluations';
import type { SessionRecord } from '../../database/repositories/training';
import { evaluationsWorkbook } from '../../documents/evaluations-xlsx';
import { xlsxType } from '../../documents/xlsx-write';
import { AppError } from '../../errors';
import { failureCounter } from '../failures';
import { pageUrl } from '../join';
import { trainingContext, type TrainingDeps } from './context';
import { failureLimit } from './selfCheckin';

type Question = z.infer<typeof EvaluationQuestion>;

const StoredQuestions = z.array(EvaluationQuestion);
const StoredAnswer = z.record(z.string(), z.union([z.number(), z.string()]));

/** Words of a question for a message: the organiser's, or the default question's message key (the LAN layer
 * translates a parameter that is a message key into the request's language). */
const questionLabel = (question: Question): string => questionWords(question, (key) => key);

const toQuestion = (item: EvaluationItem): Question => ({
  key: item.key,
  label: item.label,
  kind: item.kind,
  required: item.required === true,
});
const defaultQuestions: readonly Question[] = defaultEvaluationForm.map(toQuestion);
const defaultKeys = new Set(defaultEvaluationItems.map((item) => item.key));

const problemKeys: Record<'unknownItem' | 'rating' | 'text' | 'missing', MessageKey> = {
  unknownItem: 'error.evaluation.unknownItem',
  rating: 'error.evaluation.rating',
  text: 'error.evaluation.text',
  missing: 'error.evaluation.missing',
};

/**
 * Course evaluations (课程评估): the organiser opens a session's form, trainees answer it anonymously from the QR,
 * the console reads means per session and per teacher. One answer per trainee per session: the answers table keeps
 * a keyed hash of the phone (the host key), never who answered.
 */
export function evaluationsService(deps: TrainingDeps) {
  const ctx = trainingContext(deps);
  const { repos, events, vault } = ctx;
  const store = repos.evaluations;
  const failures = failureCounter(failureLimit);

  const questionsOf = (form: EvaluationFormRecord | null): Question[] =>
    form ? StoredQuestions.parse(JSON.parse(form.questionsJson)) : [...defaultQuestions];
  const urlOf = (code: string) => pageUrl(ctx.joinBase(), `/survey/${code}`);

  /** After the class's last day no answer is taken, whatever the form says. */
  function classEnded(eventId: number): boolean {
    const event = events.get(eventId);
    return (event.endsOn ?? event.startsOn) < todayIso(ctx.now());
  }

  /** Who could answer: those who attended the session when attendance was taken, else the whole roster. */
  function expectedOf(eventId: number, sessionId: number): number {
    const statuses = ctx.store.sessionAttendance(sessionId).map((a) => a.status);
    if (statuses.length === 0) return events.get(eventId).participantCount;
    return statuses.filter((s) => s === 'present' || s === 'late' || s === 'early').length;
  }

  function stateOf(eventId: number, sessionId: number): z.infer<typeof EvaluationState> {
    const form = store.form(sessionId);
    const code = form?.code ?? null;
    return {
      open: form?.open ?? false,
      code,
      url: code === null ? null : urlOf(code),
      questions: questionsOf(form),
      responses: store.answerCount(sessionId),
      classEnded: classEnded(eventId),
    };
  }

  /** The organiser's questions, checked: distinct keys, at least one rating, words for every non-default one. */
  function checkedQuestions(input: NonNullable<z.output<typeof EvaluationInput>['questions']>): Question[] {
    const seen = new Set<string>();
    const questions = input.map((q, index): Question => {
      if (seen.has(q.key))
        throw new AppError('validation', 'error.evaluation.duplicateKey', { key: q.key }, `questions.${index}.key`);
      seen.add(q.key);
      const label = q.label === undefined || q.label === null || q.label === '' ? null : q.label;
      if (label === null && !defaultKeys.has(q.key))
        throw new AppError('validation', 'error.evaluation.needLabel', { key: q.key }, `questions.${index}.label`);
      return { key: q.key, label, kind: q.kind, required: q.kind === 'rating' && q.required !== false };
    });
    if (!questions.some((q) => q.kind === 'rating'))
      throw new AppError('validation', 'error.evaluation.needRating', {}, 'questions');
    return questions;
  }

  function announce(eventId: number, sessionId: number): void {
    ctx.publish({
      type: 'evaluation',
      eventId,
      sessionId,
      responses: store.answerCount(sessionId),
      expected: expectedOf(eventId, sessionId),
    });
  }

  function formOfCode(code: string, guessed: () => void): { form: EvaluationFormRecord; session: SessionRecord } {
    const form = store.formOfCode(code);
    if (!form) {
      guessed();
      throw new AppError('not_found', 'error.evaluation.notFound');
    }
    return { form, session: ctx.session(form.eventId, form.sessionId) };
  }

  const accepting = (form: EvaluationFormRecord) => form.open && !classEnded(form.eventId);

  /** A session's results from its stored answers (parsed with the schema: a bundle may have brought them). */
  function resultsOf(session: SessionRecord, answers: readonly EvaluationAnswer[]) {
    const form = store.form(session.id);
    const questions = questionsOf(form);
    const expected = expectedOf(session.eventId, session.id);
    const summary = summarizeEvaluation(questions, answers, expected);
    return { form, questions, summary };
  }

  function answersBySession(eventId: number): Map<number, EvaluationAnswer[]> {
    const bySession = new Map<number, EvaluationAnswer[]>();
    for (const a of store.answersOfEvent(eventId)) {
      const list = bySession.get(a.sessionId) ?? [];
      list.push(StoredAnswer.parse(JSON.parse(a.answersJson)));
      bySession.set(a.sessionId, list);
    }
    return bySession;
  }

  const meansOf = (summary: ReturnType<typeof summarizeEvaluation>): Record<string, string> =>
    Object.fromEntries(summary.means.flatMap((m) => (m.mean === null ? [] : [[m.key, m.mean]])));

  /** Sessions with a form or answers, in schedule order. */
  function evaluatedSessions(eventId: number): SessionRecord[] {
    events.get(eventId);
    const withForm = new Set(store.formsOfEvent(eventId).map((f) => f.sessionId));
    const answered = answersBySession(eventId);
    return ctx.store.sessions(eventId).filter((s) => withForm.has(s.id) || answered.has(s.id));
  }

  const service = {
    evaluationState(eventId: number, sessionId: number) {
      ctx.session(eventId, sessionId);
      return stateOf(eventId, sessionId);
    },

    /**
     * Opens or closes a session's form, and sets its questions. The keys are frozen by the first answer (renaming
     * a question is fine); the code is kept across close and open, so a poster already printed still works.
     */
    setEvaluation(eventId: number, sessionId: number, input: z.output<typeof EvaluationInput>) {
      const state = repos.transaction(() => {
        ctx.session(eventId, sessionId);
        const form = store.form(sessionId);
        const current = questionsOf(form);
        const questions = input.questions ? checkedQuestions(input.questions) : current;
        const responses = store.answerCount(sessionId);
        if (responses > 0 && formKeys(questions) !== formKeys(current))
          throw new AppError('conflict', 'error.evaluation.keysFrozen', { count: responses }, 'questions');
        if (input.open && classEnded(eventId)) throw new AppError('conflict', 'error.evaluation.classEnded');
        const stamp = ctx.stamp();
        const opening = input.open && !form?.open;
        store.putForm({
          sessionId,
          open: input.open,
          code: form?.code ?? (input.open ? randomBytes(8).toString('base64url').slice(0, 10) : null),
          questionsJson: JSON.stringify(questions),
          openedAt: opening ? stamp : (form?.openedAt ?? null),
          closedAt: !input.open && form?.open ? stamp : input.open ? null : (form?.closedAt ?? null),
          updatedAt: stamp,
        });
        return stateOf(eventId, sessionId);
      });
      announce(eventId, sessionId);
      return state;
    },

    /** What the trainee's phone shows: the session, teacher and time, the questions; whether it takes answers. */
    publicEvaluationForm(code: string, client: string): z.infer<typeof SurveyForm> {
      const now = ctx.now().getTime();
      if (failures.tooMany(client, now)) throw new AppError('rate_limited', 'error.evaluation.rateLimited');
      const { form, session } = formOfCode(code, () => failures.record(client, now));
      return {
        eventTitle: events.get(form.eventId).title,
        title: session.title,
        teacher: session.teacher,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        open: accepting(form),
        questions: questionsOf(form),
        maxTextLength: maxCommentLength,
      };
    },

    /**
     * A trainee's answer. Checked in this order, so a refusal tells nothing it need not: the form's state, the
     * answers themselves, the phone (unknown numbers count against the client), then whether that phone answered.
     */
    publicEvaluationAnswer(
      code: string,
      input: z.output<typeof PublicEvaluationInput>,
      client: string,
    ): z.infer<typeof SurveyReceipt> {
      const now = ctx.now().getTime();
      if (failures.tooMany(client, now)) throw new AppError('rate_limited', 'error.evaluation.rateLimited');
      const fail = () => failures.record(client, now);
      const receipt = repos.transaction(() => {
        const { form, session } = formOfCode(code, fail);
        if (!accepting(form)) throw new AppError('conflict', 'error.evaluation.closed');
        const questions = questionsOf(form);
        const problem = answerProblem(questions, input.answers);
        if (problem?.code === 'empty') throw new AppError('validation', 'error.evaluation.empty', {}, 'answers');
        if (problem) {
          const question = questions.find((q) => q.key === problem.key);
          const label = question ? questionLabel(question) : problem.key;
          throw new AppError(
            'validation',
            problemKeys[problem.code],
            { label, key: problem.key, max: maxCommentLength },
            `answers.${problem.key}`,
          );
        }
        const phone = normalizePhone(input.phone);
        const enrolled = repos.participants.listByEvent(form.eventId).some((p) => p.phone === phone);
        if (!enrolled) {
          fail();
          throw new AppError('not_found', 'error.evaluation.unknownPhone', {}, 'phone');
        }
        const voter = vault.voterHash(`evaluation:${session.id}`, phone);
        if (store.hasVoted(session.id, voter)) throw new AppError('conflict', 'error.evaluation.already');
        // Texts are kept trimmed and blank ones dropped: the form stores what was said, not the empty boxes.
        const kept = Object.entries(input.answers).flatMap(([key, value]) => {
          const v = typeof value === 'string' ? value.trim() : value;
          return v === '' ? [] : [[key, v] as const];
        });
        store.addAnswer({
          id: randomUUID(),
          sessionId: session.id,
          voter,
          answersJson: JSON.stringify(Object.fromEntries(kept)),
          // Where it was answered: this laptop's venue (a sub-classroom's), as check-ins record it.
          venueId: repos.venueBundles.localVenue(form.eventId),
          at: ctx.stamp(),
        });
        return { received: true as const, eventId: form.eventId, sessionId: session.id };
      });
      announce(receipt.eventId, receipt.sessionId);
      return { received: true };
    },

    /** The projector's scene: the open form of the class (the latest opened) with its QR and counts. */
    publicEvaluationDisplay(eventId: number): z.infer<typeof PublicEvaluationDisplay> {
      events.get(eventId);
      const open = classEnded(eventId)
        ? []
        : store
            .formsOfEvent(eventId)
            .filter((f) => f.open && f.code !== null)
            .sort((a, b) => (b.openedAt ?? '').localeCompare(a.openedAt ?? ''));
      const form = open[0];
      if (!form?.code) return { session: null, url: null, responses: 0, expected: 0 };
      const session = ctx.session(eventId, form.sessionId);
      return {
        session: { id: session.id, title: session.title, teacher: session.teacher },
        url: urlOf(form.code),
        responses: store.answerCount(session.id),
        expected: expectedOf(eventId, session.id),
      };
    },

    /** Results per evaluated session, in schedule order: no names, no phones. */
    evaluations(eventId: number): Array<z.infer<typeof SessionEvaluation>> {
      const answered = answersBySession(eventId);
      return evaluatedSessions(eventId).map((session) => {
        const { form, questions, summary } = resultsOf(session, answered.get(session.id) ?? []);
        return {
          sessionId: session.id,
          title: session.title,
          teacher: session.teacher,
          startsAt: session.startsAt,
          open: form !== null && accepting(form),
          responses: summary.responses,
          expected: summary.expected,
          rate: summary.rate,
          means: meansOf(summary),
          questions,
          comments: summary.comments.flatMap((c) => c.texts.map((text) => ({ key: c.key, text }))),
        };
      });
    },

    /** Per teacher: every answer to every session they taught, pooled (a mean over answers, not of sessions). */
    teacherEvaluations(eventId: number): Array<z.infer<typeof TeacherEvaluation>> {
      events.get(eventId);
      const answered = answersBySession(eventId);
      const byTeacher = new Map<string, { sessions: SessionRecord[]; answers: EvaluationAnswer[] }>();
      for (const session of evaluatedSessions(eventId)) {
        const teacher = session.teacher?.trim();
        if (!teacher) continue;
        const entry = byTeacher.get(teacher) ?? { sessions: [], answers: [] };
        entry.sessions.push(session);
        entry.answers.push(...(answered.get(session.id) ?? []));
        byTeacher.set(teacher, entry);
      }
      return [...byTeacher].map(([teacher, { sessions, answers }]) => {
        // The rating questions of all their sessions, in first-seen order.
        const questions = new Map<string, Question>();
        for (const s of sessions)
          for (const q of questionsOf(store.form(s.id))) if (!questions.has(q.key)) questions.set(q.key, q);
        const list = [...questions.values()];
        return {
          teacher,
          sessionIds: sessions.map((s) => s.id),
          responses: answers.length,
          means: meansOf(summarizeEvaluation(list, answers, 0)),
          questions: list,
        };
      });
    },

    /** 课程评估汇总.xlsx: per session, per teacher, the comments. */
    evaluationsXlsx(eventId: number, locale: Locale): FileAnswer {
      const event = events.get(eventId);
      const data = evaluationsWorkbook(
        { event, sessions: service.evaluations(eventId), teachers: service.teacherEvaluations(eventId) },
        locale,
      );
      const fileName = translate(locale, 'evaluation.file.xlsx', {
        title: fileSafe(event.title),
        date: formatDateRange(event.startsOn, event.endsOn, locale),
      });
      return { data, fileName, contentType: xlsxType };
    },
  };
  return service;
}
export type EvaluationsService = ReturnType<typeof evaluationsService>;
