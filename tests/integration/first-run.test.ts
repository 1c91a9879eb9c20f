// What the first run's console asks of the host: 载入示例 (once, however often it is pressed) and 设置/关于.
import { describe, expect } from 'vitest';
import { z } from 'zod';
import { DemoLoaded, HostAbout } from '../../shared/api/host-info-routes';
import { withHost } from '../support/host';

const Titles = z.array(z.object({ title: z.string(), kind: z.string() }));

describe('first run', () => {
  withHost('载入示例 adds the sample contest and class once; pressed again it adds nothing', async ({ t }) => {
    const first = DemoLoaded.parse((await t.call('POST', '/api/host/demo')).body);
    expect(first.added).toHaveLength(2);
    const events = Titles.parse((await t.call('GET', '/api/events')).body);
    expect(events.map((e) => e.kind).sort()).toEqual(['contest', 'training']);
    expect(events.map((e) => e.title).sort()).toEqual([...first.added].sort());

    const again = await t.call('POST', '/api/host/demo');
    expect(again.status).toBe(200);
    expect(DemoLoaded.parse(again.body).added).toEqual([]);
    expect(Titles.parse((await t.call('GET', '/api/events')).body)).toHaveLength(2);
  });

  withHost('设置/关于 tells the version, the data folder, the backup folder and the last backup', async ({ t }) => {
    const before = HostAbout.parse((await t.call('GET', '/api/host/about')).body);
    expect(before).toMatchObject({ dataDir: t.dataDir, lastBackupAt: null });
    expect(before.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(before.backupFolder.startsWith(t.dataDir)).toBe(true);

    expect((await t.call('POST', '/api/host/backups')).status).toBe(201);
    const after = HostAbout.parse((await t.call('GET', '/api/host/about')).body);
    expect(after.lastBackupAt).not.toBeNull();
  });

  withHost('both need the admin token', async ({ t }) => {
    expect((await t.call('GET', '/api/host/about', { token: null })).status).toBe(401);
    expect((await t.call('POST', '/api/host/demo', { token: null })).status).toBe(401);
    expect((await t.call('GET', '/api/events')).body).toEqual([]);
  });
});
