// The class report (结班材料) a school files after a class: a cover with the class's numbers, then the schedule,
// roster, groups, attendance per session and per group, course evaluations per session and per teacher, and the
// completion list with certificate numbers. The tables are built once here; the PDF and the workbook print the same.
// Pure: plain data in, tables and a document definition out.
import type { AttendanceSummary, Session } from '../../shared/api/training';
import { dayLine, timeRange, type Translate } from '../../shared/api/training-documents';
import { formatDateRange } from '../../shared/domain/dates';
import type { EvaluationItem, EvaluationSummary } from '../../shared/domain/evaluation';
import { compareNames } from '../../shared/domain/names';
import { wallClock } from '../../shared/domain/sessionTime';
import type { Gender, Locale } from '../../shared/domain/vocabulary';
import type { MessageKey } from '../../shared/i18n';
import { sessionTally, tally, type Tally } from './attendance-xlsx';
import { fonts, renderPdf, type Content, type TableCell, type TDocumentDefinitions } from './pdf';
import { placeOf } from './schedule';
import { a4Document, fit, grey } from './sheets';
import { classTitle, compareGroups, percent, sessionsByDay, translator, type TrainingEvent } from './training-data';
import { decimalsFormat } from './xlsx-write';

export interface ReportTrainee {
  id: number;
  name: string;
  gender: Gender | null;
  organization: string | null;
  title: string | null;
  region: string | null;
  group: string | null;
}

/** A discussion group: its leader and recorder by name; members are the trainees whose group has its name. */
export interface ReportGroup {
  name: string;
  leader: string | null;
  recorder: string | null;
}

/** One evaluated session: its form's rating items and what its answers add up to. */
export interface ReportEvaluation {
  session: Session;
  items: readonly EvaluationItem[];
  summary: EvaluationSummary;
}

/** A teacher over all their evaluated sessions: the means over every answer (not a mean of means). */
export interface ReportTeacherEvaluation {
  teacher: string | null;
  sessions: number;
  summary: EvaluationSummary;
}

export interface ClassReportInput {
  event: TrainingEvent;
  /** The attendance summary as the console shows it: sessions, rates, completion. */
  attendance: AttendanceSummary;
  trainees: readonly ReportTrainee[];
  /** In the organiser's order. */
  groups: readonly ReportGroup[];
  /** In time order. */
  evaluations: readonly ReportEvaluation[];
  teachers: readonly ReportTeacherEvaluation[];
  /** participantId → the number of their completion certificate, once printed. */
  certificateNumbers: ReadonlyMap<number, string>;
}

/** A cell printed as `text`, written to Excel as a number in `format` (a rate, a mean). */
export type ReportCell = string | number | null | { text: string; value: number; format: string };

export interface ReportTable {
  /** The section heading in the PDF ("四、考勤汇总（按课程）"). */
  title: string;
  /** The sheet's tab in the workbook. */
  sheet: string;
  header: string[];
  rows: ReportCell[][];
  /** Said instead of an empty table. */
  empty: string;
  /** A line under the table (how a figure is computed). */
  note?: string;
  /** The column that takes the free width in the PDF (a title, a member list). */
  wide: number;
}

export interface ClassReportTables {
  title: string;
  dates: string;
  /** The cover's lines: label and value. */
  cover: Array<[string, string]>;
  tables: ReportTable[];
}

type SectionKey =
  | 'schedule'
  | 'roster'
  | 'groups'
  | 'attendanceSessions'
  | 'attendanceGroups'
  | 'evaluationSessions'
  | 'evaluationTeachers'
  | 'completion';

const rateCell = (rate: string): ReportCell => ({ text: `${rate}%`, value: Number(rate) / 100, format: '0.0%' });
const meanCell = (mean: string | null): ReportCell =>
  mean === null ? null : { text: mean, value: Number(mean), format: decimalsFormat(2) };

