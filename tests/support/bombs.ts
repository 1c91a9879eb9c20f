import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { rosterXlsx } from './roster';
import { zipEntries, zipOfParts, type ZipPart } from './zip';

// Hostile files, built small: a workbook that unpacks to far more than it weighs, and a picture whose header claims
// more pixels than a certificate needs. Real formats, so today's readers really try to read them.

/**
 * Raw deflate data that unpacks to the pieces in order, each `times` over, built without ever holding it unpacked:
 * each piece is compressed on its own and ends on a full flush, so copies of a piece's stream can follow each other.
 */
function repeatedDeflate(pieces: Array<{ text: string; times: number }>): Omit<ZipPart, 'name'> {
  const streams: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const { text, times } of pieces) {
    const bytes = Buffer.from(text, 'utf8');
    const stream = deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
    for (let i = 0; i < times; i++) {
      crc = crc32(bytes, crc);
      streams.push(stream);
    }
    size += bytes.length * times;
  }
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { stored: Buffer.concat([...streams, finalEmptyBlock]), deflated: true, size, crc };
}

const sheetHead =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>';
const sheetTail = '</sheetData></worksheet>';
const row = '<row><c t="inlineStr"><is><t>张伟</t></is></c></row>';

export interface SheetBomb {
  /** Rows after the header row. */
  rows: number;
  /** Write this unpacked size in the zip's headers instead of the true one. */
  declaredSize?: number;
}

const rowsPerChunk = 10_000;

/** The sheet of xlsxBomb: a header row, then `rows` rows of 张伟. */
function bombSheet(rows: number): Array<{ text: string; times: number }> {
  return [
    { text: sheetHead, times: 1 },
    { text: row.repeat(rowsPerChunk), times: Math.floor(rows / rowsPerChunk) },
    { text: row.repeat(rows % rowsPerChunk), times: 1 },
    { text: sheetTail, times: 1 },
  ];
}

/**
 * A real .xlsx (Excel's own parts, from a one-row roster) whose sheet holds `rows` rows of 张伟 after its header:
 * a million rows weigh about 170 KB and unpack to 54 MB.
 */
export function xlsxBomb({ rows, declaredSize }: SheetBomb): Uint8Array {
  const sheet = repeatedDeflate(bombSheet(rows));
  const parts: ZipPart[] = [];
  for (const [name, content] of zipEntries(rosterXlsx([['姓名'], ['张伟']]))) {
    if (name === 'xl/worksheets/sheet1.xml') {
      parts.push({ name, ...sheet, size: declaredSize ?? sheet.size });
    } else {
      const stored = deflateRawSync(content);
      parts.push({ name, stored, deflated: true, size: content.byteLength, crc: crc32(content) });
    }
  }
  return zipOfParts(parts);
}

/** How many bytes the sheet of xlsxBomb({rows}) unpacks to. */
export function bombSheetSize(rows: number): number {
  return bombSheet(rows).reduce((sum, { text, times }) => sum + Buffer.byteLength(text) * times, 0);
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A real, valid PNG of width × height black pixels (1 bit grey), small on disk however large it is. */
export function blankPng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  // Each scanline: filter byte 0 and width bits of zeros.
  const pixels = deflateSync(Buffer.alloc(height * (1 + Math.ceil(width / 8))), { level: 9 });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', pixels), pngChunk('IEND', new Uint8Array(0))]),
  );
}
