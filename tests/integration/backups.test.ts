import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, test, vi } from 'vitest';
import { Backup, BackupFolder, RestoreAnswer } from '../../shared/api/backup-routes';
import { IssuedJudge } from '../../shared/api/contest';
import { Participant } from '../../shared/api/events';
import { ErrorBody } from '../../shared/api/errors';
import { backupFileName } from '../../shared/domain/backups';
import { contestWith, ok, runContest } from '../support/contest';
import { startTestHost, tempDir, withHost, type TestHost } from '../support/host';
import { openLive } from '../support/live';
import { rosterXlsx } from '../support/roster';

async function backups(t: TestHost): Promise<Backup[]> {
  return Backup.array().parse(await ok(t.call('GET', '/api/host/backups'), 'list backups'));
}

async function takeBackup(t: TestHost): Promise<Backup> {
  const answer = await t.call('POST', '/api/host/backups');
  expect(answer.status).toBe(201);
  return Backup.parse(answer.body);
}

async function participants(t: TestHost, eventId: number): Promise<string[]> {
  const list = Participant.array().parse(await ok(t.call('GET', `/api/events/${eventId}/participants`), 'list'));
  return list.map((p) => p.name);
}

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const restorePath = (name: string) => `/api/host/backups/${encodeURIComponent(name)}/restore`;

/** Host one of a startTestHost: stopped when the test ends. */
async function hostFor(options: Parameters<typeof startTestHost>[0], onFinished: (stop: () => Promise<void>) => void) {
  const t = await startTestHost(options);
  onFinished(() => t.stop());
  return t;
}

describe('automatic backups', () => {
  withHost('a lock is backed up at once, named after the speaker, readable by the owner only', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张三'] });
    await runContest(t, eventId, [88]);

    const lock = await vi.waitFor(async () => {
      const found = (await backups(t)).find((b) => b.reason === 'lock');
      if (!found) throw new Error('no backup after the lock yet');
      return found;
    });
    expect(lock.detail).toBe('张三');
    expect(lock.size).toBeGreaterThan(0);

    const folder = join(t.dataDir, 'backups');
    const file = join(folder, lock.name);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }
    // A real copy of the data: the locked speaker is in it.
    const copy = new Sqlite(file, { readonly: true });
    try {
      const row: unknown = copy.prepare("SELECT status FROM performances WHERE status = 'locked'").get();
      expect(row).toEqual({ status: 'locked' });
    } finally {
      copy.close();
    }
  });

  withHost('a reveal and a completed import are backed up; a dry run is not', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张三', '李四'] });
    const [first] = await runContest(t, eventId, [88, 86]);
    await ok(t.call('POST', `/api/events/${eventId}/performances/${first!.id}/reveal`), 'reveal');
    await vi.waitFor(async () => {
      const reveal = (await backups(t)).find((b) => b.reason === 'reveal');
      expect(reveal?.detail).toBe('张三');
    });

    const roster = rosterXlsx([
      ['姓名', '单位'],
      ['王五', '海上源居委会'],
    ]);
    const upload = (query: string) =>
      t.call('POST', `/api/events/${eventId}/participants/import${query}`, { rawBody: roster, contentType: xlsx });
    await ok(upload('?dryRun=true'), 'dry run');
    // A dry run writes nothing and backs up nothing (the lock and reveal backups are in; nothing else comes).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await backups(t)).filter((b) => b.reason === 'import')).toEqual([]);
    await ok(upload(''), 'import');
    await vi.waitFor(async () => {
      expect((await backups(t)).filter((b) => b.reason === 'import')).toHaveLength(1);
    });
  });

  test('changes are backed up every interval, and nothing is written while nothing changes', async ({
    onTestFinished,
  }) => {
    const t = await hostFor({ backupIntervalMs: 40 }, onTestFinished);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await backups(t)).toEqual([]);

    await contestWith(t, { speakers: ['李四'] });
    await vi.waitFor(async () => {
      if ((await backups(t)).length === 0) throw new Error('no interval backup yet');
    });
    // Settled: the last change is in a backup; from then on, no change, no new file.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const settled = await backups(t);
    expect(new Set(settled.map((b) => b.reason))).toEqual(new Set(['interval']));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await backups(t)).toEqual(settled);
  });

  test('quitting backs up what changed since the last backup', async () => {
    const dir = tempDir();
    try {
      const t = await startTestHost({ dataDir: dir.path });
      await contestWith(t, { speakers: ['王五'] });
      await t.stop();
      const names = readdirSync(join(dir.path, 'backups')).filter((n) => n.endsWith('.sqlite'));
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/-quit\.sqlite$/);
    } finally {
      dir.remove();
    }
  });

  test('the newest 50 are kept, and before them the last backup of each day', async ({ onTestFinished }) => {
    let clock = new Date(2026, 10, 1, 9, 0);
    const t = await hostFor({ now: () => clock }, onTestFinished);
    // 20 days, four backups a day at 9, 11, 13 and 15 o'clock: 80 in all.
    for (let day = 0; day < 20; day++) {
      for (const hour of [9, 11, 13, 15]) {
        clock = new Date(2026, 10, 1 + day, hour, 0);
        await takeBackup(t);
      }
    }
    const kept = await backups(t);
    // The newest 50 reach back into day 7 (its 13 and 15 o'clock); days 0–6 keep their 15 o'clock one.
    expect(kept).toHaveLength(57);
    expect(kept.slice(0, 50).every((b) => new Date(b.at) >= new Date(2026, 10, 8, 13, 0))).toBe(true);
    expect(kept.slice(50).map((b) => new Date(b.at).getTime())).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((day) => new Date(2026, 10, 1 + day, 15, 0).getTime()),
    );
    expect(readdirSync(join(t.dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'))).toHaveLength(57);
  });
});

