import type { FileAnswer } from '../../../shared/api/contract';
import { groupsFileName, type GroupFile } from '../../../shared/api/groups';
import { compareNames } from '../../../shared/domain/names';
import type { Locale } from '../../../shared/domain/vocabulary';
import type { Repositories } from '../../database';
import { groupListsDocument, tableCardsPdf, type GroupMemberLine, type TableCard } from '../../documents/groups-pdf';
import { pdfType, renderPdf } from '../../documents/pdf';
import { translator, type TrainingEvent } from '../../documents/training-data';
import type { EventsService } from '../events';
import type { GroupsService } from './groups';

export interface GroupsDocumentsDeps {
  repos: Repositories;
  events: EventsService;
  groups: GroupsService;
}

/** The groups on paper: the group lists with their discussion records, and the table (or name) cards. */
export function groupsDocumentsService({ repos, events, groups }: GroupsDocumentsDeps) {
  /** The class as its documents print it (an Event is one; 404 when there is no such event). */
  const eventOf = (eventId: number): TrainingEvent => events.get(eventId);

  const fileName = (locale: Locale, file: GroupFile, event: TrainingEvent) =>
    groupsFileName(translator(locale), locale, file, event);

  /** The class's groups with their members as printed, and who is in none. */
  function groupsOnPaper(eventId: number) {
    const list = groups.listGroups(eventId);
    const people = repos.participants.listByEvent(eventId);
    const line = (id: number): GroupMemberLine[] => {
      const p = people.find((x) => x.id === id);
      return p ? [{ id, name: p.name, organization: p.organization, region: p.region, gender: p.gender }] : [];
    };
    const grouped = new Set(list.flatMap((g) => g.memberIds));
    const ungrouped = people
      .filter((p) => !grouped.has(p.id))
      .flatMap((p) => line(p.id))
      .sort((a, b) => compareNames(a.name, b.name));
    return { list, line, ungrouped };
  }

  return {
    async groupsPdf(eventId: number, locale: Locale): Promise<FileAnswer> {
      const event = eventOf(eventId);
      const { list, line, ungrouped } = groupsOnPaper(eventId);
      const sessions = repos.training.sessions(eventId);
      const records = repos.groups.eventRecords(eventId);
      const paper = list.map((g) => ({
        name: g.name,
        leaderId: g.leaderId,
        recorderId: g.recorderId,
        members: g.memberIds.flatMap(line),
        records: records
          .filter((r) => r.groupId === g.id)
          .map((r) => ({
            session: sessions.find((s) => s.id === r.sessionId)?.title ?? '',
            topic: r.topic,
            summary: r.summary,
          })),
      }));
      return {
        data: await renderPdf(groupListsDocument({ event, groups: paper, ungrouped }, locale)),
        fileName: fileName(locale, 'groupsPdf', event),
        contentType: pdfType,
      };
    },

    /** 桌牌 per group (its name, and its leader), or a name card per trainee (name, unit). */
    async tableCardsPdf(eventId: number, kind: 'group' | 'person', locale: Locale): Promise<FileAnswer> {
      const event = eventOf(eventId);
      const t = translator(locale);
      const { list, line } = groupsOnPaper(eventId);
      const cards: TableCard[] =
        kind === 'group'
          ? list.map((g) => {
              const leader = g.leaderId === null ? null : (line(g.leaderId)[0]?.name ?? null);
              return { title: g.name, subtitle: leader ? t('groupsDocs.cardLeader', { name: leader }) : null };
            })
          : repos.participants
              .listByEvent(eventId)
              .sort((a, b) => compareNames(a.name, b.name))
              .map((p) => ({ title: p.name, subtitle: p.organization }));
      return {
        data: await tableCardsPdf({ event, cards }, locale),
        fileName: fileName(locale, kind === 'group' ? 'tableCards' : 'nameCards', event),
        contentType: pdfType,
      };
    },
  };
}
