// What a hostile or broken client puts into a request: values of the wrong kind, huge and deep ones, and bytes that
// are almost a workbook or a picture. The generators of the contract fuzz (tests/integration/fuzz.test.ts) draw here.
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { rosterXlsx } from '../roster';

/** JSON cannot carry NaN or Infinity: they arrive as strings, or in raw bodies the JSON parser must refuse. */
export const notANumberTexts = ['NaN', 'Infinity', '-Infinity', '+Infinity', '1e999', '-1e999', '0x10', '1_000', ' 1 '];

/** A digit string a person never types (finding 3: it must be refused fast, by its length). */
export const longDigits = (length: number) => '9'.repeat(length);

/** Nesting `depth` levels deep, as arrays or objects (a parser or validator that recurses must not fall over). */
export function deep(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Keys a careless merge turns into a prototype change. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** A value of any JSON kind, small. */
const smallJson = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  fc.constant([]),
  fc.constant({}),
);

/** A value that is wrong for almost any field: of another kind, out of every range, huge, deep or strange. */
export const malformedValue: fc.Arbitrary<unknown> = fc.oneof(
  smallJson,
  fc.constantFrom(...notANumberTexts),
  fc.constantFrom(-1, -0.5, 0.3333333333333333, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 2 ** 63),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '😀'.repeat(300), '<script>alert(1)</script>', "'; DROP TABLE x;--"),
  fc.constantFrom('../../podium.db', '..\\..\\podium.db', '%2e%2e%2f', 'a'.repeat(5000), '１２３', '1.0e2'),
  fc.integer({ min: 1000, max: 60_000 }).map(longDigits),
  fc.integer({ min: 50, max: 3000 }).chain((depth) => fc.constantFrom(deep(depth, 'array'), deep(depth, 'object'))),
  fc.array(smallJson, { minLength: 0, maxLength: 5 }),
  fc.integer({ min: 2000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.dictionary(fc.constantFrom(...prototypeKeys, 'x', 'extra'), smallJson, { maxKeys: 3 }),
);

/** Raw JSON-like text the parser must refuse or that carries what JSON cannot (NaN, Infinity, a lone brace…). */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{"a":NaN}',
    '{"scores":{"content":Infinity}}',
    '{"points":-Infinity}',
    '{',
    '[1,2',
    '{"a":1,}',
    "{'a':1}",
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    'null null',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"a":1e999999}',
  ),
  fc.integer({ min: 1000, max: 40_000 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n - 1)}`),
  fc.string({ maxLength: 200 }),
);

/** Content types a client may claim for a JSON route: most have no parser (415), some parse as something else. */
export const wrongContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  'application/json; charset=utf-16',
  'image/png',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, sum]);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real PNG of `width`×`height` grey pixels (the header says so; small sizes carry their pixels). */
export function pngBytes(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * Math.min(height, 64), 0x80);
  return new Uint8Array(
    Buffer.concat([
      pngSignature,
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(rows)),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** The first bytes of a JPEG (start of image, a JFIF header) and nothing a decoder can draw. */
const jpegStart = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** The first bytes of an SQLite file (what a `.podium` archive or a backup starts with). */
const sqliteStart = new Uint8Array(Buffer.from('SQLite format 3\u0000', 'latin1'));

/** A roster whose every row lacks the name: each is an error row, so even the whole file imports no one. */
export function namelessRoster(): Uint8Array {
  const rows: Array<Array<string | null>> = [['姓名', '单位', '手机']];
  for (let i = 0; i < 20; i++) rows.push([null, `第${i + 1}居民区`, `1390000${String(1000 + i)}`]);
  return rosterXlsx(rows);
}

function prefix(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.integer({ min: 0, max: Math.max(0, bytes.length - 1) }).map((n) => bytes.slice(0, n));
}

function followedByNoise(start: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.uint8Array({ maxLength: 2048 }).map((noise) => new Uint8Array([...start, ...noise]));
}

/**
 * Bytes no upload route can take: random noise; a workbook cut short (its zip directory, at the end, is gone);
 * a PNG cut inside its header (no image size to read); a JPEG or an SQLite file that is only its first bytes and
 * noise. `workbook` is a real .xlsx that imports nothing even when read whole (`namelessRoster`).
 */
export function brokenUploads(workbook: Uint8Array): fc.Arbitrary<{ bytes: Uint8Array; contentType: string }> {
  const png = pngBytes(4, 4);
  return fc.record({
    bytes: fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      prefix(workbook),
      prefix(png.slice(0, 24)),
      followedByNoise(pngSignature),
      followedByNoise(jpegStart),
      followedByNoise(sqliteStart),
      fc.constant(new Uint8Array(0)),
    ),
    contentType: fc.constantFrom(
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'image/png',
      'image/jpeg',
      // Bytes declared as JSON or text: a parser takes them, the route's schema then refuses what it made of them.
      'application/json',
      'text/plain',
    ),
  });
}
