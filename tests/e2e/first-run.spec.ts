import { ConsolePage } from './page-models/console';
import { expect, test } from './fixtures';

// A newly installed Podium: no event yet. The console offers to create one or load the samples, with the quick start
// beside; 帮助与关于 says where the data is and which version runs.
test('the first run offers 创建活动 and 载入示例, and 帮助与关于 shows the data folder', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);

  const welcome = page.getByTestId('first-run');
  await expect(welcome).toContainText('欢迎使用 Podium 赛会通');
  await expect(welcome.getByTestId('quick-start')).toContainText('演讲比赛');
  await expect(welcome.getByTestId('quick-start')).toContainText('培训班');

  await page.getByTestId('help-about').click();
  const about = page.getByTestId('about');
  await expect(about).toContainText(host.dataDir);
  await expect(about).toContainText(/\d+\.\d+\.\d+/);
  await expect(about).toContainText('还没有备份');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);

  // 创建活动 opens the form where the list would be; cancelling brings the welcome back.
  await welcome.getByTestId('first-run-create').click();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('first-run')).toBeVisible();

  await page.getByTestId('first-run-demo').click();
  await expect(console.toast).toContainText('已载入示例');
  await expect(
    page.getByRole('link', { name: '观山湖区委党校社区治理学校第一期社区工作者培训班', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', {
      name: '江浦路街道《习近平关于基层治理论述摘编》专题学习暨居民区青年干部演讲比赛',
      exact: true,
    }),
  ).toBeVisible();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
});
