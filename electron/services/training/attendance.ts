import type { z } from 'zod';
import { CompletionRules, type AttendanceSummary } from '../../../shared/api/training';
import {
  completes,
  defaultCompletionRule,
  isHeld,
  sessionCounts,
  traineeAttendance,
  type AttendanceStatus,
  type CompletionRule,
} from '../../../shared/domain/attendance';
import { AppError } from '../../errors';
import { adminActor, type TrainingContext } from './context';
import type { ScheduleService } from './schedule';

const StoredRule = CompletionRules.omit({ overrides: true });

type CompletionOut = CompletionRule & {
  overrides: { participantId: number; completes: boolean; reason: string }[];
  completers: number[];
};

/** The attendance matrix with rates and 学时, and completion (结业) with the organiser's overrides. */
export function attendanceService(ctx: TrainingContext, schedule: ScheduleService) {
  const { store, events, repos } = ctx;

  function ruleOf(eventId: number): CompletionRule {
    const json = store.completionRulesJson(eventId);
    if (json === null) return defaultCompletionRule;
    const parsed = StoredRule.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : defaultCompletionRule;
  }

  function summary(eventId: number): AttendanceSummary {
    const sessions = schedule.sessions(eventId);
    const records = schedule.sessionRecords(eventId);
    const now = ctx.now().getTime();
    const held = records.filter((s) => isHeld(Date.parse(s.startsAt), now));
    const recorded = new Map(
      store.eventAttendance(eventId).map((a) => [`${a.sessionId}:${a.participantId}`, a.status]),
    );
    const rule = ruleOf(eventId);
    const overrides = new Map(store.overrides(eventId).map((o) => [o.participantId, o.completes]));
    const venues = new Map(store.venues(eventId).map((v) => [v.id, v.name]));
    const people = repos.participants.listByEvent(eventId);
    // Not checked in by the end of a session is 缺勤; before its end, nothing is said yet.
    const statusOf = (sessionId: number, participantId: number, endsAt: string): AttendanceStatus | null =>
      recorded.get(`${sessionId}:${participantId}`) ?? (Date.parse(endsAt) <= now ? 'absent' : null);

    const rows = people.map((p) => {
      const statuses = Object.fromEntries(records.map((s) => [String(s.id), statusOf(s.id, p.id, s.endsAt)]));
      const figures = traineeAttendance(
        held.map((s) => ({ status: statuses[String(s.id)] ?? null, hoursTenths: s.hoursTenths })),
        rule.leave,
      );
      return {
        participantId: p.id,
        name: p.name,
        group: p.group,
        venue: p.venueId === null ? null : (venues.get(p.venueId) ?? null),
        statuses,
        attended: figures.attended,
        leave: figures.leave,
        rate: figures.rate,
        hours: figures.hours,
        // A class without a schedule has no attendance to judge by: everyone completes unless overridden.
        completes: records.length === 0 ? (overrides.get(p.id) ?? true) : completes(figures, rule, overrides.get(p.id)),
      };
    });
    return {
      sessions,
      heldSessionIds: held.map((s) => s.id),
      rows,
      perSession: records.map((s) => ({
        sessionId: s.id,
        ...sessionCounts(
          people.length,
          people.map((p) => recorded.get(`${s.id}:${p.id}`) ?? null),
        ),
      })),
    };
  }

  function completion(eventId: number): CompletionOut {
    const rule = ruleOf(eventId);
    return {
      ...rule,
      overrides: store.overrides(eventId),
      completers: summary(eventId)
        .rows.filter((r) => r.completes)
        .map((r) => r.participantId),
    };
  }

  return {
    attendance: summary,
    completion,
    /** Trainees who complete, in roster order: the completion certificates go to them. */
    completers(eventId: number): number[] {
      return completion(eventId).completers;
    },
    /** Replaces the rules and the overrides; each change of a trainee's override is audited with its reason. */
    putCompletion(eventId: number, input: z.output<typeof CompletionRules>): CompletionOut {
      return repos.transaction(() => {
        events.get(eventId);
        input.overrides.forEach((o, i) => {
          const p = repos.participants.find(o.participantId);
          if (!p || p.eventId !== eventId)
            throw new AppError(
              'validation',
              'error.training.overrideUnknown',
              { id: o.participantId },
              `overrides.${i}.participantId`,
            );
        });
        const beforeRule = ruleOf(eventId);
        const before = new Map(store.overrides(eventId).map((o) => [o.participantId, o]));
        const { overrides, ...rule } = input;
        const latest = new Map(overrides.map((o) => [o.participantId, o]));
        store.putCompletion(eventId, JSON.stringify(rule), [...latest.values()], ctx.stamp());
        if (JSON.stringify(beforeRule) !== JSON.stringify(rule))
          ctx.audit(eventId, 'completion', { actor: adminActor.actor, before: beforeRule, after: rule });
        for (const participantId of new Set([...before.keys(), ...latest.keys()])) {
          const was = before.get(participantId);
          const now = latest.get(participantId);
          if (was?.completes === now?.completes && was?.reason === now?.reason) continue;
          ctx.audit(eventId, 'completion', {
            actor: adminActor.actor,
            participantId,
            before: was ? { completes: was.completes } : null,
            after: now ? { completes: now.completes } : null,
            reason: now?.reason ?? was?.reason ?? null,
          });
        }
        return completion(eventId);
      });
    },
  };
}
