// The discussion groups on paper: the group lists (分组名单, a page per group) and the table cards (桌牌), A4
// landscape folded in half with the top half upside down so the card reads from both sides of the table.
import type { Gender, Locale } from '../../shared/domain/vocabulary';
import { compareNames } from '../../shared/domain/names';
import {
  fonts,
  fontTicket,
  PdfKitDocument,
  textWidth,
  type Content,
  type TableCell,
  type TDocumentDefinitions,
} from './pdf';
import { a4Document, fit, grey } from './sheets';
import { classHeading, classTitle, translator, type TrainingEvent } from './training-data';

export interface GroupMemberLine {
  id: number;
  name: string;
  organization: string | null;
  region: string | null;
  gender: Gender | null;
}

export interface GroupOnPaper {
  name: string;
  leaderId: number | null;
  recorderId: number | null;
  members: readonly GroupMemberLine[];
  /** Its discussion records, by session (title, topic, summary). */
  records: ReadonlyArray<{ session: string; topic: string | null; summary: string }>;
}

export interface GroupListsInput {
  event: TrainingEvent;
  /** In the class's order. */
  groups: readonly GroupOnPaper[];
  ungrouped: readonly GroupMemberLine[];
}

const size = 10;

export function groupListsDocument(input: GroupListsInput, locale: Locale): TDocumentDefinitions {
  const t = translator(locale);
  const title = classTitle(input.event, locale);
  const nameOf = (group: GroupOnPaper, id: number | null) =>
    group.members.find((m) => m.id === id)?.name ?? t('groupsDocs.none');
  const bold = { bold: true, alignment: 'center' } as const;
  const headers = [
    t('documents.col.number'),
    t('documents.col.name'),
    t('groupsDocs.col.gender'),
    t('documents.col.organization'),
    t('groupsDocs.col.region'),
    t('groupsDocs.col.role'),
  ];

  function table(group: GroupOnPaper | null, members: readonly GroupMemberLine[]): Content {
    if (members.length === 0) return { text: t('groupsDocs.empty'), color: grey, margin: [0, 8, 0, 0] };
    const sorted = [...members].sort((a, b) => compareNames(a.name, b.name));
    const roleOf = (m: GroupMemberLine) =>
      group?.leaderId === m.id
        ? t('groupsDocs.role.leader')
        : group?.recorderId === m.id
          ? t('groupsDocs.role.recorder')
          : '';
    const rows = sorted.map((m, index): TableCell[] => [
      { text: String(index + 1), alignment: 'center' },
      { text: m.name, bold: true, fontSize: size + 1 },
      { text: m.gender ? t(`gender.${m.gender}`) : '', alignment: 'center' },
      { text: m.organization ?? '', fontSize: size - 1 },
      { text: m.region ?? '', fontSize: size - 1 },
      { text: roleOf(m), alignment: 'center', bold: true },
    ]);
    const column = (index: number, cells: string[], cellSize: number, options: { min?: number; max?: number } = {}) =>
      Math.max(fit([headers[index] ?? ''], size, { bold: true }), fit(cells, cellSize, options));
    return {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [
          column(0, [String(sorted.length)], size),
          column(
            1,
            sorted.map((m) => m.name),
            size + 1,
            { min: 48 },
          ),
          column(1, [t('gender.female')], size),
          '*',
          column(
            4,
            sorted.map((m) => m.region ?? ''),
            size - 1,
            { max: 110 },
          ),
          column(5, [t('groupsDocs.role.recorder')], size),
        ],
        body: [headers.map((text): TableCell => ({ text, ...bold })), ...rows],
      },
      fontSize: size,
      margin: [0, 6, 0, 0],
    };
  }

  const sections: Content[] = input.groups.map((group, index) => ({
    stack: [
      ...classHeading(title, t('groupsDocs.title'), locale),
      {
        columns: [
          { text: group.name, font: fonts.serif, bold: true, fontSize: 16, width: '*' },
          {
            text: t('groupsDocs.count', { count: group.members.length }),
            alignment: 'right',
            width: 'auto',
            margin: [0, 4, 0, 0],
          },
        ],
      },
      {
        columns: [
          { text: t('groupsDocs.leader', { name: nameOf(group, group.leaderId) }), width: 'auto' },
          { text: t('groupsDocs.recorder', { name: nameOf(group, group.recorderId) }), width: 'auto' },
        ],
        columnGap: 24,
        margin: [0, 4, 0, 0],
      },
      table(group, group.members),
      ...(group.records.length === 0
        ? []
        : [
            { text: t('groupsDocs.records'), bold: true, margin: [0, 12, 0, 4] } satisfies Content,
            ...group.records.map((r): Content => ({
              stack: [
                { text: r.session, bold: true },
                ...(r.topic ? [{ text: t('groupsDocs.recordTopic', { topic: r.topic }) }] : []),
                { text: r.summary, color: '#333333' },
              ],
              fontSize: size,
              margin: [0, 0, 0, 6],
            })),
          ]),
    ],
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
  }));
  if (input.ungrouped.length > 0)
    sections.push({
      stack: [
        ...classHeading(title, t('groupsDocs.title'), locale),
        { text: t('groupsDocs.ungrouped'), font: fonts.serif, bold: true, fontSize: 16 },
        table(null, input.ungrouped),
      ],
      ...(sections.length > 0 ? { pageBreak: 'before' as const } : {}),
    });
  if (sections.length === 0)
    sections.push(...classHeading(title, t('groupsDocs.title'), locale), { text: t('groupsDocs.noGroups') });
  return a4Document(t, 'portrait', `${title} ${t('groupsDocs.title')}`, sections);
}

