// The paper of a contest: each judge's score sheet (blank as a backup when a laptop fails, or
// filled for signing) and the results table the chief judge and the supervisor sign.
// Pure: plain data in, a pdfmake document definition out; electron/documents/pdf.ts renders it.
import type { Rubric } from '../../shared/api/contest';
import { formatDateRange } from '../../shared/domain/dates';
import { formatHundredths } from '../../shared/domain/decimal';
import type { Locale } from '../../shared/domain/vocabulary';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { fonts, textWidth, type Content, type ContentText, type TableCell, type TDocumentDefinitions } from './pdf';
import {
  scoreNoteText,
  sheetTotal,
  stepDecimals,
  type DocumentEvent,
  type ResultsData,
  type Sheet,
  type ScoreNote,
  type Speaker,
} from './results-data';

/** One judge's pages: the judge (null: a sheet for a judge not yet registered), recusals, scores when filled. */
export interface JudgeSheetPage {
  judge: { name: string; organization: string | null } | null;
  recused: readonly number[];
  /** participantId → that judge's sheet; null prints a blank sheet. */
  scores: ReadonlyMap<number, Sheet> | null;
  /** participantId → what the chief judge did to that sheet (更正 / 补录, with the reason); filled sheets only. */
  notes?: ReadonlyMap<number, readonly ScoreNote[]>;
}

export interface JudgeSheetsInput {
  event: DocumentEvent;
  rubric: Rubric;
  /** In order of appearance. */
  speakers: readonly Speaker[];
  pages: readonly JudgeSheetPage[];
}

export const grey = '#666666';
const margin = 36;
// Content width of A4 (595 × 842 pt) inside the margins.
const contentWidth = { portrait: 595 - 2 * margin, landscape: 842 - 2 * margin } as const;
// A table goes landscape when its fixed columns leave the free-text column less than it needs, or this.
const minFreeColumn = 80;
// The narrowest column a judge writes a score in.
const handwriting = 32;
// What pdfmake adds to each column's width: the default cell padding (4 + 4) and a rule.
const columnOverhead = 9;

/** The width a column needs for the widest of `texts` at `size` pt, within [min, max]. */
export function fit(
  texts: readonly string[],
  size: number,
  options: { bold?: boolean; min?: number; max?: number } = {},
): number {
  const style = options.bold ? 'bold' : 'normal';
  const widest = Math.max(
    0,
    ...texts.flatMap((text) => text.split('\n')).map((line) => textWidth(line, size, fonts.sans, style)),
  );
  return Math.min(options.max ?? Infinity, Math.max(options.min ?? 0, Math.ceil(widest) + 1));
}

interface Layout {
  orientation: 'portrait' | 'landscape';
  /** Below 1 when even landscape is too narrow: type and columns shrink together, so no column is cut off. */
  scale: number;
}

/** Portrait when the fixed columns (measured at full size) leave the free-text one what it needs, else landscape. */
function layoutFor(fixed: readonly number[], free: number): Layout {
  const overhead = (fixed.length + 1) * columnOverhead;
  const needed = fixed.reduce((a, b) => a + b, 0) + Math.max(free, minFreeColumn);
  if (needed + overhead <= contentWidth.portrait) return { orientation: 'portrait', scale: 1 };
  return { orientation: 'landscape', scale: Math.min(1, (contentWidth.landscape - overhead) / needed) };
}

/** Points without trailing zeros: 10000 → "100", 9950 → "99.5". */
function points(hundredths: number): string {
  return formatHundredths(hundredths).replace(/\.?0+$/, '');
}

type Translate = (key: MessageKey, params?: MessageParams) => string;

function heading(t: Translate, locale: Locale, event: DocumentEvent, documentTitle: string, left: string): Content[] {
  const date = formatDateRange(event.startsOn, event.endsOn, locale);
  return [
    { text: event.title, font: fonts.serif, bold: true, fontSize: 13, alignment: 'center', margin: [0, 0, 0, 4] },
    {
      text: documentTitle,
      font: fonts.serif,
      bold: true,
      fontSize: 20,
      alignment: 'center',
      characterSpacing: 4,
      margin: [0, 0, 0, 10],
    },
    {
      columns: [
        { text: left, fontSize: 11, width: '*' },
        {
          text: event.venue ? t('documents.pdf.dateVenue', { date, venue: event.venue }) : date,
          fontSize: 11,
          alignment: 'right',
          width: 'auto',
        },
      ],
      margin: [0, 0, 0, 6],
    },
  ];
}

