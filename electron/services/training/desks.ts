import type { Desk } from '../../../shared/api/training';
import type { DeskRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import { pageUrl } from '../join';
import { newToken } from '../tokens';
import type { TrainingContext } from './context';

/** Check-in desks (签到台): a revocable token that checks trainees in and reads the list, nothing else. */
export function desksService(ctx: TrainingContext) {
  const { store, events, vault } = ctx;

  function toDesk(d: DeskRecord, token: string): Desk {
    return {
      id: d.id,
      eventId: d.eventId,
      name: d.name,
      token,
      joinUrl: pageUrl(ctx.joinBase(), `/desk/${d.eventId}?token=${token}`),
      createdAt: d.createdAt,
    };
  }

  // A desk sealed on another computer (a restored database) cannot show its link here: left off the list.
  const shown = (d: DeskRecord): Desk[] => {
    const token = d.tokenHash === null || d.tokenSealed === null ? null : vault.unseal(d.tokenSealed);
    return token === null ? [] : [toDesk(d, token)];
  };

  return {
    desks(eventId: number): Desk[] {
      events.get(eventId);
      return store.desks(eventId).flatMap(shown);
    },
    createDesk(eventId: number, name: string): Desk {
      events.get(eventId);
      const token = newToken();
      const id = store.createDesk(eventId, name, { hash: vault.hash(token), sealed: vault.seal(token) }, ctx.stamp());
      const desk = store.desk(id);
      if (!desk) throw new Error('desk vanished after insert');
      return toDesk(desk, token);
    },
    /** The link stops working at once; check-ins it made stay. */
    revokeDesk(eventId: number, deskId: number): null {
      events.get(eventId);
      const desk = store.desk(deskId);
      if (!desk || desk.eventId !== eventId || desk.tokenHash === null)
        throw new AppError('not_found', 'error.training.deskNotFound', { id: deskId });
      store.revokeDesk(deskId, ctx.stamp());
      return null;
    },
    deskByToken(token: string): { id: number; eventId: number } | null {
      const desk = store.deskByTokenHash(vault.hash(token));
      return desk ? { id: desk.id, eventId: desk.eventId } : null;
    },
  };
}
