import { expect, test } from '@playwright/test';
import { messages, otherLocales } from '../../src/i18n/index.ts';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { DIAGRAM_PAGES, diagramsOn, sitemapPaths, watchErrors } from './helpers.ts';
import {
	ANALYTICS_GLOBALS,
	axe,
	AXE_FIX,
	axeReport,
	contrastFailures,
	describeViolations,
	inspectOrigins,
	interfaceFailures,
	openForChecks,
	switchTheme,
	THEMES,
	watchRequests,
	type Theme,
} from './page-checks.ts';

/*
 * Every page of the sitemap, visited once for all the gates that read the page as it loads
 * (tests/e2e/page-checks.ts has each check; each is reported on its own with `expect.soft`):
 * - privacy: nothing from another origin (no web font, no analytics, no beacon), no console error,
 *   uncaught exception or Content-Security-Policy violation while it loads;
 * - its language: `<html lang>`, hreflang alternates, every interface string in the page's language;
 * - accessibility: axe (default rules: WCAG 2.x A and AA, best practices) in the light and the dark
 *   theme, and on a diagram page the contrast of every step of the diagram in both themes (forward in
 *   the light theme, back in the dark one), which axe cannot see.
 * The language-neutral root `/` is the exception: its script sends the reader on, so privacy follows
 * it there, and axe checks what stays on screen without scripts, on a second load.
 */

const PAGES = await sitemapPaths();
/** The diagrams of the sitemap's pages, found in their HTML: a page being written is never assumed. */
const DIAGRAMS = await diagramsOn(PAGES);

test.use({ reducedMotion: 'reduce' }); // no animation caught half-way

/** Our own UI strings and expressive-code's (copy button, terminal caption), per language. */
const CODE_STRINGS = { en: ['Copy to clipboard', 'Terminal window'], fr: ['Copier dans le presse-papiers', 'Fenêtre de terminal'] } as const;

for (const path of PAGES) {
	const locale = localeOfPath(path);
	const diagrams = DIAGRAMS.filter((d) => d.path === path);
	const concerns = ['privacy and errors', locale ? 'its language' : 'the root', 'axe in both themes', ...(diagrams.length > 0 ? ['diagram contrast'] : [])];
	test(`${path}: ${concerns.join(', ')}`, async ({ page, baseURL }) => {
		// Two full axe runs on a long page, and each diagram stepped through twice, on a busy 2-core machine.
		test.setTimeout(120_000);
		const origin = new URL(baseURL!).origin;
		const { outside } = await watchRequests(page, origin);
		const errors = await watchErrors(page);
		const report: string[] = [];

		const privacy = async () => {
			await page.waitForLoadState('networkidle');
			const found = await inspectOrigins(page, origin);
			const globals = await page.evaluate((names) => names.filter((name) => name in window), ANALYTICS_GLOBALS);
			const csp = await page.evaluate(() => window.__kpCspViolations ?? []);
			expect.soft(outside, `${path} requested outside ${origin} (self-host the file or remove it):\n${outside.join('\n')}`).toEqual([]);
			expect.soft(found.fonts, `${path} declares web fonts or styles from elsewhere (self-host them under /_astro/):\n${found.fonts.join('\n')}`).toEqual([]);
			expect.soft(globals, `${path} defines analytics globals: ${globals.join(', ')}. The site has no analytics; remove the script that adds them.`).toEqual([]);
			expect.soft(found.beacons, `${path} sent beacons: ${found.beacons.join(', ')}`).toEqual([]);
			expect.soft(csp, `${path}: Content-Security-Policy violations (allow the source in the policy, or stop loading it):\n${csp.join('\n')}`).toEqual([]);
			expect.soft(errors, `${path}: errors while loading (see the browser console of this page):\n${errors.join('\n')}`).toEqual([]);
		};

		if (!locale) {
			await test.step('privacy: the root and the page it sends the reader to', async () => {
				await page.goto(path);
				// The root sends the reader to a language: the page it lands on counts too.
				await page.waitForURL(/\/(en|fr)\/$/);
				await privacy();
			});
			await test.step('axe on the root without scripts, in both themes', async () => {
				const still = await page.context().newPage();
				await openForChecks(still, path, THEMES[0]);
				for (const [i, theme] of THEMES.entries()) {
					if (i > 0) await switchTheme(still, path, theme);
					report.push(...(await axeReport(still, `${path} (${theme} theme)`)));
				}
				expect.soft(report, `${AXE_FIX}\n${report.join('\n')}`).toEqual([]);
			});
			return;
		}

		await openForChecks(page, path, THEMES[0]);
		await test.step('privacy and errors', privacy);

		await test.step('its language', async () => {
			const failures = await interfaceFailures(page, path, locale);
			expect.soft(failures, failures.join('\n')).toEqual([]);
			if (!DIAGRAM_PAGES.some((p) => p.path === path)) return;
			// A diagram page of the atlas: none of the other language's diagram and code strings in the live page, its own code strings present.
			const html = await page.content();
			for (const other of otherLocales(locale)) {
				for (const text of [messages[other].ui.next, messages[other].ui.copyLink, messages[other].ui.steps]) expect.soft(html, `${path}: the ${other} string “${text}”`).not.toContain(text);
				for (const text of CODE_STRINGS[other]) expect.soft(html, `${path}: expressive-code's ${other} string “${text}”`).not.toContain(text);
			}
			for (const text of CODE_STRINGS[locale]) expect.soft(html, `${path}: expressive-code's ${locale} string “${text}”`).toContain(text);
			await expect.soft(page.getByRole('button', { name: messages[locale].ui.next }), `${path}: the diagram's “${messages[locale].ui.next}” button`).toBeVisible();
		});

		// axe sees the page as it opened, every diagram on its first step: in the light theme before the
		// diagrams are walked forward, in the dark one after they are walked back.
		const contrast: string[] = [];
		const walk = async (theme: Theme, forward: boolean) => {
			for (const { scenario, stepIds } of diagrams) {
				await test.step(`${scenario}: contrast of every step, ${theme} theme`, async () => {
					const diagram = page.locator(`kp-diagram:has(figure[data-scenario="${scenario}"])`);
					contrast.push(...(await contrastFailures(diagram, { path, locale, theme, count: stepIds.length, forward })));
				});
			}
		};
		await test.step('axe, light theme', async () => report.push(...(await axeReport(page, `${path} (light theme)`))));
		await walk('light', true);
		await switchTheme(page, path, 'dark');
		await walk('dark', false);
		await test.step('axe, dark theme', async () => report.push(...(await axeReport(page, `${path} (dark theme)`))));
		expect.soft(report, `${AXE_FIX}\n${report.join('\n')}`).toEqual([]);
		expect.soft(contrast, contrast.join('\n')).toEqual([]);
	});
}

