import { expect, test, type Page } from '@playwright/test';
import { STAFF } from './support/auth';
import { adjustExpected, signInForFlow as signIn } from './support/flows';

async function openActionForm(page: Page) {
  return page.getByRole('form', { name: 'Take action' });
}

test.describe('Accounts', () => {
  // Multi-step flows against a production build on a busy machine: give each the slow-test allowance.
  test.slow();

  test('finds accounts by domain, and every row belongs to it', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await page.goto('/accounts?origin=remote');
    const firstHandle = (await page.getByTestId('account-row').first().locator('p').first().textContent())!.trim();
    const domain = firstHandle.split('@').at(-1)!;
    expect(domain).toMatch(/\./);

    await page.goto('/accounts');
    await page.getByLabel('Domain').fill(domain.toUpperCase());
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`by_domain=${domain.toUpperCase().replaceAll('.', '\\.')}`));
    const rows = page.getByTestId('account-row');
    await expect(rows.first()).toBeVisible();
    for (const handle of await rows.locator('p.truncate').allTextContents()) expect(handle.endsWith(`@${domain}`)).toBe(true);

    // A value that is not a domain is said so, not silently ignored.
    await page.goto('/accounts?by_domain=not%20a%20domain');
    await expect(page.getByText('That is not a domain name; the domain filter was not applied.')).toBeVisible();
  });

  test('the search form keeps its values, and / focuses it', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/accounts?status=suspended&origin=remote');
    await expect(page.getByLabel('Status')).toHaveValue('suspended');
    await expect(page.getByLabel('Origin')).toHaveValue('remote');
    const states = page.getByTestId('account-row').getByTestId('account-state');
    await expect(states.first()).toContainText(/Suspended/);
    await page.keyboard.press('/');
    await expect(page.getByLabel('Username')).toBeFocused();
  });

  test('adds a note, limits the account, then lifts the limit', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    // A remote account with no open report, so limiting it resolves nothing other specs count.
    await page.goto('/accounts?origin=remote&status=active');
    const links = await page.getByTestId('account-row').locator('a[href^="/accounts/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    let found = false;
    for (const href of links.slice(0, 15)) {
      await page.goto(href);
      const clean = (await page.getByText('No open report against this account.').count()) > 0 && (await page.getByTestId('account-state').first().textContent())?.includes('Active');
      if (clean) {
        found = true;
        break;
      }
    }
    expect(found).toBe(true);
    const acct = (await page.getByTestId('account-acct').textContent())!.trim().replace(/^@/, '');

    // Note
    const note = `Watch this one — e2e ${Date.now()}`;
    await page.getByLabel('New note').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('account-note').filter({ hasText: note })).toBeVisible();
    await expect(page.getByTestId('account-timeline')).toContainText(note);

    // Limit, stating what will happen before anything is written.
    const form = await openActionForm(page);
    await form.getByRole('radio', { name: /^Limit/ }).check();
    await form.getByLabel('Warning preset').selectOption({ label: 'Spam / advertising' });
    await form.getByLabel('Message to the account').fill('Automated promotion.');
    await form.getByRole('button', { name: 'Review…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('action-consequences')).toContainText(`${acct} is limited`);
    await expect(dialog.getByTestId('action-consequences')).toContainText('No report is resolved.');
    await expect(dialog.getByTestId('action-consequences')).toContainText('Automated promotion.');
    await expect(dialog.getByTestId('action-consequences')).toContainText('Nobody is notified: the account is remote.');
    await dialog.getByRole('button', { name: `Limit ${acct}` }).click();
    await expect(page.getByText(`${acct} was limited.`)).toBeVisible();
    await expect(page.getByTestId('account-state').first()).toContainText('Limited');
    await expect(page.getByTestId('strike').first()).toContainText('Limit');
    await expect(page.getByTestId('strike').first()).toContainText('Automated promotion.');
    // Limit is no longer offered while the account is limited.
    await expect(form.getByRole('radio', { name: /^Limit/ })).toBeDisabled();

    // Unlimit
    await page.getByRole('button', { name: 'Unlimit' }).click();
    await page.getByRole('dialog').getByRole('button', { name: `Lift the limit on ${acct}` }).click();
    await expect(page.getByText(`The limit on ${acct} was lifted.`)).toBeVisible();
    await expect(page.getByTestId('account-state').first()).not.toContainText('Limited');
    await expect(page.getByRole('button', { name: 'Unlimit' })).toHaveCount(0);
    await expect(page.getByTestId('account-timeline')).toContainText('lifted the limit');
    // The page has refreshed under it and the button is gone, but what was done is still said.
    await expect(page.getByText(`The limit on ${acct} was lifted.`)).toBeVisible();

    // The note can be deleted by its author.
    await page.getByTestId('account-note').filter({ hasText: note }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('account-note').filter({ hasText: note })).toHaveCount(0);
  });

  test('approves two sign-ups in bulk and rejects one, with a result per row', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/accounts/pending');
    const total = Number(await page.getByTestId('pending-total').textContent());
    const rows = page.getByTestId('signup-row');
    const usernames = await rows.evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.querySelector('a')!.textContent!.trim()));
    expect(usernames).toHaveLength(3);

    // Approve the first two in one run.
    await rows.nth(0).getByRole('checkbox', { name: 'Select row' }).check();
    await rows.nth(1).getByRole('checkbox', { name: 'Select row' }).check();
    await page.getByRole('button', { name: 'Approve 2' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(usernames[0]!);
    await expect(dialog).toContainText(usernames[1]!);
    await dialog.getByRole('button', { name: 'Approve 2' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Finished: 2 sign-ups approved.' })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');
    await expect(page.getByTestId('bulk-result').filter({ hasText: usernames[0]! })).toHaveAttribute('data-state', 'done');
    await expect(page.getByTestId('bulk-result').filter({ hasText: usernames[1]! })).toHaveAttribute('data-state', 'done');
    adjustExpected('pending_signups', -2);
    await expect(page.getByTestId('pending-total')).toHaveText(String(total - 2));

    // Reject the third from its row.
    const third = page.getByTestId('signup-row').filter({ hasText: usernames[2]! });
    await third.getByRole('button', { name: `Reject ${usernames[2]}` }).click();
    await expect(page.getByRole('dialog')).toContainText('This cannot be undone.');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject 1' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Finished: 1 sign-up rejected.' })).toBeVisible();
    adjustExpected('pending_signups', -1);
    await expect(page.getByTestId('pending-total')).toHaveText(String(total - 3));
    await expect(page.getByTestId('signup-row').filter({ hasText: usernames[2]! })).toHaveCount(0);

    // The approved accounts are active now; the rejected one is gone.
    await page.goto(`/accounts?username=${encodeURIComponent(usernames[0]!.replace(/^@/, ''))}&origin=local`);
    await expect(page.getByTestId('account-row').first().getByTestId('account-state')).not.toContainText('Pending');
    await page.goto(`/accounts?username=${encodeURIComponent(usernames[2]!.replace(/^@/, ''))}&origin=local`);
    await expect(page.getByTestId('account-row').filter({ hasText: usernames[2]! })).toHaveCount(0);
  });

  test('warning presets can be created, used in the action form, edited and deleted (admin only)', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/accounts/warning-presets');
    const title = `E2E preset ${Date.now()}`;
    const newForm = page.getByRole('form', { name: 'New preset' });
    await newForm.getByLabel('Title').fill(title);
    await newForm.getByLabel('Text').fill('Please read the server rules.');
    await newForm.getByRole('button', { name: 'Add preset' }).click();
    await expect(page.getByText('Preset saved.')).toBeVisible();
    const item = page.getByTestId('warning-preset').filter({ hasText: title });
    await expect(item).toContainText('Please read the server rules.');

    await page.goto('/accounts?origin=local&status=active');
    await page.getByTestId('account-row').first().locator('a').first().click();
    await expect(page.getByRole('form', { name: 'Take action' }).getByLabel('Warning preset').locator('option', { hasText: title })).toHaveCount(1);

    await page.goto('/accounts/warning-presets');
    await item.getByRole('button', { name: `Edit: ${title}` }).click();
    const editForm = page.getByRole('form', { name: 'Edit' });
    await expect(editForm.getByLabel('Title')).toHaveValue(title);
    await editForm.getByLabel('Text').fill('Please read the server rules, again.');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('warning-preset').filter({ hasText: title })).toContainText('again.');
    await page.getByTestId('warning-preset').filter({ hasText: title }).getByRole('button', { name: `Delete: ${title}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('warning-preset').filter({ hasText: title })).toHaveCount(0);

    // Moderators lack manage_settings.
    await page.context().clearCookies();
    await signIn(page, STAFF.moderator);
    await page.goto('/accounts/warning-presets');
    await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
  });
});
