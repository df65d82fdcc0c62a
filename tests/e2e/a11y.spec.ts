import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { diagramContrast } from './contrast.ts';
import { diagramsOn, sitemapPaths, useTheme } from './helpers.ts';

/*
 * Accessibility gates, on every page of the sitemap, in the light and the dark theme:
 * - axe-core with its default rule set (WCAG 2.x A and AA, and best practices), no rule disabled and no
 *   element excluded, on the page and on the open search dialog;
 * - the contrast of the diagram's SVG text, dimmed hops, step numbers and buttons, which axe cannot see;
 * - the diagram driven with the keyboard alone.
 */

const PAGES = await sitemapPaths();
/** The diagrams of the sitemap's pages, found in their HTML: a page being written is never assumed. */
const DIAGRAMS = await diagramsOn(PAGES);
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.use({ reducedMotion: 'reduce' }); // no animation caught half-way

/**
 * Opens a page in one theme. The root `/` redirects with a script to the reader's language; what stays
 * on screen is the page a reader without JavaScript gets, so it is checked with its scripts blocked (by
 * a CSP header: axe itself still runs).
 */
async function open(page: Page, path: string, theme: Theme): Promise<void> {
	await useTheme(page, theme);
	if (!localeOfPath(path)) {
		await page.route(
			(url) => url.pathname === path,
			async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
			},
		);
	}
	const response = await page.goto(path);
	expect(response?.status(), `${path}: HTTP status`).toBe(200);
	if (localeOfPath(path)) {
		await expect(page.locator('html'), `${path}: Starlight did not apply the ${theme} theme`).toHaveAttribute('data-theme', theme);
		// Check the page with its scripts run: the live diagram, not the static one.
		for (const diagram of await page.locator('kp-diagram').all()) await expect(diagram).toHaveClass(/is-live/);
		await expect(page.locator('button[data-open-modal]').first()).toBeEnabled();
		// Code blocks far down are laid out as the reader nears them (`content-visibility: auto`,
		// src/styles/content.css). axe checks them as a reader meets them on the way down: rendered,
		// with expressive-code's script having made each one that scrolls focusable.
		await page.evaluate(() => {
			for (const block of document.querySelectorAll<HTMLElement>('.sl-markdown-content > *')) block.style.contentVisibility = 'visible';
		});
		const unreachable = () =>
			page.evaluate(() => [...document.querySelectorAll('.expressive-code pre')].filter((pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex')).length);
		await expect.poll(unreachable, { message: `${path}: code blocks that scroll but take no keyboard focus` }).toBe(0);
	}
}

/** Switches the open page to the other theme the way a reader does: Starlight's theme menu (or the OS setting). */
async function switchTheme(page: Page, path: string, theme: Theme): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	if (!localeOfPath(path)) return;
	await page.locator('starlight-theme-select select').locator('visible=true').first().selectOption(theme);
	await expect(page.locator('html'), `${path}: the theme menu did not switch to ${theme}`).toHaveAttribute('data-theme', theme);
}

/**
 * axe with its default rule set: every WCAG 2.0/2.1/2.2 A and AA rule (the tags below, asserted to be
 * part of it) and the best practices; no rule disabled, nothing excluded. Only violations are collected,
 * and axe runs in the page itself ("legacy mode": the site has no iframe for the frame-by-frame mode to
 * visit, and that mode opens an extra page per run: about three times slower).
 */
const axe = (page: Page) => new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);

test('axe’s default rule set covers WCAG 2.0 and 2.1, A and AA', async ({ page }) => {
	await page.setContent('<!doctype html><html lang="en"><title>t</title><main><p>t</p></main></html>');
	const results = await new AxeBuilder({ page }).analyze();
	const tags = new Set([...results.passes, ...results.inapplicable, ...results.violations, ...results.incomplete].flatMap((rule) => rule.tags));
	for (const tag of WCAG_TAGS) expect(tags, `axe's default rules have no \`${tag}\` rule`).toContain(tag);
});

function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'], where: string): string {
	return violations
		.map((v) =>
			[
				`${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
				...v.nodes.slice(0, 8).map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ')}`),
				v.nodes.length > 8 ? `    … and ${v.nodes.length - 8} more` : '',
			]
				.filter(Boolean)
				.join('\n'),
		)
		.join('\n');
}

