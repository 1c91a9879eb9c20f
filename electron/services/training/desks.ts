import type { Desk } from '../../../shared/api/training';
import type { DeskRecord } from '../../database/repositories/training';
import { AppError } from '../../errors';
import { pageUrl } from '../join';
import { newToken } from '../tokens';
import type { TrainingContext } from './context';

/** Check-in desks (签到台): a revocable token that checks trainees in and reads the list, nothing else. */
export function desksService(ctx: TrainingContext) {
  const { store, events } = ctx;

  function toDesk(d: DeskRecord & { token: string }): Desk {
    return {
      id: d.id,
      eventId: d.eventId,
      name: d.name,
      token: d.token,
      joinUrl: pageUrl(ctx.joinBase(), `/desk/${d.eventId}?token=${d.token}`),
      createdAt: d.createdAt,
    };
  }

  const live = (d: DeskRecord): d is DeskRecord & { token: string } => d.token !== null;

  return {
    desks(eventId: number): Desk[] {
      events.get(eventId);
      return store.desks(eventId).filter(live).map(toDesk);
    },
    createDesk(eventId: number, name: string): Desk {
      events.get(eventId);
      const id = store.createDesk(eventId, name, newToken(), ctx.stamp());
      const desk = store.desk(id);
      if (!desk || !live(desk)) throw new Error('desk vanished after insert');
      return toDesk(desk);
    },
    /** The link stops working at once; check-ins it made stay. */
    revokeDesk(eventId: number, deskId: number): null {
      events.get(eventId);
      const desk = store.desk(deskId);
      if (!desk || desk.eventId !== eventId || !live(desk))
        throw new AppError('not_found', 'error.training.deskNotFound', { id: deskId });
      store.revokeDesk(deskId, ctx.stamp());
      return null;
    },
    deskByToken(token: string): { id: number; eventId: number } | null {
      const desk = store.deskByToken(token);
      return desk && live(desk) ? { id: desk.id, eventId: desk.eventId } : null;
    },
  };
}