describe('restoring a backup', () => {
  withHost('brings back a deleted participant; the data before is backed up first', async ({ t }) => {
    const { eventId, speakers } = await contestWith(t, { speakers: ['张三', '李四'] });
    const taken = await takeBackup(t);
    const lisi = speakers[1]!;
    await ok(t.call('DELETE', `/api/events/${eventId}/participants/${lisi.id}`), 'delete');
    expect(await participants(t, eventId)).toEqual(['张三']);

    const answer = await t.call('POST', restorePath(taken.name));
    expect(answer.status).toBe(200);
    const restored = RestoreAnswer.parse(answer.body);
    expect(restored.restored.name).toBe(taken.name);
    expect(restored.before.reason).toBe('before-restore');

    expect(await participants(t, eventId)).toEqual(['张三', '李四']);
    const list = await backups(t);
    expect(list.map((b) => b.name)).toContain(restored.before.name);
    // The backup taken before the restore still has the data as it was (李四 deleted).
    const before = new Sqlite(join(t.dataDir, 'backups', restored.before.name), { readonly: true });
    try {
      expect(before.prepare('SELECT name FROM participants ORDER BY id').all()).toEqual([{ name: '张三' }]);
    } finally {
      before.close();
    }
    // The host goes on writing after the restore (statements prepared before it still work), audit log included.
    await ok(t.call('POST', `/api/events/${eventId}/participants`, { body: { name: '王五' } }), 'add');
    expect(await participants(t, eventId)).toEqual(['张三', '李四', '王五']);
  });

  withHost("keeps the judges' links of now: one shut out or replaced after the backup stays so", async ({ t }) => {
    const { eventId, judges } = await contestWith(t, { speakers: ['张三'], judges: ['王评委', '李评委'] });
    const [wang, li] = judges;
    if (!wang || !li) throw new Error('judges missing');
    const taken = await takeBackup(t);
    const reissued = IssuedJudge.parse(
      await ok(t.call('POST', `/api/events/${eventId}/judges/${wang.id}/token`), 'reissue'),
    );
    expect((await t.call('DELETE', `/api/events/${eventId}/judges/${li.id}/token`)).status).toBe(204);
    const added = IssuedJudge.parse(
      await ok(t.call('POST', `/api/events/${eventId}/judges`, { body: { name: '赵评委' } }), 'add'),
    );

    await ok(t.call('POST', restorePath(taken.name)), 'restore');
    const state = async (token: string) => (await t.call('GET', '/api/judge/state', { token })).status;
    expect(await state(wang.token)).toBe(401);
    expect(await state(reissued.token)).toBe(200);
    expect(await state(li.token)).toBe(401);
    // Not in the backup: gone with the rest of what came after it.
    expect(await state(added.token)).toBe(401);
    const join = async (code: string) => (await t.call('POST', '/api/public/join', { body: { code } })).status;
    expect(await join(wang.joinCode)).toBe(404);
    expect(await join(reissued.joinCode)).toBe(200);
  });

  withHost('live pages are told to reconnect and read the restored data afresh', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张三'] });
    const taken = await takeBackup(t);
    const live = await openLive(t, `event=${eventId}`);
    const closed = new Promise<number>((resolve) => live.socket.on('close', (code) => resolve(code)));
    await ok(t.call('POST', restorePath(taken.name)), 'restore');
    expect(await closed).toBe(1012);
  });

  withHost('a damaged backup is refused with a sentence and nothing changes', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张三'] });
    const good = await takeBackup(t);
    const folder = join(t.dataDir, 'backups');
    const bytes = readFileSync(join(folder, good.name));
    const damaged = [
      { name: backupFileName(new Date(Date.UTC(2026, 0, 1)), 'manual'), data: Buffer.from('not a database at all') },
      { name: backupFileName(new Date(Date.UTC(2026, 0, 2)), 'manual'), data: bytes.subarray(0, 100) },
      { name: backupFileName(new Date(Date.UTC(2026, 0, 3)), 'manual'), data: Buffer.alloc(8192, 0xab) },
    ];
    for (const file of damaged) writeFileSync(join(folder, file.name), file.data);
    await ok(t.call('POST', `/api/events/${eventId}/participants`, { body: { name: '李四' } }), 'add');
    const listed = await backups(t);

    for (const file of damaged) {
      const answer = await t.call('POST', restorePath(file.name), { lang: 'en' });
      expect(answer.status, file.name).toBe(400);
      const error = ErrorBody.parse(answer.body).error;
      expect(error.message).toMatch(/cannot be restored; nothing was changed/);
    }
    expect(await participants(t, eventId)).toEqual(['张三', '李四']);
    expect(await backups(t)).toEqual(listed);
  });

  withHost('a backup from a newer Podium is refused', async ({ t }) => {
    const { eventId } = await contestWith(t, { speakers: ['张三'] });
    const taken = await takeBackup(t);
    const file = join(t.dataDir, 'backups', taken.name);
    const db = new Sqlite(file);
    db.prepare("INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ('9999_future', 'x', 'now')").run();
    db.close();
    await ok(t.call('POST', `/api/events/${eventId}/participants`, { body: { name: '李四' } }), 'add');

    const answer = await t.call('POST', restorePath(taken.name));
    expect(answer.status).toBe(400);
    expect(ErrorBody.parse(answer.body).error.message).toContain('更新版本');
    expect(await participants(t, eventId)).toEqual(['张三', '李四']);
  });

  withHost('a name that is not in the list is a 404, never a path', async ({ t }) => {
    await contestWith(t, { speakers: ['张三'] });
    await takeBackup(t);
    const probes = [
      '../podium.db',
      '..%2Fpodium.db',
      '../../etc/passwd',
      'podium.db',
      backupFileName(new Date(Date.UTC(2020, 0, 1)), 'manual'),
      `../backups/${backupFileName(new Date(Date.UTC(2020, 0, 1)), 'manual')}`,
    ];
    for (const name of probes) {
      const answer = await t.call('POST', restorePath(name));
      expect(answer.status, name).toBe(404);
      expect(ErrorBody.parse(answer.body).error.code).toBe('not_found');
    }
    expect((await backups(t)).map((b) => b.reason)).toEqual(['manual']);
  });
});