/** The rating items of the evaluated sessions, by key, in the order they first appear. */
function ratingItems(evaluations: readonly ReportEvaluation[]): EvaluationItem[] {
  const byKey = new Map<string, EvaluationItem>();
  for (const { items } of evaluations)
    for (const item of items) if (item.kind === 'rating' && !byKey.has(item.key)) byKey.set(item.key, item);
  return [...byKey.values()];
}

const defaultItemLabels: Readonly<Record<string, MessageKey>> = {
  content: 'classReport.item.content',
  teaching: 'classReport.item.teaching',
  delivery: 'classReport.item.delivery',
  usefulness: 'classReport.item.usefulness',
  overall: 'classReport.item.overall',
};

function itemLabel(item: EvaluationItem, t: Translate): string {
  if (item.label) return item.label;
  const key = defaultItemLabels[item.key];
  return key ? t(key) : item.key;
}

const tallyCells = (c: Tally, expected = c.expected, absent = c.absent): ReportCell[] => [
  expected,
  c.attended,
  c.late,
  c.leave,
  absent,
  rateCell(percent(c.attended, expected)),
];

/** Every table of the report, in its order, each saying so when it has nothing. */
export function classReportTables(input: ClassReportInput, locale: Locale): ClassReportTables {
  const t = translator(locale);
  const { event, attendance } = input;
  const title = classTitle(event, locale);
  const dates = formatDateRange(event.startsOn, event.endsOn, locale);
  const sessions = sessionsByDay(attendance.sessions).flatMap(([, day]) => day);
  const held = sessions.map((s) => s.id).filter((id) => attendance.heldSessionIds.includes(id));
  const trainees = [...input.trainees].sort((a, b) => compareNames(a.name, b.name));
  const completers = attendance.rows.filter((r) => r.completes);
  const col = (key: MessageKey) => t(key);
  const section = (key: SectionKey) => ({
    title: t(`classReport.section.${key}`),
    sheet: t(`classReport.sheet.${key}`),
  });

  // Groups: the organiser's, then any group a roster names that is not one of them; trainees without one last.
  const groupNames = [
    ...input.groups.map((g) => g.name),
    ...[...new Set(trainees.map((p) => p.group).filter((g) => g !== null))]
      .filter((name) => !input.groups.some((g) => g.name === name))
      .sort(compareGroups),
  ];
  const membersOf = (group: string | null) => trainees.filter((p) => p.group === group);
  const groupRows: ReportCell[][] = groupNames.map((name) => {
    const group = input.groups.find((g) => g.name === name);
    const members = membersOf(name);
    return [
      name,
      group?.leader ?? null,
      group?.recorder ?? null,
      members.length,
      members.map((m) => m.name).join('、'),
    ];
  });
  const ungrouped = membersOf(null);
  if (groupNames.length > 0 && ungrouped.length > 0)
    groupRows.push([t('classReport.noGroup'), null, null, ungrouped.length, ungrouped.map((m) => m.name).join('、')]);

  const countColumns = (['expected', 'present', 'late', 'leave', 'absent', 'rate'] as const).map((c) =>
    t(`trainingDocs.col.${c}`),
  );

  const sessionRows: ReportCell[][] = sessions.map((s) => {
    const isHeld = held.includes(s.id);
    const { counts, expected, absent } = sessionTally(attendance, s.id, isHeld);
    const day = dayLine(wallClock(s.startsAt).date, t, locale);
    const when = `${day} ${timeRange(s, t)}`;
    return isHeld
      ? [when, s.title, ...tallyCells(counts, expected, absent)]
      : [when, s.title, expected, null, null, null, null, t('classReport.notHeld')];
  });
  const totals = held.map((id) => sessionTally(attendance, id, true));
  if (held.length > 0) {
    const sumOf = (pick: (x: (typeof totals)[number]) => number) => totals.reduce((n, x) => n + pick(x), 0);
    const attended = sumOf((x) => x.counts.attended);
    const expected = sumOf((x) => x.expected);
    sessionRows.push([
      t('classReport.total'),
      null,
      expected,
      attended,
      sumOf((x) => x.counts.late),
      sumOf((x) => x.counts.leave),
      sumOf((x) => x.absent),
      rateCell(percent(attended, expected)),
    ]);
  }

  const rowsOfGroup = (group: string | null) => attendance.rows.filter((r) => r.group === group);
  const attendanceGroups = [...new Set(attendance.rows.map((r) => r.group))].sort(compareGroups);
  const groupTallyRows: ReportCell[][] =
    held.length === 0 || attendance.rows.length === 0
      ? []
      : [
          ...attendanceGroups.map((group) => {
            const members = rowsOfGroup(group);
            return [group ?? t('classReport.noGroup'), members.length, ...tallyCells(tally(members, held))];
          }),
          [t('classReport.total'), attendance.rows.length, ...tallyCells(tally(attendance.rows, held))],
        ];

  const items = ratingItems(input.evaluations);
  const means = (summary: EvaluationSummary): ReportCell[] =>
    items.map((item) => meanCell(summary.means.find((m) => m.key === item.key)?.mean ?? null));
  const commentCount = (summary: EvaluationSummary) => summary.comments.reduce((n, c) => n + c.texts.length, 0);
  const evaluationColumns = [
    ...items.map((item) => itemLabel(item, t)),
    col('classReport.col.responses'),
    col('classReport.col.evaluators'),
    col('classReport.col.responseRate'),
  ];
  const responseCells = (summary: EvaluationSummary): ReportCell[] => [
    summary.responses,
    summary.expected,
    summary.rate === null ? null : rateCell(summary.rate),
  ];

  const byName = (a: { name: string }, b: { name: string }) => compareNames(a.name, b.name);
  const tables: ReportTable[] = [
    {
      ...section('schedule'),
      header: [
        col('trainingDocs.col.date'),
        col('trainingDocs.col.time'),
        col('trainingDocs.col.course'),
        col('trainingDocs.col.kind'),
        col('trainingDocs.col.teacher'),
        col('trainingDocs.col.place'),
        col('trainingDocs.col.hours'),
      ],
      rows: sessions.map((s) => [
        dayLine(wallClock(s.startsAt).date, t, locale),
        timeRange(s, t),
        s.title,
        t(`session.kind.${s.kind}`),
        s.teacher,
        placeOf(s),
        { text: s.hours, value: Number(s.hours), format: decimalsFormat(1) },
      ]),
      empty: t('classReport.empty.schedule'),
      wide: 2,
    },
    {
      ...section('roster'),
      header: [
        col('documents.col.number'),
        col('documents.col.name'),
        col('classReport.col.gender'),
        col('documents.col.organization'),
        col('classReport.col.title'),
        col('classReport.col.region'),
        col('trainingDocs.col.group'),
      ],
      rows: trainees.map((p, i) => [
        i + 1,
        p.name,
        p.gender === null ? null : t(`gender.${p.gender}`),
        p.organization,
        p.title,
        p.region,
        p.group,
      ]),
      empty: t('classReport.empty.roster'),
      wide: 3,
    },
    {
      ...section('groups'),
      header: [
        col('trainingDocs.col.group'),
        col('classReport.col.leader'),
        col('classReport.col.recorder'),
        col('trainingDocs.col.people'),
        col('classReport.col.members'),
      ],
      rows: groupRows,
      empty: t('classReport.empty.groups'),
      wide: 4,
    },
    {
      ...section('attendanceSessions'),
      header: [col('trainingDocs.col.date'), col('trainingDocs.col.course'), ...countColumns],
      rows: held.length === 0 ? [] : sessionRows,
      empty: t('classReport.empty.attendance'),
      wide: 1,
    },
    {
      ...section('attendanceGroups'),
      header: [col('trainingDocs.col.group'), col('trainingDocs.col.people'), ...countColumns],
      rows: groupTallyRows,
      empty: t('classReport.empty.attendance'),
      wide: 0,
    },
    {
      ...section('evaluationSessions'),
      header: [
        col('trainingDocs.col.course'),
        col('trainingDocs.col.teacher'),
        ...evaluationColumns,
        col('classReport.col.comments'),
      ],
      rows: input.evaluations.map(({ session, summary }) => [
        session.title,
        session.teacher,
        ...means(summary),
        ...responseCells(summary),
        commentCount(summary),
      ]),
      empty: t('classReport.empty.evaluations'),
      note: t('classReport.meansNote'),
      wide: 0,
    },
    {
      ...section('evaluationTeachers'),
      header: [col('trainingDocs.col.teacher'), col('classReport.col.sessions'), ...evaluationColumns],
      rows: input.teachers.map(({ teacher, sessions: count, summary }) => [
        teacher ?? t('classReport.noTeacher'),
        count,
        ...means(summary),
        ...responseCells(summary),
      ]),
      empty: t('classReport.empty.evaluations'),
      wide: 0,
    },
    {
      ...section('completion'),
      header: [
        col('documents.col.number'),
        col('documents.col.name'),
        col('documents.col.organization'),
        col('trainingDocs.col.group'),
        col('trainingDocs.col.rate'),
        col('trainingDocs.col.hours'),
        col('classReport.col.certificate'),
      ],
      rows: [...completers].sort(byName).map((row, i) => {
        const trainee = input.trainees.find((p) => p.id === row.participantId);
        return [
          i + 1,
          row.name,
          trainee?.organization ?? null,
          row.group,
          rateCell(row.rate),
          { text: row.hours, value: Number(row.hours), format: decimalsFormat(1) },
          input.certificateNumbers.get(row.participantId) ?? t('classReport.notPrinted'),
        ];
      }),
      empty: t('classReport.empty.completion'),
      wide: 2,
    },
  ];

  const none = t('classReport.cover.none');
  const cover: Array<[string, string]> = [
    [t('classReport.cover.term'), event.term ?? none],
    [t('classReport.cover.dates'), dates],
    [t('classReport.cover.organizer'), event.organizer ?? none],
    [t('classReport.cover.venue'), event.venue ?? none],
    [t('classReport.cover.classTeacher'), event.classTeacher ?? none],
    [t('classReport.cover.trainees'), t('classReport.cover.count', { count: trainees.length })],
    [
      t('classReport.cover.sessions'),
      t('classReport.cover.sessionCount', { count: sessions.length, held: held.length }),
    ],
    [t('classReport.cover.groups'), t('classReport.cover.groupCount', { count: groupNames.length })],
    [t('classReport.cover.completers'), t('classReport.cover.count', { count: completers.length })],
  ];
  return { title, dates, cover, tables };
}

