import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DrawResult } from '../../shared/api/contest';
import { ErrorBody } from '../../shared/api/errors';
import { startTestHost, type TestHost } from '../support/host';

let t: TestHost;
beforeEach(async () => {
  t = await startTestHost();
});
afterEach(async () => {
  await t.stop();
});

const contest = { title: '演讲比赛', kind: 'contest', startsOn: '2024-07-03' };
const errorOf = (body: unknown) => ErrorBody.parse(body).error;

/** A contest with `count` speakers, set up through the services (the HTTP answers are what is under test). */
function eventWithSpeakers(count: number): number {
  const { events, participants } = t.host.services;
  const event = events.create({ title: '演讲比赛', kind: 'contest', startsOn: '2024-07-03' });
  for (let i = 1; i <= count; i++) participants.create(event.id, { name: `选手${i}` });
  return event.id;
}

describe('a field of the wrong type', () => {
  it('says text is wanted, naming the field, in zh-CN and in English', async () => {
    const zh = await t.call('POST', '/api/events', { body: { ...contest, title: 5 } });
    expect(zh.status).toBe(400);
    expect(errorOf(zh.body)).toEqual({ code: 'validation', field: 'title', message: '“活动名称”须为文本。' });
    const en = await t.call('POST', '/api/events', { body: { ...contest, title: 5 }, lang: 'en' });
    expect(en.status).toBe(400);
    expect(errorOf(en.body)).toEqual({ code: 'validation', field: 'title', message: '"Title" must be text.' });
  });

  it('says a number is wanted where a number goes, and still says missing when the field is absent', async () => {
    const eventId = eventWithSpeakers(1);
    const wrong = await t.call('PUT', `/api/events/${eventId}/rubric`, {
      body: {
        criteria: [{ key: 'total', name: '总分', max: '100', step: 1 }],
        aggregation: { method: 'mean' },
      },
    });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong.body).field).toBe('criteria.0.max');
    expect(errorOf(wrong.body).message).toMatch(/须为数字/);
    const missing = await t.call('POST', '/api/events', { body: { kind: 'contest', startsOn: '2024-07-03' } });
    expect(errorOf(missing.body).message).toBe('缺少“活动名称”。');
  });
});

describe('the draw', () => {
  it('takes a seed written as a number as the same seed written as text', async () => {
    const eventId = eventWithSpeakers(8);
    const byText = await t.call('POST', `/api/events/${eventId}/draw`, { body: { seed: '20240703' } });
    expect(byText.status).toBe(200);
    const byNumber = await t.call('POST', `/api/events/${eventId}/draw`, { body: { seed: 20240703 } });
    expect(byNumber.status).toBe(200);
    const text = DrawResult.parse(byText.body);
    expect(DrawResult.parse(byNumber.body)).toEqual({ order: text.order, seed: '20240703' });
  });
});
