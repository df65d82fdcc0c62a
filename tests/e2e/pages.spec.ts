import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { comparisonRows } from '../../src/i18n/compare.ts';
import { useTheme } from './helpers.ts';
import { axe } from './page-checks.ts';

/* The comparison and the home page: what a reader sees at each width (the preview images and the home page's weight: tests/built/pages.test.ts). */

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

for (const locale of LOCALES) {
	for (const size of WIDTHS) {
		test(`/${locale}/ at ${size.width} px leads with a live diagram and the two ways to start`, async ({ browser }) => {
			const context = await browser.newContext({ viewport: size });
			const page = await context.newPage();
			await page.goto(`/${locale}/`);
			const words = messages[locale].home;
			const starts = page.locator('.kp-starts a');
			await expect(starts).toHaveCount(2);
			await expect(starts.nth(0)).toHaveAttribute('href', `/${locale}/exposure/kubectl-proxy/`);
			await expect(starts.nth(0)).toContainText(words.startPath);
			await expect(starts.nth(1)).toHaveAttribute('href', `/${locale}/choose/`);
			await expect(starts.nth(1)).toContainText(words.startChoose);
			// Both starts on the first screen, above everything else the page explains.
			for (const box of await starts.evaluateAll((all) => all.map((a) => a.getBoundingClientRect().bottom + window.scrollY)))
				expect(box).toBeLessThan(size.height + (size.width < 500 ? 160 : 0));
			const diagram = page.locator('.kp-home-diagram figure[data-scenario="nodeport"]');
			await expect(diagram).toBeVisible();
			// Live: Next moves to the second hop, and only the active step's text shows under it.
			const next = diagram.locator('[data-action="next"]');
			await expect(next).toBeEnabled();
			await next.click();
			await expect(diagram.locator('.kp-steps > li:visible')).toHaveCount(1);
			await expect(diagram.locator('.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', 'nodeport-a-to-kube-proxy-a');
			// Its words once, numbered as the step it is: not the caption panel too, nor the number 1.
			await expect(diagram.locator('.kp-caption')).toBeHidden();
			// The hidden steps still generate boxes, so the CSS counter that numbers the cards counts them.
			expect(await diagram.locator('.kp-steps > li').evaluateAll((all) => all.map((li) => getComputedStyle(li).display))).not.toContain('none');
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
			// "How the diagrams work" comes after the learning path, at the end.
			const sections = await page.locator('.sl-markdown-content h2[id]').evaluateAll((all) => all.map((h) => h.id));
			expect(sections.indexOf('diagrams')).toBeGreaterThan(sections.indexOf('learning-path'));
			expect(sections.at(-1)).toBe('diagrams');
			await context.close();
		});
	}
}

/*
 * axe on these three pages in the states a reader leaves them in, at a phone's width and a desktop's,
 * one theme each (tests/e2e/page-gates.spec.ts runs both themes on every page at Playwright's default
 * 1280×720; axe is the slowest check of the suite, so this matrix stays small). 390 and 768 px share the
 * phone's layouts (cards, stacked home).
 */
const AXE_STATES = [{ path: '' }, { path: 'compare/' }, { path: 'choose/?answers=ynnyy' }];
const AXE_RUNS = [
	{ size: WIDTHS[0]!, theme: 'light' },
	{ size: WIDTHS[3]!, theme: 'dark' },
] as const;
for (const locale of LOCALES) {
	for (const { size, theme } of AXE_RUNS) {
		test(`/${locale}/ home, compare and choose are axe-clean at ${size.width} px in the ${theme} theme`, async ({ browser }) => {
			test.setTimeout(240_000);
			for (const state of AXE_STATES) {
				const context = await browser.newContext({ viewport: size, colorScheme: theme, reducedMotion: 'reduce' });
				const page = await context.newPage();
				await useTheme(page, theme);
				await page.goto(`/${locale}/${state.path}`);
				await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
				const results = await axe(page).analyze();
				expect(
					results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
					`${state.path || 'home'} at ${size.width} px`,
				).toEqual([]);
				await context.close();
			}
		});
	}
}
