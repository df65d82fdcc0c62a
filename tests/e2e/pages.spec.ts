import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { comparisonRows } from '../../src/model/compare.ts';

/* The comparison, the home page and the preview images: what a reader sees at each width. */

const WIDTHS = [
	{ width: 360, height: 740 },
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 },
	{ width: 1440, height: 900 },
];

for (const locale of LOCALES) {
	test(`/${locale}/compare/ shows every column at 1440×900 without sideways scrolling`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const page = await context.newPage();
		await page.goto(`/${locale}/compare/`);
		const table = page.locator('.kp-compare');
		await expect(table).toBeVisible();
		await expect(page.locator('.kp-compare-cards')).toBeHidden();
		expect(await table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
		// The table has the page's width, not Starlight's 45rem prose column.
		expect((await table.boundingBox())!.width).toBeGreaterThan(1000);
		const headers = page.locator('.kp-compare thead th');
		await expect(headers).toHaveCount(10);
		for (const box of await headers.evaluateAll((all) => all.map((th) => th.getBoundingClientRect()))) {
			expect(box.right).toBeLessThanOrEqual(1440);
			// Readable: no column squeezed to a word per line.
			expect(box.width).toBeGreaterThan(45);
		}
		// What decides comes first: who can reach it, then whether it is for production.
		await expect(headers.nth(1)).toHaveText(messages[locale].compare.columns.reach);
		await expect(headers.nth(2)).toHaveText(messages[locale].compare.columns.production);
		await context.close();
	});

	for (const size of WIDTHS.slice(0, 3)) {
		test(`/${locale}/compare/ is one card per way in at ${size.width} px`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: size });
			const page = await context.newPage();
			await page.goto(`/${locale}/compare/`);
			await expect(page.locator('.kp-compare')).toBeHidden();
			const cards = page.locator('.kp-compare-cards > ul > li');
			const rows = comparisonRows(locale);
			await expect(cards).toHaveCount(rows.length);
			for (const [i, row] of rows.entries()) {
				await expect(cards.nth(i).getByRole('link', { name: row.title })).toHaveAttribute('href', row.href);
				await expect(cards.nth(i).locator('[data-column="ports"] dd')).toHaveText(row.ports);
				await expect(cards.nth(i).locator('[data-column="sourceIp"] dd')).toHaveText(row.sourceIp);
			}
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
			await context.close();
		});
	}
}
