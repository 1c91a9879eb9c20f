import { expect, field, ok, shot, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';
import { ReflectionsModel, ReflectPageModel } from './page-models/reflections';
import { TrainingModel } from './page-models/training';
import { gzipBytes } from './weight';

// 学习心得 end to end: the organiser sets an assignment, a trainee hands in from a phone-sized page (and the draft
// survives a reload), the organiser reads it in the tab and marks it 优秀.
test.describe.configure({ timeout: 120_000 });

const classTitle = '观山湖区委党校社区工作者培训班';
const trainees = [
  { name: '王建国', organization: '金元社区', phone: '13800001000', group: '第一组' },
  { name: '张丽华', organization: '观山社区', phone: '13800001001', group: '第二组' },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** A date on this machine's calendar `days` from today. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function setUpClass(host: RunningHost): Promise<number> {
  const event = await ok(host, 'POST', '/api/events', {
    title: classTitle,
    kind: 'training',
    startsOn: dayFromToday(0),
    endsOn: dayFromToday(3),
  });
  const eventId = Number(field(event, 'id'));
  for (const trainee of trainees) await ok(host, 'POST', `/api/events/${eventId}/participants`, trainee);
  return eventId;
}

test('a trainee hands in a reflection on a phone; the organiser reads it and marks it excellent', async ({
  browser,
  page,
  host,
}) => {
  await setUpClass(host);
  await page.setViewportSize({ width: 1366, height: 768 });
  const console_ = new ConsolePage(page);
  await console_.open(host.consoleUrl);
  await console_.openEvent(classTitle);
  const training = new TrainingModel(page);
  await training.open('reflections');
  const tab = new ReflectionsModel(page);
  await tab.addAssignment({
    title: '学习《习近平关于基层治理论述摘编》心得',
    prompt: '结合本社区工作实际，谈谈学习体会。',
    date: dayFromToday(2),
    time: '17:00',
  });
  const row = tab.assignments.filter({ hasText: '基层治理' });
  await expect(row.getByTestId('reflection-handed-in')).toHaveText('已交 0 / 2 人');
  const link = await tab.linkOf('基层治理');
  const code = /#\/reflect\/([a-z2-9]{8})$/.exec(link)?.[1] ?? '';
  expect(code).toHaveLength(8);
  await expect(row.getByTestId('reflection-qr').locator('img')).toBeVisible();
  await page.screenshot({ path: shot('reflections-assignment') });

  // The trainee's phone.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await phoneContext.newPage();
  const fetched: string[] = [];
  phone.on('response', (r) => {
    if (r.url().startsWith(host.url) && !r.url().includes('/api/')) fetched.push(r.url());
  });
  const reflect = new ReflectPageModel(phone);
  await reflect.open(host.url, code);
  await expect(phone.getByTestId('reflect-assignment')).toHaveText('学习《习近平关于基层治理论述摘编》心得');
  await reflect.phone.fill('138 0000 1000');
  await reflect.title.fill('做群众的贴心人');
  await reflect.body.fill('学习之后，我更加明白了基层治理的重心在社区。');
  await expect(reflect.count).toHaveText('22 / 3000 字');
  // The draft is kept on the phone: a reload loses nothing.
  await phone.reload();
  await expect(reflect.title).toHaveValue('做群众的贴心人');
  await expect(reflect.count).toHaveText('22 / 3000 字');
  await phone.screenshot({ path: shot('reflections-phone') });
  await reflect.submit.click();
  await expect(reflect.result).toContainText('王建国，您的心得已收到');
  await expect(reflect.result).toContainText('22 字');
  await phone.screenshot({ path: shot('reflections-phone-received') });

  // Edited and handed in again before the deadline: the same one, replaced.
  await phone.getByTestId('reflect-edit-again').click();
  await reflect.body.fill('学习之后，我更加明白了基层治理的重心在社区，要把矛盾化解在基层。');
  await expect(reflect.submit).toHaveText('提交修改');
  await reflect.submit.click();
  await expect(reflect.result).toContainText('王建国，您的心得已更新');

  // Over the limit the count turns red and the host's refusal says by how much.
  await phone.getByTestId('reflect-edit-again').click();
  await reflect.body.fill('社'.repeat(3005));
  await expect(reflect.count).toContainText('超出 5 个字');
  await reflect.submit.click();
  await expect(reflect.error).toHaveText('正文最多 3000 个字，这次提交了 3005 个字。请删减 5 个字后再提交。');

  const weight = await gzipBytes([...new Set(fetched)]);
  console.log(`reflection page: ${fetched.length} files, ${(weight / 1024).toFixed(1)} KB gzip`);
  expect(weight).toBeLessThan(120 * 1024);
  await phoneContext.close();

  // The organiser reads it in the tab and marks it 优秀.
  await page.reload();
  await training.open('reflections');
  await expect(row.getByTestId('reflection-handed-in')).toHaveText('已交 1 / 2 人');
  await expect(tab.items).toHaveCount(1);
  await expect(tab.items.first()).toContainText('王建国');
  await expect(tab.pane).toContainText('要把矛盾化解在基层');
  await expect(tab.pane).toContainText('金元社区 · 第一组 · 32 字');
  await tab.star.click();
  await expect(training.toast).toContainText('已将 王建国 的心得评为优秀');
  await expect(tab.items.first()).toContainText('★');
  await tab.excellentOnly.check();
  await expect(tab.items).toHaveCount(1);
  await expect(row).toContainText('优秀 1 篇');
  await page.screenshot({ path: shot('reflections-console') });

  // 张丽华 handed hers in on paper: the class teacher types it in.
  await tab.excellentOnly.uncheck();
  await page.getByTestId('reflection-enter').click();
  const paper = page.getByTestId('reflection-paper-form');
  await paper.getByTestId('reflection-paper-trainee').selectOption({ label: '第二组 · 张丽华 · 观山社区' });
  await paper.getByTestId('reflection-paper-title').fill('学好“枫桥经验”');
  await paper.getByTestId('reflection-paper-body').fill('学好“枫桥经验”，做好社区工作。');
  await page.screenshot({ path: shot('reflections-paper'), fullPage: true });
  await paper.getByTestId('reflection-paper-save').click();
  await expect(training.toast.filter({ hasText: '已录入 张丽华 的心得' })).toBeVisible();
  await expect(tab.items).toHaveCount(2);
  await expect(tab.pane).toContainText('学好“枫桥经验”，做好社区工作。');
  await expect(row.getByTestId('reflection-handed-in')).toHaveText('已交 2 / 2 人');
});
