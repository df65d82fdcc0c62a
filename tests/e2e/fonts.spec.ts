import { expect, test } from '@playwright/test';
import { DIAGRAM_PAGES } from './helpers.ts';

/*
 * Bold prose has the weight of the page's other bold text (src/styles/content.css): one font fewer to
 * look up before the first layout (tests/e2e/fonts.ts; the diagram's own fonts are checked on the visit
 * of tests/e2e/diagram.spec.ts that steps through every diagram).
 */

test('bold prose uses the weight of the page’s headings, not one of its own', async ({ page }) => {
	const { path } = DIAGRAM_PAGES.find((p) => p.scenario === 'gateway-api' && p.locale === 'en')!;
	await page.goto(path);
	const weights = await page.evaluate(() => ({
		strong: [...document.querySelectorAll('.sl-markdown-content strong')].map((el) => getComputedStyle(el).fontWeight),
		heading: getComputedStyle(document.querySelector('.sl-markdown-content h2')!).fontWeight,
	}));
	expect(weights.strong.length, 'the page has bold prose').toBeGreaterThan(0);
	expect(new Set(weights.strong)).toEqual(new Set([weights.heading]));
});
