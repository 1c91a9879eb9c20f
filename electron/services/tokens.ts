// Tokens: minted here, kept in the database only as a hash (to find them) and a sealed copy (to reprint a card).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Repositories } from '../database';

/** A fresh 128-bit token, hex: the admin's, a judge's. */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}

/** Beside the database, never inside it: a backup or an archive alone then holds no usable token. */
export const hostKeyFileName = 'host.key';
const keyBytes = 32;

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The host key of a data folder, made (readable by the owner only) the first time the host starts there. */
export function hostKey(dataDir: string): Buffer {
  const file = join(dataDir, hostKeyFileName);
  try {
    const key = readFileSync(file);
    if (key.length === keyBytes) return key;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // A missing or truncated key opens nothing sealed: a fresh one, and those judges need a new link (重新生成链接).
  const key = randomBytes(keyBytes);
  writeFileSync(file, key, { mode: 0o600 });
  // The mode above applies to a new file only: a damaged one being replaced may have been readable by others.
  chmodSync(file, 0o600);
  return key;
}

/** How the host stores a secret it hands out: found by hash, reprinted from a sealed copy. */
export interface TokenVault {
  /** SHA-256 (hex) of a token: 128 random bits, so the hash alone cannot be turned back into it. */
  hash(token: string): string;
  /** A join code has only 30 bits: keyed with the host key, so a copied database cannot be searched for codes. */
  codeHash(code: string): string;
  /** Who answered an anonymous form (a phone per session): keyed, so the stored hash names nobody without the key. */
  voterHash(scope: string, phone: string): string;
  /** AES-256-GCM with the host key: `v1.` iv, tag and text in base64url. */
  seal(secret: string): string;
  /** The secret, or null when it was sealed with another key (a database brought from another computer). */
  unseal(sealed: string): string | null;
}

const ivBytes = 12;
const tagBytes = 16;

export function tokenVault(key: Buffer): TokenVault {
  return {
    hash: (token) => createHash('sha256').update(token).digest('hex'),
    codeHash: (code) => createHmac('sha256', key).update(`join-code:${code}`).digest('hex'),
    voterHash: (scope, phone) => createHmac('sha256', key).update(`voter:${scope}:${phone}`).digest('hex'),
    seal(secret) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const text = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64url')}`;
    },
    unseal(sealed) {
      if (!sealed.startsWith('v1.')) return null;
      const bytes = Buffer.from(sealed.slice(3), 'base64url');
      if (bytes.length < ivBytes + tagBytes) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, ivBytes));
        decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes));
        return Buffer.concat([decipher.update(bytes.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * Migration 0009 cannot hash or seal in SQL: it leaves the clear tokens of an older database waiting, and this
 * moves them to hash + sealed copy before the host serves. Deleted rows are overwritten (secure_delete), and the
 * write-ahead log is emptied, so no clear copy stays in the file.
 */
export function sealWaitingTokens(repos: Repositories, vault: TokenVault, at: string): number {
  const waiting = repos.judgeAccess.waitingTokens();
  if (waiting.length === 0) return 0;
  repos.db.pragma('secure_delete = ON');
  repos.transaction(() => {
    for (const { kind, ownerId, secret } of waiting) {
      if (kind === 'judge') repos.contest.setJudgeToken(ownerId, vault.hash(secret), vault.seal(secret));
      else if (kind === 'desk') repos.training.setDeskToken(ownerId, vault.hash(secret), vault.seal(secret));
      else repos.judgeAccess.putJoinCode(ownerId, vault.codeHash(secret), vault.seal(secret), at);
    }
    repos.judgeAccess.forgetWaitingTokens();
  });
  repos.db.pragma('wal_checkpoint(TRUNCATE)');
  return waiting.length;
}
