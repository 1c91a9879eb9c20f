import { readFile } from 'node:fs/promises';
import { compact, readPdf } from '../support/pdf';
import { expect, field, ok, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { TrainingModel } from './page-models/training';

// 文档与导出 of a street's study series: the organiser names the 居民区 of a session in the schedule, reads the
// study-session counts, and downloads the class report (结班材料).
test.describe.configure({ timeout: 120_000 });

const title = '江浦路街道青年干部学习';
const shots = process.env.REPORT_SHOTS;

const pad = (n: number) => String(n).padStart(2, '0');
/** A date on this machine's calendar `days` from today. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Two past sessions held by 恒阳居民区 and 安丘居民区, with three and two who came. */
async function studySeries(host: RunningHost): Promise<number> {
  const event = await ok(host, 'POST', '/api/events', {
    title,
    kind: 'training',
    startsOn: dayFromToday(-20),
    endsOn: dayFromToday(20),
  });
  const id = Number(field(event, 'id'));
  const people: number[] = [];
  for (const [name, organization] of [
    ['王建国', '恒阳居民区'],
    ['李丽华', '安丘居民区'],
    ['张志强', '长阳居民区'],
  ]) {
    people.push(Number(field(await ok(host, 'POST', `/api/events/${id}/participants`, { name, organization }), 'id')));
  }
  for (const [days, organization, present] of [
    [-14, '恒阳居民区', 3],
    [-7, '安丘居民区', 2],
  ] as const) {
    const date = dayFromToday(days);
    const session = await ok(host, 'POST', `/api/events/${id}/sessions`, {
      title: '青年干部学习讨论',
      kind: 'discussion',
      startsAt: `${date}T19:00:00`,
      endsAt: `${date}T21:00:00`,
      organization,
    });
    for (const pid of people.slice(0, present))
      await ok(host, 'PUT', `/api/events/${id}/sessions/${Number(field(session, 'id'))}/attendance/${pid}`, {
        status: 'present',
      });
  }
  return id;
}

test('the organiser names a session’s 居民区, reads the counts and downloads the class report', async ({
  page,
  host,
}) => {
  await studySeries(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(title);
  const training = new TrainingModel(page);

  // A third session, held by a district chosen from the trainees' units.
  await training.open('schedule');
  await page.getByTestId('session-add').click();
  await training.fillSession({ title: '青年干部学习讨论', date: dayFromToday(-1), start: '19:00', end: '21:00' });
  const organization = training.sessionForm.getByTestId('session-organization');
  await expect(page.locator('datalist option')).toHaveCount(3);
  await organization.fill('长阳居民区');
  if (shots) await page.screenshot({ path: `${shots}/session-form.png` });
  await training.sessionForm.getByTestId('session-save').click();
  await expect(training.sessionRows).toHaveCount(3);

  await training.open('documents');
  const counts = page.getByTestId('study-counts');
  await expect(counts.getByTestId('study-counts-headline')).toHaveText('各居民区已累计开展了3次学习讨论');
  const rows = counts.getByTestId('study-counts-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // One session each: in pinyin order, 安丘 (ān), 长阳 (cháng), 恒阳 (héng).
  await expect(rows).toContainText(['安丘居民区', '长阳居民区', '恒阳居民区']);
  await expect(counts.locator('tfoot')).toContainText('3 次 / 5 人次');
  await counts.scrollIntoViewIfNeeded();
  if (shots) await page.screenshot({ path: `${shots}/documents.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-classReportPdf').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^江浦路街道青年干部学习-结班材料-.+\.pdf$/);
  const pdf = readPdf(await readFile(await download.path()));
  expect(compact(pdf.pages[0] ?? '')).toContain('学员人数3人');
  expect(compact(pdf.text)).toContain('未开展评估。');

  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-studyCountsXlsx').click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^江浦路街道青年干部学习-学习讨论统计-.+\.xlsx$/);
});
