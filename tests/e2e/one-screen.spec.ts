import { expect, test, type Page } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { DIAGRAM_PAGES } from './helpers.ts';

/*
 * “One screen for the step”: a reader who steps through a diagram with its controls in view sees, on
 * every step, the active hop, the controls and the active step's title and words together, without
 * scrolling: on a phone (the caption panel under the controls), a tablet and a desktop (the picture
 * sticky beside the steps). Each page is opened once per screen size, the way a shared link to its
 * first step opens it, and stepped through with “Next” pressed where it is (no scrolling by the test).
 */

const SCREENS = [
	{ width: 360, height: 740 },
	{ width: 390, height: 844 },
	{ width: 768, height: 1024 },
	{ width: 1440, height: 900 },
] as const;

test.use({ reducedMotion: 'reduce' }); // the island scrolls at once, not smoothly: the boxes are final when read

interface Seen {
	top: number;
	bottom: number;
	hop: DOMRect;
	canvas: DOMRect;
	title: DOMRect;
	text: DOMRect;
	titleText: string;
	listTitle: string;
	next: DOMRect;
	scrolled: number;
}

/** The boxes that matter on this step, in viewport coordinates, and what the reader's view is (under Starlight's bars). */
/** Waits for the page to stop moving: the browser's own jump to an anchor, then the island's. */
async function scrollSettled(page: Page): Promise<void> {
	await expect
		.poll(async () => {
			const y = await page.evaluate(() => window.scrollY);
			await page.waitForTimeout(150);
			return (await page.evaluate(() => window.scrollY)) === y;
		})
		.toBe(true);
}

function look(page: Page, scenario: string): Promise<Seen> {
	return page.evaluate((id) => {
		const diagram = document.querySelector(`kp-diagram:has(figure[data-scenario="${id}"])`)!;
		const caption = diagram.querySelector<HTMLElement>('.kp-caption')!;
		const active = diagram.querySelector('ol.kp-steps > li[aria-current="step"]')!;
		// The caption panel where it is shown (stacked), else the step's card beside the picture.
		const shown = caption.checkVisibility();
		const where = shown
			? { title: caption.querySelector('.kp-caption-title')!, text: caption.querySelector('.kp-caption-body')! }
			: { title: active.querySelector('.kp-step-title')!, text: active.querySelector('.kp-step-body')! };
		// Starlight's header and “On this page” bar cover the top: its scroll-padding-top is their height + 1.5rem.
		const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) - 24;
		const box = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
		return {
			top: padding,
			bottom: window.innerHeight,
			hop: box(diagram.querySelector('[data-hop].is-active .kp-hop-line')!),
			canvas: box(diagram.querySelector('.kp-canvas')!),
			title: box(where.title),
			text: box(where.text),
			titleText: (shown ? caption.querySelector('.kp-caption-text')! : active.querySelector('.kp-step-title-text')!).textContent ?? '',
			listTitle: active.querySelector('.kp-step-title-text')!.textContent ?? '',
			next: box(diagram.querySelector('[data-action="next"]')!),
			scrolled: window.scrollY,
		};
	}, scenario);
}

