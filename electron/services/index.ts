import { randomBytes } from 'node:crypto';
import type { Repositories } from '../database';
import type { LiveMessage } from '../../shared/api/live';
import type { Logger } from '../logger';
import { archiveService } from './archive';
import { backupService } from './backup';
import { certificatesService } from './certificates';
import { contestService } from './contest';
import { registrationService } from './registration';
import { loadDemo } from './demo';
import { eventsService } from './events';
import { joinService, type HostPlace } from './join';
import { participantsService } from './participants';
import { resultsService } from './results';
import { trainingService } from './training';
import { evaluationsService } from './training/evaluations';
import { reflectionsService } from './training/reflections';
import { groupsService } from './training/groups';
import { groupsDocumentsService } from './training/groups-documents';
import { trainingDocumentsService } from './training-documents';
import { venueBundleService } from './training/venueBundle';
import { classReportService } from './training/classReport';
import { studyCountsService } from './training/studyCounts';
import { sealWaitingTokens, tokenVault, type TokenVault } from './tokens';

export { AppError } from '../errors';

export interface ServiceDeps {
  now?: () => Date;
  publish?: (message: LiveMessage) => void;
  joinBase?: () => string;
  /** Where the host is reachable now; links then use the venue address chosen in the console. */
  place?: () => HostPlace;
  /** The data folder (automatic backups go to its `backups` folder); absent, there are none. */
  dataDir?: string;
  log?: Logger;
  /** After a backup was restored: every open page reads its state afresh. */
  restored?: () => void;
  /** Seals tokens with the data folder's host key (`host.key`); without one, a key for this run only. */
  vault?: TokenVault;
  /** Disconnects a judge's live pages when their link is reissued or revoked. */
  closeJudgeSockets?: (judgeId: number) => void;
}

export function createServices(repos: Repositories, deps: ServiceDeps = {}) {
  const now = deps.now ?? (() => new Date());
  const events = eventsService(repos, now);
  const publish = deps.publish ?? (() => {});
  const vault = deps.vault ?? tokenVault(randomBytes(32));
  sealWaitingTokens(repos, vault, now().toISOString());
  const join = joinService({
    repos,
    vault,
    now,
    place: deps.place ?? (() => ({ lan: false, port: 0, addresses: [] })),
  });
  const joinBase = deps.joinBase ?? (deps.place ? join.joinBase : () => '');
  const closeJudgeSockets = deps.closeJudgeSockets ?? (() => {});
  const contest = contestService({ repos, events, now, publish, joinBase, vault, closeJudgeSockets });
  const training = trainingService({ repos, events, now, publish, joinBase, vault });
  const groups = groupsService({ repos, events, now, publish, joinBase, vault });
  const certificates = certificatesService({
    repos,
    events,
    contest,
    now,
    completers: (eventId) => training.completers(eventId),
  });
  return {
    events,
    contest,
    join,
    participants: participantsService(repos, events, now),
    registration: registrationService(repos, now),
    backup: backupService(repos, { now, dataDir: deps.dataDir, log: deps.log, restored: deps.restored }),
    archive: archiveService({ repos, events, now, vault }),
    venueBundles: venueBundleService({ repos, events, now }),
    certificates,
    training,
    evaluations: evaluationsService({ repos, events, now, publish, joinBase, vault }),
    groups,
    groupsDocuments: groupsDocumentsService({ repos, events, groups }),
    trainingDocuments: trainingDocumentsService({ events, training }),
    classReport: classReportService({ repos, events, training }),
    studyCounts: studyCountsService({ repos, events, now }),
    reflections: reflectionsService({ repos, events, now, joinBase }),
    results: resultsService({ events, contest, certificates }),
    loadDemo: () => loadDemo({ repos, events, contest, training, now }),
  };
}
export type Services = ReturnType<typeof createServices>;
