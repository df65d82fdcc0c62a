import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { STARLIGHT } from './ui-strings.ts';
import { sitemapPaths, watchErrors } from './helpers.ts';

/*
 * The search is loaded on demand (src/components/Search.astro): no Pagefind code on page load; the UI
 * arrives when the dialog opens (click, Ctrl/⌘+K or `/`) and finds pages in the reader's language.
 */

const PAGES = await sitemapPaths();
const PAGEFIND = /\/(ui-core[^/]*\.js|pagefind\/)/;
/** A page with a diagram, the heaviest kind. */
const DIAGRAM_PAGE = PAGES.find((p) => p === '/en/exposure/nodeport/') ?? PAGES.find((p) => p.startsWith('/en/exposure/'))!;

/** Every script the page fetched, with its gzip size (what a compressing server sends). */
function recordScripts(page: Page): Map<string, number> {
	const scripts = new Map<string, number>();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		try {
			scripts.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
		} catch {
			/* the page navigated away */
		}
	});
	return scripts;
}

/** Lets `requestIdleCallback` and late imports run: Starlight's stock search loaded its UI then. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(() => setTimeout(resolve, 300))));
	await page.waitForLoadState('networkidle');
}

test(`${DIAGRAM_PAGE}: no Pagefind script or index is requested until the search opens`, async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(request.url()));
	const scripts = recordScripts(page);
	await page.goto(DIAGRAM_PAGE);
	await settle(page);
	const early = requested.filter((url) => PAGEFIND.test(url));
	expect(early, `${DIAGRAM_PAGE} fetched the search before it was opened: ${early.join(', ')}. Pagefind must only be imported in Search.astro's #loadUI().`).toEqual([]);
	const total = [...scripts.values()].reduce((a, b) => a + b, 0);
	const list = [...scripts].map(([path, bytes]) => `${path} ${bytes} B`).join(', ');
	test.info().annotations.push({ type: 'JS on load (gzip)', description: `${total} B: ${list}` });
	console.log(`${DIAGRAM_PAGE}: ${total} B of gzipped JS on load (${list})`);

	await page.locator('button[data-open-modal]').click();
	await expect(page.locator('dialog[open] input')).toBeFocused();
	expect(requested.some((url) => /\/ui-core[^/]*\.js/.test(url)), 'opening the dialog did not load the Pagefind UI').toBe(true);
});

for (const [locale, opener] of [
	['en', 'click'],
	['fr', 'click'],
	['en', 'Control+k'],
	['fr', '/'],
] as const) {
	test(`/${locale}/: ${opener === 'click' ? 'a click' : opener} opens the search, and “NodePort” finds the ${locale} NodePort page`, async ({ page }) => {
		const errors = await watchErrors(page);
		await page.goto(`/${locale}/exposure/nodeport/`);
		await settle(page);
		if (opener === 'click') await page.locator('button[data-open-modal]').click();
		else await page.keyboard.press(opener);
		const dialog = page.locator('dialog[open]');
		await expect(dialog, `${opener} did not open the search dialog`).toBeVisible();
		await expect(dialog).toHaveAttribute('aria-label', STARLIGHT[locale]['search.label']!);
		const input = dialog.locator('input');
		await expect(input, 'the search field has focus once the UI is loaded').toBeFocused();
		await expect(input).toHaveAttribute('placeholder', STARLIGHT[locale]['search.label']!);
		await page.keyboard.type('NodePort');
		// Results are redrawn as the query grows: wait for the one that must be there, then read them all.
		const results = dialog.locator('.pagefind-ui__result-link');
		await expect(results.and(page.locator(`[href="/${locale}/exposure/nodeport/"]`)), `“NodePort” finds no link to /${locale}/exposure/nodeport/`).toBeVisible({ timeout: 15_000 });
		const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const foreign = hrefs.filter((href) => !href.startsWith(`/${locale}/`));
		expect(foreign, `results in another language on a ${locale} page: ${foreign.join(', ')}`).toEqual([]);
		// Ctrl+K closes it again, as in Starlight.
		await page.keyboard.press('Control+k');
		await expect(dialog).toHaveCount(0);
		expect(errors).toEqual([]);
	});
}

test('`/` typed in the search field types a slash', async ({ page }) => {
	await page.goto('/en/');
	await page.locator('button[data-open-modal]').click();
	const input = page.locator('dialog[open] input');
	await expect(input).toBeFocused();
	await page.keyboard.type('a/b');
	await expect(input).toHaveValue('a/b');
});
