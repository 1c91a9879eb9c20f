import * as certificates from './parts/certificates';
import * as contestConsole from './parts/contest-console';
import * as documents from './parts/documents';
import * as editing from './parts/editing';
import * as importing from './parts/import';
import * as judge from './parts/judge';
import * as lock from './parts/lock';
import * as judgeAccess from './parts/judge-access';
import * as rules from './parts/rules';
import * as screen from './parts/screen';
import * as training from './parts/training';
import * as trainingScreens from './parts/training-screens';
import * as evaluations from './parts/evaluations';
import * as trainingDocuments from './parts/training-documents';
import * as trainingConsole from './parts/training-console';
import * as groups from './parts/groups';
import * as groupRecord from './parts/group-record';
import * as wording from './parts/wording';
import * as hostSafety from './parts/host-safety';
import * as backups from './parts/backups';
import * as lanGuard from './parts/lan-guard';
import * as limits from './parts/limits';
import * as archive from './parts/archive';
import * as firstRun from './parts/first-run';
import * as tokens from './parts/tokens';
import * as reflections from './parts/reflections';
import * as venueBundle from './parts/venue-bundle';
import * as classReport from './parts/class-report';
import type { MessageKey } from './zh-CN';
import { core } from './en-core';

// The core strings are a module of their own: a page loads them only when English is chosen (renderer/ui/messages.ts).
export { core };

export const en = {
  ...core,
  ...judge.en,
  ...judgeAccess.en,
  ...screen.en,
  ...contestConsole.en,
  ...lock.en,
  ...importing.en,
  ...documents.en,
  ...editing.en,
  ...certificates.en,
  ...training.en,
  ...trainingScreens.en,
  ...evaluations.en,
  ...trainingDocuments.en,
  ...trainingConsole.en,
  ...groups.en,
  ...groupRecord.en,
  ...wording.en,
  ...rules.en,
  ...hostSafety.en,
  ...backups.en,
  ...lanGuard.en,
  ...limits.en,
  ...archive.en,
  ...firstRun.en,
  ...tokens.en,
  ...reflections.en,
  ...venueBundle.en,
  ...classReport.en,
} as const satisfies Record<MessageKey, string>;
