import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { ConsolePage } from './page-models/console';
import { expect, test } from './fixtures';

// The demo's events (npm run demo): a contest with 8 speakers and a class with 50 trainees.
const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
const classTitle = '观山湖区委党校社区治理学校第一期社区工作者培训班';

const contestTabsZh = ['报名', '评分规则', '评委', '出场顺序', '比赛进行', '排名与奖项', '证书', '文档与导出'];
const classTabsZh = [
  '学员',
  '分组',
  '课程表',
  '签到',
  '考勤',
  '分会场',
  '课程评估',
  '学习心得',
  '结业与证书',
  '文档与导出',
];

/** The tabs README.md lists under a heading ("1. **报名** — …"): the order of the organiser's day. */
function readmeTabs(heading: string): string[] {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';
  return [...section.matchAll(/^\d+\. \*\*(.+?)\*\*/gm)].map((m) => m[1] ?? '');
}

test('README lists the console tabs in the order the console shows them', () => {
  expect(readmeTabs('On the day of a contest')).toEqual(contestTabsZh);
  expect(readmeTabs('A training class')).toEqual(classTabsZh);
});

/** How far down the page the chosen tab's content starts: what the header and the tabs take. */
async function chromeHeight(page: Page): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.getByRole('tabpanel').boundingBox();
  if (!box) throw new Error('no tab panel on the page');
  return box.y;
}

/** The tab buttons' labels (without their step numbers) and their tops on the screen. */
async function tabsOf(page: Page): Promise<Array<{ label: string; top: number }>> {
  return page.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((tab) => ({
      label: (tab.lastChild?.textContent ?? '').trim(),
      top: Math.round(tab.getBoundingClientRect().top),
    })),
  );
}

// Sixteen screenshots on a machine the whole team shares: more than the default minute.
test.describe.configure({ timeout: 180_000 });

/** The buttons, links, tabs and fields a toast covers, by their text or name (ones in reach without it). */
async function controlsUnder(toast: Locator): Promise<string[]> {
  const box = await toast.boundingBox();
  if (!box) throw new Error('the toast is not on screen');
  return toast.page().evaluate(({ x, y, width, height }) => {
    const toasts = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="toast"]'));
    for (const t of toasts) t.style.visibility = 'hidden';
    const covered = Array.from(document.querySelectorAll('button, a, input, select, textarea, [role="tab"]'))
      .filter((control) => !control.closest('[data-testid="toast"]'))
      .filter((control) => {
        const r = control.getBoundingClientRect();
        const left = Math.max(r.left, x);
        const right = Math.min(r.right, x + width);
        const top = Math.max(r.top, y);
        const bottom = Math.min(r.bottom, y + height);
        if (left >= right || top >= bottom) return false;
        // Only what a click would reach were the toast not there (not what the sticky header already hides).
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        return hit !== null && (hit === control || control.contains(hit));
      })
      .map((control) => control.textContent?.trim() || control.getAttribute('aria-label') || control.tagName);
    for (const t of toasts) t.style.visibility = '';
    return covered;
  }, box);
}

async function screenshotEveryTab(page: Page, name: string): Promise<void> {
  const count = await page.getByRole('tab').count();
  for (let i = 0; i < count; i++) {
    await page.getByRole('tab').nth(i).click();
    await expect(page.getByRole('tab').nth(i)).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: `/tmp/podium-layout/${name}-${i + 1}.png` });
  }
  await page.getByRole('tab').first().click();
}

test('the contest console at 1366×768: compact head, tabs in the order of the day, toasts that go', async ({
  page,
  demoHost,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console = new ConsolePage(page);
  await console.open(demoHost.consoleUrl);
  const event = await console.openEvent(contestTitle);

  await screenshotEveryTab(page, 'contest-zh');
  expect((await tabsOf(page)).map((tab) => tab.label)).toEqual(contestTabsZh);
  expect(await chromeHeight(page)).toBeLessThanOrEqual(120);

  // A confirmation does not stay on screen once the organiser has moved on to another tab.
  await event.addParticipant({ name: '王晓明', organization: '江浦路街道' });
  await expect(console.toast).toBeVisible();
  expect(await controlsUnder(console.toast)).toEqual([]);
  await page.screenshot({ path: '/tmp/podium-layout/contest-zh-toast.png' });
  await page.getByTestId('tab-rubric').click();
  await expect(console.toast).toHaveCount(0);

  // The draw's seed is a detail for the few who want to re-run a draw: it waits under 高级.
  await page.getByTestId('tab-order').click();
  await expect(page.getByTestId('draw-button')).toBeVisible();
  await expect(page.getByText('抽签种子')).toBeHidden();
  await page.getByTestId('draw-advanced').click();
  await expect(page.getByTestId('draw-seed')).toBeVisible();
  await expect(page.getByText('抽签种子').first()).toBeVisible();

  await console.switchLanguage();
  await page.getByTestId('tab-registration').click();
  const english = await tabsOf(page);
  expect(english).toHaveLength(contestTabsZh.length);
  // One row of tabs: every tab at the same height on the screen.
  expect(new Set(english.map((tab) => tab.top)).size, JSON.stringify(english)).toBe(1);
  expect(await chromeHeight(page)).toBeLessThanOrEqual(120);
  await screenshotEveryTab(page, 'contest-en');
});

test('the class console at 1366×768 has the same compact head and one row of tabs', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console = new ConsolePage(page);
  await console.open(demoHost.consoleUrl);
  await console.openEvent(classTitle);

  await screenshotEveryTab(page, 'class-zh');
  expect((await tabsOf(page)).map((tab) => tab.label)).toEqual(classTabsZh);
  expect(await chromeHeight(page)).toBeLessThanOrEqual(120);

  await console.switchLanguage();
  const english = await tabsOf(page);
  expect(new Set(english.map((tab) => tab.top)).size, JSON.stringify(english)).toBe(1);
  // Ten tabs and the connection's state all on screen, none cut off at the right.
  const rightmost = await page
    .locator('.contest-tabs-row')
    .evaluate((row) => Math.max(...Array.from(row.querySelectorAll('*'), (e) => e.getBoundingClientRect().right)));
  expect(rightmost).toBeLessThanOrEqual(1366);
  expect(await chromeHeight(page)).toBeLessThanOrEqual(120);
  await screenshotEveryTab(page, 'class-en');
});
