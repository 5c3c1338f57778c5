import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'palisade-demo';

export const STAFF = {
  owner: 'owner@palisade.test',
  admin: 'admin@palisade.test',
  moderator: 'moderator@palisade.test',
  moderator2: 'moderator2@palisade.test',
  twofactor: 'twofactor@palisade.test',
  disabled: 'disabled@palisade.test',
  member: 'member@palisade.test',
} as const;

/** Signs in through the real form, the way a moderator does. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectSuccess = true } = {}) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Sign-in runs bcrypt and renders the overview; allow for a slow machine.
  if (expectSuccess) await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The sign-in form's error; Next's route announcer is also role=alert, outside <main>. */
export function loginError(page: Page) {
  return page.getByRole('main').getByRole('alert');
}
