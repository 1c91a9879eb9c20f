// The PDF core every document builder shares: the CJK fonts, parsed once per
// process, and one call that turns a pdfmake document definition into bytes.
// Builders import the document types from here (not from 'pdfmake/interfaces':
// @types/pdfmake would pull the DOM library into the Node side's type check).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { Font, FontCollection } from 'fontkit';
import { AppError } from '../errors';
import type { TDocumentDefinitions } from './pdfmake-types';

export type * from './pdfmake-types';

export const pdfType = 'application/pdf';

/** Font family names registered for documents. */
export const fonts = { serif: 'NotoSerifSC', sans: 'NotoSansSC' } as const;
export type FontFamily = (typeof fonts)[keyof typeof fonts];
export type FontStyle = 'normal' | 'bold';

// The registry packages' TTFs, by module specifier (resolved, never a hard-coded node_modules path).
const fontFiles: Record<FontFamily, Record<FontStyle, string>> = {
  NotoSerifSC: {
    normal: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
  NotoSansSC: {
    normal: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
};
const families = Object.values(fonts);
const styles: FontStyle[] = ['normal', 'bold'];

const requireHere = createRequire(import.meta.url);

type FontDictionary = Record<string, { normal: string; bold: string }>;
/** What Podium uses of pdfmake 0.3's server-side module (a singleton). */
interface Pdfmake {
  setFonts(fonts: FontDictionary): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}
// pdfmake's server module is untyped CommonJS; Pdfmake above describes the part Podium uses.
const pdfmake = requireHere('pdfmake') as Pdfmake;

/** The bytes of a font file named by module specifier; a clear error when the package lost it. */
export function readFontFile(specifier: string): Buffer {
  try {
    return readFileSync(requireHere.resolve(specifier));
  } catch {
    throw new AppError('internal', 'error.pdf.fontMissing', { file: specifier });
  }
}

// What fontkit expects of a font format (its registerFormat is untyped in @types/fontkit).
interface FontFormat {
  probe(buffer: Uint8Array): boolean;
  new (stream: { buffer: Uint8Array }): object;
}
interface Fontkit {
  create(buffer: Buffer, postscriptName?: string): Font | FontCollection;
  registerFormat(format: FontFormat): void;
}

// The fontkit instance pdfkit itself uses (resolved through pdfmake → pdfkit, so it is the same module).
const pdfkitEntry = createRequire(requireHere.resolve('pdfmake')).resolve('pdfkit');
const fontkit = createRequire(pdfkitEntry)('fontkit') as Fontkit;

/**
 * pdfkit itself, for what pdfmake cannot draw (turned text): the copy pdfmake uses, loaded at run time like pdfmake,
 * so the bundle does not carry a second copy that looks for its built-in fonts beside the bundle's chunks.
 */
export const PdfKitDocument = requireHere(pdfkitEntry) as typeof PDFKitDocument;

const parsed = new Map<string, Font>();
const keyOf = (family: FontFamily, style: FontStyle) => `${family}-${style}`;

/** The parsed font, read and parsed on first use and kept for the life of the process. */
export function fontOf(family: FontFamily, style: FontStyle = 'normal'): Font {
  const key = keyOf(family, style);
  let font = parsed.get(key);
  if (!font) {
    const file = fontFiles[family][style];
    const made = fontkit.create(readFontFile(file));
    if (!('layout' in made)) throw new AppError('internal', 'error.pdf.fontMissing', { file });
    font = made;
    parsed.set(key, font);
  }
  return font;
}

// Shaping a CJK line is the costly part of measuring, and a batch measures the same lines (title,
// wording, organiser, date) on every page: widths of 1 pt text are kept, up to a bound.
const widthCache = new Map<string, number>();
const widthCacheLimit = 50_000;

/** Width in points of `text` set in `size` pt, from the font's real advance widths (what pdfkit will draw). */
export function textWidth(text: string, size: number, family: FontFamily, style: FontStyle = 'normal'): number {
  const key = `${family}-${style}\u0000${text}`;
  let em = widthCache.get(key);
  if (em === undefined) {
    const font = fontOf(family, style);
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widthCache.size >= widthCacheLimit) widthCache.clear();
    widthCache.set(key, em);
  }
  return em * size;
}

// pdfkit hands every document's font bytes to fontkit.create, which parses them afresh
// (~60 ms and tens of MB for a CJK face). We give pdfmake a tiny ticket instead of the
// bytes and teach fontkit to answer a ticket with the font parsed once above.
const ticketMagic = 'PODIUM-FONT:';
const ticketPath = (key: string) => `podium-fonts/${key}.ticket`;

function ticketKey(buffer: Uint8Array): string | null {
  if (buffer.length > 64) return null;
  const text = Buffer.from(buffer).toString('latin1');
  return text.startsWith(ticketMagic) ? text.slice(ticketMagic.length) : null;
}

class ParsedFontTicket {
  static probe(buffer: Uint8Array): boolean {
    return ticketKey(buffer) !== null;
  }
  constructor(stream: { buffer: Uint8Array }) {
    const key = ticketKey(stream.buffer);
    const font = key === null ? undefined : parsed.get(key);
    if (!font) throw new Error(`font ticket ${key ?? '?'} was not loaded`);
    // A constructor may answer another object: fontkit gets the shared parsed font.
    return font;
  }
}
fontkit.registerFormat(ParsedFontTicket);

/** What pdfkit is given for a font when a document is drawn with pdfkit itself: a ticket for the parsed font. */
export function fontTicket(family: FontFamily, style: FontStyle = 'normal'): Buffer {
  fontOf(family, style);
  return Buffer.from(ticketMagic + keyOf(family, style), 'latin1');
}

for (const family of families) {
  for (const style of styles)
    pdfmake.virtualfs.writeFileSync(
      ticketPath(keyOf(family, style)),
      Buffer.from(ticketMagic + keyOf(family, style), 'latin1'),
    );
}
// Everything a document needs is in memory: no downloads, no reads of local paths.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

/**
 * A fresh font dictionary for each document: pdfmake 0.3 writes into the descriptors it is
 * given (a collection font's `[file, name]` array gets its file replaced by the bytes on first
 * use, and the next document then fails), so no descriptor is ever shared between documents.
 */
function fontDictionary(): FontDictionary {
  const dictionary: FontDictionary = {};
  for (const family of families) {
    dictionary[family] = { normal: ticketPath(keyOf(family, 'normal')), bold: ticketPath(keyOf(family, 'bold')) };
  }
  return dictionary;
}

/**
 * Renders a document to PDF bytes with the CJK fonts embedded as subsets. The fonts are
 * loaded before layout starts, so a missing font is a clear error and nothing is written.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Uint8Array> {
  for (const family of families) for (const style of styles) fontOf(family, style);
  pdfmake.setFonts(fontDictionary());
  const definition: TDocumentDefinitions = {
    ...doc,
    defaultStyle: { font: fonts.sans, ...doc.defaultStyle },
    info: { creator: 'Podium', producer: 'Podium', ...doc.info },
  };
  return pdfmake.createPdf(definition).getBuffer();
}
