import { expect, test } from '@playwright/test';
import { STAMP } from './stamp-words.ts';

/*
 * Every page says, in its footer, what it was checked against and when it last changed: written at
 * build time, without JavaScript, and read in every built page by tests/built/stamp.test.ts. Here, that
 * a reader sees it.
 */

test('the stamp sits beside the date in the rendered footer', async ({ page }) => {
	await page.goto('/fr/exposure/nodeport/');
	const stamp = page.locator('footer [data-checked-against]');
	await expect(stamp).toBeVisible();
	await expect(stamp).toHaveText(STAMP.fr);
	await expect(page.locator('footer time')).toBeVisible();
});