const cellSize = 9;
const maxColumn = 110;
// A4 portrait inside the margins, what pdfmake adds to a column (padding and rule), and the least a title column needs.
const portraitWidth = 595 - 2 * 36;
const columnOverhead = 9;
const minWideColumn = 120;

const cellText = (cell: ReportCell): string => {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.text;
  return String(cell);
};

/** The widest text of a column, and its header's (whole, or in two lines when the table is pressed for room). */
function columnWidths(table: ReportTable): Array<number | '*'> {
  const widths = (split: boolean) =>
    table.header.map((header, i) => {
      const head = split && header.length > 3 ? header.slice(0, Math.ceil(header.length / 2)) : header;
      const cells = table.rows.map((row) => cellText(row[i] ?? null));
      return Math.min(maxColumn, Math.max(fit([head], cellSize, { bold: true }), fit(cells, cellSize)));
    });
  const whole = widths(false);
  const fixed = whole.reduce((sum, w, i) => (i === table.wide ? sum : sum + w + columnOverhead), columnOverhead);
  const chosen = fixed + minWideColumn <= portraitWidth ? whole : widths(true);
  return chosen.map((w, i) => (i === table.wide ? '*' : w));
}

/**
 * The report as an A4 PDF: the cover on its own page, then each section; the class and page in every footer.
 * `breakBefore`: sections whose heading would be left alone at the foot of a page start on the next one.
 */
