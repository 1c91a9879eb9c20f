// Certificates as pdfmake documents: pure builders from a template and plain data. Every line is
// placed by Podium itself (x/y in mm), sized with the font's real advance widths, so what the
// console previews, what is measured and what prints are the same thing.
import {
  classicFrame,
  fillPlaceholders,
  mmToPt,
  pageMm,
  ptToMm,
  type CertificateField,
  type CertificateTemplate,
  type PageSetup,
  type PlaceholderValues,
} from '../../shared/domain/certificates';
import type { CertificatePreview, LaidOutField, PrinterOffset } from '../../shared/api/certificates';
import {
  fontOf,
  fonts,
  textWidth,
  type CanvasElement,
  type Content,
  type FontFamily,
  type TDocumentDefinitions,
} from './pdf';

// Line-breaking rules of Chinese typesetting (避头尾): these never start a line…
const noStart = new Set([...'，。、；：？！）》」』】〉〕”’…—·%,.;:?!)]}>']);
// …and these never end one.
const noEnd = new Set([...'（《「『【〈〔“‘([{<']);
// Latin words and numbers (JP2024-001, 90后's "90") are not broken.
const unitPattern = /[A-Za-z0-9][A-Za-z0-9.\-_/:%@+#&]*|\s|./gsu;

interface Face {
  family: FontFamily;
  style: 'normal' | 'bold';
}

const faces = {
  serif: { normal: { family: fonts.serif, style: 'normal' }, bold: { family: fonts.serif, style: 'bold' } },
  sans: { normal: { family: fonts.sans, style: 'normal' }, bold: { family: fonts.sans, style: 'bold' } },
} satisfies Record<CertificateField['font'], Record<Face['style'], Face>>;

function faceOf(field: CertificateField): Face {
  return faces[field.font][field.bold ? 'bold' : 'normal'];
}

/** Height of one line in pt (the font's ascent to descent, as pdfkit sets it). */
function lineBox(size: number, face: Face): number {
  const font = fontOf(face.family, face.style);
  return ((font.ascent - font.descent) / font.unitsPerEm) * size;
}

/** From a line's top to its baseline, in pt. */
function ascentOf(size: number, face: Face): number {
  const font = fontOf(face.family, face.style);
  return (font.ascent / font.unitsPerEm) * size;
}

const isSpace = (unit: string) => /^\s$/u.test(unit);
/** Characters (code points, not UTF-16 units: 𠮷 is one). */
function chars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** Visible width in pt: the glyphs, plus the spacing between characters (not after the last). */
function visibleWidth(text: string, size: number, spacing: number, face: Face): number {
  const n = chars(text);
  return n === 0 ? 0 : textWidth(text, size, face.family, face.style) + spacing * (n - 1);
}

interface Line {
  text: string;
  /** Leading spaces kept as an indent (pdfmake would trim them). */
  indent: number;
  width: number;
  /** The last line of its paragraph (not stretched when justified). */
  last: boolean;
}

/** Breaks one paragraph into lines no wider than `max` pt, by the rules above. */
function wrapParagraph(paragraph: string, max: number, size: number, spacing: number, face: Face): Line[] {
  const units = paragraph.match(unitPattern) ?? [];
  const advance = (unit: string) => textWidth(unit, size, face.family, face.style) + spacing * chars(unit);
  const widthOf = (list: string[]) => list.reduce((sum, u) => sum + advance(u), 0);
  const lines: string[][] = [];
  let current: string[] = [];
  let width = 0; // of `current`, with the spacing after its last character
  for (const unit of units) {
    if (current.length > 0 && !isSpace(unit) && width + advance(unit) - spacing > max) {
      const carried: string[] = [];
      // A closing mark takes the character before it along; an opening mark goes down with the next.
      if (noStart.has(unit[0] ?? '') && current.length > 1) carried.unshift(current.pop() ?? '');
      while (current.length > 1 && noEnd.has(current[current.length - 1] ?? '')) carried.unshift(current.pop() ?? '');
      lines.push(current);
      current = carried;
      width = widthOf(current);
    }
    if (current.length === 0 && isSpace(unit) && lines.length > 0) continue; // no space at the start of a wrapped line
    current.push(unit);
    width += advance(unit);
  }
  lines.push(current);
  return lines.map((list, i) => {
    const raw = list.join('');
    const text = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const indent = lead > 0 ? visibleWidth(raw.slice(0, lead), size, spacing, face) + spacing : 0;
    return { text, indent, width: visibleWidth(text, size, spacing, face), last: i === lines.length - 1 };
  });
}

function wrap(text: string, max: number, size: number, spacing: number, face: Face): Line[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, max, size, spacing, face));
}

const smallestSize = 1;

/**
 * A field laid out in its box: the text wrapped at the box's width and shrunk (from the template's
 * size down) until every line fits the width and all lines fit the height. Positions in mm.
 */
