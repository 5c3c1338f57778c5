import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signIn as signInWithForm, STAFF } from './support/auth';

/** Chosen with plain SQL by scripts/e2e-server.ts before the server started. */
function expected(): Record<string, string | null> {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.palisade/e2e', 'expected.json'), 'utf8')) as Record<string, string | null>;
}

/** The shared sign-in, with more patience: the first sign-in of a run meets a cold server on a busy machine. */
async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await signInWithForm(page, email, password, { expectSuccess: false });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
}

/** Any script that runs in a hostile post would have to get past this: every dialog fails the test. */
function failOnDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

test.describe('Reports', () => {
  // Each test signs in and walks several pages of a production build on a 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('a moderator filters the queue by category and domain, and the URL keeps the state', async ({ page }) => {
    const want = expected();
    const spamWave = Number(want.reports_spam_wave_open);
    expect(spamWave).toBeGreaterThan(3);
    await signIn(page, STAFF.moderator);
    await page.goto('/reports');
    await expect(page.getByRole('heading', { name: 'Report queue' })).toBeVisible();

    await page.getByLabel('Category').selectOption('spam');
    await expect(page).toHaveURL(/category=spam/);
    await page.getByLabel('Its server').fill('Spam-Wave.Example');
    await page.getByLabel('Its server').press('Enter');
    await expect(page).toHaveURL(/category=spam/);
    await expect(page).toHaveURL(/domain=spam-wave\.example/i);

    const rows = page.getByTestId('report-row');
    await expect(rows).toHaveCount(Math.min(spamWave, 50));
    for (const row of await rows.all()) {
      await expect(row).toContainText('Spam');
      await expect(row).toContainText('@spam-wave.example');
    }

    // Shareable and back-button safe: the same URL in a fresh load gives the same filters.
    await page.reload();
    await expect(page.getByLabel('Category')).toHaveValue('spam');
    await expect(page.getByLabel('Its server')).toHaveValue('spam-wave.example');
    await page.goBack();
    await expect(page).not.toHaveURL(/domain=/);

    // Priority sort explains its formula; avatars in the queue start blurred.
    await page.goto('/reports?sort=priority');
    await expect(page.getByTestId('account-avatar').first()).toHaveAttribute('data-blurred', 'true');
    await expect(page.getByTestId('priority-help')).toContainText('category weight × hours waiting × distinct reporters');
    await expect(page.getByRole('columnheader', { name: 'Priority' })).toBeVisible();

    // Grouped by account: one row per reported account.
    await page.goto('/reports?group=account&category=spam&domain=spam-wave.example');
    await expect(page.getByTestId('report-group-row').first()).toBeVisible();
    const groupCounts = await page.getByTestId('report-group-row').locator('td:nth-child(2)').allTextContents();
    expect(groupCounts.map(Number).reduce((a, b) => a + b, 0)).toBe(spamWave);
  });

  test('a report with hostile HTML renders inert, media blurred until clicked', async ({ page }) => {
    const want = expected();
    const dialogs = failOnDialogs(page);
    await signIn(page, STAFF.moderator);
    await page.goto(`/reports/${want.reports_hostile_id}`);
    await expect(page.getByRole('heading', { name: `Report #${want.reports_hostile_id}` })).toBeVisible();

    const cards = page.getByTestId('status-card');
    await expect(cards).toHaveCount(Number(want.reports_hostile_posts));
    // Open every content warning so all hostile markup is in the DOM.
    for (const warning of await page.getByTestId('status-content-warning').all()) await warning.locator('summary').click();
    await expect(page.locator('[data-testid="status-card"] script')).toHaveCount(0);
    await expect(page.locator('[data-testid="status-card"] iframe, [data-testid="status-card"] svg, [data-testid="status-card"] form, [data-testid="status-card"] style')).toHaveCount(0);
    await expect(page.locator('[data-testid="status-card"] [onerror], [data-testid="status-card"] [onload], [data-testid="status-card"] [onclick]')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
    // Kept links are marked external and cannot reach back into the console.
    for (const link of await page.locator('[data-testid="status-card"] a[data-external]').all()) {
      await expect(link).toHaveAttribute('rel', 'noopener nofollow noreferrer');
      await expect(link).toHaveAttribute('target', '_blank');
    }
    // The page still looks like itself (no style injection hid or covered it).
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

    const media = page.getByTestId('status-media').filter({ has: page.getByTestId('status-media-image') }).first();
    const image = media.getByTestId('status-media-image');
    await image.scrollIntoViewIfNeeded();
    const filter = await image.evaluate((el) => getComputedStyle(el).filter);
    expect(filter).toContain('blur');
    expect(filter).toContain('grayscale');
    await expect(media).toHaveAttribute('data-revealed', 'false');
    await media.getByRole('button', { name: /^Show / }).click();
    await expect(media).toHaveAttribute('data-revealed', 'true');
    expect(await image.evaluate((el) => getComputedStyle(el).filter)).toBe('none');

    // The report is assigned to a teammate: the page says so before anyone acts.
    expect(want.reports_hostile_assignee).toBeTruthy();
    await expect(page.getByTestId('report-presence')).toContainText(`@${want.reports_hostile_assignee} is assigned to this report`);

    // A hostile report comment is found by the queue's search and shows as text, not markup.
    await page.goto(`/reports?status=all&q=${encodeURIComponent('<script>alert("report comment")')}`);
    const found = page.locator(`[data-testid="report-row"][data-row-id="${want.reports_hostile_comment_id}"]`);
    await expect(found).toContainText('<script>alert("report comment")</script>');
    await found.getByRole('link').first().click();
    await expect(page.getByTestId('report-comment')).toContainText('<script>alert("report comment")</script> <img src=x onerror="alert(document.cookie)">');
    await expect(page.locator('[data-testid="report-comment"] img, [data-testid="report-comment"] script')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('note, limit, a second action and Confirm & next', async ({ page }) => {
    const want = expected();
    const reportId = want.reports_limit_id!;
    const openAgainst = Number(want.reports_limit_open_against);
    await signIn(page, STAFF.moderator);
    await page.goto(`/reports/${reportId}`);
    await expect(page.getByRole('heading', { name: `Report #${reportId}` })).toBeVisible();

    await page.getByLabel('New note').fill('Checked the last posts: repeated pile-ons. Limiting.');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect(page.getByTestId('report-note').filter({ hasText: 'Checked the last posts' })).toBeVisible();

    await page.getByRole('button', { name: 'Limit…' }).click();
    const dialog = page.getByTestId('report-action-dialog');
    await expect(dialog).toBeVisible();
    const consequences = dialog.getByTestId('action-consequences');
    await expect(consequences).toContainText('is limited');
    await expect(consequences).toContainText(openAgainst === 1 ? 'The open report against the account is marked resolved' : `All ${openAgainst} open reports against the account are marked resolved`);
    await expect(consequences).toContainText('No e-mail');
    await dialog.getByLabel('Message to the account (optional)').fill('Please stop the pile-ons.');
    await expect(consequences).toContainText('Please stop the pile-ons.');
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();

    // Not terminal: still on the report, which now shows the new state.
    await expect(page.getByRole('status').filter({ hasText: 'was limited' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/reports/${reportId}$`));
    await expect(page.getByTestId('report-status')).toHaveText('Resolved');
    await expect(page.getByTestId('target-states')).toContainText('Limited');
    await expect(page.getByTestId('strikes')).toContainText('Limit');

    // A second action on the same report, moving on to the next report of the queue afterwards.
    await page.getByRole('button', { name: 'Mark the reported posts sensitive…' }).click();
    const second = page.getByTestId('report-action-dialog');
    await expect(second.getByTestId('action-consequences')).toContainText('already resolved');
    await second.getByRole('button', { name: 'Confirm & next' }).click();
    await expect(page).toHaveURL(/\/reports\/\d+/);
    await expect(page).not.toHaveURL(new RegExp(`/reports/${reportId}(\\?|$)`));
    await expect(page.getByRole('heading', { name: /^Report #\d+$/ })).toBeVisible();

    // Both strikes landed on the first report's account, and its timeline shows the limit.
    await page.goto(`/reports/${reportId}`);
    await expect(page.getByTestId('strikes')).toContainText('Posts marked sensitive');
    await expect(page.getByTestId('moderation-timeline')).toContainText('limited');
  });

  test('two moderators at once: one wins, the other sees what happened and keeps their words', async ({ browser }) => {
    const reportId = expected().reports_conflict_id!;
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signIn(first, STAFF.moderator);
    await first.goto(`/reports/${reportId}`);
    await expect(first.getByTestId('report-status')).toHaveText('Open');
    await signIn(second, STAFF.moderator2);
    await second.goto(`/reports/${reportId}`);
    await expect(second.getByTestId('report-presence')).toContainText('@moderator has this report open right now');

    await first.getByRole('button', { name: 'Resolve without action…' }).click();
    await first.getByTestId('report-action-dialog').getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(first.getByTestId('report-status')).toHaveText('Resolved');

    // The second moderator's page is stale: their limit is refused, and the page catches up.
    await second.getByRole('button', { name: 'Limit…' }).click();
    const dialog = second.getByTestId('report-action-dialog');
    await dialog.getByLabel('Message to the account (optional)').fill('Limiting for the harassment.');
    await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(second.getByTestId('report-conflict')).toContainText('changed while you had it open');
    await expect(second.getByTestId('report-status')).toHaveText('Resolved');
    await expect(second.getByTestId('target-states')).not.toContainText('Limited');
    // Their words are still there for a second try, and a note is never refused.
    await second.getByRole('button', { name: 'Limit…' }).click();
    await expect(second.getByTestId('report-action-dialog').getByLabel('Message to the account (optional)')).toHaveValue('Limiting for the harassment.');
    await second.getByTestId('report-action-dialog').getByRole('button', { name: 'Cancel' }).click();
    await second.getByLabel('New note').fill('I was about to limit them; leaving it resolved.');
    await second.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect(second.getByTestId('report-note').filter({ hasText: 'I was about to limit them' })).toBeVisible();
  });

  test('bulk-resolves three reports with one note', async ({ page }) => {
    await signIn(page, STAFF.moderator2);
    await page.goto('/reports?category=spam&domain=spam-wave.example');
    const rows = page.getByTestId('report-row');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();
    expect(before).toBeGreaterThanOrEqual(3);
    const ids = (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-row-id') ?? ''))).slice(0, 3);

    // Keyboard: j moves, x selects.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('j');
      await page.keyboard.press('x');
    }
    await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
    await page.getByRole('button', { name: 'Resolve with a note…' }).click();
    await page.getByLabel('Shared note (added to every selected report)').fill('Spam wave from spam-wave.example, all three accounts suspended.');
    await page.getByRole('button', { name: 'Resolve 3 reports' }).click();
    await expect(page.getByTestId('bulk-outcome')).toContainText('3 reports changed');
    await expect(rows).toHaveCount(before - 3);
    for (const id of ids) await expect(page.locator(`[data-testid="report-row"][data-row-id="${id}"]`)).toHaveCount(0);

    await page.goto(`/reports/${ids[0]}`);
    await expect(page.getByTestId('report-status')).toHaveText('Resolved');
    await expect(page.getByTestId('report-note').filter({ hasText: 'Spam wave from spam-wave.example' })).toBeVisible();
  });

  test('keyboard: ? lists the queue keys, a assigns the focused report to me; the report tells who assigned it', async ({ page, browser }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/reports?assigned=none&sort=newest');
    await expect(page.getByTestId('report-row').first()).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const shortcuts = page.getByTestId('page-shortcuts');
    await expect(shortcuts).toContainText('Assign the focused report to me');
    await expect(shortcuts).toContainText('Select or unselect the focused row');
    await page.keyboard.press('Escape');
    const first = await page.getByTestId('report-row').first().getAttribute('data-row-id');
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await expect(page.getByTestId('bulk-outcome')).toContainText('1 report changed');
    await expect(page.locator(`[data-testid="report-row"][data-row-id="${first}"]`)).toHaveCount(0);
    const teammateReport = await page.getByTestId('report-row').first().getAttribute('data-row-id');
    expect(teammateReport).not.toBe(first);
    await page.goto(`/reports/${first}`);
    await expect(page.getByTestId('report-assignment')).toContainText('you');
    await expect(page.getByTestId('report-assigned-by')).toHaveText(/^· took it (just now|1 minute ago)$/);

    // Given to a teammate from the queue: both of them see who gave it.
    await page.goto('/reports?assigned=none&sort=newest');
    await page.locator(`[data-testid="report-row"][data-row-id="${teammateReport}"]`).getByRole('checkbox', { name: 'Select row' }).check();
    await page.getByLabel('Teammate to assign the selected reports to').selectOption({ label: '@moderator' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect(page.getByTestId('bulk-outcome')).toContainText('1 report changed');
    await page.goto(`/reports/${teammateReport}`);
    await expect(page.getByTestId('report-assignment')).toContainText('@moderator');
    await expect(page.getByTestId('report-assigned-by')).toHaveText(/^· assigned by you (just now|1 minute ago)$/);
    const teammate = await (await browser.newContext()).newPage();
    await signIn(teammate, STAFF.moderator);
    await teammate.goto(`/reports/${teammateReport}`);
    await expect(teammate.getByTestId('report-assignment')).toContainText('you');
    await expect(teammate.getByTestId('report-assigned-by')).toHaveText(/^· assigned by @admin (just now|\d+ minutes? ago)$/);
  });

  test('keyboard: g then a goes to the audit log and does not assign the focused report', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/reports?assigned=none&sort=newest');
    await expect(page.getByTestId('report-row').first()).toBeVisible();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const first = await page.getByTestId('report-row').first().getAttribute('data-row-id');
    await page.keyboard.press('j');
    await page.keyboard.press('g');
    await page.keyboard.press('a');
    await expect(page).toHaveURL(/\/audit/);
    await page.goto(`/reports/${first}`);
    await expect(page.getByTestId('report-assignment')).not.toContainText('you');
  });

  test('unknown and malformed report ids answer 404', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    for (const id of ['999999999', 'abc', '1%20OR%201=1']) {
      await page.goto(`/reports/${id}`);
      await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
    }
  });

  test('a staff member whose role lacks manage_reports is refused', async ({ page }) => {
    await signIn(page, 'viewer@palisade.test', DEMO_PASSWORD);
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports', exact: true })).toHaveCount(0);
    for (const url of ['/reports', `/reports/${expected().reports_limit_id}`]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Your role cannot open this page' })).toBeVisible();
    }
  });
});