export function classReportDocument(
  input: ClassReportInput,
  locale: Locale,
  breakBefore: ReadonlySet<number> = new Set(),
): TDocumentDefinitions {
  const t = translator(locale);
  const report = classReportTables(input, locale);
  const documentName = t('classReport.title');

  const cover: Content[] = [
    { text: report.title, font: fonts.serif, bold: true, fontSize: 20, alignment: 'center', margin: [0, 150, 0, 16] },
    {
      text: documentName,
      font: fonts.serif,
      bold: true,
      fontSize: 30,
      alignment: 'center',
      characterSpacing: locale === 'zh-CN' ? 8 : 0,
      margin: [0, 0, 0, 60],
    },
    {
      table: {
        widths: ['auto', '*'],
        body: report.cover.map(([label, value]): TableCell[] => [
          { text: label, bold: true, margin: [0, 3, 12, 3] },
          { text: value, margin: [0, 3, 0, 3] },
        ]),
      },
      layout: 'noBorders',
      fontSize: 13,
      margin: [90, 0, 60, 0],
    },
  ];

  const sectionOf = (table: ReportTable, index: number): Content => {
    const heading: Content = {
      id: `heading-${index}`,
      ...(breakBefore.has(index) ? { pageBreak: 'before' as const } : {}),
      text: table.title,
      font: fonts.serif,
      bold: true,
      fontSize: 14,
      margin: [0, index === 0 ? 0 : 14, 0, 6],
    };
    if (table.rows.length === 0)
      return { stack: [heading, { text: table.empty, color: grey, margin: [0, 2, 0, 0] }], unbreakable: true };
    const widths = columnWidths(table);
    const header: TableCell[] = table.header.map((text) => ({ text, bold: true, alignment: 'center' }));
    const body: TableCell[][] = table.rows.map((row, r) =>
      row.map((cell, c) => ({
        // The first cell tells where the table's rows begin (its header row goes with them).
        ...(r === 0 && c === 0 ? { id: `rows-${index}` } : {}),
        text: cellText(cell),
        alignment: typeof cell === 'string' ? 'left' : 'center',
      })),
    );
    return {
      stack: [
        heading,
        {
          table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header, ...body] },
          fontSize: cellSize,
        },
        ...(table.note ? [{ text: table.note, fontSize: 8, color: grey, margin: [0, 3, 0, 0] } satisfies Content] : []),
      ],
      // A short table stays on one page with its heading; a long one runs on, its header row repeated.
      unbreakable: table.rows.length <= 12,
    };
  };

  const doc = a4Document(t, 'portrait', `${report.title} ${documentName}`, [
    ...cover,
    { stack: report.tables.map(sectionOf), pageBreak: 'before' },
  ]);
  return {
    ...doc,
    footer: (page: number, pages: number): Content => ({
      text: t('classReport.footer', { title: report.title, page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: grey,
      margin: [0, 10, 0, 0],
    }),
  };
}

/** Lays the report out once to find headings left at the foot of a page, then renders it with those moved on. */
export async function classReportPdf(input: ClassReportInput, locale: Locale): Promise<Uint8Array> {
  const pages = new Map<string, number>();
  await renderPdf({
    ...classReportDocument(input, locale),
    pageBreakBefore: (node) => {
      if (node.id) pages.set(node.id, Math.min(...node.pageNumbers));
      return false;
    },
  });
  const orphans = new Set<number>();
  for (const [id, page] of pages) {
    const index = id.startsWith('heading-') ? Number(id.slice('heading-'.length)) : NaN;
    const rowsPage = pages.get(`rows-${index}`);
    if (rowsPage !== undefined && rowsPage > page) orphans.add(index);
  }
  return renderPdf(classReportDocument(input, locale, orphans));
}
