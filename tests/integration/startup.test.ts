import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/database';
import { StartupError } from '../../electron/database/errors';
import { appliedMigrations, bundledMigrations } from '../../electron/database/migrate';
import { createHost } from '../../electron/host/createHost';
import { defaultPort } from '../../electron/host/types';
import { translate } from '../../shared/i18n';
import { tempDir } from '../support/host';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()?.();
});
function dir() {
  const d = tempDir();
  cleanup.push(d.remove);
  return d.path;
}

/** Every file of a folder with its hash: "touches nothing" means this does not change. */
function fingerprint(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(folder, f)))
        .digest('hex'),
    ]),
  );
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StartupError) return translate('zh-CN', error.key, error.params);
    throw error;
  }
  throw new Error('expected the database to be refused');
}

describe('database startup', () => {
  it('replays every migration on an empty file, in WAL with foreign keys and full sync', () => {
    const folder = dir();
    const db = openDatabase(folder);
    expect(appliedMigrations(db).map((m) => m.name)).toEqual(bundledMigrations().map((m) => m.name));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Opening again applies nothing new and keeps the data.
    const again = openDatabase(folder);
    expect(appliedMigrations(again)).toHaveLength(bundledMigrations().length);
    again.close();
  });

  it('refuses a database from a newer Podium and leaves its files untouched', () => {
    const folder = dir();
    openDatabase(folder).close();
    const raw = new Sqlite(join(folder, 'podium.db'));
    raw.prepare("INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'x', '2030-01-01')").run();
    raw.close();
    const before = fingerprint(folder);
    expect(refusal(() => openDatabase(folder))).toMatch(/来自更新版本的 Podium.*9999_from_the_future.*Podium 没有启动/);
    expect(fingerprint(folder)).toEqual(before);
  });

  it('refuses when an applied migration differs from the file of the same name', () => {
    const folder = dir();
    openDatabase(folder).close();
    const raw = new Sqlite(join(folder, 'podium.db'));
    raw.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE name = '0001_events'").run();
    raw.close();
    const before = fingerprint(folder);
    expect(refusal(() => openDatabase(folder))).toMatch(/升级记录与本程序不一致（0001_events）/);
    expect(fingerprint(folder)).toEqual(before);
  });

  it('refuses a file that is not a database, untouched', () => {
    const folder = dir();
    writeFileSync(join(folder, 'podium.db'), '这不是数据库'.repeat(200));
    const before = fingerprint(folder);
    expect(refusal(() => openDatabase(folder))).toMatch(/不是 Podium 数据库文件/);
    expect(fingerprint(folder)).toEqual(before);
  });

  it('refuses a data folder it cannot write (here: a path under a regular file)', () => {
    const folder = dir();
    writeFileSync(join(folder, 'file'), 'x');
    expect(refusal(() => openDatabase(join(folder, 'file', 'data')))).toMatch(/无法写入，Podium 没有启动/);
  });
});

describe('host startup and the LAN switch', () => {
  it('refuses a port already in use with one sentence and closes its database', async () => {
    const first = await createHost({ dataDir: dir(), port: 0 });
    try {
      const folder = dir();
      const error = await createHost({ dataDir: folder, port: first.port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StartupError);
      if (error instanceof StartupError)
        expect(translate('zh-CN', error.key, error.params)).toBe(
          `端口 ${first.port} 已被占用，Podium 没有启动。请关闭占用该端口的程序，或用 --port 换一个端口。`,
        );
      // The database was closed: it can be opened again at once.
      openDatabase(folder).close();
    } finally {
      await first.close();
    }
  });

  it('binds 127.0.0.1 by default and rebinds the same port to the LAN when switched on', async () => {
    const host = await createHost({ dataDir: dir(), port: 0, adminToken: 'lan-test-0123456789abcdef' });
    try {
      const headers = { authorization: 'Bearer lan-test-0123456789abcdef', 'content-type': 'application/json' };
      const off = await (await fetch(`${host.url}/api/host/network`, { headers })).json();
      expect(off).toEqual({ lan: false, port: host.port, lanUrls: [] });
      const on = await fetch(`${host.url}/api/host/network`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ lan: true }),
      });
      expect(on.status).toBe(200);
      expect(await on.json()).toMatchObject({ lan: true, port: host.port });
      await expect.poll(() => host.lan).toBe(true);
      const health = await fetch(`${host.url}/api/health`);
      expect(health.status).toBe(200);
      await host.setLan(false);
      expect(host.lan).toBe(false);
      expect((await fetch(`${host.url}/api/health`)).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});

describe('the usual port', () => {
  const usualIsFree = () =>
    new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(defaultPort, '127.0.0.1', () => probe.close(() => resolve(true)));
    });

  it('is used when free, and when taken the host falls back to a free port instead of refusing', async () => {
    const wasFree = await usualIsFree();
    const first = await createHost({ dataDir: dir() });
    try {
      if (wasFree) expect(first.port).toBe(defaultPort);
      // Now the usual port is certainly taken (by `first`, or by whoever had it).
      const second = await createHost({ dataDir: dir() });
      try {
        expect(second.port).not.toBe(defaultPort);
        expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      await first.close();
    }
  });
});
