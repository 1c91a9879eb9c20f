import type { StudyCounts } from '../../../shared/api/class-report';
import { studyCountsFileName } from '../../../shared/api/class-report';
import type { FileAnswer } from '../../../shared/api/contract';
import { isAttended, isHeld } from '../../../shared/domain/attendance';
import { todayIso } from '../../../shared/domain/dates';
import { compareNames } from '../../../shared/domain/names';
import { countStudySessions } from '../../../shared/domain/studyCounts';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { Repositories } from '../../database';
import { studyCountsWorkbook } from '../../documents/study-counts-xlsx';
import { translator } from '../../documents/training-data';
import { xlsxType } from '../../documents/xlsx-write';
import type { EventsService } from '../events';

export interface StudyCountsDeps {
  repos: Repositories;
  events: EventsService;
  now: () => Date;
}

/** A street's study sessions (学习讨论) counted per organisation (居民区) and month: the sessions held so far. */
export function studyCountsService({ repos, events, now }: StudyCountsDeps) {
  function counts(eventId: number): StudyCounts {
    events.get(eventId);
    const at = now().getTime();
    const attended = new Map<number, number>();
    for (const record of repos.training.eventAttendance(eventId))
      if (isAttended(record.status)) attended.set(record.sessionId, (attended.get(record.sessionId) ?? 0) + 1);
    const held = repos.training.sessions(eventId).filter((s) => isHeld(Date.parse(s.startsAt), at));
    return countStudySessions(
      held.map((s) => ({ organization: s.organization, startsAt: s.startsAt, attended: attended.get(s.id) ?? 0 })),
      compareNames,
    );
  }

  return {
    studyCounts: counts,
    studyCountsXlsx(eventId: number, locale: Locale): FileAnswer {
      const event = events.get(eventId);
      return {
        data: studyCountsWorkbook({ event, counts: counts(eventId), asOf: todayIso(now()) }, locale),
        fileName: studyCountsFileName(translator(locale), locale, event),
        contentType: xlsxType,
      };
    },
  };
}
export type StudyCountsService = ReturnType<typeof studyCountsService>;
