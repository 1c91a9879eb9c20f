import { totalRubric } from '../support/rubrics';
import { expect, field, ok, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';

// A judge who joined after the first speaker was revealed: the console's ranking keeps that result and says how many
// judges scored each speaker, with one line explaining why the numbers differ.

const title = '江浦路街道居民区青年干部演讲比赛';

async function score(host: RunningHost, token: string, participantId: number, total: number): Promise<void> {
  const response = await fetch(`${host.url}/api/judge/scores/${participantId}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ scores: { total }, submissionId: `late-${participantId}-${total}-${Math.random()}` }),
  });
  expect(response.status).toBe(200);
}

test('the console ranking says how many judges scored each speaker when a judge joined later', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const eventId = Number(
    field(await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' }), 'id'),
  );
  const ids: number[] = [];
  for (const name of ['张经天', '叶颖华'])
    ids.push(Number(field(await ok(host, 'POST', `/api/events/${eventId}/participants`, { name }), 'id')));
  await ok(host, 'PUT', `/api/events/${eventId}/rubric`, totalRubric({ name: '综合' }));
  const addJudge = async (name: string) =>
    String(field(await ok(host, 'POST', `/api/events/${eventId}/judges`, { name }), 'token'));
  const tokens = [await addJudge('王评委'), await addJudge('李评委')];
  const [first, second] = ids;
  if (first === undefined || second === undefined) throw new Error('speakers missing');
  const run = (pid: number, action: 'start' | 'lock' | 'reveal') =>
    ok(host, 'POST', `/api/events/${eventId}/performances/${pid}/${action}`);

  await run(first, 'start');
  for (const [i, token] of tokens.entries()) await score(host, token, first, 90 + i);
  await run(first, 'lock');
  await run(first, 'reveal');
  tokens.push(await addJudge('赵评委'));
  await run(second, 'start');
  for (const [i, token] of tokens.entries()) await score(host, token, second, 80 + i);
  await run(second, 'lock');
  await run(second, 'reveal');

  const consolePage = new ConsolePage(page);
  await consolePage.open(host.consoleUrl);
  await consolePage.openEvent(title);
  await page.getByTestId('tab-ranking').click();
  const rows = page.getByTestId('ranking-row');
  await expect(rows.first().getByTestId('ranking-final')).toHaveText('90.50');
  await expect(rows.first().getByTestId('ranking-panel-size')).toHaveText('评委 2 人');
  await expect(rows.nth(1).getByTestId('ranking-final')).toHaveText('81.00');
  await expect(rows.nth(1).getByTestId('ranking-panel-size')).toHaveText('评委 3 人');
  await expect(page.getByTestId('ranking-panel-note')).toContainText('评分锁定之后才加入的评委只为之后出场的选手评分');
  await page.screenshot({ path: '/tmp/pw-p6-ranking.png', fullPage: true });
});
