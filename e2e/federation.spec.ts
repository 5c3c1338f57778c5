import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

// A real list (see lib/blocklist/fixtures/SOURCES.md): Garden Fence's Mastodon export, 143 suspends.
const GARDENFENCE = path.resolve('lib/blocklist/fixtures/gardenfence-mastodon.csv');

async function removeBlock(page: Page, domain: string) {
  await page.goto(`/federation?q=${encodeURIComponent(domain)}&sort=domain`);
  await page.getByTestId('domain-block-row').filter({ hasText: domain }).first().getByRole('link', { name: domain, exact: true }).click();
  await page.getByRole('button', { name: 'Remove block…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('impact-effects')).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove block' }).click();
  await expect(page).toHaveURL(/\/federation\?removed=/);
}

test.describe('Federation: domain blocks', () => {
  test('imports Garden Fence with the review step, applies the ticked rows, shows the blocks and their impact', async ({ page }) => {
    // Upload, review, apply, inspect, refuse, then remove what it created: a long moderator session.
    test.setTimeout(120_000);
    await signIn(page, STAFF.admin);
    await page.goto('/federation/import');
    await page.getByLabel('File').setInputFiles(GARDENFENCE);
    await page.getByRole('button', { name: 'Review rows' }).click();

    await expect(page.getByRole('heading', { name: 'Review of gardenfence-mastodon.csv' })).toBeVisible();
    await expect(page.getByText(/Mastodon CSV \(#domain,#severity,…\) · 143 entries/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'All · 143' })).toBeVisible();

    // Keep the shared database small: untick everything, tick three new rows, then untick one of them.
    await page.getByRole('button', { name: 'New ·' }).click();
    const newRows = page.getByTestId('import-row');
    const count = await newRows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    const domains: string[] = [];
    for (let i = 0; i < 3; i += 1) domains.push((await newRows.nth(i).locator('td').nth(2).locator('span').first().innerText()).trim());
    await page.getByRole('button', { name: 'Untick all' }).click();
    for (const domain of domains) await page.getByRole('checkbox', { name: new RegExp(`: ${domain.replace(/\./g, '\\.')}$`) }).check();
    const untick = page.getByRole('checkbox', { name: new RegExp(`: ${domains[2]!.replace(/\./g, '\\.')}$`) });
    await untick.uncheck();
    await expect(untick).not.toBeChecked();

    await page.getByRole('button', { name: 'Apply 2 ticked rows…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('import-report')).toHaveText('2 created, 0 raised or changed, 0 skipped, 0 failed.');

    // The two blocks are in the list with the file's policy; the unticked one is not.
    for (const domain of domains.slice(0, 2)) {
      await page.goto(`/federation?q=${encodeURIComponent(domain)}`);
      const row = page.getByTestId('domain-block-row').filter({ hasText: domain });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('Suspend');
      await expect(row).toContainText(/Imported from gardenfence-mastodon\.csv on \d{4}-\d{2}-\d{2}/);
    }
    await page.goto(`/federation?q=${encodeURIComponent(domains[2]!)}`);
    await expect(page.getByTestId('domain-block-row')).toHaveCount(0);

    // Its impact: the figures for the domain and what removing it would do.
    await page.goto(`/federation?q=${encodeURIComponent(domains[0]!)}`);
    await page.getByRole('link', { name: domains[0]!, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Domain block for ${domains[0]}` })).toBeVisible();
    const impact = page.getByRole('complementary', { name: 'Impact' });
    await expect(impact.getByTestId('impact-figures')).toContainText('Accounts on the domain and its subdomains');
    await expect(impact.getByTestId('impact-effects')).toContainText('Nothing changes for existing accounts.');

    // Creating a weaker block under it is refused, naming the parent that wins.
    await page.goto('/federation/domain-blocks/new');
    await page.getByLabel('Domain', { exact: true }).fill(`www.${domains[0]}`);
    await page.getByRole('radio', { name: /Limit/ }).check();
    await expect(page.getByRole('alert').filter({ hasText: 'Refused: a stricter parent block wins' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: `${domains[0]} is blocked at least as strictly` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Review and create…' })).toBeDisabled();

    for (const domain of domains.slice(0, 2)) await removeBlock(page, domain);
  });

  test('exports Mastodon’s CSV, and re-importing it yields the same set of blocks', async ({ page }) => {
    await signIn(page, STAFF.admin);
    const response = await page.request.get('/federation/export/download?format=mastodon_csv&scope=all');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-disposition']).toBe('attachment; filename="domain_blocks.csv"');
    const csv = await response.text();
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');
    const exported = lines.length - 1;
    await page.goto('/federation');
    const counts = (await page.getByTestId('block-counts').innerText()).match(/\d+/g)!.map(Number);
    expect(exported).toBe(counts.reduce((a, b) => a + b, 0));

    await page.goto('/federation/import');
    await page.getByLabel('File').setInputFiles({ name: 'domain_blocks.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Review rows' }).click();
    await expect(page.getByRole('button', { name: `All · ${exported}` })).toBeVisible();
    // Every row is exactly a block in force: nothing new, nothing stricter or weaker, nothing invalid.
    await expect(page.getByRole('button', { name: `Already covered · ${exported}` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply 0 ticked rows…' })).toBeDisabled();
  });

  test('refuses a malformed file with a clear error and changes nothing', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/federation/import');
    await page.getByLabel('File').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('#domain,#severity,#public_comment\nspam.example,suspend,"never closed\n') });
    await page.getByRole('button', { name: 'Review rows' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The file was not imported' })).toContainText('A quoted field opened on line 2 is never closed.');
    await expect(page.getByRole('heading', { name: /Review of/ })).toHaveCount(0);
  });

  test('a moderator without manage_federation cannot open the federation screens', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    const response = await page.goto('/federation');
    expect(response?.status()).toBe(403);
    const upload = await page.request.post('/federation/import/review', { data: 'spam.example\n', headers: { 'content-type': 'text/plain' } });
    expect(upload.status()).toBe(403);
  });
});

test.describe('Federation: sign-up blocks', () => {
  test('adds and removes an IP rule with its CIDR masked', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/federation/ip-blocks');
    await page.getByLabel('IP address or range').fill('203.0.113.77/28');
    await page.getByLabel('Rule', { exact: true }).selectOption('no_access');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rule for 203.0.113.64/28 added.' })).toBeVisible();
    const row = page.getByTestId('ip-block-row').filter({ hasText: '203.0.113.64/28' });
    await expect(row).toContainText('Block access');
    await row.getByRole('button', { name: 'Remove the rule for 203.0.113.64/28' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByTestId('ip-block-row').filter({ hasText: '203.0.113.64/28' })).toHaveCount(0);
  });
});
