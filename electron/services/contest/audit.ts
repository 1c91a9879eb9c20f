// The append-only record of every change of the contest: written by each part, read by the console's log.
import { auditActions, type AuditEntry } from '../../../shared/api/contest';
import { parseJson, requireEvent, type ContestContext } from './context';

export type AuditAction = (typeof auditActions)[number];

export function audit(
  ctx: ContestContext,
  eventId: number,
  action: AuditAction,
  entry: {
    actor?: string;
    participantId?: number;
    judgeId?: number;
    before?: unknown;
    after?: unknown;
    reason?: string | null;
    submissionId?: string;
  },
): void {
  ctx.contest.audit({ eventId, at: ctx.stamp(), actor: entry.actor ?? 'admin', action, ...entry });
}

export function auditLog(ctx: ContestContext, eventId: number): AuditEntry[] {
  requireEvent(ctx, eventId);
  const judges = new Map(ctx.contest.judges(eventId).map((j) => [j.id, j.name]));
  return ctx.contest.auditLog(eventId).map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor.startsWith('judge:') ? `judge:${judges.get(Number(e.actor.slice(6))) ?? e.actor.slice(6)}` : e.actor,
    action: auditActions.find((a) => a === e.action) ?? 'score',
    participantId: e.participantId,
    judgeId: e.judgeId,
    before: parseJson(e.beforeJson),
    after: parseJson(e.afterJson),
    reason: e.reason,
  }));
}
