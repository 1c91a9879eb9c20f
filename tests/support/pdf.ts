import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export interface PdfReadBack {
  text: string;
  /** Text of each page, in order. */
  pages: string[];
  pageCount: number;
  fonts: FontRow[];
  /** Page size in points, from pdfinfo ("842 x 595 pts" → [842, 595]). */
  pageSize: [number, number];
}

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function withFile<T>(bytes: Uint8Array, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'podium-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where pdftotext finds each word on a page, in points from the top-left corner. */
export function wordBoxes(bytes: Uint8Array, page = 1): WordBox[] {
  const html = withFile(bytes, (file) =>
    execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }),
  );
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({
    text: (m[5] ?? '').replace(/&amp;/g, '&'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

/** How many pictures the PDF draws (pdfimages -list; a picture's alpha mask is not counted again). */
export function imageCount(bytes: Uint8Array): number {
  const list = withFile(bytes, (file) => execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }));
  return list
    .split('\n')
    .slice(2)
    .filter((line) => line.trim().split(/\s+/)[2] === 'image').length;
}

/** Page 1 as a real picture file (poppler's pdftocairo): PNG with a transparent background, or JPEG. */
export function pageImage(bytes: Uint8Array, format: 'png' | 'jpeg', dpi = 100): Uint8Array {
  return withFile(bytes, (file, dir) => {
    const out = join(dir, 'page');
    execFileSync('pdftocairo', [
      `-${format}`,
      ...(format === 'png' ? ['-transp'] : []),
      '-r',
      String(dpi),
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      file,
      out,
    ]);
    return new Uint8Array(readFileSync(`${out}.${format === 'png' ? 'png' : 'jpg'}`));
  });
}

/** Reads PDF bytes back the way a person's tools would: poppler's pdftotext, pdffonts and pdfinfo. */
export function readPdf(bytes: Uint8Array): PdfReadBack {
  return withFile(bytes, (file) => {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    // pdffonts: name type encoding emb sub uni object-id; the name never has spaces, the type may.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        if (!m) throw new Error(`pdffonts line not understood: ${line}`);
        return { name: m[1] ?? '', type: m[2] ?? '', embedded: m[4] === 'yes', subset: m[5] === 'yes' };
      });
    return {
      text,
      pages: text.split('\f').slice(0, pageCount),
      pageCount,
      fonts,
      pageSize: [Number(size?.[1] ?? NaN), Number(size?.[2] ?? NaN)],
    };
  });
}

/** Squeezes out the spaces pdftotext puts between spaced-out CJK glyphs. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