const signSize = 11;

/** A line to sign on, `width` pt long, on the text's baseline. */
function signLine(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 13, x2: width, y2: 13, lineWidth: 0.8 }], width };
}

/**
 * Signature rows, one per signer: "评委签名：________  日期：________". The labels share one width
 * so the lines start under each other.
 */
function signatures(t: Translate, labels: readonly string[], pageWidth: number): Content {
  const dateLabel = t('documents.pdf.signDate');
  const labelWidth = Math.ceil(Math.max(...labels.map((l) => textWidth(l, signSize, fonts.sans)))) + 2;
  const dateWidth = Math.ceil(textWidth(dateLabel, signSize, fonts.sans)) + 2;
  const gap = 24;
  const dateLine = 110;
  const nameLine = Math.min(220, pageWidth - labelWidth - gap - dateWidth - dateLine - 8);
  return {
    stack: labels.map((label) => ({
      columns: [
        { text: label, width: labelWidth },
        signLine(nameLine),
        { text: dateLabel, width: dateWidth + gap, alignment: 'right' },
        signLine(dateLine),
      ],
      columnGap: 4,
      margin: [0, 0, 0, 18],
    })),
    fontSize: signSize,
    margin: [0, 28, 0, 0],
    unbreakable: true,
  };
}

/** An A4 document with "第 1 页，共 2 页" at the foot of each page. */
export function a4Document(
  t: Translate,
  orientation: 'portrait' | 'landscape',
  title: string,
  content: Content[],
): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [margin, margin, margin, 40],
    info: { title },
    footer: (page: number, pages: number): Content => ({
      text: t('documents.pdf.page', { page, pages }),
      alignment: 'center',
      fontSize: 8,
      color: grey,
      margin: [0, 10, 0, 0],
    }),
    content,
  };
}

function methodLine(t: Translate, rubric: Rubric): string {
  const { method, dropHighest, dropLowest } = rubric.aggregation;
  const name = t(`contest.method.${method}`);
  const described =
    dropHighest + dropLowest > 0
      ? t('documents.pdf.methodDrop', { method: name, high: dropHighest, low: dropLowest })
      : name;
  return t('documents.pdf.methodLine', { method: described, decimals: rubric.decimals });
}

const cell = (text: string, extra: Pick<ContentText, 'alignment' | 'fontSize' | 'color' | 'bold'> = {}): TableCell => ({
  text,
  ...extra,
});

