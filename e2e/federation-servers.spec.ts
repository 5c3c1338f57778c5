import { expect, test } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

// The demo's named servers (db/seed/content.ts SPECIAL_DOMAINS).
const FLAGGER = 'mstdn.example';
const SUBDOMAIN = 'social.example.org';

test.describe('Federation: instances, allows and e-mail-domain blocks', () => {
  test('the instances list finds a server and its page shows its figures, accounts and notes', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/federation/instances');
    await expect(page.getByRole('table', { name: 'Known servers' })).toBeVisible();
    await page.goto(`/federation/instances?q=${encodeURIComponent(FLAGGER)}`);
    const row = page.getByTestId('instance-row').filter({ hasText: FLAGGER });
    await expect(row).toHaveCount(1);
    await row.getByRole('link', { name: FLAGGER }).click();

    await expect(page).toHaveURL(new RegExp(`/federation/instances/${FLAGGER.replace(/\./g, '\\.')}$`));
    const figures = page.getByTestId('instance-figures');
    await expect(figures).toContainText('Accounts');
    await expect(figures).toContainText('Open reports');
    await expect(page.getByRole('link', { name: 'Block this domain…' })).toBeVisible();

    // A note about the server is kept and can be deleted again.
    const note = `Checked their moderation policy ${Date.now()}`;
    await page.getByLabel('Add a note').fill(note);
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByText(note)).toBeVisible();
    await page.reload();
    await expect(page.getByText(note)).toBeVisible();
    await page.locator('li', { hasText: note }).getByRole('button', { name: 'Delete this note' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText(note)).toHaveCount(0);
  });

  test('a subdomain of a blocked parent says which block covers it', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto(`/federation/instances/${SUBDOMAIN}`);
    await expect(page.getByText('Covered by the block on')).toBeVisible();
    await expect(page.getByRole('link', { name: 'example.org', exact: true })).toBeVisible();
  });

  test('allows a domain (stored as punycode, shown decoded) and removes it again', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/federation/allows');
    await page.getByLabel('Domain', { exact: true }).fill('Bücherei.Example');
    await page.getByRole('button', { name: 'Allow domain' }).click();
    await expect(page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: 'is allowed.' })).toBeVisible();
    const row = page.getByTestId('allow-row').filter({ hasText: 'bücherei.example' });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('link', { name: 'bücherei.example' })).toHaveAttribute('href', '/federation/instances/xn--bcherei-n2a.example');

    await row.getByRole('button', { name: 'Remove bücherei.example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('allow-row').filter({ hasText: 'bücherei.example' })).toHaveCount(0);
  });

  test('blocks an e-mail domain from an address, needing approval, then unblocks it', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/federation/email-domain-blocks');
    await page.getByLabel('Domain or address').fill('someone@throwaway-mail.example');
    await page.getByLabel(/Allow sign-ups that an admin approves/).check();
    await page.getByRole('button', { name: 'Block e-mail domain' }).click();
    const row = page.getByTestId('email-block-row').filter({ hasText: 'throwaway-mail.example' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Needs approval');
    await expect(row).not.toContainText('someone@');

    await row.getByRole('button', { name: 'Remove throwaway-mail.example' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('email-block-row').filter({ hasText: 'throwaway-mail.example' })).toHaveCount(0);
  });

  test('a moderator without manage_federation or manage_blocks cannot open these screens', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    for (const path of ['/federation/email-domain-blocks', '/federation/allows', '/federation/instances']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});
