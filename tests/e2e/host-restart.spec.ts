import { totalRubric } from '../support/rubrics';
import { expect, field, items, ok, test, type RunningHost } from './fixtures';
import { JudgePageModel } from './page-models/judge';

// The host laptop is closed by accident (kill -9) in the middle of a contest and started again: every judge's page
// reconnects by itself, a sheet submitted while the host was down is sent again and lands once, and the stage moves
// on on the judges' pages without anyone reloading them.

/** What the host keeps: each judge's total for a speaker, from the admin ranking, by judge name. */
async function totalsOf(host: RunningHost, eventId: number, participantId: number): Promise<Record<string, unknown>> {
  const ranking = await ok(host, 'GET', `/api/events/${eventId}/ranking`);
  const row = items(field(ranking, 'rows')).find((r) => field(r, 'participantId') === participantId);
  const totals = items(field(row, 'judgeTotals'));
  return Object.fromEntries(totals.map((t) => [String(field(t, 'name')), field(t, 'total')]));
}

async function scoreWrites(host: RunningHost, eventId: number): Promise<number> {
  const log = await ok(host, 'GET', `/api/events/${eventId}/audit`);
  return items(log).filter((e) => field(e, 'action') === 'score').length;
}

test('judges’ pages reconnect by themselves after the host is killed and restarted, and resend what waited', async ({
  browser,
  restartableHost: host,
}) => {
  test.setTimeout(90_000);
  const event = await ok(host, 'POST', '/api/events', {
    title: '江浦路街道居民区青年干部演讲比赛',
    kind: 'contest',
    startsOn: '2024-07-03',
  });
  const eventId = Number(field(event, 'id'));
  const speakers: number[] = [];
  for (const name of ['张经天', '叶颖华'])
    speakers.push(Number(field(await ok(host, 'POST', `/api/events/${eventId}/participants`, { name }), 'id')));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, totalRubric({ name: '综合' }));
  const tokens: string[] = [];
  for (const name of ['王评委', '李评委'])
    tokens.push(String(field(await ok(host, 'POST', `/api/events/${eventId}/judges`, { name }), 'token')));
  const [first, second] = speakers;
  if (first === undefined || second === undefined) throw new Error('speakers missing');
  await ok(host, 'POST', `/api/events/${eventId}/performances/${first}/start`);

  // Two judges, each on their own device.
  const judges: JudgePageModel[] = [];
  for (const token of tokens) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const judge = new JudgePageModel(await context.newPage());
    await judge.open(host.url, token);
    await expect(judge.speaker).toContainText('张经天');
    await expect(judge.liveStatus).toHaveAttribute('data-state', 'open');
    judges.push(judge);
  }
  const [wang, li] = judges;
  if (!wang || !li) throw new Error('judges missing');
  await wang.typeSheet(['90']);
  await expect(wang.saveStatus).toHaveAttribute('data-state', 'saved');

  await host.kill();
  await expect(wang.liveStatus).toHaveAttribute('data-state', 'reconnecting', { timeout: 10_000 });
  // 李评委 submits while the host is down: the sheet waits on the device.
  await li.typeSheet(['88.5']);
  await expect(li.saveStatus).toHaveAttribute('data-state', 'pending');
  await expect(li.saveStatus).toContainText('未保存，正在重试…');
  await li.page.screenshot({ path: '/tmp/pw-p6-host-down.png' });

  await host.restart();
  // Nobody touches the pages: the socket comes back and the waiting sheet goes out.
  await expect(li.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await expect(li.saveStatus).toContainText(/已保存到主机 \d\d:\d\d:\d\d/);
  await expect(li.saveStatus).toContainText('总分 88.50');
  for (const judge of judges) {
    await expect(judge.liveStatus).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
  }
  await li.page.screenshot({ path: '/tmp/pw-p6-host-back.png' });
  expect(await totalsOf(host, eventId, first)).toEqual({ 王评委: '90.00', 李评委: '88.50' });
  expect(await scoreWrites(host, eventId)).toBe(2);

  // The stage moves on over the reconnected sockets: both pages show the next speaker by themselves.
  await ok(host, 'POST', `/api/events/${eventId}/performances/${first}/lock`);
  await ok(host, 'POST', `/api/events/${eventId}/performances/${second}/start`);
  for (const judge of judges) await expect(judge.speaker).toContainText('叶颖华', { timeout: 5_000 });
  for (const judge of judges) await judge.page.context().close();
});
