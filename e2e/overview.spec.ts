import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

// Written by scripts/e2e-server.ts with plain SQL against the freshly seeded database.
function expected(): Record<string, string | null> {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.palisade/e2e', 'expected.json'), 'utf8')) as Record<string, string | null>;
}

test.describe('Overview', () => {
  test('shows the live figures the database holds', async ({ page }) => {
    const want = expected();
    await signIn(page, STAFF.admin);
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByTestId('open-reports')).toHaveText(String(want.open_reports));
    await expect(page.getByTestId('pending-appeals')).toHaveText(String(want.pending_appeals));
    await expect(page.getByTestId('pending-signups')).toHaveText(String(want.pending_signups));
    await expect(page.getByTestId('domain-blocks-suspend')).toHaveText(String(want.blocks_suspend));
    await expect(page.getByTestId('domain-blocks-silence')).toHaveText(String(want.blocks_silence));
    await expect(page.getByTestId('domain-blocks-noop')).toHaveText(String(want.blocks_noop));
    // The seed holds open reports, so the oldest one has an age, never "none".
    expect(Number(want.open_reports)).toBeGreaterThan(0);
    await expect(page.getByTestId('oldest-open-report')).toHaveText(/\d+ (minute|hour|day)s?/);
    await expect(page.getByTestId('oldest-open-report').locator('time')).toHaveAttribute('datetime', new RegExp(`^${String(want.oldest_open_report_at).slice(0, 16)}`));
    await expect(page.getByTestId('instance-domain')).toHaveText('palisade.test');
  });

  test('shows a moderator only the figures of their role', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await expect(page.getByTestId('open-reports')).toBeVisible();
    await expect(page.getByTestId('pending-signups')).toBeVisible();
    // The default Moderator role has view_dashboard, so the federation summary is visible too.
    await expect(page.getByTestId('domain-blocks-total')).toBeVisible();
  });

  test('every figure links to the list behind it', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await expect(page.getByRole('link', { name: /Open reports/ })).toHaveAttribute('href', '/reports?status=open');
    await expect(page.getByRole('link', { name: /Pending appeals/ })).toHaveAttribute('href', '/appeals?status=pending');
    await expect(page.getByRole('link', { name: /Pending sign-ups/ })).toHaveAttribute('href', '/accounts/pending');
  });
});
