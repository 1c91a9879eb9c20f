import type { Database } from 'better-sqlite3';
import { certificatesRepository } from './repositories/certificates';
import { contestRepository } from './repositories/contest';
import { eventsRepository } from './repositories/events';
import { judgeAccessRepository } from './repositories/judgeAccess';
import { panelsRepository } from './repositories/panels';
import { participantsRepository } from './repositories/participants';
import { rulesRepository } from './repositories/rules';
import { screenRepository } from './repositories/screen';
import { trainingRepository } from './repositories/training';

export { openDatabase, databaseFileName } from './connection';
export { isDiskFull, StartupError } from './errors';

/** Every repository over one connection: what the services get. */
export function repositories(db: Database) {
  return {
    db,
    events: eventsRepository(db),
    participants: participantsRepository(db),
    contest: contestRepository(db),
    certificates: certificatesRepository(db),
    training: trainingRepository(db),
    screen: screenRepository(db),
    judgeAccess: judgeAccessRepository(db),
    rules: rulesRepository(db),
    panels: panelsRepository(db),
    /** Runs `fn` in one transaction (all or nothing). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}
export type Repositories = ReturnType<typeof repositories>;
