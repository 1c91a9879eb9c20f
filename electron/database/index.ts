import type { Database } from 'better-sqlite3';
import { certificatesRepository } from './repositories/certificates';
import { classReportRepository } from './repositories/classReport';
import { contestRepository } from './repositories/contest';
import { eventsRepository } from './repositories/events';
import { evaluationsRepository } from './repositories/evaluations';
import { groupsRepository } from './repositories/groups';
import { judgeAccessRepository } from './repositories/judgeAccess';
import { panelsRepository } from './repositories/panels';
import { participantsRepository } from './repositories/participants';
import { rulesRepository } from './repositories/rules';
import { screenRepository } from './repositories/screen';
import { trainingRepository } from './repositories/training';
import { venueBundlesRepository } from './repositories/venueBundles';
import { reflectionsRepository } from './repositories/reflections';

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
    venueBundles: venueBundlesRepository(db),
    groups: groupsRepository(db),
    evaluations: evaluationsRepository(db),
    screen: screenRepository(db),
    judgeAccess: judgeAccessRepository(db),
    rules: rulesRepository(db),
    panels: panelsRepository(db),
    classReport: classReportRepository(db),
    reflections: reflectionsRepository(db),
    /** Runs `fn` in one transaction (all or nothing). */
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}
export type Repositories = ReturnType<typeof repositories>;
