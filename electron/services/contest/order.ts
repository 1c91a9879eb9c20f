// The order of appearance: a draw with a recorded seed, or an order set by hand, until the first start.
import { drawOrder, newSeed } from '../../../shared/domain/draw';
import type { ParticipantRecord } from '../../database/repositories/participants';
import { AppError } from '../../errors';
import { audit } from './audit';
import { parseJson, requireEvent, type ContestContext } from './context';

/** The order of appearance: the drawn or hand-set order, then anyone registered since, by registration. */
export function orderOf(ctx: ContestContext, eventId: number): ParticipantRecord[] {
  const registered = ctx.repos.participants.listByEvent(eventId);
  const stored = parseJson(ctx.contest.settings(eventId).orderJson);
  const ids = Array.isArray(stored) ? stored.filter((v): v is number => typeof v === 'number') : [];
  const byId = new Map(registered.map((p) => [p.id, p]));
  const first = ids.flatMap((id) => byId.get(id) ?? []);
  const placed = new Set(first.map((p) => p.id));
  return [...first, ...registered.filter((p) => !placed.has(p.id))];
}

/** The order may change until the first speaker is started. */
function assertOrderOpen(ctx: ContestContext, eventId: number): void {
  if (ctx.contest.performances(eventId).length > 0) throw new AppError('conflict', 'error.contest.orderFrozen');
}

export function draw(ctx: ContestContext, eventId: number, seed?: string): { order: number[]; seed: string } {
  requireEvent(ctx, eventId);
  assertOrderOpen(ctx, eventId);
  const used = seed ?? newSeed();
  const order = drawOrder(
    ctx.repos.participants.listByEvent(eventId).map((p) => p.id),
    used,
  );
  ctx.repos.transaction(() => {
    ctx.contest.setOrder(eventId, JSON.stringify(order), used, ctx.stamp());
    audit(ctx, eventId, 'draw', { after: { order, seed: used } });
  });
  return { order, seed: used };
}

export function setOrder(ctx: ContestContext, eventId: number, order: readonly number[]): { order: number[] } {
  requireEvent(ctx, eventId);
  assertOrderOpen(ctx, eventId);
  const ids = ctx.repos.participants.listByEvent(eventId).map((p) => p.id);
  const sorted = [...order].sort((a, b) => a - b);
  if (sorted.length !== ids.length || sorted.some((id, i) => id !== ids[i]))
    throw new AppError('validation', 'error.contest.orderMismatch', {}, 'order');
  ctx.repos.transaction(() => {
    ctx.contest.setOrder(eventId, JSON.stringify(order), null, ctx.stamp());
    audit(ctx, eventId, 'order', { after: order });
  });
  return { order: [...order] };
}
