import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageSize, withinImageLimits } from '../../electron/documents/image-size';
import { readParticipantSheet, readParticipantSheetInWorker } from '../../electron/documents/xlsx-import';
import { readWorkbook, workbookLimits } from '../../electron/documents/xlsx-worker';
import { AppError } from '../../electron/errors';
import { idParam } from '../../shared/api/fields';
import { maxDecimalTextLength, parseHundredths } from '../../shared/domain/decimal';
import { blankPng, bombSheetSize, xlsxBomb } from '../support/bombs';
import { rosterXlsx } from '../support/roster';
import { zipOf } from '../support/zip';

describe('numeric strings from outside are capped before they are parsed', () => {
  it('refuses a score string longer than any score, even one that would be a valid number', () => {
    // 0000…09 is 9 in value: refused for its length, so a 24-million-digit string costs nothing either.
    expect(parseHundredths(`${'0'.repeat(maxDecimalTextLength)}9`)).toEqual({ ok: false, problem: 'not-a-number' });
    expect(parseHundredths('9'.repeat(24_000_000))).toEqual({ ok: false, problem: 'not-a-number' });
    // Up to the cap, padding and trailing zeros are still read exactly.
    expect(parseHundredths(`88.5${'0'.repeat(maxDecimalTextLength - 4)}`)).toEqual({ ok: true, hundredths: 8850 });
    expect(parseHundredths(' 9.5 ')).toEqual({ ok: true, hundredths: 950 });
  });

  it('reads ids of at most 15 digits, so none is rounded to another id', () => {
    expect(idParam.parse('123456789012345')).toBe(123456789012345);
    // 2^53 + 1 would be read as 2^53: a different id than the one asked for.
    expect(idParam.safeParse('9007199254740993').success).toBe(false);
    expect(idParam.safeParse('1'.repeat(100_000)).error?.issues).toHaveLength(1);
  });
});

/** A JPEG's first segments: APP0 (JFIF), a quantisation table, then the frame header `sof` of width × height. */
function jpegHeader(width: number, height: number, sof = 0xc0): Uint8Array {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const frame = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
  return new Uint8Array([
    0xff,
    0xd8,
    ...segment(0xe0, jfif),
    ...segment(0xdb, [0, ...Array<number>(64).fill(1)]),
    ...segment(sof, frame),
  ]);
}

describe('picture sizes from the header', () => {
  it('reads a PNG from its IHDR and a JPEG from its frame header, baseline or progressive', () => {
    expect(imageSize(blankPng(2480, 3508))).toEqual({ width: 2480, height: 3508 });
    expect(imageSize(blankPng(10_000, 10_000))).toEqual({ width: 10_000, height: 10_000 });
    expect(imageSize(jpegHeader(3508, 2480))).toEqual({ width: 3508, height: 2480 });
    expect(imageSize(jpegHeader(640, 480, 0xc2))).toEqual({ width: 640, height: 480 });
  });

  it('finds no size in a PNG whose chunks run past its end (png-js would walk 2^31 bytes reading it)', () => {
    const png = blankPng(100, 100);
    // The chunk after IHDR (at byte 33) claims 0xa7678246 bytes: top bit set, far beyond the file.
    const broken = png.slice();
    broken.set([0xa7, 0x67, 0x82, 0x46], 33);
    expect(imageSize(broken)).toBeNull();
    // Cut before IEND: the chunks stop inside the file.
    expect(imageSize(png.slice(0, png.length - 12))).toBeNull();
  });

  it('finds no size in a truncated header, garbage, or a picture with no pixels', () => {
    expect(imageSize(blankPng(100, 100).slice(0, 20))).toBeNull();
    expect(imageSize(jpegHeader(640, 480).slice(0, 30))).toBeNull();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    expect(imageSize(new TextEncoder().encode('not a picture at all, just some text'))).toBeNull();
    expect(imageSize(jpegHeader(0, 480))).toBeNull();
  });

  it('takes an A4 scan at 300 or 600 dpi and refuses a picture over 10,000 px a side or 40 megapixels', () => {
    expect(withinImageLimits({ width: 2480, height: 3508 })).toBe(true);
    expect(withinImageLimits({ width: 4960, height: 7016 })).toBe(true);
    expect(withinImageLimits({ width: 10_000, height: 10_000 })).toBe(false);
    expect(withinImageLimits({ width: 10_001, height: 100 })).toBe(false);
    expect(withinImageLimits({ width: 7000, height: 7000 })).toBe(false);
  });
});

