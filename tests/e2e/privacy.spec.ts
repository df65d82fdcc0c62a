import { expect, test } from '@playwright/test';
import { sitemapPaths, watchErrors } from './helpers.ts';
import { inspectOrigins, watchRequests } from './page-checks.ts';

/*
 * Privacy and offline use: a page of the site, and its search, only ever talk to the site's own origin.
 * No web font, script, image or beacon from elsewhere, and no analytics. Requests to other origins are
 * recorded (that is the failure) and then aborted, so the test never waits on the network.
 *
 * Every page of the sitemap is checked on the visit the page gates share (tests/e2e/page-gates.spec.ts:
 * the same load also fails on any console error, uncaught exception or Content-Security-Policy
 * violation); here, the search, which loads more once it is opened.
 */

const PAGES = await sitemapPaths();

for (const home of PAGES.filter((p) => /^\/[a-z]{2}\/$/.test(p))) {
	test(`${home}: opening the search and typing a query stays on the site`, async ({ page, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const { outside, all } = await watchRequests(page, origin);
		const errors = await watchErrors(page);
		await page.goto(home);
		await page.locator('button[data-open-modal]').click();
		await page.locator('dialog[open] input').fill('Service');
		await expect(page.locator('dialog[open] .kp-search-result > a').first(), `${home}: the search found nothing for “Service”`).toBeVisible({ timeout: 15_000 });
		await page.waitForLoadState('networkidle');
		expect(
			all.some((url) => url.includes('/pagefind/')),
			`${home}: the search never fetched its index under /pagefind/`,
		).toBe(true);
		expect(outside, `${home}: the search requested outside ${origin}:\n${outside.join('\n')}`).toEqual([]);
		const found = await inspectOrigins(page, origin);
		expect(found.fonts, `${home}: the search brought web fonts from elsewhere:\n${found.fonts.join('\n')}`).toEqual([]);
		expect(errors, `${home}: errors while searching:\n${errors.join('\n')}`).toEqual([]);
	});
}
