import crypto from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Db } from '@/db/client';
import { countRecentLoginFailures, findLoginCandidateByEmail, insertSession, recordLoginAttempt } from '@/db/queries/auth';
import { isThrottled, refusalFor, THROTTLE_WINDOW_MS, type LoginError } from './login-policy';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Compared against when the e-mail is unknown, so both failures cost one bcrypt round.
const DUMMY_HASH = '$2a$10$CwTycUXWue0Thq9StjUM0uJ8.qqz/jpxZMJkq6v3Pqz7sGvmO7D3y';

export type PasswordLoginResult = { ok: true; sessionId: string; accountId: string } | { ok: false; error: LoginError };

export function newSessionId(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * E-mail + password against Mastodon's `users.encrypted_password` (Devise bcrypt). Unknown e-mail
 * and wrong password give the same answer; everything after the password matched is specific.
 */
export async function passwordLogin({
  db,
  email: rawEmail,
  password,
  ip,
  userAgent,
  now = new Date(),
}: {
  db: Db;
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  now?: Date;
}): Promise<PasswordLoginResult> {
  const email = rawEmail.trim().toLowerCase();
  const failures = await countRecentLoginFailures({ db, email, ip, since: new Date(now.getTime() - THROTTLE_WINDOW_MS) });
  if (isThrottled(failures)) {
    await recordLoginAttempt({ db, email, ip, success: false, reason: 'Throttled' });
    return { ok: false, error: 'Throttled' };
  }

  const candidate = await findLoginCandidateByEmail({ db, email });
  const hash = candidate?.encryptedPassword || DUMMY_HASH;
  const matches = await bcrypt.compare(password, hash);
  if (!candidate || !candidate.encryptedPassword || !matches) {
    await recordLoginAttempt({ db, email, ip, success: false, reason: 'InvalidCredentials' });
    return { ok: false, error: 'InvalidCredentials' };
  }

  const refusal = refusalFor(candidate, 'password');
  if (refusal) {
    await recordLoginAttempt({ db, email, ip, success: false, reason: refusal });
    return { ok: false, error: refusal };
  }

  const sessionId = newSessionId();
  await db.transaction().execute(async (trx) => {
    await insertSession({
      db: trx,
      id: sessionId,
      userId: candidate.userId,
      accountId: candidate.accountId,
      provider: 'password',
      accessTokenCiphertext: null,
      userAgent: userAgent?.slice(0, 500) ?? null,
      ip,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    });
    await recordLoginAttempt({ db: trx, email, ip, success: true, reason: null });
  });
  return { ok: true, sessionId, accountId: candidate.accountId };
}