export interface TableCard {
  /** Printed large: the group's name, or a trainee's name. */
  title: string;
  /** The smaller line under it: the leader, or the trainee's unit. */
  subtitle: string | null;
}

// A4 landscape in points.
const pageWidth = 841.89;
const pageHeight = 595.28;
const half = pageHeight / 2;
const sideMargin = 60;

/** The largest size, up to `max`, at which `text` fits the card's width. */
function sizeToFit(text: string, max: number, style: 'normal' | 'bold'): number {
  const width = textWidth(text, 1, fonts.sans, style);
  return width === 0 ? max : Math.min(max, Math.floor((pageWidth - 2 * sideMargin) / width));
}

/** One half of a card, drawn in the box (0, top)–(width, top + half), reading the right way up. */
function drawHalf(doc: PDFKit.PDFDocument, card: TableCard, top: number): void {
  const titleSize = sizeToFit(card.title, card.subtitle ? 130 : 150, 'bold');
  const subtitleSize = card.subtitle ? sizeToFit(card.subtitle, 34, 'normal') : 0;
  const gap = card.subtitle ? 18 : 0;
  // pdfkit places a line by its top; a CJK line is about 1.45 of its size tall in Noto.
  const block = titleSize * 1.45 + gap + subtitleSize * 1.45;
  const y = top + (half - block) / 2;
  const line = { width: pageWidth - 2 * sideMargin, align: 'center', lineBreak: false } as const;
  doc.font('bold').fontSize(titleSize).fillColor('#000000').text(card.title, sideMargin, y, line);
  if (card.subtitle)
    doc
      .font('normal')
      .fontSize(subtitleSize)
      .fillColor('#333333')
      .text(card.subtitle, sideMargin, y + titleSize * 1.45 + gap, line);
}

/**
 * 桌牌 or name cards: one A4 landscape page per card, to fold along the dashed line; the upper half is turned
 * 180° so the card reads from both sides of the table. Drawn with pdfkit (pdfmake cannot turn text), the CJK
 * fonts embedded as subsets like every other document.
 */
export function tableCardsPdf(
  input: { event: TrainingEvent; cards: readonly TableCard[] },
  locale: Locale,
): Promise<Uint8Array> {
  const t = translator(locale);
  const title = `${classTitle(input.event, locale)} ${t('groupsDocs.cardsTitle')}`;
  const doc = new PdfKitDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Creator: 'Podium', Producer: 'Podium' },
  });
  doc.registerFont('normal', fontTicket(fonts.sans, 'normal'));
  doc.registerFont('bold', fontTicket(fonts.sans, 'bold'));
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cards = input.cards.length > 0 ? input.cards : [{ title: t('groupsDocs.noGroups'), subtitle: null }];
  for (const card of cards) {
    doc.addPage();
    doc.save();
    doc.rotate(180, { origin: [pageWidth / 2, half / 2] });
    drawHalf(doc, card, 0);
    doc.restore();
    doc
      .moveTo(20, half)
      .lineTo(pageWidth - 20, half)
      .dash(6, { space: 4 })
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke()
      .undash();
    drawHalf(doc, card, half);
  }
  doc.end();
  return done;
}