describe('the backup folder', () => {
  withHost('a folder that does not exist or is not a full path is refused with a sentence', async ({ t }) => {
    const refusals = [
      ['/nowhere/podium-usb-stick', '找不到文件夹 /nowhere/podium-usb-stick'],
      ['relative/folder', '“relative/folder”不是完整路径'],
    ];
    for (const [folder, sentence] of refusals) {
      const answer = await t.call('PUT', '/api/host/backup-folder', { body: { folder } });
      expect(answer.status, folder).toBe(400);
      const error = ErrorBody.parse(answer.body).error;
      expect(error.field).toBe('folder');
      expect(error.message).toContain(sentence);
    }
    const state = BackupFolder.parse(await ok(t.call('GET', '/api/host/backup-folder'), 'folder'));
    expect(state.custom).toBe(false);
  });

  withHost('backups go to the chosen folder; when it is gone they are kept here and it says so', async ({ t }) => {
    const stick = tempDir('podium-usb-');
    try {
      const chosen = BackupFolder.parse(
        await ok(t.call('PUT', '/api/host/backup-folder', { body: { folder: stick.path } }), 'choose'),
      );
      expect(chosen).toMatchObject({ folder: stick.path, custom: true, lastFailure: null });
      const onStick = await takeBackup(t);
      expect(readdirSync(stick.path)).toEqual([onStick.name]);

      // The stick is pulled out.
      rmSync(stick.path, { recursive: true, force: true });
      const fellBack = await takeBackup(t);
      expect(readdirSync(join(t.dataDir, 'backups'))).toContain(fellBack.name);
      const state = BackupFolder.parse(await ok(t.call('GET', '/api/host/backup-folder'), 'folder'));
      expect(state.lastFailure?.message).toContain(stick.path);
      expect(state.lastFailure?.message).toContain('U 盘');

      // Plugged back in: the next backup goes there again and the failure is gone.
      mkdirSync(stick.path);
      await takeBackup(t);
      expect(BackupFolder.parse(await ok(t.call('GET', '/api/host/backup-folder'), 'again')).lastFailure).toBeNull();
      expect(readdirSync(stick.path)).toHaveLength(1);
    } finally {
      stick.remove();
    }
  });
});
