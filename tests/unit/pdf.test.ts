import { describe, expect, it } from 'vitest';
import { fonts, fontOf, readFontFile, renderPdf, textWidth } from '../../electron/documents/pdf';
import { AppError } from '../../electron/errors';
import { translate } from '../../shared/i18n';
import { compact, readPdf } from '../support/pdf';

describe('renderPdf', () => {
  it('writes Chinese text that pdftotext reads back, with every font embedded as a subset', async () => {
    const bytes = await renderPdf({
      content: [
        { text: '荣誉证书', font: fonts.serif, bold: true, fontSize: 36 },
        { text: '张经天同志在江浦路街道居民区青年干部演讲比赛中荣获一等奖。', font: fonts.serif },
        { text: '江浦路街道社工办 2024年7月3日', font: fonts.sans },
        { text: '编号 JP2024-001', font: fonts.sans, bold: true },
      ],
    });
    const pdf = readPdf(bytes);
    expect(pdf.pageCount).toBe(1);
    const text = compact(pdf.text);
    for (const words of [
      '荣誉证书',
      '张经天同志在江浦路街道居民区青年干部演讲比赛中荣获一等奖。',
      '江浦路街道社工办2024年7月3日',
      '编号JP2024-001',
    ]) {
      expect(text).toContain(words);
    }
    expect(pdf.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSansSC-Bold',
      'NotoSansSC-Regular',
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
    // Subsets: a few glyphs, not the 15 MB faces.
    expect(bytes.byteLength).toBeLessThan(200_000);
  });

  it('renders one document after another (pdfmake 0.3 must not keep what it wrote in font descriptors)', async () => {
    for (const name of ['张经天', '叶颖华', '刘逸禕']) {
      const pdf = readPdf(await renderPdf({ content: [{ text: name, font: fonts.serif }] }));
      expect(compact(pdf.text)).toBe(name);
    }
  });

  it('parses each font once per process, not once per document', async () => {
    const before = fontOf(fonts.serif, 'normal');
    await renderPdf({ content: [{ text: '结业证书', font: fonts.serif }] });
    expect(fontOf(fonts.serif, 'normal')).toBe(before);
  });

  it('measures text with the real advance widths', () => {
    // CJK ideographs are one em wide; the bold face is as wide as the regular one.
    expect(textWidth('一等奖', 20, fonts.serif)).toBeCloseTo(60, 5);
    expect(textWidth('张经天', 10, fonts.sans, 'bold')).toBeCloseTo(30, 5);
    expect(textWidth('JP2024-001', 10, fonts.sans)).toBeLessThan(textWidth('一二三四五六七八九十', 10, fonts.sans));
  });

  it('says clearly, in Chinese, which font file is missing', () => {
    const missing = '@expo-google-fonts/noto-serif-sc/400Regular/NoSuchFont.ttf';
    let error: unknown;
    try {
      readFontFile(missing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    if (!(error instanceof AppError)) return;
    expect(translate('zh-CN', error.key, error.params)).toBe(
      `找不到生成 PDF 所需的字体文件（${missing}）。请重新安装 Podium。`,
    );
  });
});
