import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostKey, newToken, tokenVault } from '../../electron/services/tokens';
import { tempDir } from '../support/host';

describe('the token vault', () => {
  const vault = tokenVault(randomBytes(32));

  it('opens what it sealed, and a new seal each time (a fresh IV)', () => {
    const token = newToken();
    const sealed = vault.seal(token);
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(sealed).not.toContain(token);
    expect(vault.seal(token)).not.toBe(sealed);
    expect(vault.unseal(sealed)).toBe(token);
  });

  it('opens nothing sealed with another key, nor a copy changed by one character', () => {
    const sealed = vault.seal(newToken());
    expect(tokenVault(randomBytes(32)).unseal(sealed)).toBeNull();
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(vault.unseal(`${sealed.slice(0, -1)}${last}`)).toBeNull();
    expect(vault.unseal('v1.')).toBeNull();
    expect(vault.unseal('not sealed')).toBeNull();
  });

  it('hashes tokens the same everywhere, and join codes by this host’s key only', () => {
    const other = tokenVault(randomBytes(32));
    expect(vault.hash('abc')).toBe(other.hash('abc'));
    expect(vault.hash('abc')).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.codeHash('ABCDEF')).not.toBe(other.codeHash('ABCDEF'));
    expect(vault.codeHash('ABCDEF')).toBe(vault.codeHash('ABCDEF'));
  });
});

describe('the host key', () => {
  it('is made once per data folder, owner-only, and kept across starts', () => {
    const dir = tempDir();
    try {
      const key = hostKey(dir.path);
      expect(key).toHaveLength(32);
      expect(hostKey(dir.path).equals(key)).toBe(true);
      const file = join(dir.path, 'host.key');
      expect(readFileSync(file).equals(key)).toBe(true);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      dir.remove();
    }
  });

  it('is made anew when the file is cut short (what it sealed is then lost: those judges need a new link)', () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'host.key');
      writeFileSync(file, 'short', { mode: 0o644 });
      expect(hostKey(dir.path)).toHaveLength(32);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      dir.remove();
    }
  });
});
