import { expect, test, type Page } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { diagramsOn, DIAGRAM_PAGES } from './helpers.ts';

/*
 * “One screen for the step”: a reader who steps through a diagram with its controls in view sees, on
 * every step, the active hop, the controls and the active step's title and words together, without
 * scrolling: on a phone (the caption panel under the controls), a tablet and a desktop (the picture
 * sticky beside the steps). One test per page opens it once per screen size, the way a shared link to
 * its first step opens it, and steps through it with “Next” pressed where it is (no scrolling by the
 * test). On the phone, the same visit checks that every word of the diagram is at least 12 CSS px.
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

type Ask = { settle: number } | { measure: string } | { walk: string; count: number };
type Step = { id: string; seen: Seen };
type Walk = { steps: Step[]; late: boolean };

/**
 * What the test asks the page, run in the page itself (one function, since Playwright sends it as its
 * source: its helpers must be inside it):
 * - `settle`: resolves once the window and every diagram canvas have kept their scroll position for that
 *   many frames in a row;
 * - `measure`: the boxes that matter on the active step of that scenario's diagram, in viewport
 *   coordinates, and what the reader's view is (under Starlight's bars);
 * - `walk`: steps that diagram from its first step to its last with its own “Next” button (clicked where
 *   it is, no scrolling by the test), and reads on each step which step is active and its boxes, at once:
 *   with reduced motion the island changes the step and scrolls within the click (`behavior: 'instant'`),
 *   so no frame needs to be drawn between steps. That stays checked: after the last step the walk waits
 *   for two still frames and reads the boxes again, `late` being whether anything moved. One round trip
 *   for a whole walk, where each step took four, and ten drawn frames, before.
 */
function inPage(ask: Ask): Promise<Seen | Walk | undefined> {
	const where = () => [window.scrollY, ...[...document.querySelectorAll('.kp-canvas')].map((c) => c.scrollTop)].join(' ');
	const settled = (frames: number) =>
		new Promise<undefined>((resolve) => {
			let [last, still] = [where(), 0];
			const frame = () => {
				const now = where();
				still = now === last ? still + 1 : 0;
				last = now;
				if (still >= frames) resolve(undefined);
				else requestAnimationFrame(frame);
			};
			requestAnimationFrame(frame);
		});
	const measure = (id: string): Seen => {
		const diagram = document.querySelector(`kp-diagram:has(figure[data-scenario="${id}"])`)!;
		const caption = diagram.querySelector<HTMLElement>('.kp-caption')!;
		const active = diagram.querySelector('ol.kp-steps > li[aria-current="step"]')!;
		// The caption panel where it is shown (stacked), else the step's card beside the picture.
		const shown = caption.checkVisibility();
		const parts = shown
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
			title: box(parts.title),
			text: box(parts.text),
			titleText: (shown ? caption.querySelector('.kp-caption-text')! : active.querySelector('.kp-step-title-text')!).textContent ?? '',
			listTitle: active.querySelector('.kp-step-title-text')!.textContent ?? '',
			next: box(diagram.querySelector('[data-action="next"]')!),
			scrolled: window.scrollY,
		};
	};
	if ('settle' in ask) return settled(ask.settle);
	if ('measure' in ask) return Promise.resolve(measure(ask.measure));
	const { walk: scenario, count } = ask;
	return (async () => {
		const diagram = document.querySelector(`kp-diagram:has(figure[data-scenario="${scenario}"])`)!;
		const next = diagram.querySelector<HTMLButtonElement>('[data-action="next"]')!;
		const steps: Step[] = [];
		for (let i = 0; i < count; i++) {
			if (i > 0) next.click();
			steps.push({ id: diagram.querySelector('ol.kp-steps > li[aria-current="step"]')?.id ?? '(no active step)', seen: measure(scenario) });
		}
		await settled(2);
		return { steps, late: JSON.stringify(measure(scenario)) !== JSON.stringify(steps.at(-1)?.seen) };
	})();
}

/**
 * Waits for an opened page to stop moving: the browser's own jump to the anchor, the island's (done by
 * the time it is live, which the callers wait for), and what the page's fonts move as they arrive. So:
 * its fonts loaded, then three frames at the same scroll position.
 */
async function scrollSettled(page: Page): Promise<void> {
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	await page.evaluate(inPage, { settle: 3 });
}

/** The boxes that matter on the active step, and the reader's view. */
function look(page: Page, scenario: string): Promise<Seen> {
	return page.evaluate(inPage, { measure: scenario }) as Promise<Seen>;
}

