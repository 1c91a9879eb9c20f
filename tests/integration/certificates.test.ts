import { describe, expect } from 'vitest';
import {
  CertificateRecipients,
  CertificateTemplateState,
  CertificatePreview,
  PrinterOffset,
} from '../../shared/api/certificates';
import { ErrorBody } from '../../shared/api/errors';
import { Participant, type Event } from '../../shared/api/events';
import { builtInTemplates, mmToPt, type CertificateTemplate } from '../../shared/domain/certificates';
import { renderPdf, fonts } from '../../electron/documents/pdf';
import { demoEvents, demoTiers, ok, runContest } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { compact, imageCount, pageImage, readPdf, wordBoxes } from '../support/pdf';
import { readBook, rowsOf, sheetOf } from '../support/xlsx';

// Each case loads the demo on a fresh host and runs the contest as far as it needs.

const err = (body: unknown) => ErrorBody.parse(body).error;
const bytes = (body: unknown) => {
  if (!(body instanceof Uint8Array)) throw new Error(`expected bytes, got ${JSON.stringify(body)}`);
  return body;
};

// Totals per judge, in registration order: 张经天 wins, 李文渊 and 李怡 get no award.
const totals = [95, 92, 90, 88, 86, 84, 82, 80];

/** The demo's contest and training class, with the calls these cases make about the contest's certificates. */
async function demo(t: TestHost) {
  const { contest, training } = await demoEvents(t);
  const base = `/api/events/${contest.id}/certificates`;
  return {
    contest,
    training,
    base,
    awardPdf: (query = '') => t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=award${query}`),
    recipients: async (event: Event, kind: string) =>
      CertificateRecipients.parse(
        (await t.call('GET', `/api/events/${event.id}/certificates/${kind}/recipients`)).body,
      ),
    templateState: async () => CertificateTemplateState.parse((await t.call('GET', `${base}/award/template`)).body),
    register: () => t.host.services.certificates.register(contest.id),
  };
}

/** The demo contest run to the end, every speaker locked, and the award tiers set: six certificates to give. */
async function awarded(t: TestHost) {
  const d = await demo(t);
  const speakers = await runContest(t, d.contest.id, totals);
  await ok(t.call('POST', `/api/events/${d.contest.id}/awards`, { body: { tiers: demoTiers } }), 'awards');
  return { ...d, speakers };
}

/** …and the batch printed once, so every certificate has its number. */
async function numbered(t: TestHost) {
  const d = await awarded(t);
  bytes((await d.awardPdf()).body);
  return d;
}

const organization = '江浦路街道辽源西路睦邻中心社区党群服务站第三网格居民自治议事会青年志愿服务队';

/** 欧阳青青, whose organisation runs to 40 characters, joins the training class and gets her certificate alone. */
async function longOrganisation(t: TestHost, training: Event) {
  const created = await t.call('POST', `/api/events/${training.id}/participants`, {
    body: { name: '欧阳青青', organization },
  });
  const person = Participant.parse(created.body);
  // The demo class has a week of attendance; a rule everyone meets keeps these cases about printing.
  const everyone = { minRate: 0, leave: 'missed', overrides: [] };
  await ok(t.call('PUT', `/api/events/${training.id}/completion`, { body: everyone }), 'completion');
  const r = await t.call(
    'GET',
    `/api/events/${training.id}/certificates.pdf?kind=completion&participantId=${person.id}`,
  );
  return { created, r };
}

describe('award certificates wait for final awards', () => {
  withHost('refuses (409) before any award is set, saying what to do', async ({ t }) => {
    const { awardPdf } = await demo(t);
    const r = await awardPdf();
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe(
      '还没有设置奖项。请先在“排名与奖项”中设置奖项（如一等奖 1 名、二等奖 2 名），再打印荣誉证书。',
    );
  });

  withHost('refuses (409) while a speaker’s scores are not locked, naming them', async ({ t }) => {
    const { contest, awardPdf, recipients, register } = await demo(t);
    const speakers = Participant.array().parse((await t.call('GET', `/api/events/${contest.id}/participants`)).body);
    const last = speakers[speakers.length - 1]!;
    await runContest(t, contest.id, totals, [last.id]);
    expect((await t.call('POST', `/api/events/${contest.id}/awards`, { body: { tiers: demoTiers } })).status).toBe(200);
    const r = await awardPdf();
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe(
      `还有 1 位选手的成绩没有最终确定（${last.name}），奖项可能还会变化。请锁定全部选手的评分后再打印荣誉证书；缺席的选手可以从报名名单中删除。`,
    );
    const en = await t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=award`, { lang: 'en' });
    expect(err(en.body).message).toContain('are not final yet (李文渊)');
    expect((await recipients(contest, 'award')).blocked).toContain(last.name);
    expect(register()).toEqual([]);
    // The last speaker speaks after all.
    await t.call('POST', `/api/events/${contest.id}/performances/${last.id}/start`);
    const judges = t.host.services.contest.judges(contest.id);
    for (const [i, judge] of judges.entries()) {
      await t.call('PUT', `/api/judge/scores/${last.id}`, {
        token: judge.token,
        body: { scores: { total: 80 }, submissionId: `last-speaker-${i}` },
      });
    }
    expect((await t.call('POST', `/api/events/${contest.id}/performances/${last.id}/lock`)).status).toBe(200);
  });

  withHost('refuses the wrong kind of certificate for the event', async ({ t }) => {
    const { contest } = await demo(t);
    const r = await t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=completion`);
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe('结业证书用于培训班；演讲比赛请打印荣誉证书。');
    const bad = await t.call('GET', `/api/events/${contest.id}/certificates.pdf?kind=medal`);
    expect(bad.status).toBe(400);
  });
});

describe('the batch of 荣誉证书', () => {
  withHost('lists who gets which award, in award order', async ({ t }) => {
    const { contest, recipients } = await awarded(t);
    const list = await recipients(contest, 'award');
    expect(list.blocked).toBeNull();
    expect(list.recipients.map((r) => [r.name, r.award, r.number])).toEqual([
      ['张经天', '一等奖', null],
      ['叶颖华', '二等奖', null],
      ['刘逸禕', '二等奖', null],
      ['高苑欣', '三等奖', null],
      ['李贞', '三等奖', null],
      ['刘菁', '三等奖', null],
    ]);
  });

  withHost(
    'prints one page per certificate with every name, award and number, fonts embedded as subsets',
    async ({ t }) => {
      const { contest, awardPdf } = await awarded(t);
      const r = await awardPdf();
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      const disposition = r.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        `${contest.title}-荣誉证书-2024年7月3日.pdf`,
      );
      const pdf = readPdf(bytes(r.body));
      expect(pdf.pageCount).toBe(6);
      expect(pdf.pageSize.map(Math.round)).toEqual([842, 595]);
      const expected: Array<[string, string, string, string]> = [
        ['张经天', '陈三居民区', '一等奖', 'JP2024-001'],
        ['叶颖华', '辽二居民区', '二等奖', 'JP2024-002'],
        ['刘逸禕', '辽四居民区', '二等奖', 'JP2024-003'],
        ['高苑欣', '大花园居民区', '三等奖', 'JP2024-004'],
        ['李贞', '恒阳居民区', '三等奖', 'JP2024-005'],
        ['刘菁', '张家浜居民区', '三等奖', 'JP2024-006'],
      ];
      for (const [i, [name, organization, award, number]] of expected.entries()) {
        const page = compact(pdf.pages[i] ?? '');
        expect(page).toContain('荣誉证书');
        expect(page).toContain(`${organization}${name}同志：`);
        expect(page).toContain(`在${contest.title}中荣获${award}。特发此证。`);
        expect(page).toContain('江浦路街道社工办2024年7月3日');
        expect(page).toContain(`证书编号：${number}`);
      }
      expect(compact(pdf.text)).not.toContain('李怡');
      expect(pdf.fonts.length).toBeGreaterThan(0);
      for (const font of pdf.fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
    },
  );

  withHost('keeps the numbers on a reprint, and reprints one certificate alone', async ({ t }) => {
    const { contest, speakers, awardPdf, recipients, register } = await numbered(t);
    const again = readPdf(bytes((await awardPdf()).body));
    expect(again.pageCount).toBe(6);
    expect(compact(again.text)).toContain('证书编号：JP2024-006');
    const liu = speakers.find((s) => s.name === '刘逸禕')!;
    const one = await awardPdf(`&participantId=${liu.id}`);
    expect(one.status).toBe(200);
    expect(decodeURIComponent(one.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '')).toBe(
      `${contest.title}-荣誉证书-刘逸禕-2024年7月3日.pdf`,
    );
    const pdf = readPdf(bytes(one.body));
    expect(pdf.pageCount).toBe(1);
    expect(compact(pdf.text)).toContain('辽四居民区刘逸禕同志：');
    expect(compact(pdf.text)).toContain('证书编号：JP2024-003');
    expect(register().map((r) => r.number)).toEqual([
      'JP2024-001',
      'JP2024-002',
      'JP2024-003',
      'JP2024-004',
      'JP2024-005',
      'JP2024-006',
    ]);
    expect((await recipients(contest, 'award')).recipients.map((r) => r.number)).toEqual(
      register().map((r) => r.number),
    );
  });

  withHost('refuses to reprint for someone without an award (409) or not in the event (404)', async ({ t }) => {
    const { speakers, awardPdf } = await numbered(t);
    const li = speakers.find((s) => s.name === '李怡')!;
    const none = await awardPdf(`&participantId=${li.id}`);
    expect(none.status).toBe(409);
    expect(err(none.body).message).toBe('李怡 没有获奖，没有荣誉证书可以重印。');
    expect((await awardPdf('&participantId=99999')).status).toBe(404);
  });

  withHost('exports the register to Excel: who, which award, number, date', async ({ t }) => {
    const { contest, base } = await numbered(t);
    const r = await t.call('GET', `${base}/register.xlsx`);
    expect(r.status).toBe(200);
    expect(decodeURIComponent(r.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '')).toBe(
      `${contest.title}-证书登记表-2024年7月3日.xlsx`,
    );
    const book = readBook(bytes(r.body));
    const rows = rowsOf(sheetOf(book, book.SheetNames[0] ?? ''));
    expect(book.SheetNames).toEqual(['证书登记']);
    expect(rows[0]).toEqual([contest.title]);
    expect(rows[2]).toEqual(['证书编号', '姓名', '单位', '奖项', '证书类型', '落款日期']);
    expect(rows[3]).toEqual(['JP2024-001', '张经天', '陈三居民区', '一等奖', '荣誉证书', '2024年7月3日']);
    expect(rows).toHaveLength(3 + 6);
  });
});

describe('the template', () => {
  withHost('refuses an unknown placeholder with a 400 naming it, and keeps the template it had', async ({ t }) => {
    const { base, templateState } = await demo(t);
    const before = await templateState();
    const template: CertificateTemplate = structuredClone(builtInTemplates.award);
    template.fields[2]!.text = '　　在{活动}中荣获{名次}。';
    const r = await t.call('PUT', `${base}/award/template`, { body: template });
    expect(r.status).toBe(400);
    expect(err(r.body)).toMatchObject({ field: 'fields.2.text' });
    expect(err(r.body).message).toMatch(/^“正文”中有不认识的占位符 \{名次\}。可用的占位符：\{姓名\}、\{单位\}/);
    const en = await t.call('PUT', `${base}/award/template`, { body: template, lang: 'en' });
    expect(err(en.body).message).toMatch(/^“正文” uses a placeholder Podium does not know: \{名次\}\./);
    expect(await templateState()).toEqual(before);
  });

  withHost(
    'previews page 1 with the unsaved template, flagging the unknown placeholder and the shrunk field',
    async ({ t }) => {
      const { base } = await numbered(t);
      const template: CertificateTemplate = structuredClone(builtInTemplates.award);
      template.fields[1]!.width = 40;
      template.fields[2]!.text += '{名次}';
      const r = await t.call('POST', `${base}/award/preview`, { body: { template } });
      expect(r.status).toBe(200);
      const preview = CertificatePreview.parse(r.body);
      expect(preview.page).toEqual({ width: 297, height: 210 });
      expect(preview.unknownPlaceholders).toEqual([{ field: '正文', name: '名次' }]);
      const recipient = preview.fields.find((f) => f.key === 'recipient')!;
      expect(recipient).toMatchObject({ shrunk: true, overflow: false, requestedSize: 24 });
      expect(recipient.lines.map((l) => l.text)).toEqual(['陈三居民区　张经天　同志：']);
      expect(preview.fields.find((f) => f.key === 'number')!.lines[0]!.text).toBe('证书编号：JP2024-001');
    },
  );

  withHost('saves wording, page and prefix; numbers already given stay', async ({ t }) => {
    const { contest, base, awardPdf } = await numbered(t);
    const template: CertificateTemplate = structuredClone(builtInTemplates.award);
    template.page = { size: 'A4', orientation: 'portrait', widthMm: 210, heightMm: 297 };
    for (const f of template.fields)
      Object.assign(f, { x: (f.x * 210) / 297, width: (f.width * 210) / 297, y: (f.y * 297) / 210 });
    template.numberPrefix = 'jpjd';
    template.fields[2]!.text = '　　{姓名}同志在{活动}中荣获{奖项}。特发此证。';
    const r = await t.call('PUT', `${base}/award/template`, { body: template });
    expect(r.status).toBe(200);
    expect(CertificateTemplateState.parse(r.body).template.numberPrefix).toBe('JPJD');
    const pdf = readPdf(bytes((await awardPdf()).body));
    expect(pdf.pageSize.map(Math.round)).toEqual([595, 842]);
    expect(compact(pdf.pages[0] ?? '')).toContain(`张经天同志在${contest.title}中荣获一等奖。特发此证。`);
    expect(compact(pdf.text)).toContain('JP2024-001');
    expect(compact(pdf.text)).not.toContain('JPJD');
    expect((await t.call('PUT', `${base}/award/template`, { body: builtInTemplates.award })).status).toBe(200);
  });
});

describe('套打: pictures, offset and the calibration page', () => {
  /** A real PNG seal, transparent around it: a red ring with a star, drawn by Podium and rasterised by poppler. */
  async function sealPng(): Promise<Uint8Array> {
    const size = mmToPt(40);
    const pdf = await renderPdf({
      pageSize: { width: size, height: size },
      pageMargins: 0,
      content: [
        {
          canvas: [{ type: 'ellipse', x: size / 2, y: size / 2, r1: size / 2 - 3, lineWidth: 3, lineColor: '#c8102e' }],
        },
        {
          text: '★',
          fontSize: 30,
          color: '#c8102e',
          font: fonts.sans,
          absolutePosition: { x: size / 2 - 15, y: size / 2 - 22 },
        },
      ],
    });
    return pageImage(pdf, 'png', 150);
  }

  withHost('refuses a file that is not a picture (400) and writes nothing', async ({ t }) => {
    const { base, templateState } = await demo(t);
    for (const body of [
      new TextEncoder().encode('这不是图片'),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    ]) {
      const r = await t.call('PUT', `${base}/award/images/seal`, { rawBody: body });
      expect(r.status).toBe(400);
      expect(err(r.body).message).toBe('这个文件不是可用的图片：请上传 PNG 或 JPG 格式的图片。');
    }
    expect((await templateState()).images).toEqual({ background: false, seal: false });
    expect((await t.call('GET', `${base}/award/images/seal`)).status).toBe(404);
    const en = await t.call('PUT', `${base}/award/images/seal`, { rawBody: new Uint8Array([1, 2, 3]), lang: 'en' });
    expect(err(en.body).message).toBe('This file is not an image Podium can use: upload a PNG or JPG picture.');
  });

  withHost('prints the seal but never the background of the pre-printed paper', async ({ t }) => {
    const { base, awardPdf } = await numbered(t);
    const seal = await sealPng();
    const background = pageImage(bytes((await awardPdf()).body), 'jpeg', 30);
    expect((await t.call('PUT', `${base}/award/images/seal`, { rawBody: seal, contentType: 'image/png' })).status).toBe(
      200,
    );
    const put = await t.call('PUT', `${base}/award/images/background`, { rawBody: background });
    expect(CertificateTemplateState.parse(put.body).images).toEqual({ background: true, seal: true });
    const got = await t.call('GET', `${base}/award/images/background`);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(bytes(got.body)).toEqual(background);
    const printed = bytes((await awardPdf()).body);
    // The seal on each of the 6 pages; no background.
    expect(imageCount(printed)).toBe(6);
    expect((await t.call('DELETE', `${base}/award/images/background`)).status).toBe(200);
  });

  withHost('moves everything printed by the saved printer offset', async ({ t }) => {
    const { base, awardPdf } = await numbered(t);
    const before = wordBoxes(bytes((await awardPdf()).body)).find((w) => w.text.includes('证书编号'))!;
    const bad = await t.call('PUT', `${base}/offset`, { body: { x: 50, y: 0 } });
    expect(bad.status).toBe(400);
    expect(err(bad.body).field).toBe('x');
    const r = await t.call('PUT', `${base}/offset`, { body: { x: 2.54, y: -1.5 } });
    expect(PrinterOffset.parse(r.body)).toEqual({ x: 2.5, y: -1.5 });
    expect(PrinterOffset.parse((await t.call('GET', `${base}/offset`)).body)).toEqual({ x: 2.5, y: -1.5 });
    const after = wordBoxes(bytes((await awardPdf()).body)).find((w) => w.text.includes('证书编号'))!;
    expect(after.xMin - before.xMin).toBeCloseTo(mmToPt(2.5), 1);
    expect(after.yMin - before.yMin).toBeCloseTo(mmToPt(-1.5), 1);
  });

  withHost('gives a calibration page with rulers, crosshairs at known places and the current offset', async ({ t }) => {
    const { contest, base } = await demo(t);
    await ok(t.call('PUT', `${base}/offset`, { body: { x: 2.54, y: -1.5 } }), 'offset');
    const r = await t.call('GET', `${base}/calibration.pdf`);
    expect(r.status).toBe(200);
    expect(decodeURIComponent(r.headers.get('content-disposition')?.split("UTF-8''")[1] ?? '')).toBe(
      `${contest.title}-套打校准页.pdf`,
    );
    const pdf = readPdf(bytes(r.body));
    expect(pdf.pageCount).toBe(1);
    const text = compact(pdf.text);
    for (const words of ['套打校准页', '30,30mm', '267,180mm', '149,105mm', '水平2.5mm，垂直-1.5mm'])
      expect(text).toContain(words);
    const mark = wordBoxes(bytes(r.body)).find((w) => w.text === '30,')!;
    // The label sits just right of and below the crosshair at (30, 30) mm, shifted by the offset.
    expect(mark.xMin).toBeCloseTo(mmToPt(30 + 1.5 + 2.5), 0);
    await t.call('PUT', `${base}/offset`, { body: { x: 0, y: 0 } });
  });
});

describe('shrink to fit, on paper', () => {
  withHost('keeps a 40-character organisation inside its box', async ({ t }) => {
    const { training } = await demo(t);
    const { created, r } = await longOrganisation(t, training);
    expect(created.status).toBe(201);
    expect(r.status).toBe(200);
    const pdf = bytes(r.body);
    expect(compact(readPdf(pdf).text)).toContain(`${organization}欧阳青青同志：`);
    const box = builtInTemplates.completion.fields.find((f) => f.key === 'recipient')!;
    const words = wordBoxes(pdf).filter((w) => w.yMin > mmToPt(box.y) - 1 && w.yMax < mmToPt(box.y + box.height) + 1);
    expect(words.map((w) => w.text).join('')).toContain('欧阳青青');
    for (const w of words) {
      expect(w.xMin).toBeGreaterThanOrEqual(mmToPt(box.x) - 0.5);
      expect(w.xMax).toBeLessThanOrEqual(mmToPt(box.x + box.width) + 0.5);
    }
  });
});

describe('结业证书 for the training class', () => {
  withHost('prints one per trainee in registration order, numbered from GS2024-001', async ({ t }) => {
    const { training, recipients } = await demo(t);
    await longOrganisation(t, training);
    const list = await recipients(training, 'completion');
    expect(list.blocked).toBeNull();
    const r = await t.call('GET', `/api/events/${training.id}/certificates.pdf?kind=completion`);
    expect(r.status).toBe(200);
    const pdf = readPdf(bytes(r.body));
    expect(pdf.pageCount).toBe(list.recipients.length);
    expect(pdf.pageCount).toBe(51);
    const trainees = Participant.array().parse((await t.call('GET', `/api/events/${training.id}/participants`)).body);
    for (const [i, trainee] of trainees.entries()) {
      const page = compact(pdf.pages[i] ?? '');
      expect(page).toContain(`${trainee.name}同志：`);
      expect(page).toContain(
        '于2024年9月9日至13日参加观山湖区委党校社区治理学校第一期社区工作者培训班学习，完成全部课程，准予结业。',
      );
    }
    // 欧阳青青, printed alone first, kept her number; the others follow in order.
    const numbers = t.host.services.certificates.register(training.id).map((c) => c.number);
    expect(numbers[0]).toBe('GS2024-001');
    expect(new Set(numbers).size).toBe(51);
    expect(t.host.services.certificates.register(training.id)[0]!.name).toBe('欧阳青青');
  });

  withHost('refuses an award certificate for a training class', async ({ t }) => {
    const { training } = await demo(t);
    const r = await t.call('GET', `/api/events/${training.id}/certificates.pdf?kind=award`);
    expect(r.status).toBe(409);
    expect(err(r.body).message).toBe('培训班没有奖项，请打印结业证书。');
  });
});
