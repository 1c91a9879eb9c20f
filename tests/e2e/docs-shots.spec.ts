// The user guide's screenshots (docs/images/), taken from the running product so the guide shows what organisers see.
// `npm run docs:shots` writes them into docs/images; in the ordinary e2e run they go to a scratch folder, so the
// run still proves every screen the guide shows can be reached. The guide must use every shot, and only these.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { speechRubricWith } from '../support/rubrics';
import { expect, field, items, ok, test, type RunningHost } from './fixtures';
import { ConsolePage } from './page-models/console';

const outDir = process.env.PODIUM_DOCS_SHOTS ?? join(process.cwd(), 'test-results/docs-shots');
const docsDir = join(process.cwd(), 'docs');
const contestTitle = '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛';
const classTitle = '观山湖区委党校社区治理学校第一期社区工作者培训班';

/** The shots the guide uses, by file name, in the order they are taken. */
const taken: string[] = [];

async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  // JPEG keeps the repository small and is sharp enough for text at 1366 px; animations shown at their end.
  await page.screenshot({ path: join(outDir, `${name}.jpg`), type: 'jpeg', quality: 70, animations: 'disabled' });
  taken.push(`${name}.jpg`);
}

async function eventId(host: RunningHost, kind: 'contest' | 'training'): Promise<number> {
  const events = items(await ok(host, 'GET', '/api/events'));
  return Number(
    field(
      events.find((e) => field(e, 'kind') === kind),
      'id',
    ),
  );
}

/** Every image a page of the guide shows (`![…](images/x.jpg)` or `../images/x.jpg`). */
function imagesInGuide(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\]\((?:\.\.\/)?images\/([\w.-]+)\)/g))
          used.add(m[1] ?? '');
      }
    }
  };
  walk(docsDir);
  return used;
}

// One after the other: the second test checks the guide against the shots of both.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

test('the guide’s screenshot of the first run', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await new ConsolePage(page).open(host.consoleUrl);
  await expect(page.getByTestId('first-run')).toBeVisible();
  await snap(page, 'console-first-run');
  await page.getByTestId('help-about').click();
  await expect(page.getByTestId('about')).toContainText(host.dataDir);
  await snap(page, 'console-help');
});

test('the guide’s screenshots: the console of a contest and a class, a judge’s phone and the projector', async ({
  browser,
  demoHost: host,
}) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);
  await expect(page.getByText(classTitle).first()).toBeVisible();
  await snap(page, 'console-events');

  // A speaker on stage, so the run of the show, the judge's phone and the projector show the day itself.
  const contest = await eventId(host, 'contest');
  await ok(host, 'PUT', `/api/events/${contest}/rubric`, speechRubricWith({}));
  const judge = await ok(host, 'POST', `/api/events/${contest}/judges`, { name: '王评委' });
  await ok(host, 'POST', `/api/events/${contest}/judges`, { name: '李评委' });
  const speakers = items(await ok(host, 'GET', `/api/events/${contest}/participants`));
  await ok(host, 'POST', `/api/events/${contest}/performances/${Number(field(speakers[0], 'id'))}/start`);

  // The contest: each tab in the order of the day.
  await console.openEvent(contestTitle);
  for (const tab of ['registration', 'rubric', 'judges', 'order', 'run', 'ranking', 'certificates', 'documents']) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await page.waitForLoadState('networkidle');
    await snap(page, `contest-${tab}`);
  }

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${host.url}/#/judge?token=${encodeURIComponent(String(field(judge, 'token')))}`);
  await expect(phone.getByText(String(field(speakers[0], 'name'))).first()).toBeVisible();
  await snap(phone, 'judge-phone');
  await phone.close();
  const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await projector.goto(`${host.url}/#/screen/${contest}`);
  await expect(projector.getByText(String(field(speakers[0], 'name'))).first()).toBeVisible();
  await snap(projector, 'projector-speaker');
  await projector.close();

  // The class: each tab.
  await console.open(host.consoleUrl);
  await console.openEvent(classTitle);
  const tabs = await page.getByRole('tab').evaluateAll((list) => list.map((tab) => tab.getAttribute('data-testid')));
  for (const testId of tabs) {
    await page.getByTestId(String(testId)).click();
    await page.waitForLoadState('networkidle');
    await snap(page, `class-${String(testId).replace(/^tab-/, '')}`);
  }

  const guide = imagesInGuide();
  const missing = taken.filter((name) => !guide.has(name));
  const stale = [...guide].filter((name) => !taken.includes(name));
  expect(missing, 'shots the guide does not show yet').toEqual([]);
  expect(stale, 'images the guide shows that no test takes').toEqual([]);
  await page.close();
});
