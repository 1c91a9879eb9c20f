// The pixel size of a PNG or JPEG from its header alone, so a picture is measured before anything decodes it.

/** An A4 page scanned at 300 dpi is 2480×3508 (8.7 megapixels); a 600 dpi scan (35 MP) still fits. */
export const imageLimits = { side: 10_000, pixels: 40_000_000 } as const;

export interface ImageSize {
  width: number;
  height: number;
}

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ihdr = [0x49, 0x48, 0x44, 0x52];

function readUInt16BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function readUInt32BE(bytes: Uint8Array, at: number): number {
  return readUInt16BE(bytes, at) * 0x10000 + readUInt16BE(bytes, at + 2);
}

const iend = 0x49454e44;

/**
 * Whether every chunk lies inside the file, up to IEND. A chunk length with its top bit set made png-js (in pdfkit)
 * walk ~2^31 positions and hold the host for 30–50 s (found by tests/integration/fuzz.test.ts).
 */
function pngChunksFit(bytes: Uint8Array): boolean {
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readUInt32BE(bytes, at);
    if (length >= 0x80000000 || at + 12 + length > bytes.length) return false;
    if (readUInt32BE(bytes, at + 4) === iend) return true;
    at += 12 + length;
  }
  return false;
}

/** PNG: the first chunk is IHDR, 13 bytes, width and height first; the chunks after it must fit the file. */
function pngSize(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 33 || !pngSignature.every((b, i) => bytes[i] === b)) return null;
  if (readUInt32BE(bytes, 8) !== 13 || !ihdr.every((b, i) => bytes[12 + i] === b)) return null;
  if (!pngChunksFit(bytes)) return null;
  return { width: readUInt32BE(bytes, 16), height: readUInt32BE(bytes, 20) };
}

/** JPEG frame headers (SOF0–SOF15 but DHT C4, JPG C8 and DAC CC, which share the range). */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walks the segments up to the frame header, which holds the height then the width. */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 1 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes, and markers that stand alone without a length (TEM, RST0–7).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // The picture's data or its end before any frame header: not a picture anything could draw.
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = readUInt16BE(bytes, at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return null;
    if (isFrameHeader(marker)) {
      if (length < 7) return null;
      return { height: readUInt16BE(bytes, at + 5), width: readUInt16BE(bytes, at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** Width and height in pixels from the header; null for anything else, a truncated header or a zero side. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const size = pngSize(bytes) ?? jpegSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/** Whether a picture of this size is within what a certificate needs (and what the host is willing to decode). */
export function withinImageLimits({ width, height }: ImageSize): boolean {
  return width <= imageLimits.side && height <= imageLimits.side && width * height <= imageLimits.pixels;
}
