import { expect, test } from '@playwright/test';
import { loginError, signIn, signOut, STAFF } from './support/auth';

const NAV = ['Overview', 'Reports', 'Accounts', 'Appeals', 'Federation', 'Rules', 'Blocklists', 'Audit log'];

test.describe('Sign-in', () => {
  test('a signed-out visitor is sent to the sign-in page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: 'Sign in to Palisade' })).toBeVisible();
  });

  for (const [who, email, role, visible] of [
    ['owner', STAFF.owner, 'Owner', NAV],
    ['admin', STAFF.admin, 'Admin', NAV],
    ['moderator', STAFF.moderator, 'Moderator', ['Overview', 'Reports', 'Accounts', 'Audit log']],
  ] as const) {
    test(`the ${who} sees exactly what the ${role} role may use`, async ({ page }) => {
      await signIn(page, email);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await expect(nav.getByRole('link')).toHaveText(visible.map((name) => new RegExp(`^${name}`)));
      await expect(page.getByTestId('user-role')).toHaveText(role);
      await expect(page.getByTestId('write-mode')).toHaveAttribute('data-mode', 'database');
      await signOut(page);
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
    });
  }

  for (const [who, email, message] of [
    ['a user with two-factor authentication', STAFF.twofactor, 'uses two-factor authentication'],
    ['a frozen user', STAFF.disabled, 'is frozen'],
    ['a user without a staff role', STAFF.member, 'no moderation permission'],
  ] as const) {
    test(`${who} is refused with a reason`, async ({ page }) => {
      await signIn(page, email, undefined, { expectSuccess: false });
      await expect(loginError(page)).toContainText(message);
      await page.goto('/');
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test('a wrong password and an unknown e-mail get the same answer', async ({ page }) => {
    await signIn(page, STAFF.admin, 'not-the-password', { expectSuccess: false });
    await expect(loginError(page)).toBeVisible();
    const wrongPassword = await loginError(page).textContent();
    await signIn(page, 'nobody@palisade.test', 'not-the-password', { expectSuccess: false });
    await expect(loginError(page)).toHaveText(wrongPassword ?? 'unexpected');
    expect(wrongPassword).toContain('do not match');
  });

  test('a forged session cookie is not a session', async ({ page, context }) => {
    await context.addCookies([{ name: 'next-auth.session-token', value: 'forged.jwt.value', url: `http://localhost:${process.env.E2E_PORT ?? 3100}` }]);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the callback URL cannot send a moderator off-site', async ({ page }) => {
    await page.goto('/login?callbackUrl=https%3A%2F%2Fevil.example%2F');
    await page.getByLabel('E-mail').fill(STAFF.moderator);
    await page.getByLabel('Password').fill('palisade-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    expect(new URL(page.url()).host).toBe(`localhost:${process.env.E2E_PORT ?? 3100}`);
  });
});
