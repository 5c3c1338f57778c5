import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

// Garden Fence's Mastodon export (143 suspends), served from this machine like a list host would.
const GARDENFENCE = fs.readFileSync(path.resolve('lib/blocklist/fixtures/gardenfence-mastodon.csv'));
const SOURCE_NAME = 'Garden Fence (served copy)';

let server: http.Server;
let listUrl = '';
let listReads = 0;

test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    listReads += 1;
    if (req.url !== '/gardenfence-mastodon.csv') {
      res.writeHead(404).end();
      return;
    }
    const etag = '"gardenfence-2026-07-05"';
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', ETag: etag });
    res.end(GARDENFENCE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gardenfence-mastodon.csv`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function subscribe(page: Page, name: string, url: string, extra?: (page: Page) => Promise<void>) {
  await page.goto('/blocklists/sources/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Address').fill(url);
  await extra?.(page);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({ timeout: 30_000 });
}

const domainOf = async (page: Page, index: number) => (await page.getByTestId('suggestion-row').nth(index).getByTestId('suggestion-domain').innerText()).trim();

test.describe('Blocklists: subscriptions, review and publishing', () => {
  test('subscribes to a served list, applies three suggestions, dismisses one, and shows provenance on the domain-block list', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/blocklists');
    await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();

    await subscribe(page, SOURCE_NAME, listUrl);
    await expect(page.getByText('Subscribed. The first fetch read 143 entries')).toBeVisible();
    await expect(page.getByTestId('fetch-row').first()).toContainText('New version');
    expect(listReads).toBeGreaterThan(0);

    // The list on the sources page, with its entries.
    await page.goto('/blocklists/sources');
    await expect(page.getByTestId('source-row').filter({ hasText: SOURCE_NAME })).toContainText('143');

    // Every Garden Fence domain is a new suspension backed by 1 of 1 sources.
    await page.goto('/blocklists?action=add');
    await expect(page.getByRole('link', { name: /^Add · \d+/ })).toHaveAttribute('aria-current', 'page');
    const rows = page.getByTestId('suggestion-row');
    await expect(rows.first()).toContainText('1 of 1 sources');
    await expect(rows.first()).toContainText(SOURCE_NAME);
    // Each source's own reason is shown under its name (Garden Fence gives every domain one).
    await expect(rows.first().getByTestId('backing-comment')).toHaveText(/^“.+”$/);
    const domains = [await domainOf(page, 0), await domainOf(page, 1), await domainOf(page, 2)];
    const dismissed = await domainOf(page, 3);

    for (let i = 0; i < 3; i += 1) await rows.nth(i).getByRole('checkbox', { name: 'Select row' }).check();
    await page.getByRole('button', { name: 'Apply 3…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('apply-summary')).toContainText('3 new blocks');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('apply-report')).toHaveText('3 applied, 0 not applied.');

    // Dismiss the next one: it stays out of the queue until the list changes its mind.
    const next = page.getByTestId('suggestion-row').filter({ hasText: dismissed });
    await next.getByRole('checkbox', { name: 'Select row' }).check();
    await page.getByRole('button', { name: 'Dismiss 1' }).click();
    await expect(page.getByText(/Dismissed 1 suggestion/)).toBeVisible();
    await page.reload();
    for (const domain of [...domains, dismissed]) await expect(page.getByTestId('suggestion-row').filter({ hasText: domain })).toHaveCount(0);
    await expect(page.getByTestId('recent-decisions')).toContainText(`Dismissed: Add ${dismissed}`);

    // Provenance on Mastodon's domain-block list.
    for (const domain of domains) {
      await page.goto(`/federation?q=${encodeURIComponent(domain)}`);
      const row = page.getByTestId('domain-block-row').filter({ hasText: domain });
      await expect(row).toHaveCount(1);
      await expect(row.getByTestId('block-provenance')).toHaveText(/^Blocked by 1 of \d+ sources$/);
      await expect(row).toContainText('Backed by Garden Fence (served copy)');
    }

    // Fetching again sends the ETag back: the list host answers 304 and nothing is downloaded.
    await page.goto('/blocklists/sources');
    await page.getByTestId('source-row').filter({ hasText: SOURCE_NAME }).getByRole('link', { name: SOURCE_NAME }).click();
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await expect(page.getByText('The server says nothing changed since the last fetch (143 entries).')).toBeVisible();
    await expect(page.getByTestId('fetch-row').first()).toContainText('Not modified');
  });

  test('keeps an excluded domain out of the queue, and brings it back when the exclude goes', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/blocklists?action=add');
    const domain = await domainOf(page, 0);
    await page.goto('/blocklists/settings');
    const excludes = page.getByLabel('Never suggest these domains (nor their subdomains)');
    await excludes.fill(domain);
    await page.getByRole('button', { name: 'Save and merge' }).click();
    await expect(page.getByText('Saved and merged (1 excludes added, 0 removed).')).toBeVisible();
    await page.goto(`/blocklists?q=${encodeURIComponent(domain)}`);
    await expect(page.getByTestId('suggestion-row')).toHaveCount(0);

    await page.goto('/blocklists/settings');
    await excludes.fill('');
    await page.getByRole('button', { name: 'Save and merge' }).click();
    await expect(page.getByText('Saved and merged (0 excludes added, 1 removed).')).toBeVisible();
    await page.goto(`/blocklists?q=${encodeURIComponent(domain)}`);
    await expect(page.getByTestId('suggestion-row').filter({ hasText: domain })).toHaveCount(1);
  });

  test('shares our list with an ally, logs the reads, and refuses the ally once its token is revoked', async ({ page, baseURL }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/blocklists/publishing');
    await page.getByLabel('Mastodon CSV', { exact: true }).selectOption('allies');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

    await page.getByLabel("Ally's name").fill('Loopback ally');
    await page.getByRole('button', { name: 'Add ally and create a token' }).click();
    const token = (await page.getByTestId('ally-token').innerText()).trim();
    expect(token).toMatch(/^plb_/);

    // Without the token the list is refused; with it, it is served.
    const url = `${baseURL}/api/blocklists/mastodon.csv`;
    expect((await page.request.get(url)).status()).toBe(401);
    const allowed = await page.request.get(url, { headers: { Authorization: `Bearer ${token}` } });
    expect(allowed.status()).toBe(200);
    expect((await allowed.text()).split('\n')[0]).toBe('#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate');

    // This instance subscribes to its own list as the ally would.
    await subscribe(page, 'Our list as an ally', url, async (p) => {
      await p.getByLabel('Format').selectOption('mastodon_csv');
      await p.getByRole('radio', { name: 'Bearer token' }).check();
      await p.getByRole('textbox', { name: 'Token' }).fill(token);
    });
    await expect(page.getByText(/Subscribed\. The first fetch read \d+ entries/)).toBeVisible();

    await page.goto('/blocklists/publishing');
    const ally = page.getByTestId('ally-row').filter({ hasText: 'Loopback ally' });
    await expect(ally).toContainText(/read/);
    await ally.getByRole('button', { name: 'Revoke access…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(ally).toContainText('Revoked');

    await page.goto('/blocklists/sources');
    await page.getByRole('link', { name: 'Our list as an ally' }).click();
    await page.getByRole('button', { name: 'Fetch now' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The fetch failed' })).toContainText('HTTP 401');
    await expect(page.getByTestId('fetch-row').first()).toContainText('Failed');

    await page.goto('/blocklists/publishing');
    const refused = page.getByTestId('read-row').filter({ hasText: 'Loopback ally' }).filter({ hasText: '401' });
    await expect(refused.first()).toBeVisible();
  });
});