/*
 * The search dialog is the same component on every page: once per language, opened and showing
 * results, it stays on the site (privacy) and has no axe violation in either theme.
 */
for (const home of PAGES.filter((p) => /^\/[a-z]{2}\/$/.test(p))) {
	test(`${home}: the search, opened with results, stays on the site and its dialog has no axe violation in the light and the dark theme`, async ({ page, baseURL }) => {
		test.setTimeout(60_000);
		const origin = new URL(baseURL!).origin;
		const { outside, all } = await watchRequests(page, origin);
		const errors = await watchErrors(page);
		await openForChecks(page, home, THEMES[0]);
		await page.locator('button[data-open-modal]').click();
		const results = page.locator('dialog[open] .kp-search-result > a').first();
		await page.locator('dialog[open] input').fill('Service');
		await expect(results, `${home}: the search found nothing for “Service”`).toBeVisible({ timeout: 15_000 });

		await test.step('privacy: the search stays on the site', async () => {
			await page.waitForLoadState('networkidle');
			expect
				.soft(
					all.some((url) => url.includes('/pagefind/')),
					`${home}: the search never fetched its index under /pagefind/`,
				)
				.toBe(true);
			expect.soft(outside, `${home}: the search requested outside ${origin}:\n${outside.join('\n')}`).toEqual([]);
			const found = await inspectOrigins(page, origin);
			expect.soft(found.fonts, `${home}: the search brought web fonts from elsewhere:\n${found.fonts.join('\n')}`).toEqual([]);
			expect.soft(errors, `${home}: errors while searching:\n${errors.join('\n')}`).toEqual([]);
		});

		await test.step('axe on the open dialog, in both themes', async () => {
			await page.locator('dialog[open] input').fill('NodePort');
			await expect(page.locator('dialog[open] [role="status"]'), `${home}: the search for “NodePort” never said how many results it found`).toContainText('NodePort', { timeout: 15_000 });
			await expect(results).toBeVisible();
			const report: string[] = [];
			for (const [i, theme] of THEMES.entries()) {
				// The theme menu sits under the modal dialog: switch the way the stored preference does.
				if (i > 0) {
					await page.emulateMedia({ colorScheme: theme });
					await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
				}
				const found = await axe(page).include('dialog[open]').analyze();
				if (found.violations.length > 0) report.push(describeViolations(found.violations, `${home} (${theme} theme, search dialog open)`));
			}
			expect.soft(report, `Fix these in src/components/Search.astro or with Starlight's CSS custom properties, never by disabling a rule:\n${report.join('\n')}`).toEqual([]);
		});
	});
}
