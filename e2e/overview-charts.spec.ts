import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

// Written by scripts/e2e-server.ts with plain SQL against the freshly seeded database.
function expected(): Record<string, string | null> {
  return JSON.parse(fs.readFileSync(path.resolve(process.env.E2E_DATA_DIR ?? '.palisade/e2e', 'expected.json'), 'utf8')) as Record<string, string | null>;
}

const CHARTS = ['chart-flow', 'chart-backlog', 'chart-first-action', 'chart-resolution', 'chart-ages', 'chart-appeals', 'chart-reported-domains', 'chart-reporting-domains', 'chart-workload'];

function previousMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

test.describe('Overview charts', () => {
  test('render the seeded data, each with its data table', async ({ page }) => {
    const want = expected();
    await signIn(page, STAFF.admin);
    for (const id of CHARTS) {
      const figure = page.getByTestId(id);
      await expect(figure, id).toBeVisible();
      // A drawn chart (recharts' SVG surface), not an empty frame.
      await expect(figure.locator('svg.recharts-surface').first(), id).toBeVisible();
      // The table is always there for screen readers; a button shows it to everyone.
      await expect(figure.getByRole('table'), id).toHaveCount(1);
    }
    // Figures agree with each other on one page load: today's backlog and the age chart both
    // count every open report, as the headline does.
    const open = (await page.getByTestId('open-reports').textContent())?.trim() ?? '';
    expect(Number(open)).toBeGreaterThan(0);
    await expect(page.getByTestId('chart-backlog')).toContainText(`today: ${Number(open).toLocaleString('en')}`);
    await expect(page.getByTestId('chart-ages')).toContainText(`How long the ${Number(open).toLocaleString('en')} open reports`);

    // The most reported remote domain, as plain SQL counted it.
    const figure = page.getByTestId('chart-reported-domains');
    await figure.getByRole('button', { name: 'Show data' }).click();
    const firstRow = figure.getByRole('table').getByRole('row').nth(1);
    await expect(firstRow.getByRole('rowheader')).toHaveText(String(want.top_reported_domain));
    await expect(firstRow.getByRole('cell').first()).toHaveText(String(want.top_reported_domain_reports));
    await expect(figure.getByRole('button', { name: 'Hide data' })).toHaveAttribute('aria-expanded', 'true');
  });

  test('clicking a bar opens the filtered report list', async ({ page }) => {
    const want = expected();
    await signIn(page, STAFF.admin);
    const bar = page.getByTestId('reported-domains-bar').and(page.locator(`[data-label="${want.top_reported_domain}"][data-series="resolved"]`));
    // The figure counts reports filed in the window: the list starts where the window does.
    const since = new RegExp(`^/reports\\?status=resolved&domain=${String(want.top_reported_domain).replace(/\./g, '\\.')}&from=\\d{4}-\\d{2}-\\d{2}$`);
    await expect(bar).toHaveAttribute('href', since);
    await bar.click();
    await expect(page).toHaveURL(new RegExp(`/reports\\?status=resolved&domain=${String(want.top_reported_domain).replace(/\./g, '\\.')}&from=\\d{4}-\\d{2}-\\d{2}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // The same list is reachable from the table, by keyboard.
    await page.goto('/');
    const link = page.getByTestId('reported-domains-table').getByRole('link').first();
    await expect(link).toHaveAttribute('href', new RegExp(`domain=${String(want.top_reported_domain).replace(/\./g, '\\.')}`));
  });

  test('a day of the flow chart opens the reports filed that day, and only those', async ({ page }) => {
    await signIn(page, STAFF.admin);
    const figure = page.getByTestId('chart-flow');
    await expect(figure.locator('svg.recharts-surface').first()).toBeVisible();
    const table = figure.getByTestId('flow-table');
    const days = await table.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => ({ day: tr.querySelector('th')?.textContent ?? '', opened: Number(tr.querySelector('td')?.textContent) })));
    // The most recent day with reports, and no more than a page of them (status=all: later resolutions do not change it).
    const picked = days.filter((d) => d.opened > 0 && d.opened <= 50).at(-1);
    expect(picked, JSON.stringify(days)).toBeDefined();
    const { day, opened } = picked!;
    const href = `/reports?status=all&from=${day}&to=${day}`;

    const label = new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const bar = page.getByTestId('flow-bar').and(page.locator(`[data-label="${label}"][data-series="opened"]`));
    await expect(bar).toHaveAttribute('href', href);
    await bar.click();
    await expect(page).toHaveURL(new RegExp(`/reports\\?status=all&from=${day}&to=${day}$`));
    await expect(page.getByTestId('queue-count')).toHaveText(`${opened} ${opened === 1 ? 'report' : 'reports'} on this page`);
    // Every row was filed that UTC day (the waiting cell's title is the filing time).
    const rows = page.getByTestId('report-row');
    await expect(rows).toHaveCount(opened);
    const filed = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('a[aria-label^="Open report #"] span[title]')?.getAttribute('title') ?? ''));
    expect(filed).toHaveLength(opened);
    for (const title of filed) expect(title.startsWith(`${day} `), title).toBe(true);
    // The form shows the range, so it can be widened or cleared.
    await expect(page.getByLabel('From (UTC)')).toHaveValue(day);
    await expect(page.getByLabel('To (UTC)')).toHaveValue(day);

    // The same list from the data table, by keyboard, with a name that says what it is.
    await page.goto('/');
    await page.getByTestId('chart-flow').getByRole('button', { name: 'Show data' }).click();
    const link = page.getByTestId('chart-flow').getByRole('link', { name: `${opened} ${opened === 1 ? 'report' : 'reports'} filed on ${day}` });
    await expect(link).toHaveAttribute('href', href);
    // Age buckets link by the exact filing instants the bucket covered, not by category alone.
    await expect(page.getByTestId('ages-table').getByRole('link').first()).toHaveAttribute('href', /^\/reports\?category=\w+&(from=\d{4}-\d{2}-\d{2}T[\w%.]+&)?to=\d{4}-\d{2}-\d{2}T[\w%.]+$/);
  });

  test('switches between 30 and 90 days', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await expect(page.getByTestId('chart-flow')).toContainText('last 30 days');
    await page.getByRole('link', { name: 'Last 90 days' }).click();
    await expect(page).toHaveURL(/\?range=90$/);
    await expect(page.getByRole('link', { name: 'Last 90 days' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('chart-flow')).toContainText('last 90 days');
    // The default Moderator role has view_audit_log, so the balance view is there, by name.
    const names = await page.getByTestId('workload-table').getByRole('rowheader').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  test('a role without view_audit_log sees the charts but not the per-moderator workload', async ({ page }) => {
    // The e2e server's "Dashboard viewer" role has view_dashboard only.
    await signIn(page, 'viewer@palisade.test');
    await expect(page.getByTestId('chart-flow')).toBeVisible();
    await expect(page.getByTestId('chart-ages')).toBeVisible();
    await expect(page.getByTestId('chart-workload')).toHaveCount(0);
    await expect(page.getByTestId('workload-table')).toHaveCount(0);
  });

  test('exports the monthly transparency figures as JSON and CSV', async ({ page }) => {
    const want = expected();
    await signIn(page, STAFF.admin);
    const month = previousMonth();
    await expect(page.getByLabel('Month')).toHaveValue(month);

    const json = await page.request.get(`/overview/transparency?month=${month}&format=json`);
    expect(json.status()).toBe(200);
    expect(json.headers()['content-disposition']).toContain(`transparency-${month}.json`);
    const doc = (await json.json()) as { month: string; instance: string; reports_received: { total: number }; active_moderators: number };
    expect(doc.month).toBe(month);
    expect(doc.instance).toBe('palisade.test');
    expect(doc.reports_received.total).toBe(Number(want.previous_month_reports));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`transparency-${month}.csv`);
    const csv = fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('month,section,metric,category,origin,value');
    expect(lines).toContain(`${month},reports_received,total,,,${want.previous_month_reports}`);
    expect(lines).toContain(`${month},moderators,active,,,${doc.active_moderators}`);

    expect((await page.request.get('/overview/transparency?month=2026-13&format=csv')).status()).toBe(400);
    expect((await page.request.get(`/overview/transparency?month=${month}&format=xlsx`)).status()).toBe(400);
  });

  test('refuses the export to visitors who are not signed in', async ({ request }) => {
    expect((await request.get(`/overview/transparency?month=${previousMonth()}&format=json`)).status()).toBe(401);
  });
});
