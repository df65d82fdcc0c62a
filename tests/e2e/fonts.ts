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

/**
 * In the page, on a diagram: the font of every piece of text inside its SVG now, and with `next` (the
 * “Next” button's label) again after each press of that button until the last step: one round trip for
 * a whole walk.
 */
function fontsInPage(root: Element, next: string | null): FontStyle[][] {
	const svg = root.querySelector('svg.kp-svg');
	const fontsNow = () =>
		[...(svg?.querySelectorAll('text, tspan') ?? [])]
			.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
			.map((el) => {
				const cs = getComputedStyle(el);
				return { family: cs.fontFamily, size: cs.fontSize, weight: cs.fontWeight, style: cs.fontStyle };
			});
	const out = [fontsNow()];
	const button = next === null ? undefined : [...root.querySelectorAll<HTMLButtonElement>('.kp-controls button')].find((b) => b.getAttribute('aria-label') === next);
	if (next !== null && !button) throw new Error(`no “${next}” button in the diagram`);
	for (let guard = 0; button && !button.disabled && guard < 100; guard++) {
		button.click();
		out.push(fontsNow());
	}
	return out;
}

/** The font of every piece of text inside the first diagram's SVG. */
async function svgFonts(page: Page): Promise<FontStyle[]> {
	return (await page.locator('kp-diagram').first().evaluate(fontsInPage, null))[0]!;
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

/**
 * From the first step, “Next” until the last: no step adds a font to the opening `styles`. The walk runs
 * in the page (the button pressed there, the fonts read after each press); that the button can be
 * pressed is the calling test's.
 */
export async function steppingKeepsFonts(page: Page, locale: Locale, styles: Set<string>): Promise<void> {
	const diagram = page.locator('kp-diagram').first();
	await expect(diagram).toHaveClass(/is-live/);
	const [, ...steps] = await diagram.evaluate(fontsInPage, messages[locale].ui.next);
	expect(steps.length, 'steps after the first').toBeGreaterThan(0);
	for (const [i, fonts] of steps.entries()) {
		const added = fonts.map(key).filter((k) => !styles.has(k));
		expect(added, `fonts step ${i + 2} adds to the diagram`).toEqual([]);
	}
}
