import { expect, test } from '@playwright/test';
import { messages } from '../../src/i18n/index.ts';

test.describe('the root page', () => {
	for (const [browserLocale, expected] of [
		['fr-FR', '/fr/'],
		['fr-CA', '/fr/'],
		['en-GB', '/en/'],
		['de-DE', '/en/'],
	] as const) {
		test(`sends a ${browserLocale} browser to ${expected}`, async ({ browser, baseURL }) => {
			const context = await browser.newContext({ locale: browserLocale });
			const page = await context.newPage();
			await page.goto('/');
			await expect(page).toHaveURL(`${baseURL}${expected}`);
			await context.close();
		});
	}

	test('offers both languages without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/');
		await expect(page.getByRole('link', { name: 'Français' })).toHaveAttribute('href', '/fr/');
		await expect(page.getByText(messages.fr.home.tagline)).toBeVisible();
		await context.close();
	});
});
