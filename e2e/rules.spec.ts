import { expect, test, type Page } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

async function ruleTexts(page: Page): Promise<string[]> {
  const rules = page.getByTestId('rule');
  const texts: string[] = [];
  for (let i = 0; i < (await rules.count()); i += 1) texts.push((await rules.nth(i).locator('p.font-medium').innerText()).replace(/^\d+\.\s*/, ''));
  return texts;
}

test.describe('Server rules', () => {
  test('reorders with the keyboard; the new order is saved and priorities stay contiguous', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/rules');
    const before = await ruleTexts(page);
    expect(before.length).toBeGreaterThanOrEqual(3);

    const handle = page.getByRole('button', { name: `Reorder rule 1: ${before[0]}` });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('rules-announcement')).toHaveText(`Picked up. Position 1 of ${before.length}.`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('rules-announcement')).toHaveText(`Saved at position 3 of ${before.length}.`);

    await page.reload();
    const after = await ruleTexts(page);
    expect(after).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
    // Numbers shown are the contiguous priorities + 1.
    await expect(page.getByTestId('rule').nth(2).locator('p.font-medium span').first()).toHaveText('3.');

    // Escape puts a picked-up rule back without saving.
    const moved = page.getByRole('button', { name: `Reorder rule 3: ${before[0]}` });
    await moved.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('rules-announcement')).toHaveText('Reorder cancelled.');
    await page.reload();
    expect(await ruleTexts(page)).toEqual(after);

    // Restore the seed's order for the other specs: Alt+↑ moves at once.
    const back = page.getByRole('button', { name: `Reorder rule 3: ${before[0]}` });
    await back.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByRole('button', { name: `Reorder rule 2: ${before[0]}` })).toBeVisible();
    await page.getByRole('button', { name: `Reorder rule 2: ${before[0]}` }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByRole('button', { name: `Reorder rule 1: ${before[0]}` })).toBeVisible();
    await page.reload();
    expect(await ruleTexts(page)).toEqual(before);
  });

  test('adds a translation, shows it, and removes it again', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/rules');
    const rule = page.getByTestId('rule').first();
    await rule.locator('summary').click();
    const existing = await rule.getByTestId('rule-translation').count();
    await rule.getByRole('button', { name: 'Add a translation' }).click();
    await rule.getByLabel('Language').fill('it');
    await rule.getByLabel('Rule', { exact: true }).fill('Niente spam né pubblicità non richiesta.');
    await rule.getByLabel('Explanation (optional)').fill('Vale anche per i bot.');
    await rule.getByRole('button', { name: 'Save translation' }).click();
    await expect(rule.getByTestId('rule-translation').filter({ hasText: 'Niente spam' })).toBeVisible();

    await page.reload();
    const again = page.getByTestId('rule').first();
    await again.locator('summary').click();
    const translation = again.getByTestId('rule-translation').filter({ hasText: 'Niente spam' });
    await expect(translation).toContainText('it');
    await expect(translation).toContainText('Vale anche per i bot.');
    await expect(again.getByTestId('rule-translation')).toHaveCount(existing + 1);

    await again.getByRole('button', { name: 'Remove the it translation' }).click();
    await expect(again.getByTestId('rule-translation')).toHaveCount(existing);
  });

  test('shows how many reports cite each rule', async ({ page }) => {
    await signIn(page, STAFF.admin);
    await page.goto('/rules');
    await expect(page.getByTestId('rule-reports').first()).toHaveText(/No report cites it\.|Cited by \d+ reports?/);
  });

  test('is closed to roles without manage_rules', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    const response = await page.goto('/rules');
    expect(response?.status()).toBe(403);
  });
});
