// `npm run bench`: 1000 award certificates into one PDF (Podium: layout with shrink-to-fit, pdfmake,
// subset CJK fonts), against a raw pdfkit floor that draws the same lines with the same fonts at the
// same places in the same run. Prints time, peak memory, file size and the ratios; asserts no time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { expect, it } from 'vitest';
import { certificatesDocument, layoutField } from '../../electron/documents/certificates';
import { fonts, renderPdf } from '../../electron/documents/pdf';
import { builtInTemplates, mmToPt, pageMm, type PlaceholderValues } from '../../shared/domain/certificates';
import { readPdf } from '../support/pdf';

const count = 1000;
const runs = 5;
const template = builtInTemplates.award;
const offset = { x: 0, y: 0 };

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = [
  '经天',
  '颖华',
  '逸禕',
  '苑欣',
  '贞',
  '菁',
  '怡',
  '文渊',
  '晓燕',
  '志强',
  '丽娟',
  '建国',
  '海燕',
  '俊杰',
];
const districts = [
  '陈三居民区',
  '辽二居民区',
  '辽四居民区',
  '大花园居民区',
  '恒阳居民区',
  '张家浜居民区',
  '又一村居民区',
  '海上源居委会（筹）',
];
const awards = ['一等奖', '二等奖', '三等奖', '优秀奖'];

const people: PlaceholderValues[] = Array.from({ length: count }, (_, i) => ({
  姓名: `${surnames[(i * 7) % surnames.length]}${given[(i * 3) % given.length]}`,
  // Every 50th organisation is long enough to be shrunk.
  单位:
    i % 50 === 0
      ? '江浦路街道辽源西路睦邻中心社区党群服务站第三网格居民自治议事会青年志愿服务队'
      : (districts[i % districts.length] ?? ''),
  组别: '',
  奖项: awards[Math.min(3, Math.floor(Math.log2(i + 1)))] ?? '优秀奖',
  活动: '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛',
  主办单位: '江浦路街道社工办',
  日期: '2024年7月3日',
  起止日期: '2024年7月3日',
  编号: `JP2024-${String(i + 1).padStart(4, '0')}`,
}));