/** Every judge's score sheet, each judge starting on a new page. */
export function judgeSheetsDocument(input: JudgeSheetsInput, locale: Locale): TDocumentDefinitions {
  const t: Translate = (key, params) => translate(locale, key, params);
  const { criteria } = input.rubric;
  const sumDecimals = Math.max(0, ...criteria.map((c) => stepDecimals(c.step)));
  const fullHundredths = criteria.reduce((sum, c) => sum + Math.round(c.max * 100), 0);
  const fullMarks = points(fullHundredths);
  const rubricLine = t('documents.pdf.rubricLine', {
    criteria: criteria
      .map((c) => t('documents.pdf.criterionPart', { name: c.name, max: c.max }))
      .join(locale === 'zh-CN' ? '、' : ', '),
    max: fullMarks,
    step: Math.min(...criteria.map((c) => c.step)),
  });
  const widest = formatHundredths(Math.round(Math.max(...criteria.map((c) => c.max)) * 100), sumDecimals);
  const fixed = [
    fit([t('documents.col.number'), String(input.speakers.length)], 10, { bold: true }),
    fit([t('documents.col.name'), ...input.speakers.map((s) => s.name)], 10, { bold: true }),
    fit([t('documents.col.organization'), ...input.speakers.map((s) => s.organization ?? '')], 9, { max: 110 }),
    // Wide enough to write "35.5" by hand.
    ...criteria.map((c) => fit([c.name, `(${c.max})`, widest], 10, { bold: true, min: handwriting })),
    fit([t('documents.col.total'), `(${fullMarks})`, formatHundredths(fullHundredths, sumDecimals)], 10, {
      bold: true,
      min: handwriting,
    }),
    fit([t('documents.col.note'), t('documents.note.recused')], 10, { bold: true, min: handwriting }),
  ];
  // The speech titles wrap; two lines of the longest is enough.
  const { orientation, scale } = layoutFor(
    fixed,
    fit(
      input.speakers.map((s) => s.title ?? ''),
      8,
    ) / 2,
  );
  const [order = 0, name = 0, organization = 0, ...rest] = fixed.map((w) => w * scale);
  const widths = [order, name, organization, '*' as const, ...rest];

  const bold = { bold: true, alignment: 'center' } as const;
  // Made afresh for each page: pdfmake marks the cells it lays out, and a reused cell prints empty.
  const header = (): TableCell[] => [
    cell(t('documents.col.number'), bold),
    cell(t('documents.col.name'), bold),
    cell(t('documents.col.organization'), bold),
    cell(t('documents.col.title'), bold),
    ...criteria.map((c) => cell(`${c.name}\n(${c.max})`, bold)),
    cell(`${t('documents.col.total')}\n(${fullMarks})`, bold),
    cell(t('documents.col.note'), bold),
  ];

  const pageOf = (page: JudgeSheetPage, index: number): Content[] => {
    const notesOf = (speaker: Speaker): readonly ScoreNote[] =>
      (page.scores ? page.notes?.get(speaker.participantId) : undefined) ?? [];
    const rows = input.speakers.map((speaker): TableCell[] => {
      const lead: TableCell[] = [
        cell(String(speaker.order), { alignment: 'center' }),
        cell(speaker.name, { bold: true }),
        cell(speaker.organization ?? '', { fontSize: 9 * scale }),
        cell(speaker.title ?? '', { fontSize: 8 * scale }),
      ];
      if (page.recused.includes(speaker.participantId)) {
        const span: TableCell = {
          text: t('documents.note.recused'),
          colSpan: criteria.length + 1,
          alignment: 'center',
          color: grey,
        };
        return [...lead, span, ...criteria.map(() => ({})), cell('')];
      }
      const sheet = page.scores?.get(speaker.participantId);
      const values = criteria.map((c) => {
        const value = sheet?.[c.key];
        return cell(value === undefined ? '' : formatHundredths(value, stepDecimals(c.step)), { alignment: 'center' });
      });
      const total = sheet && Object.keys(sheet).length > 0 ? formatHundredths(sheetTotal(sheet), sumDecimals) : '';
      const marks = [...new Set(notesOf(speaker).map((n) => scoreNoteText(n, locale, true)))].join('\n');
      return [
        ...lead,
        ...values,
        cell(total, { alignment: 'center', bold: true }),
        cell(marks, { alignment: 'center', fontSize: 9 * scale }),
      ];
    });
    // The reasons do not fit the 备注 column: they go under the table, a line per speaker.
    const noteLines = input.speakers.flatMap((speaker) =>
      notesOf(speaker).map((note) =>
        t('documents.pdf.noteLine', { name: speaker.name, order: speaker.order, note: scoreNoteText(note, locale) }),
      ),
    );
    const notes: Content[] =
      noteLines.length > 0
        ? [{ text: [t('documents.pdf.notesTitle'), ...noteLines].join('\n'), fontSize: 9, margin: [0, 6, 0, 0] }]
        : [];
    const judgeLine = page.judge
      ? t('documents.pdf.judgeLine', {
          name: page.judge.organization
            ? t('documents.nameWithOrganization', { name: page.judge.name, organization: page.judge.organization })
            : page.judge.name,
        })
      : t('documents.pdf.judgeBlank');
    return [
      {
        stack: heading(t, locale, input.event, t('documents.pdf.judgeSheet'), judgeLine),
        ...(index > 0 ? { pageBreak: 'before' as const } : {}),
      },
      { text: rubricLine, fontSize: 9, color: grey, margin: [0, 0, 0, 6] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths,
          // Room to write a score by hand.
          heights: (row: number) => (row === 0 ? 'auto' : page.scores ? 24 : 30),
          body: [header(), ...rows],
        },
        fontSize: 10 * scale,
      },
      ...notes,
      signatures(t, [t('documents.pdf.judgeSign')], contentWidth[orientation]),
    ];
  };

  return a4Document(
    t,
    orientation,
    `${input.event.title} ${t('documents.pdf.judgeSheet')}`,
    input.pages.flatMap(pageOf),
  );
}

