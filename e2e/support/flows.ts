import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { signIn } from './auth';

/**
 * Signs in through the real form and waits only for the session (leaving /login), not for the
 * overview to draw its charts: flows that go straight to another page need nothing more, and on a
 * loaded machine the overview can outlast signIn's own wait.
 */
export async function signInForFlow(page: Page, email: string) {
  await signIn(page, email, undefined, { expectSuccess: false });
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/**
 * The e2e server records the seeded figures specs compare against (expected.json). A spec that
 * consumes queue items for good (decided appeals, approved or rejected sign-ups) moves the record
 * with them, so every spec sees the truth whatever order they run in.
 */
export function adjustExpected(key: string, delta: number) {
  const file = path.resolve(process.env.E2E_DATA_DIR ?? '.palisade/e2e', 'expected.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string | null>;
  data[key] = String(Number(data[key]) + delta);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}