const requireHere = createRequire(import.meta.url);
const fontFile = (specifier: string) => readFileSync(requireHere.resolve(specifier));
// The same TTFs Podium registers (read once, outside the timings).
const faces = {
  [`${fonts.serif}-normal`]: fontFile('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  [`${fonts.serif}-bold`]: fontFile('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  [`${fonts.sans}-normal`]: fontFile('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  [`${fonts.sans}-bold`]: fontFile('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

/** The floor: pdfkit alone, drawing lines already laid out (no layout, no document model). */
function floorPdf(pages: ReturnType<typeof laidOutPages>): Promise<Buffer> {
  const page = pageMm(template.page);
  const doc = new PDFDocument({
    size: [mmToPt(page.width), mmToPt(page.height)],
    margin: 0,
    autoFirstPage: false,
    compress: true,
  });
  for (const [name, bytes] of Object.entries(faces)) doc.registerFont(name, bytes);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const lines of pages) {
    doc.addPage();
    doc
      .lineWidth(3)
      .strokeColor('#b3141c')
      .rect(mmToPt(8), mmToPt(8), mmToPt(page.width - 16), mmToPt(page.height - 16))
      .stroke();
    doc
      .lineWidth(0.8)
      .rect(mmToPt(11), mmToPt(11), mmToPt(page.width - 22), mmToPt(page.height - 22))
      .stroke();
    for (const line of lines) {
      doc
        .font(line.face)
        .fontSize(line.size)
        .fillColor(line.color)
        .text(line.text, mmToPt(line.x), mmToPt(line.y), { lineBreak: false, characterSpacing: line.characterSpacing });
    }
  }
  doc.end();
  return done;
}

/** Podium's own layout of every page, handed to the floor so that both draw exactly the same. */
function laidOutPages() {
  return people.map((values) =>
    template.fields.flatMap((field) => {
      const laid = layoutField(field, values);
      const face = `${field.font === 'sans' ? fonts.sans : fonts.serif}-${field.bold ? 'bold' : 'normal'}`;
      return laid.lines
        .filter((l) => l.text !== '')
        .map((l) => ({ ...l, face, size: laid.fontSize, color: field.color }));
    }),
  );
}

const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

it(`certificates: ${count} award certificates in one PDF, against a raw pdfkit floor`, async () => {
  const pages = laidOutPages();
  const podiumPdf = () => renderPdf(certificatesDocument({ template, offset, people, seal: null, title: '荣誉证书' }));

  // Peak memory first: the process's peak RSS only grows, so the floor runs first and Podium's
  // peak shows on top of it. These runs also warm both paths (Podium parses its fonts once here).
  const rss = { start: maxRssMb(), floor: 0, podium: 0 };
  let floorBytes: Uint8Array = await floorPdf(pages);
  rss.floor = maxRssMb();
  let podiumBytes: Uint8Array = await podiumPdf();
  rss.podium = maxRssMb();

  // Time: floor and Podium alternate, so a busy moment of the machine weighs on both alike.
  const floorMs: number[] = [];
  const podiumMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    floorBytes = await floorPdf(pages);
    floorMs.push(performance.now() - s);
    s = performance.now();
    podiumBytes = await podiumPdf();
    podiumMs.push(performance.now() - s);
  }
  // What every raw pdfkit document pays before drawing: parsing and first shaping of each face.
  const fixed: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await floorPdf(pages.slice(0, 1));
    fixed.push(performance.now() - s);
  }

  const floor = readPdf(floorBytes);
  const podium = readPdf(podiumBytes);
  expect(floor.pageCount).toBe(count);
  expect(podium.pageCount).toBe(count);
  for (const f of podium.fonts) expect(f).toMatchObject({ embedded: true, subset: true });
  expect(podium.text.replace(/\s+/g, '')).toContain(
    `${people[999]?.单位}\u3000${people[999]?.姓名}`.replace(/\s+/g, ''),
  );

  const time = { floor: median(floorMs), podium: median(podiumMs) };
  const kb = (n: number) => (n / 1024).toFixed(0).padStart(6);
  const ms = (n: number) => n.toFixed(0).padStart(6);
  console.log(`certificates bench (${count} award certificates, A4 landscape, 3 CJK faces; median of ${runs} runs)`);
  const mb = (n: number) => n.toFixed(0);
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const runsOf = (list: number[]) => list.map((x) => x.toFixed(0)).join(', ');
  console.log(
    `  raw pdfkit floor   time ${ms(time.floor)} ms   size ${kb(floorBytes.byteLength)} KB   ` +
      `peak RSS ${mb(rss.floor)} MB (+${mb(rss.floor - rss.start)} MB over the ${mb(rss.start)} MB before)`,
  );
  console.log(
    `  Podium (pdfmake)   time ${ms(time.podium)} ms   size ${kb(podiumBytes.byteLength)} KB   ` +
      `peak RSS ${mb(rss.podium)} MB (+${mb(rss.podium - rss.floor)} MB over the floor's peak, ` +
      `its 4 parsed faces included)`,
  );
  console.log(
    `  per certificate    floor ${(time.floor / count).toFixed(2)} ms, Podium ${(time.podium / count).toFixed(2)} ms ` +
      `(layout with shrink-to-fit included)`,
  );
  console.log(
    `  ratio time ${ratio(time.podium, time.floor)}× (target ≤ 1.5×), ` +
      `size ${ratio(podiumBytes.byteLength, floorBytes.byteLength)}× (target ≤ 1.5×)`,
  );
  console.log(
    `  the floor's one-page document takes ${ms(median(fixed))} ms ` +
      `(pdfkit parses the fonts per document; Podium parses them once per process)`,
  );
  console.log(`  runs floor [${runsOf(floorMs)}] ms, Podium [${runsOf(podiumMs)}] ms`);
}, 300_000);
