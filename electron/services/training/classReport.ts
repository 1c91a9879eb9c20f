import { z } from 'zod';
import { classReportFileName } from '../../../shared/api/class-report';
import type { FileAnswer } from '../../../shared/api/contract';
import type { AttendanceSummary } from '../../../shared/api/training';
import { isAttended } from '../../../shared/domain/attendance';
import {
  defaultEvaluationItems,
  evaluationItemKinds,
  summarizeEvaluation,
  type EvaluationAnswer,
  type EvaluationItem,
} from '../../../shared/domain/evaluation';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { Repositories } from '../../database';
import {
  classReportPdf,
  type ClassReportInput,
  type ReportEvaluation,
  type ReportTeacherEvaluation,
} from '../../documents/class-report';
import { classReportWorkbook } from '../../documents/class-report-xlsx';
import { pdfType } from '../../documents/pdf';
import { translator } from '../../documents/training-data';
import { xlsxType } from '../../documents/xlsx-write';
import type { EventsService } from '../events';

/** What the report reads of the training service: the attendance summary, with its completion. */
export interface ClassReportDeps {
  repos: Repositories;
  events: EventsService;
  training: { attendance(eventId: number): AttendanceSummary };
}

// The stored form and answers, as the evaluations service writes them; a form that does not read is the default.
const StoredItems = z.array(
  z.object({ key: z.string(), label: z.string().nullable().optional(), kind: z.enum(evaluationItemKinds) }),
);
const StoredAnswer = z.record(z.string(), z.union([z.number(), z.string()]));

function itemsOf(json: string): EvaluationItem[] {
  const parsed = StoredItems.safeParse(JSON.parse(json));
  if (!parsed.success) return [...defaultEvaluationItems];
  return parsed.data.map((item) => ({ key: item.key, label: item.label ?? null, kind: item.kind }));
}

function answerOf(json: string): EvaluationAnswer | null {
  const parsed = StoredAnswer.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

/** The class report (结班材料): one PDF the school files after the class, and the same tables as a workbook. */
export function classReportService({ repos, events, training }: ClassReportDeps) {
  function evaluations(eventId: number, attendance: AttendanceSummary) {
    const forms = new Map(
      repos.classReport.evaluationForms(eventId).map((f) => [f.sessionId, itemsOf(f.questionsJson)]),
    );
    const answers = new Map<number, EvaluationAnswer[]>();
    for (const record of repos.classReport.evaluationAnswers(eventId)) {
      const answer = answerOf(record.answersJson);
      if (answer) answers.set(record.sessionId, [...(answers.get(record.sessionId) ?? []), answer]);
    }
    // Who could answer: those who attended when attendance was taken, else the whole roster.
    const expectedAt = (sessionId: number): number => {
      const statuses = attendance.rows.map((r) => r.statuses[String(sessionId)] ?? null);
      const recorded = repos.training.sessionAttendance(sessionId).length > 0;
      return recorded ? statuses.filter(isAttended).length : attendance.rows.length;
    };
    const perSession: ReportEvaluation[] = attendance.sessions
      .filter((s) => forms.has(s.id))
      .map((session) => {
        const items = forms.get(session.id) ?? [];
        return {
          session,
          items,
          summary: summarizeEvaluation(items, answers.get(session.id) ?? [], expectedAt(session.id)),
        };
      });

    const teachers = new Map<string | null, ReportEvaluation[]>();
    for (const evaluation of perSession) {
      const teacher = evaluation.session.teacher;
      teachers.set(teacher, [...(teachers.get(teacher) ?? []), evaluation]);
    }
    const perTeacher: ReportTeacherEvaluation[] = [...teachers].map(([teacher, list]) => {
      const items = new Map(list.flatMap((e) => e.items).map((item) => [item.key, item]));
      return {
        teacher,
        sessions: list.length,
        summary: summarizeEvaluation(
          [...items.values()],
          list.flatMap((e) => answers.get(e.session.id) ?? []),
          list.reduce((n, e) => n + e.summary.expected, 0),
        ),
      };
    });
    return { perSession, perTeacher };
  }

  function input(eventId: number): ClassReportInput {
    const event = events.get(eventId);
    const attendance = training.attendance(eventId);
    const people = repos.participants.listByEvent(eventId);
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const { perSession, perTeacher } = evaluations(eventId, attendance);
    const certificateNumbers = new Map<number, string>();
    for (const c of repos.certificates.certificates(eventId, 'completion'))
      if (c.participantId !== null) certificateNumbers.set(c.participantId, c.number);
    return {
      event,
      attendance,
      trainees: people.map((p) => ({
        id: p.id,
        name: p.name,
        gender: p.gender,
        organization: p.organization,
        title: p.title,
        region: p.region,
        group: p.group,
      })),
      groups: repos.classReport.groups(eventId).map((g) => ({
        name: g.name,
        leader: g.leaderId === null ? null : (nameOf.get(g.leaderId) ?? null),
        recorder: g.recorderId === null ? null : (nameOf.get(g.recorderId) ?? null),
      })),
      evaluations: perSession,
      teachers: perTeacher,
      certificateNumbers,
    };
  }

  return {
    async classReportPdf(eventId: number, locale: Locale): Promise<FileAnswer> {
      const report = input(eventId);
      return {
        data: await classReportPdf(report, locale),
        fileName: classReportFileName(translator(locale), locale, 'pdf', report.event),
        contentType: pdfType,
      };
    },
    classReportXlsx(eventId: number, locale: Locale): FileAnswer {
      const report = input(eventId);
      return {
        data: classReportWorkbook(report, locale),
        fileName: classReportFileName(translator(locale), locale, 'xlsx', report.event),
        contentType: xlsxType,
      };
    },
  };
}
export type ClassReportService = ReturnType<typeof classReportService>;
