import { expect, test, type Page } from '@playwright/test';
import { STAFF } from './support/auth';
import { adjustExpected, signInForFlow as signIn } from './support/flows';

/** Opens the first pending appeal whose strike has this label. */
async function openPendingAppeal(page: Page, strike: RegExp): Promise<string> {
  await page.goto('/appeals?status=pending');
  const row = page.getByTestId('appeal-row').filter({ has: page.getByRole('cell').filter({ hasText: strike }) }).first();
  await expect(row).toBeVisible();
  const href = (await row.locator('a[href^="/appeals/"]').first().getAttribute('href'))!;
  await page.goto(href);
  await expect(page.getByTestId('appeal-state')).toHaveText('Pending');
  return href;
}

test.describe('Appeals', () => {
  // Multi-step flows against a production build on a busy machine: give each the slow-test allowance.
  test.slow();

  test('the queue lists pending appeals oldest first, with strike, report and age', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/appeals');
    await expect(page.getByRole('link', { name: 'Pending', exact: true })).toHaveAttribute('aria-current', 'page');
    const rows = page.getByTestId('appeal-row');
    await expect(rows.first()).toBeVisible();
    const times = await rows.locator('[data-testid="appeal-age"]').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect([...times].sort()).toEqual(times);
    await page.getByRole('link', { name: 'Approved', exact: true }).click();
    await expect(page).toHaveURL(/status=approved/);
    await expect(rows.first().getByText('Approved')).toBeVisible();
  });

  test('approving an appeal against a limit lifts it; rejecting a warning keeps the strike', async ({ page }) => {
    await signIn(page, STAFF.admin);

    // Approve: the account is limited by the strike, and is not after approval.
    await openPendingAppeal(page, /^Limit/);
    await expect(page.getByTestId('appeal-account-state')).toContainText('Limited');
    const reply = `We looked again and the limit was wrong (${Date.now()}).`;
    await page.getByLabel('Reply (optional)').fill(reply);
    await page.getByRole('button', { name: 'Approve…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('appeal-consequences')).toContainText('The limit on');
    await expect(dialog.getByTestId('appeal-consequences')).toContainText('The strike is marked overruled');
    await dialog.getByRole('button', { name: 'Approve and reverse' }).click();
    await expect(page.getByTestId('appeal-state')).toHaveText('Approved');
    adjustExpected('pending_appeals', -1);
    await expect(page.getByTestId('appeal-account-state')).not.toContainText('Limited');
    await expect(page.getByTestId('appeal-reply')).toHaveText(reply);
    // The account's history is on the appeal page: the limit the strike came with is in it.
    await expect(page.getByTestId('appeal-account-timeline').getByTestId('moderation-timeline')).toContainText(/ limited /);
    await page.getByRole('link', { name: 'Open the account' }).click();
    await expect(page.getByTestId('account-state').first()).not.toContainText('Limited');
    await expect(page.getByTestId('strike').filter({ hasText: 'Appeal approved' }).first()).toContainText('Overruled');
    await expect(page.getByTestId('account-timeline')).toContainText('approved the appeal of');

    // Reject: the decision is recorded, the account is left as it is.
    await openPendingAppeal(page, /^(Warning|Freeze|Suspension)/);
    const before = await page.getByTestId('appeal-account-state').textContent();
    await page.keyboard.press('r');
    await expect(page.getByRole('dialog')).toContainText('The strike stays.');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByTestId('appeal-state')).toHaveText('Rejected');
    adjustExpected('pending_appeals', -1);
    await expect(page.getByTestId('appeal-decision')).toContainText('Rejected by admin');
    await expect(page.getByTestId('appeal-account-state')).toHaveText(before!);
    // A decided appeal offers no decision any more.
    await expect(page.getByRole('button', { name: 'Approve…' })).toHaveCount(0);
  });

  test('a moderator without manage_appeals cannot reach appeals', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Accounts' })).toBeVisible({ timeout: 30_000 });
    await expect(nav.getByRole('link', { name: 'Appeals' })).toHaveCount(0);
    await page.goto('/appeals');
    await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
    await page.goto('/appeals/1');
    await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
  });

  test('the overview shows how long the oldest pending appeal has waited', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await expect(page.getByTestId('oldest-pending-appeal')).toHaveText(/oldest waiting \d+ (minute|hour|day)s?/, { timeout: 30_000 });
  });
});