test.describe('axe (default rules: WCAG 2.x A and AA, best practices)', () => {
	for (const path of PAGES) {
		test(`${path} has no violation in the light and the dark theme`, async ({ page }) => {
			test.setTimeout(60_000); // two full axe runs on a long page, on a busy 2-core machine
			const report: string[] = [];
			await open(page, path, THEMES[0]);
			for (const [i, theme] of THEMES.entries()) {
				if (i > 0) await switchTheme(page, path, theme);
				const results = await axe(page).analyze();
				if (results.violations.length > 0) report.push(describe(results.violations, `${path} (${theme} theme)`));
			}
			expect(
				report,
				`Fix these in the page, in a Starlight component override (src/components/) or with Starlight's CSS custom properties (customCss), never by disabling a rule:\n${report.join('\n')}`,
			).toEqual([]);
		});
	}
});

test.describe('axe on the open search dialog, with results', () => {
	// The dialog is the same component on every page: check it once per language, with results shown.
	for (const path of PAGES.filter((p) => /^\/[a-z]{2}\/$/.test(p))) {
		test(`${path}: the search dialog has no violation in the light and the dark theme`, async ({ page }) => {
			test.setTimeout(60_000);
			const report: string[] = [];
			await open(page, path, THEMES[0]);
			await page.locator('button[data-open-modal]').click();
			await page.locator('dialog[open] input').fill('NodePort');
			await expect(page.locator('dialog[open] .kp-search-result > a').first()).toBeVisible({ timeout: 15_000 });
			for (const [i, theme] of THEMES.entries()) {
				// The theme menu sits under the modal dialog: switch the way the stored preference does.
				if (i > 0) {
					await page.emulateMedia({ colorScheme: theme });
					await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
				}
				const results = await axe(page).include('dialog[open]').analyze();
				if (results.violations.length > 0) report.push(describe(results.violations, `${path} (${theme} theme, search dialog open)`));
			}
			expect(report, `Fix these in src/components/Search.astro or with Starlight's CSS custom properties, never by disabling a rule:\n${report.join('\n')}`).toEqual([]);
		});
	}
});

test.describe('diagram contrast (SVG text, dimmed hops, step numbers, buttons)', () => {
	for (const { scenario, locale, path, stepIds } of DIAGRAMS) {
		test(`${path} (${scenario}): every step of the diagram reads in both themes`, async ({ page }) => {
			const failures: string[] = [];
			const count = stepIds.length;
			const diagram = page.locator(`kp-diagram:has(figure[data-scenario="${scenario}"])`);
			await open(page, path, THEMES[0]);
			// Every state, forward in the first theme and back in the second: the first step (all later hops
			// dimmed), each one after, the last (all earlier hops "done").
			for (const [i, theme] of THEMES.entries()) {
				if (i > 0) await switchTheme(page, path, theme);
				const order = i % 2 === 0 ? stepIds.map((_, k) => k + 1) : stepIds.map((_, k) => count - k);
				for (const [k, step] of order.entries()) {
					if (k > 0) await diagram.locator(`[data-action="${i % 2 === 0 ? 'next' : 'previous'}"]`).click();
					await expect(diagram.locator('.kp-counter')).toHaveText(messages[locale].ui.stepCounter(step, count));
					for (const s of await diagramContrast(diagram)) {
						if (s.ratio + 1e-6 < s.required) {
							failures.push(
								`${path} (${theme} theme, step ${step}): ${s.what} has contrast ${s.ratio.toFixed(2)}:1 < ${s.required}:1 ` +
									`(${s.foreground} on ${s.background}; rule: .${s.classes.replaceAll(' ', '.')}). Fix the colour or opacity in src/styles/diagram.css.`,
							);
						}
					}
				}
			}
			expect([...new Set(failures)], failures.join('\n')).toEqual([]);
		});
	}
});

