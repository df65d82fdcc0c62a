import { expect, test } from '@playwright/test';
import { messages, otherLocales } from '../../src/i18n/index.ts';
import { collectErrors, DIAGRAM_PAGES } from './helpers.ts';

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

test.describe('languages', () => {
	for (const { locale, path } of DIAGRAM_PAGES) {
		test(`${path} is in ${locale} only, with no console error`, async ({ page }) => {
			const errors = collectErrors(page);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const html = await page.content();
			// Our own UI strings and expressive-code's (copy button, terminal caption) must be this page's language.
			const codeStrings = { en: ['Copy to clipboard', 'Terminal window'], fr: ['Copier dans le presse-papiers', 'Fenêtre de terminal'] };
			for (const other of otherLocales(locale)) {
				for (const text of [messages[other].ui.next, messages[other].ui.copyLink, messages[other].ui.steps]) expect(html).not.toContain(text);
				for (const text of codeStrings[other]) expect(html).not.toContain(text);
			}
			for (const text of codeStrings[locale]) expect(html).toContain(text);
			await expect(page.getByRole('button', { name: messages[locale].ui.next })).toBeVisible();
			expect(errors).toEqual([]);
		});
	}
});
