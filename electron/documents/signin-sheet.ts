// The paper sign-in sheet of one session (签到表): the fallback when phones or the desk fail. Everyone
// expected, by group then by pinyin, with a wide column to sign in. Pure: plain data in, a document out.
import type { Session } from '../../shared/api/training';
import { dayLine, timeRange } from '../../shared/api/training-documents';
import { wallClock } from '../../shared/domain/sessionTime';
import type { Locale } from '../../shared/domain/vocabulary';
import type { Content, TableCell, TDocumentDefinitions } from './pdf';
import { placeOf } from './schedule';
import { a4Document, fit } from './sheets';
import { byGroupThenName, classHeading, classTitle, translator, type TrainingEvent } from './training-data';

export interface SigninTrainee {
  name: string;
  organization: string | null;
  group: string | null;
}

export interface SigninSheetInput {
  event: TrainingEvent;
  session: Session;
  /** Everyone expected at the session, in any order. */
  trainees: readonly SigninTrainee[];
}

const size = 10;
// Tall enough to sign a name by hand.
const rowHeight = 30;

export function signinSheetDocument(input: SigninSheetInput, locale: Locale): TDocumentDefinitions {
  const t = translator(locale);
  const { event, session } = input;
  const trainees = byGroupThenName(input.trainees);
  const title = classTitle(event, locale);
  const time = `${dayLine(wallClock(session.startsAt).date, t, locale)} ${timeRange(session, t)}`;
  const place = placeOf(session);

  const bold = { bold: true, alignment: 'center' } as const;
  const header: TableCell[] = [
    { text: t('documents.col.number'), ...bold },
    { text: t('documents.col.name'), ...bold },
    { text: t('documents.col.organization'), ...bold },
    { text: t('trainingDocs.col.group'), ...bold },
    { text: t('trainingDocs.col.signature'), ...bold },
  ];
  // Each column as wide as its bold header or its widest cell (set a size smaller), within bounds.
  const column = (header: string, cells: string[], cellSize: number, options: { min?: number; max?: number } = {}) =>
    Math.max(fit([header], size, { bold: true }), fit(cells, cellSize, { bold: cellSize > size, ...options }));
  const widths = [
    column(t('documents.col.number'), [String(trainees.length)], size),
    column(
      t('documents.col.name'),
      trainees.map((p) => p.name),
      size + 1,
      { min: 48 },
    ),
    column(
      t('documents.col.organization'),
      trainees.map((p) => p.organization ?? ''),
      size - 1,
      { max: 150 },
    ),
    column(
      t('trainingDocs.col.group'),
      trainees.map((p) => p.group ?? ''),
      size - 1,
      { max: 70 },
    ),
    '*' as const,
  ];
  // Text sits in the middle of the tall rows.
  const middle = { margin: [0, 7, 0, 0] as [number, number, number, number] };
  const rows = trainees.map((p, index): TableCell[] => [
    { text: String(index + 1), alignment: 'center', ...middle },
    { text: p.name, bold: true, fontSize: size + 1, ...middle },
    { text: p.organization ?? '', fontSize: size - 1, ...middle },
    { text: p.group ?? '', fontSize: size - 1, alignment: 'center', ...middle },
    { text: '' },
  ]);

  const content: Content[] = [
    ...classHeading(title, t('trainingDocs.signin.title'), locale),
    { text: t('trainingDocs.signin.session', { title: session.title }), bold: true, fontSize: 11 },
    {
      columns: [
        {
          stack: [
            t('trainingDocs.signin.time', { time }),
            ...(place ? [t('trainingDocs.signin.venue', { venue: place })] : []),
          ],
          width: '*',
        },
        {
          text: t('trainingDocs.signin.expected', { count: trainees.length }),
          alignment: 'right',
          width: 'auto',
          margin: [0, place ? 12 : 0, 0, 0],
        },
      ],
      fontSize: 10,
      margin: [0, 2, 0, 8],
    },
    trainees.length === 0
      ? { text: t('trainingDocs.signin.empty'), alignment: 'center', margin: [0, 24, 0, 0] }
      : {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths,
            heights: (row: number) => (row === 0 ? 'auto' : rowHeight),
            body: [header, ...rows],
          },
          fontSize: size,
        },
  ];
  return a4Document(t, 'portrait', `${title} ${t('trainingDocs.signin.title')} ${session.title}`, content);
}
