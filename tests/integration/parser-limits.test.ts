import { performance } from 'node:perf_hooks';
import { describe, expect } from 'vitest';
import { CertificateTemplateState } from '../../shared/api/certificates';
import { ErrorBody } from '../../shared/api/errors';
import { Event, Participant } from '../../shared/api/events';
import { blankPng, xlsxBomb } from '../support/bombs';
import { contestWith, nextSubmission, ok } from '../support/contest';
import { withHost, type TestHost } from '../support/host';
import { totalRubric } from '../support/rubrics';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function refusal(answer: { status: number; body: unknown }): ErrorBody['error'] & { status: number } {
  return { status: answer.status, ...ErrorBody.parse(answer.body).error };
}

async function participants(t: TestHost, eventId: number): Promise<Participant[]> {
  return Participant.array().parse((await t.call('GET', `/api/events/${eventId}/participants`)).body);
}

describe('numeric strings', () => {
  withHost(
    'a score string longer than any score is refused, naming the criterion, and nothing is saved',
    async ({ t }) => {
      const { eventId, speakers, judges } = await contestWith(t, {
        speakers: ['张经天'],
        judges: ['王评委'],
        rubric: totalRubric({ step: 1 }),
      });
      const speaker = speakers[0]!;
      await ok(t.call('POST', `/api/events/${eventId}/performances/${speaker.id}/start`), 'start');
      // 9 in value, padded with a thousand zeros: read digit by digit, a longer one took seconds of the host's time.
      const answer = await t.call('PUT', `/api/judge/scores/${speaker.id}`, {
        token: judges[0]!.token,
        body: { scores: { total: `${'0'.repeat(1000)}9` }, submissionId: nextSubmission() },
      });
      expect(refusal(answer)).toMatchObject({ status: 400, code: 'validation', field: 'scores.total' });
      const mine = await t.call('GET', '/api/judge/state', { token: judges[0]!.token });
      expect(JSON.stringify(mine.body)).not.toContain('"total":9');
    },
  );

  withHost('an id of more than 15 digits is a 400 about the id, never another id read in its place', async ({ t }) => {
    const answer = await t.call('GET', '/api/events/9007199254740993', { lang: 'en' });
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'validation', field: 'id' });
  });
});

describe('Excel uploads within bounds', () => {
  withHost('a zip bomb is refused at once with a sentence, while the host keeps answering', async ({ t }) => {
    const created = await ok(
      t.call('POST', '/api/events', { body: { title: '培训班', kind: 'training', startsOn: '2024-09-02' } }),
      'event',
    );
    const eventId = Event.parse(created).id;
    // 650 KB that unpacks to 216 MB of rows (the probe's 2 MB one took the host 26 s and 4.3 GB).
    const bomb = xlsxBomb({ rows: 4_000_000 });
    const rssBefore = process.memoryUsage().rss;

    const started = performance.now();
    let done = false;
    const upload = t
      .call('POST', `/api/events/${eventId}/participants/import`, { rawBody: bomb, contentType: xlsxType })
      .finally(() => (done = true));
    const healthWaits: number[] = [];
    do {
      const asked = performance.now();
      expect((await t.call('GET', '/api/health')).status).toBe(200);
      healthWaits.push(performance.now() - asked);
    } while (!done);
    const answer = await upload;

    expect(refusal(answer)).toMatchObject({ status: 400, code: 'bad_request' });
    expect(refusal(answer).message).toContain('解压后超过 50 MB');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(Math.max(...healthWaits)).toBeLessThan(1000);
    // Generous: unpacking stops at 50 MB, where the probe's file took 4.3 GB.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(1024 * 1024 * 1024);
    expect(await participants(t, eventId)).toEqual([]);
  });

  withHost('a sheet of more than 20,000 rows is refused, saying how many, and nothing is imported', async ({ t }) => {
    const created = await ok(
      t.call('POST', '/api/events', { body: { title: '培训班', kind: 'training', startsOn: '2024-09-02' } }),
      'event',
    );
    const eventId = Event.parse(created).id;
    const answer = await t.call('POST', `/api/events/${eventId}/participants/import`, {
      rawBody: xlsxBomb({ rows: 20_000 }),
      contentType: xlsxType,
      lang: 'en',
    });
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'bad_request' });
    expect(refusal(answer).message).toContain('20001 rows, more than the limit of 20000');
    expect(await participants(t, eventId)).toEqual([]);
  });
});

describe('certificate pictures within bounds', () => {
  withHost('a 10000×10000 PNG is refused from its header with its size, and not stored', async ({ t }) => {
    const { eventId } = await contestWith(t);
    const base = `/api/events/${eventId}/certificates/award`;
    const answer = await t.call('PUT', `${base}/images/background`, {
      rawBody: blankPng(10_000, 10_000),
      contentType: 'image/png',
    });
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'bad_request' });
    expect(refusal(answer).message).toContain('10000×10000 像素');
    const state = CertificateTemplateState.parse((await t.call('GET', `${base}/template`)).body);
    expect(state.images.background).toBe(false);

    // An A4 page scanned at 300 dpi is taken.
    const a4 = await t.call('PUT', `${base}/images/background`, {
      rawBody: blankPng(2480, 3508),
      contentType: 'image/png',
    });
    expect(CertificateTemplateState.parse(a4.body).images.background).toBe(true);
  });

  withHost('a PNG cut off inside its header is a 400 saying it is not a usable picture', async ({ t }) => {
    const { eventId } = await contestWith(t);
    const answer = await t.call('PUT', `/api/events/${eventId}/certificates/award/images/seal`, {
      rawBody: blankPng(200, 200).slice(0, 20),
      contentType: 'image/png',
      lang: 'en',
    });
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'bad_request' });
    expect(refusal(answer).message).toContain('not an image Podium can use');
  });
});
