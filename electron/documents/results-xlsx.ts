// The Excel summary organisers send to their superiors: results, judges' totals, scores by
// criterion, recusals and the certificate register. Pure: plain data in, .xlsx bytes out.
import type { Ranking } from '../../shared/api/contest';
import { formatDateRange } from '../../shared/domain/dates';
import { formatHundredths } from '../../shared/domain/decimal';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { isRecused, scoreNoteText, sheetTotal, stepDecimals, type ResultsData } from './results-data';
import { registerTable } from './register-table';
import { decimalsFormat, workbookBytes, type Cell, type Table } from './xlsx-write';

type RankingRow = Ranking['rows'][number];
type ColumnName = MessageKey extends infer K ? (K extends `documents.col.${infer C}` ? C : never) : never;

/** A number cell from a decimal string ("88.13"), so the value is what the string says, not a float sum. */
function decimal(text: string, format: string): Cell {
  return { value: Number(text), format };
}

export function resultsWorkbook(data: ResultsData, locale: Locale): Uint8Array {
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  const columns = (...names: ColumnName[]) => names.map((name) => t(`documents.col.${name}`));
  const date = formatDateRange(data.event.startsOn, data.event.endsOn, locale);
  const title = data.event.title;
  const finalFormat = decimalsFormat(data.ranking.decimals);
  const totalFormat = decimalsFormat(2);
  const judgeNames = new Map(data.judges.map((j) => [j.id, j.name]));

  const note = (row: RankingRow): string =>
    [
      row.status === 'final' ? null : t(`contest.ranking.status.${row.status}`),
      row.tiedAward ? t('documents.note.tiedAward') : null,
    ]
      .filter((part) => part !== null)
      .join(t('documents.noteJoin'));

  const results: Table = {
    name: t('documents.sheet.results'),
    title,
    caption: t('documents.caption.results', { date }),
    header: columns('rank', 'name', 'organization', 'title', 'final', 'award', 'note'),
    rows: data.ranking.rows.map((row) => [
      row.rank,
      row.name,
      row.organization,
      row.title,
      row.final === undefined ? null : decimal(row.final, finalFormat),
      row.award ?? null,
      note(row),
    ]),
  };

  const judgeTotals: Table = {
    name: t('documents.sheet.judgeTotals'),
    title,
    caption: t('documents.caption.judgeTotals', { date }),
    header: [
      ...columns('rank', 'order', 'name', 'organization'),
      ...data.judges.map((j) => j.name),
      ...columns('deduction', 'final', 'dropped'),
    ],
    rows: data.ranking.rows.map((row) => {
      const totals = data.judges.map((judge): Cell => {
        const total = row.judgeTotals.find((j) => j.judgeId === judge.id);
        if (total?.recused) return t('documents.note.recused');
        if (!total || total.total === null) return null;
        // Dropped totals stay numbers; the format puts them in brackets.
        return decimal(total.total, total.dropped ? `"("${totalFormat}")"` : totalFormat);
      });
      // The highest first, then the lowest, as people say it (去掉一个最高分，去掉一个最低分).
      const dropped = (['high', 'low'] as const)
        .flatMap((side) => row.judgeTotals.filter((j) => j.dropped === side && j.total !== null))
        .map((j) =>
          t(j.dropped === 'high' ? 'documents.note.droppedHigh' : 'documents.note.droppedLow', {
            total: j.total ?? '',
            judge: judgeNames.get(j.judgeId) ?? j.name,
          }),
        )
        .join(t('documents.noteJoin'));
      return [
        row.rank,
        row.order,
        row.name,
        row.organization,
        ...totals,
        row.deduction === formatHundredths(0) ? null : decimal(row.deduction, totalFormat),
        row.final === undefined ? null : decimal(row.final, finalFormat),
        dropped,
      ];
    }),
  };

  const criteria = data.rubric?.criteria ?? [];
  const sumDecimals = Math.max(0, ...criteria.map((c) => stepDecimals(c.step)));
  const byCriterion: Table = {
    name: t('documents.sheet.criteria'),
    title,
    caption: t('documents.caption.criteria', { date }),
    header: [
      ...columns('order', 'name', 'organization', 'judge'),
      ...criteria.map((c) => t('documents.col.criterion', { name: c.name, max: c.max })),
      ...columns('total', 'note'),
    ],
    rows: data.speakers.flatMap((speaker) =>
      data.judges.map((judge) => {
        const sheet = data.sheets.get(speaker.participantId)?.get(judge.id);
        const recused = isRecused(judge, speaker.participantId);
        const values = criteria.map((c): Cell => {
          const value = sheet?.[c.key];
          const places = stepDecimals(c.step);
          return value === undefined ? null : decimal(formatHundredths(value, places), decimalsFormat(places));
        });
        const total = sheet
          ? decimal(formatHundredths(sheetTotal(sheet), sumDecimals), decimalsFormat(sumDecimals))
          : null;
        // A sheet the chief judge changed or entered from paper says so, with the reason (更正：… / 补录：…).
        const notes = (data.notes.get(speaker.participantId)?.get(judge.id) ?? []).map((n) => scoreNoteText(n, locale));
        const remark = [recused ? t('documents.note.recused') : sheet ? null : t('documents.note.notScored'), ...notes]
          .filter((part) => part !== null)
          .join(locale === 'zh-CN' ? '；' : '; ');
        return [speaker.order, speaker.name, speaker.organization, judge.name, ...values, total, remark];
      }),
    ),
  };

  const speakersById = new Map(data.speakers.map((s) => [s.participantId, s]));
  const conflicts: Table = {
    name: t('documents.sheet.conflicts'),
    title,
    caption: t('documents.caption.conflicts', { date }),
    header: columns('judge', 'judgeOrganization', 'order', 'recusedSpeaker', 'speakerOrganization'),
    rows: data.judges.flatMap((judge) =>
      judge.conflicts
        .flatMap((id) => speakersById.get(id) ?? [])
        .sort((a, b) => a.order - b.order)
        .map((speaker) => [judge.name, judge.organization, speaker.order, speaker.name, speaker.organization]),
    ),
    empty: t('documents.note.noConflicts'),
  };

  const certificates = registerTable(data.certificates, locale, {
    name: t('documents.sheet.certificates'),
    title,
    caption: t('documents.caption.certificates', { date }),
    empty: t('documents.note.noCertificates'),
  });

  return workbookBytes([results, judgeTotals, byCriterion, conflicts, certificates]);
}