/** Each diagram page's step ids, in order, from its served HTML. */
const STEPS = new Map((await diagramsOn(DIAGRAM_PAGES.map((p) => p.path))).map((d) => [`${d.path} ${d.scenario}`, d.stepIds]));

/** Every word of the first diagram's SVG smaller than 12 CSS px, at the page's current width. */
async function smallWords(page: Page, path: string): Promise<string[]> {
	const sizes = await page
		.locator('kp-diagram svg.kp-svg')
		.first()
		.evaluate((svg: SVGSVGElement) => {
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			return [...svg.querySelectorAll('text, tspan')]
				.filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
				.map((el) => ({ text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * scale }));
		});
	return sizes.filter((s) => s.px < 12 - 0.05).map((s) => `${path}: “${s.text}” at ${s.px.toFixed(1)} px`);
}

const SIZES = SCREENS.map((s) => `${s.width}×${s.height}`).join(', ');

for (const { scenario, path } of DIAGRAM_PAGES) {
	test(`${path} at ${SIZES}: on every step the hop, the controls and the step's words are on screen together; at ${SCREENS[0].width} px every word of the diagram is at least 12 CSS px`, async ({
		page,
	}) => {
		const ids = STEPS.get(`${path} ${scenario}`) ?? [];
		expect(ids.length, `${path}: the steps of its ${scenario} diagram, in its HTML`).toBeGreaterThan(0);
		const diagram = page.locator(`kp-diagram:has(figure[data-scenario="${scenario}"])`);
		for (const screen of SCREENS) {
			await test.step(`${screen.width}×${screen.height}`, async () => {
				await page.setViewportSize(screen);
				const failures: string[] = [];
				// A team lead's link to the first step, opened in a new tab.
				await page.goto('about:blank');
				await page.goto(`${path}#${ids[0]}`);
				await expect(diagram).toHaveClass(/is-live/);
				if (screen.width === SCREENS[0].width) {
					const small = await smallWords(page, path);
					expect.soft(small, small.join('\n')).toEqual([]);
				}
				// The island brings the step into view as it changes it: the boxes are read once the page stops moving.
				await scrollSettled(page);
				const walked = (await page.evaluate(inPage, { walk: scenario, count: ids.length })) as Walk;
				expect(
					walked.steps.map((step) => step.id),
					`${path} at ${screen.width}×${screen.height}: the active step after each press of “Next”`,
				).toEqual(ids);
				expect(
					walked.late,
					`${path} at ${screen.width}×${screen.height}: the page moved after the click on “Next” had returned; read the boxes once it is still (settle in inPage's walk)`,
				).toBe(false);
				for (const [i, { id, seen: s }] of walked.steps.entries()) {
					const where = `${path} at ${screen.width}×${screen.height}, step ${i + 1} (${id})`;
					const inView = (r: DOMRect) => r.top >= s.top - 1 && r.bottom <= s.bottom + 1 && r.left >= -1 && r.right <= screen.width + 1;
					const fail = (what: string, detail = '') => failures.push(`${where}: ${what}${detail}`);
					if (!inView(s.hop)) fail('the active hop is off screen', ` (${Math.round(s.hop.top)}–${Math.round(s.hop.bottom)}; the screen: ${Math.round(s.top)}–${s.bottom})`);
					// The canvas may scroll (a tall picture on a phone): the hop must be in its view, not clipped.
					if (s.hop.top < s.canvas.top - 1 || s.hop.bottom > s.canvas.bottom + 1)
						fail(
							'the active hop is scrolled out of the canvas',
							` (${Math.round(s.hop.top)}–${Math.round(s.hop.bottom)}; the canvas: ${Math.round(s.canvas.top)}–${Math.round(s.canvas.bottom)})`,
						);
					if (!inView(s.next)) fail('“Next” is off screen');
					if (!inView(s.title)) fail("the step's title is off screen", ` (${Math.round(s.title.top)}–${Math.round(s.title.bottom)}; the screen: ${Math.round(s.top)}–${s.bottom})`);
					if (!inView(s.text)) fail("the step's words are off screen", ` (${Math.round(s.text.top)}–${Math.round(s.text.bottom)}; the screen: ${Math.round(s.top)}–${s.bottom})`);
					if (s.titleText !== s.listTitle) fail('the caption is not the active step', `: it shows “${s.titleText}”, the active step is “${s.listTitle}”`);
				}
				// Every step of every diagram fits, on every screen: the last misfits (port-forward's hop down to the
				// API server on a small phone) went when the Service that no hop visits moved below the zones inside the cluster.
				expect.soft(failures, failures.join('\n')).toEqual([]);
			});
		}
	});
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