export function layoutField(field: CertificateField, values: PlaceholderValues): LaidOutField {
  return layoutText(field, fillPlaceholders(field.text, values));
}

function layoutText(field: CertificateField, text: string): LaidOutField {
  const face = faceOf(field);
  const boxWidth = mmToPt(field.width);
  const boxHeight = mmToPt(field.height);
  // Letter spacing shrinks with the text, so a line's width is proportional to its size.
  const spacingAt = (size: number) => (field.letterSpacing * size) / field.fontSize;

  // A box one line high (at the asked size) keeps its text on one line: a long name shrinks, it does not wrap.
  const oneLine = boxHeight < lineBox(field.fontSize, face) + field.fontSize * field.lineHeight;
  const wrapAt = oneLine ? Infinity : boxWidth;

  let size = field.fontSize;
  let lines: Line[] = [];
  let fits = false;
  for (;;) {
    lines = text.trim() === '' ? [] : wrap(text, wrapAt, size, spacingAt(size), face);
    const widest = Math.max(0, ...lines.map((l) => l.indent + l.width));
    const height = lines.length === 0 ? 0 : (lines.length - 1) * size * field.lineHeight + lineBox(size, face);
    fits = widest <= boxWidth && height <= boxHeight;
    if (fits || size <= smallestSize) break;
    // A single line shrinks straight to the size that fits; wrapped text steps down.
    const single = lines.length === 1 ? Math.min(boxWidth / widest, boxHeight / height) : 1;
    size = Math.max(smallestSize, Math.floor(Math.min(size * 0.97, size * single) * 100) / 100);
  }
  const spacing = spacingAt(size);

  const box = lineBox(size, face);
  const pitch = size * field.lineHeight;
  const blockHeight = lines.length === 0 ? 0 : (lines.length - 1) * pitch + box;
  const free = boxHeight - blockHeight;
  const top = mmToPt(field.y) + (field.valign === 'top' ? 0 : field.valign === 'middle' ? free / 2 : free);
  const left = mmToPt(field.x);

  return {
    key: field.key,
    label: field.label,
    fontSize: size,
    requestedSize: field.fontSize,
    shrunk: size < field.fontSize,
    overflow: !fits,
    lineBox: ptToMm(box),
    ascent: ptToMm(ascentOf(size, face)),
    lines: lines.map((line, i) => {
      const room = boxWidth - line.indent - line.width;
      const stretch =
        field.align === 'justify' && !line.last && chars(line.text) > 1 ? room / (chars(line.text) - 1) : 0;
      const shift = field.align === 'center' ? room / 2 : field.align === 'right' ? room : 0;
      return {
        text: line.text,
        x: ptToMm(left + line.indent + shift),
        y: ptToMm(top + i * pitch),
        width: ptToMm(line.width + stretch * (chars(line.text) - 1)),
        characterSpacing: spacing + stretch,
      };
    }),
  };
}

/** Every field of the template for one person, laid out on the page. */
export function layoutCertificate(
  template: CertificateTemplate,
  values: PlaceholderValues,
): Pick<CertificatePreview, 'page' | 'fields'> {
  return { page: pageMm(template.page), fields: template.fields.map((field) => layoutField(field, values)) };
}

/** The printed border for plain paper, moved by the printer offset. */
function frame(page: { width: number; height: number }, offset: PrinterOffset): CanvasElement[] {
  return classicFrame.rules.map(({ inset, lineWidth }) => ({
    type: 'rect',
    x: mmToPt(inset + offset.x),
    y: mmToPt(inset + offset.y),
    w: mmToPt(page.width - 2 * inset),
    h: mmToPt(page.height - 2 * inset),
    lineWidth,
    lineColor: classicFrame.color,
  }));
}

function fieldContent(field: CertificateField, laidOut: LaidOutField, offset: PrinterOffset): Content[] {
  const face = faceOf(field);
  return laidOut.lines
    .filter((line) => line.text !== '')
    .map((line) => ({
      text: line.text,
      font: face.family,
      bold: face.style === 'bold',
      fontSize: laidOut.fontSize,
      color: field.color,
      characterSpacing: line.characterSpacing,
      noWrap: true,
      absolutePosition: { x: mmToPt(line.x + offset.x), y: mmToPt(line.y + offset.y) },
    }));
}

export interface CertificatesInput {
  template: CertificateTemplate;
  offset: PrinterOffset;
  /** One certificate per entry, in print order. */
  people: PlaceholderValues[];
  /** The seal as a data URL, printed on every page when given. */
  seal: string | null;
  /** The PDF's title (document properties). */
  title: string;
}

function pageSize(page: PageSetup): { width: number; height: number } {
  const mm = pageMm(page);
  return { width: mmToPt(mm.width), height: mmToPt(mm.height) };
}

