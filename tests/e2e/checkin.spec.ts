import { expect, shot, test, type RunningHost } from './fixtures';
import { CheckinPageModel, CheckinSceneModel } from './page-models/checkin';
import { DeskPageModel } from './page-models/desk';
import { ScreenPageModel } from './page-models/screen';

// Check-in on the day: the desk at the door, a trainee's phone, the projector's QR scene; each against a real host.
// Each test starts its own host and walks through many steps: on a busy machine that takes more than a minute.
test.describe.configure({ timeout: 120_000 });

/** Two namesakes 刘友红 (different units and phones), and 李雨航, whose initials are also lyh. */
const trainees = [
  { name: '王建国', organization: '第1社区', phone: '13800001000', group: '第1组' },
  { name: '张丽华', organization: '第2社区', phone: '13800001001', group: '第2组' },
  { name: '赵志强', organization: '第3社区', phone: '13800001002', group: '第3组' },
  { name: '刘友红', organization: '金元社区', phone: '13800001038', group: '第1组' },
  { name: '刘友红', organization: '观山社区', phone: '13800001039', group: '第2组' },
  { name: '李雨航', organization: '第3社区', phone: '13800001040', group: '第3组' },
];

async function ok<T>(host: RunningHost, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await host.api(method, path, body);
  expect(answer.status, `${method} ${path} → ${JSON.stringify(answer.body)}`).toBeLessThan(300);
  return answer.body as T;
}

/** A wall-clock time on the host (it runs on this machine), without an offset, `minutes` from now. */
function hostTime(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

interface Class {
  eventId: number;
  sessionId: number;
  /** Participant ids in the order of `trainees`. */
  ids: number[];
  deskToken: string;
}

/** A training class with a session under way now and a desk. */
async function setUpClass(host: RunningHost): Promise<Class> {
  const startsOn = hostTime(0).slice(0, 10);
  const event = await ok<{ id: number }>(host, 'POST', '/api/events', {
    title: '观山湖区委党校社区工作者培训班',
    kind: 'training',
    startsOn,
  });
  const ids: number[] = [];
  for (const trainee of trainees)
    ids.push((await ok<{ id: number }>(host, 'POST', `/api/events/${event.id}/participants`, trainee)).id);
  const session = await ok<{ id: number }>(host, 'POST', `/api/events/${event.id}/sessions`, {
    title: '社区工作与社区工作者职业素养',
    startsAt: hostTime(-5),
    endsAt: hostTime(120),
  });
  const desk = await ok<{ token: string }>(host, 'POST', `/api/events/${event.id}/desks`, { name: '一号签到台' });
  return { eventId: event.id, sessionId: session.id, ids, deskToken: desk.token };
}

async function statusOf(host: RunningHost, c: Class, participantId: number): Promise<string | null> {
  const rows = await ok<Array<{ participantId: number; status: string | null }>>(
    host,
    'GET',
    `/api/events/${c.eventId}/checkin-roster?session=${c.sessionId}`,
  );
  return rows.find((r) => r.participantId === participantId)?.status ?? null;
}

test('the desk checks a trainee in by pinyin initials and Enter, shows it big, and Ctrl+Z takes it back', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const c = await setUpClass(host);
  const desk = new DeskPageModel(page);
  await desk.open(host.url, c.eventId, c.deskToken);

  await expect(desk.session).toContainText('社区工作与社区工作者职业素养');
  await expect(desk.count('expected')).toHaveText('6');
  await expect(desk.count('present')).toHaveText('0');
  await expect(desk.search).toBeFocused();

  await page.keyboard.type('wjg');
  await expect(desk.rows).toHaveCount(1);
  await expect(desk.rows.first()).toContainText('王建国');
  await desk.press('Enter');

  await expect(desk.outcome).toHaveAttribute('data-kind', 'in');
  await expect(desk.outcome).toContainText('王建国');
  await expect(desk.outcome).toContainText('第1组');
  await expect(desk.outcome).toContainText('签到成功');
  await expect(desk.count('present')).toHaveText('1');
  await expect(desk.row(c.ids[0]!)).toContainText('已于');
  expect(await statusOf(host, c, c.ids[0]!)).toBe('present');
  await expect(desk.search).toHaveValue('');
  await page.screenshot({ path: shot('desk-1366x768') });

  await desk.press('Control+z');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'undone');
  await expect(desk.outcome).toContainText('已撤销 王建国 的签到');
  await expect(desk.count('present')).toHaveText('0');
  await expect(desk.row(c.ids[0]!)).toContainText('未签到');
  expect(await statusOf(host, c, c.ids[0]!)).toBeNull();

  // Full pinyin and a phone's last four digits find people too.
  await desk.type('zhanglihua');
  await expect(desk.rows).toHaveCount(1);
  await expect(desk.rows.first()).toContainText('张丽华');
  await desk.type('1002');
  await expect(desk.rows).toHaveCount(1);
  await expect(desk.rows.first()).toContainText('赵志强');

  // A signature from the printed sheet is entered the same way and recorded as paper.
  await desk.paper.check();
  await expect(desk.search).toBeFocused();
  await desk.press('Enter');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'in');
  await expect(desk.outcome).toContainText('已补录纸质签到');
  await expect(desk.count('present')).toHaveText('1');

  // Another desk (here the console) checks someone in: this list and its counts follow live.
  await ok(host, 'POST', `/api/events/${c.eventId}/sessions/${c.sessionId}/checkins`, { participantId: c.ids[1] });
  await expect(desk.count('present')).toHaveText('2');
  await expect(desk.row(c.ids[1]!)).toContainText('已于');
});

