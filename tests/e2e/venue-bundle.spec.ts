import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { SubVenuesModel } from './page-models/subVenues';

const classTitle = '观山湖区委党校社区工作者培训班（视频班）';
const sessionTitle = '社区工作与社区工作者职业素养';

/** Raw bytes to or from a host (an archive, a bundle): the fixtures' caller speaks JSON only. */
async function bytesCall(host: RunningHost, method: string, path: string, body?: Uint8Array): Promise<Uint8Array> {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${host.adminToken}`,
      ...(body ? { 'content-type': 'application/octet-stream' } : {}),
    },
    ...(body ? { body: Buffer.from(body) } : {}),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return new Uint8Array(await response.arrayBuffer());
}

const idOf = (value: unknown) => Number(field(value, 'id'));

test('the main classroom imports a sub-classroom’s venue bundle and sees 实到 per venue change, once', async ({
  page,
  host: main,
  demoHost: subLaptop,
}) => {
  // Two hosts, an archive one way and a bundle the other.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });

  // The class on the main laptop: 主会场 and 分会场, three trainees at each, one session.
  const event = await ok(main, 'POST', '/api/events', { title: classTitle, kind: 'training', startsOn: '2026-03-02' });
  const base = `/api/events/${idOf(event)}`;
  const hall = idOf(await ok(main, 'POST', `${base}/venues`, { name: '主会场', kind: 'main' }));
  const sub = idOf(await ok(main, 'POST', `${base}/venues`, { name: '分会场（201 教室）', kind: 'sub' }));
  const people = [];
  for (const [i, name] of ['王建国', '李丽华', '张志强', '赵晓燕', '陈建国', '杨丽华'].entries()) {
    const body = { name, phone: `1380000100${i}`, venueId: i < 3 ? hall : sub };
    people.push(idOf(await ok(main, 'POST', `${base}/participants`, body)));
  }
  const session = idOf(
    await ok(main, 'POST', `${base}/sessions`, {
      title: sessionTitle,
      startsAt: '2026-03-02T09:00:00+08:00',
      endsAt: '2026-03-02T12:00:00+08:00',
    }),
  );

  // The sub-classroom's laptop imports the class's archive; it is the 分会场 (本机会场).
  const archive = await bytesCall(main, 'GET', `${base}/archive.podium`);
  const imported: unknown = JSON.parse(
    new TextDecoder().decode(await bytesCall(subLaptop, 'POST', '/api/archives', archive)),
  );
  const subBase = `/api/events/${Number(field(imported, 'eventId'))}`;
  const subVenues = items(await ok(subLaptop, 'GET', `${subBase}/venues`));
  const subVenue = idOf(subVenues.find((v) => field(v, 'kind') === 'sub'));
  await ok(subLaptop, 'PUT', `${subBase}/local-venue`, { venueId: subVenue });
  const subSession = idOf(items(await ok(subLaptop, 'GET', `${subBase}/sessions`))[0]);

  const console_ = new ConsolePage(page);
  const tab = new SubVenuesModel(page);
  await console_.open(main.consoleUrl);
  await console_.openEvent(classTitle);
  await tab.open();
  await expect(tab.count(sessionTitle, sub)).toHaveText('0 / 3');
  // This laptop is the main classroom; one of the sub-classroom's trainees checks in here first.
  await tab.localVenue.selectOption({ label: '主会场' });
  await expect(tab.localVenue).toHaveValue(String(hall));
  await ok(main, 'POST', `${base}/sessions/${session}/checkins`, { participantId: people[3] });
  await page.reload();
  await tab.open();
  await expect(tab.count(sessionTitle, hall)).toHaveText('1 / 3');

  // The sub-classroom's three trainees check in there, one of them after checking in at the main classroom.
  for (const i of [3, 4, 5])
    await ok(subLaptop, 'POST', `${subBase}/sessions/${subSession}/checkins`, { phone: `1380000100${i}` });
  const bundle = await bytesCall(subLaptop, 'GET', `${subBase}/venue-bundle?venue=${subVenue}`);

  // Back at the main classroom: the bundle merged, told in words; the double check-in flagged and counted once.
  await tab.importBundle('分会场.podium-venue', bundle);
  await expect(tab.result).toContainText('已合并“分会场（201 教室）”的数据包：2 条签到');
  await expect(tab.result).toContainText('1 人在两个会场签到，已标出');
  await expect(tab.count(sessionTitle, sub)).toHaveText('2 / 3');
  await expect(tab.count(sessionTitle, hall)).toHaveText('1 / 3');
  await expect(tab.conflicts).toContainText('赵晓燕');
  await expect(tab.bundles.locator('tbody tr')).toHaveCount(1);
  await page.screenshot({ path: shot('venue-bundle-merged'), fullPage: true });

  // The same file again: nothing doubled, and the console says so.
  await tab.importBundle('分会场.podium-venue', bundle);
  await expect(tab.result).toContainText('已经合并过了');
  await expect(tab.count(sessionTitle, sub)).toHaveText('2 / 3');
  await expect(tab.bundles.locator('tbody tr')).toHaveCount(1);

  // Not a bundle: a sentence saying what to do instead.
  await tab.importBundle('名单.podium-venue', new TextEncoder().encode('姓名,单位\n张三,陈三居民区\n'));
  await expect(tab.result).toContainText('不是 Podium 分会场数据包');
  await page.screenshot({ path: shot('venue-bundle-refused') });
});