/** One page per person, the background never printed (it is only the paper the text lands on). */
export function certificatesDocument(input: CertificatesInput): TDocumentDefinitions {
  const { template, offset } = input;
  const page = pageMm(template.page);
  // Most fields read the same on every page (title, wording, organiser, date): each is laid out once.
  const laidOut = new Map<string, LaidOutField>();
  const layoutOnce = (field: CertificateField, index: number, values: PlaceholderValues) => {
    const text = fillPlaceholders(field.text, values);
    const key = `${index}\u0000${text}`;
    let result = laidOut.get(key);
    if (!result) laidOut.set(key, (result = layoutText(field, text)));
    return result;
  };
  const content: Content[] = input.people.map((values, index) => {
    const items: Content[] = [];
    if (template.frame === 'classic') items.push({ canvas: frame(page, offset), absolutePosition: { x: 0, y: 0 } });
    if (input.seal) {
      items.push({
        image: 'seal',
        width: mmToPt(template.seal.width),
        absolutePosition: { x: mmToPt(template.seal.x + offset.x), y: mmToPt(template.seal.y + offset.y) },
      });
    }
    for (const [i, field] of template.fields.entries())
      items.push(...fieldContent(field, layoutOnce(field, i, values), offset));
    return { stack: items, ...(index > 0 ? { pageBreak: 'before' as const } : {}) };
  });
  return {
    pageSize: pageSize(template.page),
    pageMargins: 0,
    content,
    ...(input.seal ? { images: { seal: input.seal } } : {}),
    info: { title: input.title },
  };
}

export interface CalibrationInput {
  page: PageSetup;
  offset: PrinterOffset;
  title: string;
  /** Sentences printed in the middle of the page: how to measure and what to enter. */
  instructions: string[];
  /** The label of a crosshair: "{x}, {y} mm" filled in. */
  label: (x: number, y: number) => string;
}

/**
 * A page to print on the pre-printed paper: mm rulers along the top and left edges and crosshairs
 * at known places; where they land on the paper tells the printer's offset.
 */
export function calibrationDocument(input: CalibrationInput): TDocumentDefinitions {
  const page = pageMm(input.page);
  const { x: dx, y: dy } = input.offset;
  const pt = (mm: number) => mmToPt(mm);
  const lines: CanvasElement[] = [];
  const rule = (x1: number, y1: number, x2: number, y2: number, width = 0.4): void => {
    lines.push({
      type: 'line',
      x1: pt(x1 + dx),
      y1: pt(y1 + dy),
      x2: pt(x2 + dx),
      y2: pt(y2 + dy),
      lineWidth: width,
      lineColor: '#000000',
    });
  };
  const texts: Content[] = [];
  const label = (text: string, x: number, y: number, size = 6) =>
    texts.push({
      text,
      fontSize: size,
      font: fonts.sans,
      noWrap: true,
      absolutePosition: { x: pt(x + dx), y: pt(y + dy) },
    });

  for (let mm = 0; mm <= page.width; mm++) {
    const length = mm % 10 === 0 ? 6 : mm % 5 === 0 ? 4 : 2;
    rule(mm, 0, mm, length, mm % 10 === 0 ? 0.5 : 0.25);
    if (mm % 10 === 0 && mm > 0 && mm < page.width) label(String(mm), mm + 0.6, 4.2);
  }
  for (let mm = 0; mm <= page.height; mm++) {
    const length = mm % 10 === 0 ? 6 : mm % 5 === 0 ? 4 : 2;
    rule(0, mm, length, mm, mm % 10 === 0 ? 0.5 : 0.25);
    if (mm % 10 === 0 && mm > 0 && mm < page.height) label(String(mm), 6.6, mm - 1.4);
  }
  const crosses: Array<[number, number]> = [
    [30, 30],
    [page.width - 30, 30],
    [Math.round(page.width / 2), Math.round(page.height / 2)],
    [30, page.height - 30],
    [page.width - 30, page.height - 30],
  ];
  for (const [x, y] of crosses) {
    rule(x - 8, y, x + 8, y, 0.3);
    rule(x, y - 8, x, y + 8, 0.3);
    lines.push({ type: 'ellipse', x: pt(x + dx), y: pt(y + dy), r1: pt(3), lineWidth: 0.3, lineColor: '#000000' });
    label(input.label(x, y), x + 1.5, y + 1.5, 8);
  }
  const center = crosses[2] ?? [0, 0];
  return {
    pageSize: pageSize(input.page),
    pageMargins: 0,
    info: { title: input.title },
    content: [
      { canvas: lines, absolutePosition: { x: 0, y: 0 } },
      ...texts,
      {
        stack: [
          { text: input.title, fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
          ...input.instructions.map((text) => ({
            text,
            fontSize: 10,
            margin: [0, 0, 0, 3] as [number, number, number, number],
          })),
        ],
        font: fonts.sans,
        absolutePosition: { x: pt(40 + dx), y: pt(Math.max(center[1] + 14, 45) + dy) },
        width: pt(page.width - 80),
      },
    ],
  };
}