describe('a workbook is measured before it is parsed', () => {
  it('refuses a zip bomb by the sizes in its directory', () => {
    const bomb = xlsxBomb({ rows: 4_000_000 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(bombSheetSize(4_000_000)).toBeGreaterThan(4 * workbookLimits.unpackedBytes);
    expect(readWorkbook(bomb)).toEqual({ ok: false, refusal: { problem: 'unpacked', maxMegabytes: 50 } });
  });

  it('stops unpacking at the cap when the directory lies about the size', () => {
    const liar = xlsxBomb({ rows: 4_000_000, declaredSize: 1000 });
    expect(readWorkbook(liar)).toEqual({ ok: false, refusal: { problem: 'unpacked', maxMegabytes: 50 } });
  });

  it('refuses a sheet of more than 20,000 rows and reads one of 20,000', () => {
    // The header row and 20,000 rows of people.
    expect(readWorkbook(xlsxBomb({ rows: 20_000 }))).toEqual({
      ok: false,
      refusal: { problem: 'rows', rows: 20_001, max: 20_000 },
    });
    const read = readWorkbook(xlsxBomb({ rows: 19_999 }));
    expect(read.ok && read.sheets[0]?.length).toBe(20_000);
  });

  it('refuses a zip of more parts than a workbook has', () => {
    const files = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`part${i}.xml`, new Uint8Array(1)]));
    expect(readWorkbook(zipOf(files))).toEqual({ ok: false, refusal: { problem: 'parts', count: 1001, max: 1000 } });
  });

  it('answers for any cut or damaged workbook without throwing: read, or refused with a reason', () => {
    const roster = rosterXlsx([
      ['姓名', '手机'],
      ['张经天', 13800138000],
    ]);
    const answers = (bytes: Uint8Array) => {
      const read = readWorkbook(bytes);
      return read.ok || typeof read.refusal.problem === 'string';
    };
    fc.assert(
      fc.property(fc.nat(roster.byteLength), (length) => answers(roster.slice(0, length))),
      { numRuns: 300 },
    );
    const damage = fc.array(fc.tuple(fc.nat(roster.byteLength - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(damage, (changes) => {
        const bytes = roster.slice();
        for (const [at, value] of changes) bytes[at] = value;
        return answers(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('says what to do, in the reader’s language', () => {
    const error = catchError(() => readParticipantSheet(xlsxBomb({ rows: 4_000_000 }), { locale: 'zh-CN' }));
    expect(error).toMatchObject({ code: 'bad_request', key: 'error.limits.workbookUnpacked', params: { max: 50 } });
  });
});

describe('the host reads a workbook on a worker thread', () => {
  const roster = () =>
    rosterXlsx([
      ['观山湖区社区工作者培训班学员名单'],
      ['姓名', '性别', '单位', '手机'],
      ['张经天', '男', '陈三居民区', 13800138000],
      ['叶颖华', '女', '辽二居民区', '139 0013 9000'],
    ]);

  it('reads the same people as in this thread', async () => {
    const inWorker = await readParticipantSheetInWorker(roster(), { locale: 'zh-CN' });
    expect(inWorker).toEqual(readParticipantSheet(roster(), { locale: 'zh-CN' }));
    expect(inWorker.people.map((p) => [p.row, p.name, p.phone])).toEqual([
      [3, '张经天', '13800138000'],
      [4, '叶颖华', '13900139000'],
    ]);
  });

  it('refuses a bomb there too, and a file it cannot read within the time limit', async () => {
    await expect(readParticipantSheetInWorker(xlsxBomb({ rows: 4_000_000 }), { locale: 'en' })).rejects.toMatchObject({
      code: 'bad_request',
      key: 'error.limits.workbookUnpacked',
    });
    await expect(readParticipantSheetInWorker(roster(), { locale: 'en', timeLimitMs: 1 })).rejects.toMatchObject({
      code: 'bad_request',
      key: 'error.limits.workbookTooSlow',
    });
  });
});

function catchError(run: () => unknown): AppError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return undefined;
}
