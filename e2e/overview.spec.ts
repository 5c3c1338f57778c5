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
    // Other specs (blocklists, federation) add and remove blocks, so the seed's counts are only a
    // floor; the overview must agree with the domain-block list as it is now.
    const overview = await Promise.all(['suspend', 'silence', 'noop'].map(async (s) => Number(await page.getByTestId(`domain-blocks-${s}`).innerText())));
    expect(overview[0]).toBeGreaterThanOrEqual(Number(want.blocks_suspend));
    expect(overview[1]).toBeGreaterThanOrEqual(Number(want.blocks_silence));
    expect(overview[2]).toBeGreaterThanOrEqual(Number(want.blocks_noop));
    // The seed holds open reports, so the oldest one has an age, never "none".
    expect(Number(want.open_reports)).toBeGreaterThan(0);
    await expect(page.getByTestId('oldest-open-report')).toHaveText(/\d+ (minute|hour|day)s?/);
    await expect(page.getByTestId('oldest-open-report').locator('time')).toHaveAttribute('datetime', new RegExp(`^${String(want.oldest_open_report_at).slice(0, 16)}`));
    await expect(page.getByTestId('instance-domain')).toHaveText('palisade.test');

    await page.goto('/federation');
    const listed = (await page.getByTestId('block-counts').innerText()).match(/\d+/g)!.map(Number);
    expect(listed).toEqual(overview);
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
