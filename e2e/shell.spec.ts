import { expect, test } from '@playwright/test';
import { signIn, STAFF } from './support/auth';

test.describe('Console shell', () => {
  test('? lists the keyboard shortcuts and Escape closes the list', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Go to reports');
    await expect(dialog).not.toContainText('Go to federation');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the theme can be switched to dark and stays dark after reload', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(250, 250, 250)');
  });

  test('a skip link leads keyboard users to the content', async ({ page }) => {
    await signIn(page, STAFF.moderator);
    await page.reload();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  });
});