test.describe('the diagram with the keyboard alone', () => {
	// The island is one component: the first diagram of at least three steps in each language is enough.
	const firstPerLanguage = LOCALES.map((l) => DIAGRAMS.find((d) => d.locale === l && d.stepIds.length >= 3)).filter((d) => d !== undefined);
	for (const { scenario, locale, path, stepIds: ids } of firstPerLanguage) {
		test(`${path} (${scenario}): Tab reaches the controls, Enter/Space press them, the arrows step on the canvas`, async ({ page }) => {
			const ui = messages[locale].ui;
			const last = ids.length - 1;
			await page.goto(path);
			const figure = `figure[data-scenario="${scenario}"]`;
			const diagram = page.locator(`kp-diagram:has(${figure})`);
			const current = diagram.locator('ol > li[aria-current="step"]');
			await expect(diagram).toHaveClass(/is-live/);

			const focused = () =>
				page.evaluate(() => {
					const el = document.activeElement;
					if (!el || el === document.body) return { name: 'nothing (focus fell to <body>)', outline: false };
					const style = getComputedStyle(el);
					const label = el.getAttribute('aria-label');
					return {
						name: `${el.tagName.toLowerCase()}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${label ? `[${label}]` : ''}`,
						outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
					};
				});
			/** Presses `key` until the element matching `selector` has focus; fails naming where focus went. */
			const tabTo = async (selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab') => {
				const seen: string[] = [];
				for (let i = 0; i < 150; i++) {
					if (await page.locator(selector).evaluate((el) => el === document.activeElement)) {
						const f = await focused();
						expect(f.outline, `${path}: ${f.name} has keyboard focus but no visible focus outline (:focus-visible in src/styles/diagram.css)`).toBe(true);
						return;
					}
					await page.keyboard.press(key);
					seen.push((await focused()).name);
				}
				throw new Error(`${path}: ${key} never reached ${selector}; focus went ${seen.slice(0, 40).join(' → ')}`);
			};
			const expectStep = async (index: number, what: string) => {
				await expect(current, `${path}: ${what} should show step ${index + 1}`).toHaveAttribute('id', ids[index]!);
			};

			// From the top of the page, Tab reaches the canvas (the diagram's first stop); arrows step there.
			await tabTo(`${figure} .kp-canvas`);
			await page.keyboard.press('ArrowRight');
			await expectStep(1, 'ArrowRight on the focused canvas');
			await page.keyboard.press('Home');
			await expectStep(0, 'Home on the focused canvas');

			// Tab on to “Next” (“Previous” is disabled on the first step), press it with Enter, then Space.
			await tabTo(`${figure} [data-action="next"]`);
			await page.keyboard.press('Enter');
			await expectStep(1, `Enter on “${ui.next}”`);
			await expect(diagram.locator('[data-action="next"]'), `${path}: “${ui.next}” keeps focus`).toBeFocused();
			await page.keyboard.press('Space');
			await expectStep(2, `Space on “${ui.next}”`);
			// Move on to the last step: there “Next” is disabled, and focus must not fall to <body>.
			for (let i = 3; i <= last; i++) await page.keyboard.press('Enter');
			await expectStep(last, `Enter on “${ui.next}” up to the end`);
			const after = await focused();
			expect(after.name, `${path}: on the last step “${ui.next}” is disabled and focus went to ${after.name}; it should move to “${ui.previous}”`).toContain(`[${ui.previous}]`);

			// “Previous” with Space.
			await tabTo(`${figure} [data-action="previous"]`, 'Shift+Tab');
			await page.keyboard.press('Space');
			await expectStep(last - 1, `Space on “${ui.previous}”`);

			// Play, then Pause, with Enter.
			await tabTo(`${figure} [data-action="play"]`);
			await page.keyboard.press('Enter');
			await expect(diagram.locator('[data-action="play"]'), `${path}: Enter on “${ui.play}”`).toHaveAttribute('aria-label', ui.pause);
			await page.keyboard.press('Enter');
			await expect(diagram.locator('[data-action="play"]'), `${path}: Enter on “${ui.pause}”`).toHaveAttribute('aria-label', ui.play);

			// Back to the canvas with Shift+Tab: End, ArrowLeft, ArrowDown.
			await tabTo(`${figure} .kp-canvas`, 'Shift+Tab');
			await page.keyboard.press('End');
			await expectStep(last, 'End on the focused canvas');
			await page.keyboard.press('ArrowLeft');
			await expectStep(last - 1, 'ArrowLeft on the focused canvas');
			await page.keyboard.press('ArrowDown');
			await expectStep(last, 'ArrowDown on the focused canvas');
			await expect(diagram.locator('.kp-canvas'), `${path}: the canvas keeps focus while stepping`).toBeFocused();
		});
	}
});
