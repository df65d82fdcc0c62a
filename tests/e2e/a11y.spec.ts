import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { diagramsOn, sitemapPaths } from './helpers.ts';

/*
 * Accessibility gates beyond the page as it loads (axe on every page of the sitemap in the light and the
 * dark theme, and the contrast of every diagram's steps, run in tests/e2e/page-gates.spec.ts, on the
 * visit the other page gates share):
 * - axe's default rule set covers WCAG 2.x A and AA;
 * - the diagram driven with the keyboard alone.
 * (axe on the open search dialog, in both themes: page-gates.spec.ts, on the visit that checks the search's privacy.)
 */

const PAGES = await sitemapPaths();
/** The diagrams of the sitemap's pages, found in their HTML: a page being written is never assumed. */
const DIAGRAMS = await diagramsOn(PAGES);
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

test.use({ reducedMotion: 'reduce' }); // no animation caught half-way

test('axe’s default rule set covers WCAG 2.0 and 2.1, A and AA', async ({ page }) => {
	await page.setContent('<!doctype html><html lang="en"><title>t</title><main><p>t</p></main></html>');
	const results = await new AxeBuilder({ page }).analyze();
	const tags = new Set([...results.passes, ...results.inapplicable, ...results.violations, ...results.incomplete].flatMap((rule) => rule.tags));
	for (const tag of WCAG_TAGS) expect(tags, `axe's default rules have no \`${tag}\` rule`).toContain(tag);
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
