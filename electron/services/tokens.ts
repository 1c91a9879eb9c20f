import { randomBytes } from 'node:crypto';

/** A fresh 128-bit token, hex: the admin's, a judge's. */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}
