import { compact, readPdf } from '../support/pdf';
import { expect, field, items, ok, test } from './fixtures';

// The reflections booklet lays out a lot of CJK text twice; the built host makes it on a worker thread, so judges'
// scores and check-ins are answered while it is being made. Run against the built host (the bundled worker).
test.describe.configure({ timeout: 120_000 });

const pad = (n: number) => String(n).padStart(2, '0');
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the host keeps answering while it builds a booklet of long reflections', async ({ host }) => {
  const event = await ok(host, 'POST', '/api/events', {
    title: '社区工作者培训班',
    kind: 'training',
    startsOn: dayFromToday(0),
    endsOn: dayFromToday(3),
  });
  const eventId = Number(field(event, 'id'));
  const names = Array.from({ length: 24 }, (_, i) => `学员${String.fromCodePoint(0x4e00 + i * 7)}${i + 1}`);
  for (const [i, name] of names.entries()) {
    await ok(host, 'POST', `/api/events/${eventId}/participants`, { name, phone: `138000020${pad(i)}` });
  }
  const assignment = await ok(host, 'POST', `/api/events/${eventId}/reflection-assignments`, {
    title: '学习心得',
    dueAt: `${dayFromToday(2)}T17:00`,
  });
  const code = String(field(assignment, 'code'));
  const body = '深入学习基层治理论述，结合社区工作实际，把为民服务落到实处。'.repeat(90).slice(0, 2900);
  for (const [i] of names.entries()) {
    const sent = await fetch(`${host.url}/api/public/reflections/${code}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: `138000020${pad(i)}`, title: `心得${i + 1}`, body }),
    });
    expect(sent.status).toBe(201);
  }

  const order: string[] = [];
  const booklet = fetch(
    `${host.url}/api/events/${eventId}/reflections.pdf?assignment=${String(field(assignment, 'id'))}`,
    {
      headers: { authorization: `Bearer ${host.adminToken}` },
    },
  ).then(async (r) => {
    order.push('booklet');
    expect(r.status).toBe(200);
    return new Uint8Array(await r.arrayBuffer());
  });
  // Health checks while the booklet is made: on the worker, they are answered before the booklet is done.
  while (!order.includes('booklet') && order.length < 200) {
    const health = await fetch(`${host.url}/api/health`);
    expect(health.status).toBe(200);
    order.push('health');
    await new Promise((r) => setTimeout(r, 20));
  }
  const pdf = readPdf(await booklet);
  expect(order.indexOf('booklet'), order.join(' ')).toBeGreaterThanOrEqual(10);
  const text = compact(pdf.text);
  for (const name of names) expect(text).toContain(name);
  expect(pdf.pageCount).toBeGreaterThanOrEqual(names.length + 1);
});

// The table cards are drawn with pdfkit itself: the built host must load pdfmake's copy, whose built-in fonts are
// where it looks for them (a bundled copy looked beside the bundle's chunks and failed).
test('the built host prints table cards, per group and per trainee', async ({ demoHost: host }) => {
  const training = items(await ok(host, 'GET', '/api/events')).find((e) => field(e, 'kind') === 'training');
  const eventId = Number(field(training, 'id'));
  for (const [query, expected] of [
    ['', '第一组'],
    ['?kind=person', '蔡志强'],
  ] as const) {
    const r = await fetch(`${host.url}/api/events/${eventId}/table-cards.pdf${query}`, {
      headers: { authorization: `Bearer ${host.adminToken}` },
    });
    expect(r.status).toBe(200);
    expect(compact(readPdf(new Uint8Array(await r.arrayBuffer())).text)).toContain(expected);
  }
});
