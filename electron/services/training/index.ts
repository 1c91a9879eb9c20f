import { attendanceService } from './attendance';
import { checkinService } from './checkin';
import { trainingContext, type TrainingDeps } from './context';
import { desksService } from './desks';
import { scheduleService } from './schedule';
import { selfCheckinService } from './selfCheckin';

export type { Actor, TrainingDeps } from './context';

/**
 * Training classes, host side: venues and the schedule, desks, check-in (desk and phone), attendance and
 * completion. The plain reads documents need: `sessionRecords`, `venues`, `attendance`, `completers`.
 */
export function trainingService(deps: TrainingDeps) {
  const ctx = trainingContext(deps);
  const schedule = scheduleService(ctx);
  const checkins = checkinService(ctx);
  const { checkIn: _checkIn, alreadyIn: _alreadyIn, ...deskCheckins } = checkins;
  return {
    ...schedule,
    ...desksService(ctx),
    ...deskCheckins,
    ...selfCheckinService(ctx, checkins),
    ...attendanceService(ctx, schedule),
  };
}
export type TrainingService = ReturnType<typeof trainingService>;