/** The results table: rank, each judge's total (dropped ones in brackets), deduction, final, award; signed. */
export function resultsTableDocument(data: ResultsData, locale: Locale): TDocumentDefinitions {
  const t: Translate = (key, params) => translate(locale, key, params);
  const { judges, ranking } = data;
  const awardText = (row: (typeof ranking.rows)[number]) =>
    row.award && row.tiedAward ? t('documents.awardTied', { award: row.award }) : (row.award ?? '');
  const fixed = [
    fit([t('documents.col.rank'), String(ranking.rows.length)], 10, { bold: true }),
    fit([t('documents.col.name'), ...ranking.rows.map((r) => r.name)], 10, { bold: true }),
    ...judges.map((j) => Math.max(fit([j.name], 10, { bold: true }), fit(['(100.00)'], 10))),
    Math.max(fit([t('documents.col.deduction')], 10, { bold: true }), fit(['10.00'], 10)),
    fit([t('documents.col.final'), '100.00'], 10, { bold: true }),
    Math.max(fit([t('documents.col.award')], 10, { bold: true }), fit(ranking.rows.map(awardText), 10, { max: 120 })),
  ];
  // Many judges (an audience panel) shrink the table rather than run off the page.
  const { orientation, scale } = layoutFor(
    fixed,
    fit(
      ranking.rows.map((r) => r.organization ?? ''),
      9,
      { max: 110 },
    ),
  );
  const [rank = 0, name = 0, ...rest] = fixed.map((w) => w * scale);
  const bold = { bold: true, alignment: 'center' } as const;
  const header: TableCell[] = [
    cell(t('documents.col.rank'), bold),
    cell(t('documents.col.name'), bold),
    cell(t('documents.col.organization'), bold),
    ...judges.map((j) => cell(j.name, bold)),
    cell(t('documents.col.deduction'), bold),
    cell(t('documents.col.final'), bold),
    cell(t('documents.col.award'), bold),
  ];
  const rows = ranking.rows.map((row): TableCell[] => {
    const totals = judges.map((judge) => {
      const total = row.judgeTotals.find((j) => j.judgeId === judge.id);
      if (total?.recused)
        return cell(t('documents.note.recused'), { alignment: 'center', color: grey, fontSize: 8 * scale });
      if (!total || total.total === null) return cell('');
      return total.dropped
        ? cell(`(${total.total})`, { alignment: 'center', color: grey })
        : cell(total.total, { alignment: 'center' });
    });
    const final = row.final ?? (row.status === 'final' ? '' : t(`contest.ranking.status.${row.status}`));
    return [
      cell(row.rank === null ? '' : String(row.rank), { alignment: 'center', bold: true }),
      cell(row.name, { bold: true }),
      cell(row.organization ?? '', { fontSize: 9 * scale }),
      ...totals,
      cell(row.deduction === formatHundredths(0) ? '' : row.deduction, { alignment: 'center' }),
      cell(
        final,
        row.final === undefined
          ? { alignment: 'center', fontSize: 8 * scale, color: grey }
          : { alignment: 'center', bold: true },
      ),
      cell(awardText(row), { alignment: 'center' }),
    ];
  });
  return a4Document(t, orientation, `${data.event.title} ${t('documents.pdf.resultsTable')}`, [
    ...heading(t, locale, data.event, t('documents.pdf.resultsTable'), data.event.organizer ?? ''),
    {
      text: data.rubric ? methodLine(t, data.rubric) : t('documents.pdf.noRubric'),
      fontSize: 9,
      color: grey,
      margin: [0, 0, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [rank, name, '*', ...rest],
        heights: (row: number) => (row === 0 ? 'auto' : 22),
        body: [header, ...rows],
      },
      fontSize: 10 * scale,
    },
    { text: t('documents.pdf.droppedLegend'), fontSize: 8, color: grey, margin: [0, 4, 0, 0] },
    signatures(t, [t('documents.pdf.chiefSign'), t('documents.pdf.supervisorSign')], contentWidth[orientation]),
  ]);
}