test('namesakes are both listed with unit and phone tail, and nobody is checked in by guess', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const c = await setUpClass(host);
  const [first, second] = [c.ids[3]!, c.ids[4]!];
  const desk = new DeskPageModel(page);
  await desk.open(host.url, c.eventId, c.deskToken);
  await expect(desk.count('expected')).toHaveText('6');

  await desk.type('刘友红');
  await expect(desk.rows).toHaveCount(2);
  await expect(desk.row(first)).toContainText('金元社区');
  await expect(desk.row(first)).toContainText('尾号 1038');
  await expect(desk.row(second)).toContainText('观山社区');
  await expect(desk.row(second)).toContainText('尾号 1039');

  await desk.press('Enter');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'choose');
  await expect(desk.outcome).toContainText('请用 ↑↓ 选择');
  expect(await statusOf(host, c, first)).toBeNull();
  expect(await statusOf(host, c, second)).toBeNull();

  // lyh: both 刘友红 and 李雨航; still a choice to make.
  await desk.type('lyh');
  await expect(desk.rows).toHaveCount(3);
  await desk.press('Enter');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'choose');
  await expect(desk.count('present')).toHaveText('0');

  // Moving the highlight is a choice: the second 刘友红 (观山社区) and only her.
  await desk.type('刘友红');
  await desk.press('ArrowDown');
  await desk.press('Enter');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'in');
  await expect(desk.outcome).toContainText('第2组');
  await expect(desk.count('present')).toHaveText('1');
  expect(await statusOf(host, c, second)).toBe('present');
  expect(await statusOf(host, c, first)).toBeNull();

  // Checked in already: the host's sentence says since when.
  await desk.type('刘友红');
  await desk.press('ArrowDown');
  await desk.press('Enter');
  await expect(desk.outcome).toHaveAttribute('data-kind', 'already');
  await expect(desk.outcome).toContainText('签到');
  await page.screenshot({ path: shot('desk-namesakes') });
});

test('a trainee checks in on a 390×844 phone by typing the phone number and sees the name', async ({ page, host }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const c = await setUpClass(host);
  const self = await ok<{ code: string; url: string }>(
    host,
    'POST',
    `/api/events/${c.eventId}/sessions/${c.sessionId}/self-checkin`,
    { open: true },
  );
  expect(self.url).toContain(`#/checkin/${self.code}`);

  // WeChat's browser may be as old as Chrome 90 / iOS 14 Safari: take away what they lack before the page loads.
  await page.addInitScript(() => {
    Reflect.deleteProperty(Object, 'hasOwn');
    Reflect.deleteProperty(Array.prototype, 'at');
    Reflect.deleteProperty(Array.prototype, 'findLast');
    Reflect.deleteProperty(globalThis, 'structuredClone');
  });
  const phone = new CheckinPageModel(page);
  await phone.open(host.url, self.code);
  await expect(phone.session).toHaveText('社区工作与社区工作者职业素养');
  await expect(phone.phone).toHaveAttribute('inputmode', 'numeric');
  await expect(phone.phone).toHaveAttribute('autocomplete', 'tel');
  // Nothing sticks out sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await phone.checkIn('13900000000');
  await expect(phone.error).toContainText('签到台');

  await phone.checkIn('138 0000 1040');
  await expect(phone.name).toHaveText('李雨航');
  await expect(phone.result).toContainText('已签到');
  expect(await statusOf(host, c, c.ids[5]!)).toBe('present');
  await page.screenshot({ path: shot('checkin-phone-390x844') });
});

test('the projector shows the check-in QR and code, and counts up as trainees check in', async ({ page, host }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const c = await setUpClass(host);
  const self = await ok<{ code: string }>(
    host,
    'POST',
    `/api/events/${c.eventId}/sessions/${c.sessionId}/self-checkin`,
    { open: true },
  );

  const screen = new ScreenPageModel(page);
  const scene = new CheckinSceneModel(page);
  await screen.open(host.url, c.eventId);
  await expect(scene.scene).toBeVisible();
  await expect(scene.code).toHaveText(self.code);
  await expect(scene.qr).toBeVisible();
  await expect(scene.session).toHaveText('社区工作与社区工作者职业素养');
  await expect(scene.expected).toHaveText('6');
  await expect(scene.present).toHaveText('0');
  // Readable from the back of a hall: the code is at least 160px tall, the count at least 64px.
  expect(await scene.code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(160);
  expect(await scene.present.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(64);
  // No names on the public screen.
  await expect(page.getByText('王建国')).toHaveCount(0);

  const path = `/api/events/${c.eventId}/sessions/${c.sessionId}/checkins`;
  await ok(host, 'POST', path, { participantId: c.ids[0] });
  await expect(scene.present).toHaveText('1');
  await ok(host, 'POST', path, { participantId: c.ids[1] });
  await ok(host, 'POST', path, { participantId: c.ids[2] });
  await expect(scene.present).toHaveText('3');
  await expect(scene.expected).toHaveText('6');
  await page.screenshot({ path: shot('checkin-scene-1920x1080') });

  // Printed as a poster it carries no code (codes change every 30 s): its QR opens the page that asks for the
  // code the projector shows, so the poster stays good all day.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('poster-qr')).toBeVisible();
  await expect(scene.qr).toBeHidden();
  await expect(scene.code).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Closing self check-in gives the projector back its waiting scene.
  await ok(host, 'POST', `/api/events/${c.eventId}/sessions/${c.sessionId}/self-checkin`, { open: false });
  await expect(screen.waiting).toBeVisible({ timeout: 15_000 });
});