for (const screen of SCREENS) {
	for (const locale of LOCALES) {
		test(`${screen.width}×${screen.height}, ${locale}: on every step of every diagram the hop, the controls and the step's words are on screen together`, async ({ page }) => {
			test.setTimeout(120_000);
			await page.setViewportSize(screen);
			const failures: string[] = [];
			for (const { scenario, path } of DIAGRAM_PAGES.filter((p) => p.locale === locale)) {
				const diagram = page.locator(`kp-diagram:has(figure[data-scenario="${scenario}"])`);
				const ids = await diagram.locator('ol.kp-steps > li').evaluateAll((items) => items.map((li) => li.id));
				// A team lead's link to the first step, opened in a new tab.
				await page.goto('about:blank');
				await page.goto(`${path}#${ids[0]}`);
				await expect(diagram).toHaveClass(/is-live/);
				for (const [i, id] of ids.entries()) {
					if (i > 0) await diagram.locator('[data-action="next"]').evaluate((button: HTMLButtonElement) => button.click());
					await expect(diagram.locator('ol.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', id);
					const s = await look(page, scenario);
					const where = `${path} at ${screen.width}×${screen.height}, step ${i + 1} (${id})`;
					const inView = (r: DOMRect) => r.top >= s.top - 1 && r.bottom <= s.bottom + 1 && r.left >= -1 && r.right <= screen.width + 1;
					if (!inView(s.hop)) failures.push(`${where}: the active hop (${Math.round(s.hop.top)}–${Math.round(s.hop.bottom)}) is off screen (${Math.round(s.top)}–${s.bottom})`);
					// The canvas may scroll (a tall picture on a phone): the hop must be in its view, not clipped.
					if (s.hop.top < s.canvas.top - 1 || s.hop.bottom > s.canvas.bottom + 1) failures.push(`${where}: the active hop is scrolled out of the canvas`);
					if (!inView(s.next)) failures.push(`${where}: “Next” is off screen`);
					if (!inView(s.title)) failures.push(`${where}: the step's title (${Math.round(s.title.top)}–${Math.round(s.title.bottom)}) is off screen (${Math.round(s.top)}–${s.bottom})`);
					if (!inView(s.text)) failures.push(`${where}: the step's words (${Math.round(s.text.top)}–${Math.round(s.text.bottom)}) are off screen (${Math.round(s.top)}–${s.bottom})`);
					if (s.titleText !== s.listTitle) failures.push(`${where}: the caption shows “${s.titleText}”, the active step is “${s.listTitle}”`);
				}
			}
			expect(failures, failures.join('\n')).toEqual([]);
		});
	}
}

test('a link to a step lands on the picture with that step active, not on its card below', async ({ page }) => {
	for (const screen of [SCREENS[0], SCREENS[3]]) {
		await page.setViewportSize(screen);
		for (const locale of LOCALES) {
			const path = `/${locale}/patterns/loadbalancer-per-api/`;
			const id = 'traefik-orders-1-to-payments-1';
			await page.goto('about:blank');
			await page.goto(`${path}#${id}`);
			const diagram = page.locator('kp-diagram').first();
			await expect(diagram).toHaveClass(/is-live/);
			await expect(diagram.locator('ol.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', id);
			await expect(diagram.locator('.kp-counter')).toHaveText(messages[locale].ui.stepCounter(3, 3));
			// Wait for the page to stop moving (the browser's own jump to the card, then the island's).
			await scrollSettled(page);
			const s = await look(page, 'loadbalancer-per-api');
			const where = `${path}#${id} at ${screen.width}×${screen.height}`;
			expect(s.hop.top, `${where}: the hop is below the top bars`).toBeGreaterThanOrEqual(s.top - 1);
			expect(s.hop.bottom, `${where}: the hop is above the bottom of the screen`).toBeLessThanOrEqual(s.bottom + 1);
			expect(s.title.bottom, `${where}: the step's title is on screen`).toBeLessThanOrEqual(s.bottom + 1);
			expect(s.title.top, `${where}: the step's title is on screen`).toBeGreaterThanOrEqual(s.top - 1);
			expect(s.next.bottom, `${where}: the controls are on screen`).toBeLessThanOrEqual(s.bottom + 1);
		}
	}
});

test('the language switch opens the other language on the picture, at the same step', async ({ page }) => {
	await page.setViewportSize(SCREENS[3]);
	const id = 'lb-orders-to-traefik-orders-1';
	await page.goto(`/en/patterns/loadbalancer-per-api/#${id}`);
	await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page).toHaveURL(new RegExp(`/fr/patterns/loadbalancer-per-api/#${id}$`));
	const diagram = page.locator('kp-diagram').first();
	await expect(diagram).toHaveClass(/is-live/);
	await expect(diagram.locator('ol.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', id);
	await scrollSettled(page);
	const s = await look(page, 'loadbalancer-per-api');
	expect(s.hop.top).toBeGreaterThanOrEqual(s.top - 1);
	expect(s.hop.bottom).toBeLessThanOrEqual(s.bottom + 1);
	expect(s.title.top).toBeGreaterThanOrEqual(s.top - 1);
	expect(s.title.bottom).toBeLessThanOrEqual(s.bottom + 1);
});
