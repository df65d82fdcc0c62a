import { expect, type Page } from '@playwright/test';
import { messages, type Locale } from '../../src/i18n/index.ts';

/*
 * Every font a page uses (a family at one size, weight and style) is one more font the browser looks
 * up before it can lay the page out for its first paint; in Chromium on Linux each is a round trip to
 * the browser process, about a millisecond, and the family names of a stack that are not installed
 * cost one each. On a diagram page that was most of the first layout (src/styles/diagram.css). So:
 * - the diagram's text uses the page's own font stacks, not stacks of its own;
 * - it uses four styles, and moving from step to step adds none (the active hop changes colour only);
 * - bold prose has the weight of the page's other bold text (src/styles/content.css, fonts.spec.ts).
 * The checks of the diagram run on the visit of tests/e2e/diagram.spec.ts that steps through it.
 */

interface FontStyle {
	readonly family: string;
	readonly size: string;
	readonly weight: string;
	readonly style: string;
}
const key = (f: FontStyle) => `${f.family} | ${f.size} ${f.weight} ${f.style}`;

/** The font of every piece of text inside the first diagram's SVG. */
function svgFonts(page: Page): Promise<FontStyle[]> {
	return page
		.locator('kp-diagram svg.kp-svg')
		.first()
		.evaluate((svg) =>
			[...svg.querySelectorAll('text, tspan')]
				.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
				.map((el) => {
					const cs = getComputedStyle(el);
					return { family: cs.fontFamily, size: cs.fontSize, weight: cs.fontWeight, style: cs.fontStyle };
				}),
		);
}

/** The page's own stacks: the body text's, and the one its code uses. */
function pageStacks(page: Page): Promise<{ sans: string; mono: string }> {
	return page.evaluate(() => ({
		sans: getComputedStyle(document.body).fontFamily,
		mono: getComputedStyle(document.querySelector('.sl-markdown-content code') ?? document.body).fontFamily,
	}));
}

/** On a freshly opened diagram page: its text uses the page's stacks, in at most four styles (returned). */
export async function openingFonts(page: Page): Promise<Set<string>> {
	const stacks = await pageStacks(page);
	expect(stacks.mono, 'the page has inline code to compare with').not.toBe(stacks.sans);
	const opening = await svgFonts(page);
	expect(opening.length).toBeGreaterThan(5);
	for (const font of opening) expect([stacks.sans, stacks.mono], `${key(font)}: a stack of the page's own`).toContain(font.family);
	const styles = new Set(opening.map(key));
	expect(styles.size, `the diagram's font styles: ${[...styles].join('; ')}`).toBeLessThanOrEqual(4);
	return styles;
}

/** From the first step, “Next” until the last: no step adds a font to the opening `styles`. */
export async function steppingKeepsFonts(page: Page, locale: Locale, styles: Set<string>): Promise<void> {
	const diagram = page.locator('kp-diagram').first();
	await expect(diagram).toHaveClass(/is-live/);
	const next = diagram.getByRole('button', { name: messages[locale].ui.next });
	while (await next.isEnabled()) {
		await next.click();
		const added = (await svgFonts(page)).map(key).filter((k) => !styles.has(k));
		expect(added, 'fonts a step adds to the diagram').toEqual([]);
	}
}
