import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, field, items, ok, shot, test, type RunningHost } from './fixtures';
import { BackupsPanelModel } from './page-models/backups';
import { ConsolePage } from './page-models/console';

// The console's 自动备份 panel: 立即备份 lists a backup with its time, size and what happened before; 恢复 asks
// first, naming the time and saying the current data is kept, then brings back what was deleted since.

const title = '居民区青年干部演讲比赛';

async function participantNames(host: RunningHost, eventId: number): Promise<unknown[]> {
  return items(await ok(host, 'GET', `/api/events/${eventId}/participants`)).map((p) => field(p, 'name'));
}

test('a backup taken from the console is restored after a speaker was deleted', async ({ page, host }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const event = await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' });
  const eventId = Number(field(event, 'id'));
  const ids: number[] = [];
  for (const name of ['张三', '李四'])
    ids.push(Number(field(await ok(host, 'POST', `/api/events/${eventId}/participants`, { name }), 'id')));

  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);
  const backups = new BackupsPanelModel(page);
  await expect(backups.panel).toContainText('还没有备份');
  await expect(backups.folderPath).toContainText('backups');

  await backups.takeNow();
  await expect(backups.rows).toHaveCount(1);
  const taken = backups.rows.first();
  await expect(taken).toContainText('手动备份');
  await expect(taken).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  await expect(taken).toContainText(/\d+ KB/);

  await ok(host, 'DELETE', `/api/events/${eventId}/participants/${ids[1]}`);
  expect(await participantNames(host, eventId)).toEqual(['张三']);

  await backups.askRestore(taken);
  const time = (await taken.locator('td').first().innerText()).trim();
  await expect(backups.restoreDialog).toContainText(`恢复 ${time} 的备份？`);
  await expect(backups.restoreDialog).toContainText('恢复前会先把现在的数据另存为一份备份');
  await page.screenshot({ path: shot('backups-restore-question') });
  // Cancel changes nothing.
  await page.getByRole('button', { name: '取消' }).click();
  expect(await participantNames(host, eventId)).toEqual(['张三']);

  await backups.askRestore(taken);
  await backups.confirmRestore();
  await expect(console.toast.filter({ hasText: '已恢复' })).toContainText(`已恢复 ${time} 的备份`);
  expect(await participantNames(host, eventId)).toEqual(['张三', '李四']);
  await expect(backups.rows).toHaveCount(2);
  await expect(backups.rows.first()).toContainText('恢复备份之前');
  await page.screenshot({ path: shot('backups-panel'), fullPage: true });
});

test('a backup folder that does not exist is refused; a stick pulled out later is shown on the event page', async ({
  page,
  host,
}) => {
  const console = new ConsolePage(page);
  await console.open(host.consoleUrl);
  const backups = new BackupsPanelModel(page);
  await backups.chooseFolder('/nowhere/U盘/Podium备份');
  await expect(page.getByTestId('backup-folder')).toContainText('找不到文件夹 /nowhere/U盘/Podium备份');
  await expect(backups.folderPath).toContainText(host.dataDir);

  const stick = mkdtempSync(join(tmpdir(), 'podium-e2e-usb-'));
  try {
    await backups.chooseFolder(stick);
    await expect(backups.folderPath).toHaveText(stick);
    // The stick is pulled out; the next backup is kept on this computer and the console says so.
    rmSync(stick, { recursive: true, force: true });
    await ok(host, 'POST', '/api/host/backups');
    const event = await ok(host, 'POST', '/api/events', { title, kind: 'contest', startsOn: '2024-07-03' });
    await page.goto(`${host.url}/#/console/events/${String(field(event, 'id'))}`);
    await expect(page.getByTestId('backup-failure')).toContainText(`无法写入备份文件夹 ${stick}`);
    await page.screenshot({ path: shot('backups-failure-event-page') });
    await page.getByRole('link', { name: '查看备份' }).click();
    await expect(backups.rows).toHaveCount(1);
    await expect(page.getByTestId('backup-failure')).toContainText('U 盘');
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
