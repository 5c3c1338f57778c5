import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

function expected(): Record<string, string | null> {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.palisade/e2e', 'expected.json'), 'utf8')) as Record<string, string | null>;
}

/** Yesterday (UTC): bounding the log there keeps rows other specs add today out of the comparison. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

/** Minimal RFC 4180 reader for the export (quoted cells with commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

/** Every row of the filtered log, following "Next page" to the end. */
async function allRows(page: Page): Promise<string[]> {
  const sentences: string[] = [];
  for (;;) {
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    sentences.push(...(await page.getByTestId('audit-sentence').allTextContents()));
    const next = page.getByRole('link', { name: 'Next page' });
    if ((await next.count()) === 0) return sentences;
    await next.click();
    await page.waitForURL(/cursor=/);
  }
}

test.describe('Audit log', () => {
  test('filtered by actor and two action types shows exactly the expected rows, and the CSV export matches', async ({ page }) => {
    const want = expected();
    const identifiers = JSON.parse(String(want.audit_moderator_resolve_silence)) as string[];
    expect(identifiers.length).toBeGreaterThan(0);

    await signIn(page, STAFF.admin);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

    await page.getByLabel('Moderator', { exact: true }).selectOption({ label: 'moderator' });
    await page.getByText(/^Actions:/).click();
    await page.getByRole('group', { name: 'Report' }).getByLabel('Resolve report').check();
    await page.getByRole('group', { name: 'Account' }).getByLabel('Limit account').check();
    await page.getByLabel('To', { exact: true }).fill(yesterday());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(new RegExp(`actor=${want.moderator_account_id}`));
    await expect(page).toHaveURL(/action=resolve_report/);
    await expect(page).toHaveURL(/action=silence_account/);

    const rows = await allRows(page);
    // Same rows, same order (newest first) as plain SQL over admin_action_logs.
    const shown = rows.map((s) => {
      const resolved = /^moderator resolved report #(\d+)$/.exec(s);
      if (resolved) return resolved[1];
      const limited = /^moderator limited (.+)$/.exec(s);
      if (limited) return limited[1];
      throw new Error(`unexpected row: ${s}`);
    });
    expect(shown).toEqual(identifiers);

    // The export carries the page's filters (not the cursor) and every page of rows.
    await page.goto(page.url().replace(/&cursor=[^&]*/, ''));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as CSV' }).click();
    const file = await download;
    const csv = parseCsv(fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, ''));
    expect(csv[0]).toEqual(['time_utc', 'source', 'actor', 'actor_account_id', 'action_type', 'action', 'target_type', 'target_id', 'target', 'sentence', 'link']);
    const body = csv.slice(1);
    expect(body.map((r) => r[9])).toEqual(rows);
    expect(body.map((r) => r[8])).toEqual(identifiers);
    for (const r of body) {
      expect(r[1]).toBe('mastodon');
      expect(r[2]).toBe('moderator');
      expect(r[3]).toBe(want.moderator_account_id);
      expect(['resolve_report', 'silence_account']).toContain(r[4]);
      expect(r[0]! < `${yesterday()}T23:59:59.999Z`).toBe(true);
      expect(r[10]).toMatch(/^http:\/\/localhost:\d+\/(reports|accounts)\/\d+$/);
    }
  });

  test('filters by target domain and free text, and links each target', async ({ page }) => {
    const want = expected();
    await signIn(page, STAFF.moderator);
    await page.goto(`/audit?domain=${want.top_reported_domain}`);
    const sentences = await page.getByTestId('audit-sentence').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(s).toContain(String(want.top_reported_domain));

    await page.goto('/audit?q=no-such-identifier-anywhere');
    await expect(page.getByText('No entries match these filters.')).toBeVisible();

    await page.goto('/audit?action=resolve_report');
    const first = page.getByTestId('audit-row').first();
    await expect(first.getByRole('link', { name: /^#\d+$/ })).toHaveAttribute('href', /^\/reports\/\d+$/);
    await expect(first.getByText('Mastodon', { exact: true })).toBeVisible();
  });

  test('a hand-edited address keeps what it can and says what it dropped', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await page.goto('/audit?action=explode_everything&from=not-a-date&action=resolve_report');
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('action, from');
    await expect(page.getByRole('checkbox', { name: 'Resolve report' })).toBeChecked();
  });

  test('the export is refused without a session', async ({ request }) => {
    expect((await request.get('/audit/export')).status()).toBe(401);
  });
});
