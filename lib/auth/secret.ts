import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

let cached: string | undefined;

/**
 * AUTH_SECRET (or NEXTAUTH_SECRET) when set; otherwise one generated on first start and kept in the
 * data directory, so sessions survive restarts without asking a volunteer to invent a secret.
 */
export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  const configured = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (configured) return (cached = configured);
  const dir = path.resolve(e.PALISADE_DATA_DIR);
  const file = path.join(dir, 'auth-secret');
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // Another process created it first; use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  cached = fs.readFileSync(file, 'utf8').trim();
  return cached;
}
