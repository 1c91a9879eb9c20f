import { expect, shot, test } from './fixtures';
import { ConsolePage } from './page-models/console';
import { TrainingModel } from './page-models/training';

const classTitle = '观山湖区委党校社区治理学校第一期社区工作者培训班';

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  return Object.entries(value).find(([k]) => k === key)?.[1];
}

/** Local wall-clock ISO time `days` from today at HH:MM, as the console's form sends it. */
function localIso(days: number, time: string): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}:00`;
}

test('the organiser plans a class on the 课程表 tab: a venue, two sessions by day, an overlap flagged on both', async ({
  page,
  host,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.createEventAndOpen({
    title: classTitle,
    kind: 'training',
    startsOn: '2024-09-09',
    endsOn: '2024-09-13',
  });
  const training = new TrainingModel(page);
  // The class opens on its roster, the first of its own tabs.
  await expect(page.getByTestId('tab-trainees')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tablist')).toHaveText(/学员.*课程表.*签到.*考勤.*结业与证书.*文档与导出/);

  await training.open('schedule');
  await training.addVenue({ name: '党校一号教室', kind: 'main', address: '观山湖区金华园路 1 号' });
  await expect(training.venueRows).toContainText(['主会场党校一号教室观山湖区金华园路 1 号']);

  await training.page.getByTestId('session-add').click();
  // The credit hours follow the length until the organiser types them.
  await training.fillSession({
    title: '社区工作与社区工作者职业素养',
    date: '2024-09-09',
    start: '09:00',
    end: '11:30',
  });
  await expect(training.sessionForm.getByTestId('session-hours')).toHaveValue('2.5');
  // An end before the start is caught in the form, beside 结束时间.
  await training.sessionForm.getByTestId('session-end').fill('08:30');
  await training.sessionForm.getByTestId('session-save').click();
  await expect(training.sessionForm.getByTestId('field-error')).toHaveText('结束时间必须晚于开始时间。');
  await training.sessionForm.getByTestId('session-end').fill('11:30');
  await training.sessionForm.getByTestId('session-venue').selectOption({ label: '党校一号教室' });
  await training.sessionForm.getByTestId('session-save').click();
  await expect(training.sessionRows).toHaveCount(1);

  await training.addSession({
    title: '社区社会组织培育与社区治理',
    date: '2024-09-09',
    start: '10:30',
    end: '12:00',
    venue: '党校一号教室',
  });
  await training.addSession({ title: '金元社区现场教学', date: '2024-09-10', start: '14:30', end: '17:00' });

  // Day by day, 上午/下午 within a day.
  await expect(training.days).toHaveCount(2);
  await expect(training.days.nth(0).locator('h3')).toHaveText('2024年9月9日 星期一');
  await expect(training.days.nth(0).getByTestId('schedule-part')).toHaveAttribute('data-period', 'morning');
  await expect(training.days.nth(0).getByTestId('session-row')).toHaveCount(2);
  await expect(training.days.nth(1).getByTestId('schedule-part')).toHaveAttribute('data-period', 'afternoon');
  await expect(training.days.nth(1).locator('h4')).toHaveText('下午');

  // The two morning sessions share a room at 10:30–11:30: each says so, naming the other.
  const overlaps = page.getByTestId('session-overlap');
  await expect(overlaps).toHaveCount(2);
  await expect(overlaps.nth(0)).toContainText('“社区社会组织培育与社区治理”');
  await expect(overlaps.nth(1)).toContainText('“社区工作与社区工作者职业素养”');
  await expect(page.getByTestId('schedule-summary')).toHaveText('共 3 次课，6.5 学时');
  await page.screenshot({ path: shot('training-schedule'), fullPage: true });

  // Moving the second one to the afternoon clears the warning on both.
  const second = training.sessionRow('社区社会组织培育与社区治理');
  await second.getByTestId('session-edit').click();
  await training.sessionForm.getByTestId('session-start').fill('14:00');
  await training.sessionForm.getByTestId('session-end').fill('15:30');
  await training.sessionForm.getByTestId('session-save').click();
  await expect(overlaps).toHaveCount(0);
  await expect(training.days.nth(0).getByTestId('schedule-part')).toHaveCount(2);

  // Deleting asks first and says what goes with it.
  const third = training.sessionRow('金元社区现场教学');
  await third.getByTestId('session-delete').click();
  await expect(third.getByTestId('session-delete-ask')).toContainText('签到和考勤记录会一起删除');
  await third.getByTestId('session-delete-confirm').click();
  await expect(training.days).toHaveCount(1);

  const sessions = await host.api('GET', `/api/events/${eventIdOf(page.url())}/sessions`);
  expect(Array.isArray(sessions.body) ? sessions.body.map((s) => field(s, 'startsAt')) : []).toEqual([
    '2024-09-09T09:00:00',
    '2024-09-09T14:00:00',
  ]);
});

function eventIdOf(url: string): number {
  return Number(/#\/console\/events\/(\d+)/.exec(url)?.[1]);
}

test('签到 shows the code of an open self check-in and counts a check-in as it happens', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const created = await host.api('POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: '2024-09-09',
  });
  const eventId = Number(field(created.body, 'id'));
  const trainees = ['刘友红', '张经天', '叶颖华'];
  const ids: number[] = [];
  for (const [i, name] of trainees.entries()) {
    const p = await host.api('POST', `/api/events/${eventId}/participants`, {
      name,
      phone: `1380000000${i}`,
      group: i === 2 ? '第二组' : '第一组',
    });
    ids.push(Number(field(p.body, 'id')));
  }
  // A session running now, so it is the one the tab starts on.
  const session = await host.api('POST', `/api/events/${eventId}/sessions`, {
    title: '社区服务体系建设与“三感社区”推动',
    startsAt: localIso(0, '00:00'),
    endsAt: localIso(0, '23:59'),
  });
  const sessionId = Number(field(session.body, 'id'));

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(classTitle);
  const training = new TrainingModel(page);
  await training.open('checkin');
  await expect(page.getByTestId('checkin-session').locator('option:checked')).toContainText('（进行中）');
  await expect(training.count('expected')).toHaveText('3');
  await expect(training.count('present')).toHaveText('0');

  await page.getByTestId('self-checkin-toggle').click();
  await expect(training.toast.filter({ hasText: '已打开' })).toBeVisible();
  await expect(training.selfCheckinCode).toHaveText(/^\d{4}$/);
  await expect(page.getByTestId('self-checkin').locator('.qr img')).toBeVisible();

  // Someone checks in at a desk (here: over the API): the console counts it without a reload.
  const checkin = await host.api('POST', `/api/events/${eventId}/sessions/${sessionId}/checkins`, {
    participantId: ids[0],
  });
  expect(checkin.status).toBe(201);
  await expect(training.count('present')).toHaveText('1');
  await expect(training.missing).not.toContainText('刘友红');
  await expect(training.missing).toContainText('第一组');
  await expect(training.missing).toContainText('张经天');
  await page.screenshot({ path: shot('training-checkin'), fullPage: true });

  // A correction with a reason: 请假 leaves the missing list and is counted.
  const row = page.getByTestId('roster-row').filter({ hasText: '叶颖华' });
  await row.getByTestId('roster-correct').click();
  const form = page.getByTestId('correction-form');
  await form.getByTestId('correction-leave').check();
  await form.getByTestId('correction-reason').fill('病假条已交');
  await form.getByTestId('correction-save').click();
  await expect(training.toast.filter({ hasText: '已将 叶颖华 记为“请假”' })).toBeVisible();
  await expect(training.count('leave')).toHaveText('1');
  await expect(training.missing).not.toContainText('叶颖华');

  // A desk gets its own link; revoking asks first.
  await page.getByTestId('desk-name').fill('一号签到台');
  await page.getByTestId('desk-add').click();
  const desk = page.getByTestId('desk-row').filter({ hasText: '一号签到台' });
  await expect(desk.getByTestId('desk-url')).toContainText('#/desk/');
  await desk.getByTestId('desk-revoke').click();
  await expect(desk.getByTestId('desk-revoke-ask')).toContainText('立即不能签到');
  await desk.getByTestId('desk-revoke-confirm').click();
  await expect(page.getByTestId('desk-row')).toHaveCount(0);
});

test('结业与证书: a rule and an override change who completes', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const created = await host.api('POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: '2024-09-09',
  });
  const eventId = Number(field(created.body, 'id'));
  const ids: Record<string, number> = {};
  for (const name of ['刘友红', '张经天', '叶颖华']) {
    ids[name] = Number(field((await host.api('POST', `/api/events/${eventId}/participants`, { name })).body, 'id'));
  }
  // Two sessions already held: 刘友红 came to both, 张经天 to one, 叶颖华 to none.
  const sessionIds: number[] = [];
  for (const day of [-2, -1]) {
    const s = await host.api('POST', `/api/events/${eventId}/sessions`, {
      title: `第${day + 3}天专题授课`,
      startsAt: localIso(day, '09:00'),
      endsAt: localIso(day, '11:00'),
    });
    sessionIds.push(Number(field(s.body, 'id')));
  }
  const mark = (sid: number | undefined, name: string) =>
    host.api('PUT', `/api/events/${eventId}/sessions/${sid}/attendance/${ids[name]}`, { status: 'present' });
  await mark(sessionIds[0], '刘友红');
  await mark(sessionIds[1], '刘友红');
  await mark(sessionIds[0], '张经天');

  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(classTitle);
  const training = new TrainingModel(page);
  await training.open('certificates');
  // By default 80%: only 刘友红.
  await expect(page.getByTestId('completion-min-rate')).toHaveValue('80');
  await expect(training.completers.getByTestId('completion-row')).toHaveText([/刘友红/]);
  await expect(training.nonCompleters).toContainText('张经天');
  // Completion certificates go to completers only.
  await expect(page.getByTestId('certificate-count')).toHaveText('共 1 张');

  await training.setMinRate('50');
  await expect(training.toast.filter({ hasText: '结业条件已保存' })).toBeVisible();
  await expect(training.completers.getByTestId('completion-row')).toHaveText([/刘友红/, /张经天/]);

  await training.override('叶颖华', true, '因公出差，经班主任同意');
  await expect(training.completers.getByTestId('completion-row')).toHaveCount(3);
  await expect(training.completers.getByTestId('completion-overridden')).toHaveText('已调整：因公出差，经班主任同意');
  await expect(page.getByTestId('certificates-panel')).toBeVisible();
  await expect(page.getByTestId('certificate-count')).toHaveText('共 3 张');
  await page.screenshot({ path: shot('training-completion'), fullPage: true });

  const completion = await host.api('GET', `/api/events/${eventId}/completion`);
  expect(field(completion.body, 'minRate')).toBe(50);
  expect(field(completion.body, 'completers')).toEqual([ids['刘友红'], ids['张经天'], ids['叶颖华']]);
});
