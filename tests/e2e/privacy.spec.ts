import { expect, test, type Page } from '@playwright/test';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { sitemapPaths, watchErrors } from './helpers.ts';

/*
 * Privacy and offline use: a page of the site, and its search, only ever talk to the site's own origin.
 * No web font, script, image or beacon from elsewhere, and no analytics. Requests to other origins are
 * recorded (that is the failure) and then aborted, so the test never waits on the network.
 *
 * The same page load also fails on any console error, uncaught exception or Content-Security-Policy
 * violation (`watchErrors` records `securitypolicyviolation` events from the first line of the page on):
 * one visit per page for both checks keeps the suite fast.
 */

const PAGES = await sitemapPaths();

/** Names that analytics and tag managers put on `window`. */
const ANALYTICS_GLOBALS = ['ga', 'gtag', 'dataLayer', '_gaq', '_paq', 'plausible', 'umami', 'fathom', 'analytics', 'posthog', 'mixpanel', 'clarity', 'Matomo', '_hsq', 'heap', 'amplitude', 'hj'];

/** Records every request of the page and every `navigator.sendBeacon`; aborts requests that leave the origin. */
async function watchRequests(page: Page, origin: string): Promise<{ outside: string[]; all: string[] }> {
	const all: string[] = [];
	const outside: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		all.push(url);
		if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) outside.push(`${request.resourceType()} ${url}`);
	});
	await page.context().route(
		(url) => url.origin !== origin && !/^(data|blob|about):/.test(url.href),
		(route) => route.abort('blockedbyclient'),
	);
	await page.addInitScript(() => {
		const beacons: string[] = [];
		(window as unknown as { __kpBeacons: string[] }).__kpBeacons = beacons;
		const original = navigator.sendBeacon?.bind(navigator);
		if (original) {
			navigator.sendBeacon = (url, data) => {
				beacons.push(String(url));
				return original(url, data);
			};
		}
	});
	return { outside, all };
}

/** What the loaded page itself reveals: web fonts from elsewhere, analytics globals, beacons sent. */
async function inspect(page: Page, origin: string) {
	return page.evaluate((siteOrigin) => {
		const fonts: string[] = [];
		const visit = (rules: CSSRuleList, sheetHref: string) => {
			for (const rule of rules) {
				if (rule instanceof CSSFontFaceRule) {
					for (const m of rule.style.getPropertyValue('src').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
						const url = new URL(m[1]!, sheetHref);
						if (url.protocol !== 'data:' && url.origin !== siteOrigin) fonts.push(`${url.href} (in ${sheetHref})`);
					}
				} else if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) {
					visit(rule.cssRules, sheetHref);
				}
			}
		};
		for (const sheet of document.styleSheets) {
			const href = sheet.href ?? location.href;
			if (new URL(href).origin !== siteOrigin) {
				fonts.push(`stylesheet ${href}`);
				continue;
			}
			visit(sheet.cssRules, href);
		}
		return {
			fonts,
			beacons: (window as unknown as { __kpBeacons?: string[] }).__kpBeacons ?? [],
		};
	}, origin);
}

for (const path of PAGES) {
	test(`${path} loads nothing from another origin (no web font, no analytics), with no console error or CSP violation`, async ({ page, baseURL }) => {
		const origin = new URL(baseURL!).origin;
		const { outside } = await watchRequests(page, origin);
		const errors = await watchErrors(page);
		await page.goto(path);
		// The root sends the reader to a language: the page it lands on counts too.
		if (!localeOfPath(path)) await page.waitForURL(/\/(en|fr)\/$/);
		await page.waitForLoadState('networkidle');
		const found = await inspect(page, origin);
		const globals = await page.evaluate((names) => names.filter((name) => name in window), ANALYTICS_GLOBALS);
		const csp = await page.evaluate(() => window.__kpCspViolations ?? []);

		expect.soft(outside, `${path} requested outside ${origin} (self-host the file or remove it):\n${outside.join('\n')}`).toEqual([]);
		expect.soft(found.fonts, `${path} declares web fonts or styles from elsewhere (self-host them under /_astro/):\n${found.fonts.join('\n')}`).toEqual([]);
		expect.soft(globals, `${path} defines analytics globals: ${globals.join(', ')}. The site has no analytics; remove the script that adds them.`).toEqual([]);
		expect.soft(found.beacons, `${path} sent beacons: ${found.beacons.join(', ')}`).toEqual([]);
		expect.soft(csp, `${path}: Content-Security-Policy violations (allow the source in the policy, or stop loading it):\n${csp.join('\n')}`).toEqual([]);
		expect.soft(errors, `${path}: errors while loading (see the browser console of this page):\n${errors.join('\n')}`).toEqual([]);
	});
}

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
		const found = await inspect(page, origin);
		expect(found.fonts, `${home}: the search brought web fonts from elsewhere:\n${found.fonts.join('\n')}`).toEqual([]);
		expect(errors, `${home}: errors while searching:\n${errors.join('\n')}`).toEqual([]);
	});
}
