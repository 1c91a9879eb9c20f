import { describe, expect, it } from 'vitest';
import { layoutField } from '../../electron/documents/certificates';
import { fonts, textWidth } from '../../electron/documents/pdf';
import { imageType } from '../../electron/services/certificates';
import {
  builtInTemplates,
  certificateNumber,
  fillPlaceholders,
  mmToPt,
  unknownPlaceholders,
  type CertificateField,
  type PlaceholderValues,
} from '../../shared/domain/certificates';
import { defaultPrefix } from '../../shared/domain/names';

const values: PlaceholderValues = {
  姓名: '张经天',
  单位: '陈三居民区',
  组别: '',
  奖项: '一等奖',
  活动: '江浦路街道居民区青年干部演讲比赛',
  主办单位: '江浦路街道社工办',
  日期: '2024年7月3日',
  起止日期: '2024年7月3日',
  编号: 'JP2024-001',
};

const field = (over: Partial<CertificateField>): CertificateField => ({
  key: 'f',
  label: '字段',
  text: '',
  x: 20,
  y: 20,
  width: 100,
  height: 14,
  fontSize: 24,
  font: 'serif',
  bold: false,
  align: 'left',
  valign: 'middle',
  lineHeight: 1.5,
  letterSpacing: 0,
  color: '#000000',
  ...over,
});

describe('placeholders', () => {
  it('fills the wording of the brief', () => {
    expect(fillPlaceholders('{姓名}同志在{活动}中荣获{奖项}。特发此证。', values)).toBe(
      '张经天同志在江浦路街道居民区青年干部演讲比赛中荣获一等奖。特发此证。',
    );
  });

  it.each([
    ['{单位}　{姓名}　同志：', { 单位: '' }, '张经天　同志：'],
    ['{组别} {姓名}', {}, '张经天'],
    ['编号：{编号}', {}, '编号：JP2024-001'],
    ['{不认识} 留着', {}, '{不认识} 留着'],
  ])('%s → %s', (text, over, expected) => {
    expect(fillPlaceholders(text, { ...values, ...over })).toBe(expected);
  });

  it('finds unknown placeholders once each, in order', () => {
    expect(unknownPlaceholders('{姓名}{名字}{奖项}{名字}{ 日期 }')).toEqual(['名字', ' 日期 ']);
    expect(unknownPlaceholders(builtInTemplates.award.fields.map((f) => f.text).join(''))).toEqual([]);
    expect(unknownPlaceholders(builtInTemplates.completion.fields.map((f) => f.text).join(''))).toEqual([]);
  });
});

describe('numbers', () => {
  it.each([
    ['JP', 2024, 1, 'JP2024-001'],
    ['JP', 2024, 42, 'JP2024-042'],
    ['GS', 2024, 1000, 'GS2024-1000'],
    ['', 2025, 7, '2025-007'],
  ])('%s %i #%i → %s', (prefix, year, sequence, expected) => {
    expect(certificateNumber(prefix, year, sequence)).toBe(expected);
  });

  it('takes a default prefix from the title’s first two characters', () => {
    expect(defaultPrefix('江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛')).toBe('JP');
    expect(defaultPrefix('观山湖区委党校社区治理学校第一期社区工作者培训班')).toBe('GS');
    expect(defaultPrefix('《朗读者》比赛')).toBe('LD');
    expect(defaultPrefix('——')).toBe('ZS');
  });
});

describe('image signatures', () => {
  it.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[...Buffer.from('GIF89a')], null],
    [[...Buffer.from('这不是图片')], null],
    [[], null],
  ])('%j → %s', (bytes, expected) => {
    expect(imageType(new Uint8Array(bytes))).toBe(expected);
  });
});

describe('layoutField', () => {
  const boxPt = (f: CertificateField) => ({
    left: mmToPt(f.x),
    right: mmToPt(f.x + f.width),
    top: mmToPt(f.y),
    bottom: mmToPt(f.y + f.height),
  });

  it('keeps the asked size when the text fits', () => {
    const laid = layoutField(field({ text: '{姓名}' }), values);
    expect(laid).toMatchObject({ fontSize: 24, shrunk: false, overflow: false });
    expect(laid.lines.map((l) => l.text)).toEqual(['张经天']);
  });

  it('shrinks a 40-character organisation into its box, measured with the font’s own widths', () => {
    const organisation = '江浦路街道辽源西路睦邻中心社区党群服务站第三网格居民自治议事会青年志愿服务队';
    expect(Array.from(organisation)).toHaveLength(38);
    const long = `${organisation}分队`;
    const f = field({ text: '{单位}', width: 120, height: 12, fontSize: 24 });
    const laid = layoutField(f, { ...values, 单位: long });
    expect(laid.shrunk).toBe(true);
    expect(laid.overflow).toBe(false);
    expect(laid.lines).toHaveLength(1);
    const line = laid.lines[0]!;
    expect(line.text).toBe(long);
    const box = boxPt(f);
    const width = textWidth(line.text, laid.fontSize, fonts.serif);
    expect(mmToPt(line.x)).toBeGreaterThanOrEqual(box.left - 1e-6);
    expect(mmToPt(line.x) + width).toBeLessThanOrEqual(box.right + 1e-6);
    // As large as it can be: 5% larger would not fit.
    expect(textWidth(line.text, laid.fontSize * 1.05, fonts.serif)).toBeGreaterThan(box.right - box.left);
  });

  it('wraps a paragraph, never starting a line with a closing mark, and fills justified lines', () => {
    const f = field({
      text: '　　{姓名}同志在{活动}中荣获{奖项}。特发此证。',
      width: 60,
      height: 60,
      fontSize: 14,
      align: 'justify',
      lineHeight: 1.6,
    });
    const laid = layoutField(f, values);
    expect(laid.lines.length).toBeGreaterThan(2);
    expect(laid.lines.map((l) => l.text).join('')).toBe(
      '张经天同志在江浦路街道居民区青年干部演讲比赛中荣获一等奖。特发此证。',
    );
    for (const line of laid.lines) expect('，。、；：？！）》」』”'.includes(line.text[0] ?? '')).toBe(false);
    // The first line is indented by two characters; every line but the last reaches the right edge.
    expect(laid.lines[0]!.x).toBeGreaterThan(f.x + 9);
    for (const line of laid.lines.slice(0, -1)) expect(line.x + line.width).toBeCloseTo(f.x + f.width, 3);
  });

  it('shrinks wrapped text until every line fits the height', () => {
    const f = field({ text: '{活动}{活动}{活动}', width: 80, height: 20, fontSize: 30, lineHeight: 1.5 });
    const laid = layoutField(f, values);
    expect(laid.shrunk).toBe(true);
    const last = laid.lines[laid.lines.length - 1]!;
    expect(last.y + laid.lineBox).toBeLessThanOrEqual(f.y + f.height + 1e-6);
    expect(laid.lines[0]!.y).toBeGreaterThanOrEqual(f.y - 1e-6);
  });

  it('centres and right-aligns within the box', () => {
    const centred = layoutField(field({ text: '{姓名}', align: 'center' }), values).lines[0]!;
    expect(centred.x - 20).toBeCloseTo(120 - (centred.x + centred.width), 6);
    const right = layoutField(field({ text: '{姓名}', align: 'right' }), values).lines[0]!;
    expect(right.x + right.width).toBeCloseTo(120, 6);
  });

  it('keeps Latin words and numbers whole', () => {
    const laid = layoutField(field({ text: '证书编号：{编号}', width: 30, height: 30, fontSize: 10 }), values);
    expect(laid.lines.some((l) => l.text.includes('JP2024-001'))).toBe(true);
  });
});
