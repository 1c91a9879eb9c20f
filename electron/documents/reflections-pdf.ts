// The booklet of a class's reflections (学习心得汇编): a cover, then one reflection per page with its title, the
// trainee's name, unit and group, and the text; a long text flows on, the name repeated in the page's header.
import type { Reflection } from '../../shared/api/reflections';
import { formatDate, formatDateRange } from '../../shared/domain/dates';
import { wallClock } from '../../shared/domain/sessionTime';
import type { Locale } from '../../shared/domain/vocabulary';
import { fonts, renderPdf, type Content, type TDocumentDefinitions } from './pdf';
import { a4Document, grey } from './sheets';
import { classHeading, classTitle, translator, type TrainingEvent } from './training-data';

export interface BookletInput {
  event: TrainingEvent;
  assignment: { title: string; prompt: string | null; dueAt: string };
  /** In the order they are printed (by group, then pinyin). */
  reflections: readonly Reflection[];
  excellentOnly: boolean;
  /** Everyone on the roster. */
  expected: number;
}

/** Whose reflection each page carries (page numbers from 1; the cover has none). */
export type PageOwners = ReadonlyMap<number, { index: number; first: boolean }>;

const bodyId = (index: number) => `reflection-${index}`;

/** A trainee's paragraphs as typed, blank lines dropped, a little space between them. */
function paragraphs(body: string): Content[] {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line): Content => ({ text: line, margin: [0, 0, 0, 6] }));
}

const promptLine = (text: string): Content => ({ text, alignment: 'center', color: grey, margin: [40, 0, 40, 16] });
const emptyLine = (text: string): Content => ({ text, alignment: 'center', margin: [0, 40, 0, 0] });

/** The booklet's definition; `owners` (from a first layout) puts the name of the page's trainee in its header. */
export function reflectionsBookletDocument(
  input: BookletInput,
  locale: Locale,
  owners: PageOwners = new Map(),
): TDocumentDefinitions {
  const t = translator(locale);
  const { event, assignment, reflections } = input;
  const title = classTitle(event, locale);
  const heading = t(input.excellentOnly ? 'reflections.pdf.excellentTitle' : 'reflections.pdf.title');
  const due = wallClock(assignment.dueAt);
  const excellent = reflections.filter((r) => r.excellent).length;

  const cover: Content[] = [
    { text: '', margin: [0, 150, 0, 0] },
    ...classHeading(title, heading, locale),
    {
      text: assignment.title,
      font: fonts.serif,
      bold: true,
      fontSize: 16,
      alignment: 'center',
      margin: [0, 24, 0, 8],
    },
    ...(assignment.prompt ? [promptLine(assignment.prompt)] : []),
    {
      stack: [
        t('reflections.pdf.count', { count: reflections.length, expected: input.expected }),
        ...(input.excellentOnly ? [] : [t('reflections.pdf.excellentCount', { count: excellent })]),
        t('reflections.pdf.due', { date: `${formatDate(due.date, locale)} ${due.time}`.trim() }),
        ...(event.organizer ? [event.organizer] : []),
        formatDateRange(event.startsOn, event.endsOn, locale),
      ],
      alignment: 'center',
      fontSize: 11,
      lineHeight: 1.6,
      margin: [0, 60, 0, 0],
    },
    ...(reflections.length === 0 ? [emptyLine(t('reflections.pdf.empty'))] : []),
  ];

  const pages = reflections.map((r, index): Content => ({
    pageBreak: 'before',
    stack: [
      ...(r.excellent
        ? [{ text: t('reflections.pdf.excellentMark'), color: '#b8860b', bold: true, alignment: 'right' as const }]
        : []),
      { text: r.title, font: fonts.serif, bold: true, fontSize: 16, alignment: 'center', margin: [0, 4, 0, 6] },
      {
        text: [r.name, r.organization, r.group].filter((x): x is string => Boolean(x)).join('　'),
        alignment: 'center',
        color: grey,
        fontSize: 10.5,
        margin: [0, 0, 0, 14],
      },
      { id: bodyId(index), stack: paragraphs(r.body), fontSize: 11.5, lineHeight: 1.55 },
    ],
  }));

  const doc = a4Document(t, 'portrait', `${title} ${heading} ${assignment.title}`, [...cover, ...pages]);
  return {
    ...doc,
    pageMargins: [50, 56, 50, 44],
    header: (page: number): Content => {
      const owner = owners.get(page);
      const r = owner && reflections[owner.index];
      if (!r) return { text: '' };
      const who = owner.first ? r.name : t('reflections.pdf.continued', { name: r.name });
      return {
        columns: [
          { text: title, width: '*' },
          { text: [who, r.group].filter(Boolean).join(' · '), width: 'auto' },
        ],
        fontSize: 8.5,
        color: grey,
        margin: [50, 24, 50, 0],
      };
    },
  };
}

/** Lays the booklet out once to learn which pages each text runs over, then renders it with those headers. */
export async function reflectionsBooklet(input: BookletInput, locale: Locale): Promise<Uint8Array> {
  const owners = new Map<number, { index: number; first: boolean }>();
  const first = reflectionsBookletDocument(input, locale);
  if (input.reflections.length === 0) return renderPdf(first);
  await renderPdf({
    ...first,
    pageBreakBefore: (node) => {
      const index = node.id?.startsWith('reflection-') ? Number(node.id.slice('reflection-'.length)) : NaN;
      if (Number.isInteger(index))
        [...node.pageNumbers].sort((a, b) => a - b).forEach((page, i) => owners.set(page, { index, first: i === 0 }));
      return false;
    },
  });
  return renderPdf(reflectionsBookletDocument(input, locale, owners));
}
