import { expect, test, type Page } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { AFTER_PAINT_ID, type AfterPaint } from '../../src/site/after-paint.ts';
import { DIAGRAM_PAGES, sitemapPaths } from './helpers.ts';

/*
 * Before the first paint a page fetches only its HTML and its stylesheets (src/site/after-paint.ts):
 * its scripts and print stylesheet follow the first contentful paint, and everything they enhance
 * still works. The first paint waits for the page title (`<link rel="expect" href="#_top">`), so it
 * shows the page's own content, not the header alone. Starlight's table of contents waits one step
 * more, for the reader's first interaction. What the built HTML alone shows (every page's loader list
 * and the element its first paint waits for) is tests/built/after-paint.test.ts's.
 */

/** The scripts a page's after-paint list keeps for the reader's first interaction. */
const waitingScripts = (page: Page) => page.evaluate((id) => (JSON.parse(document.getElementById(id)?.textContent ?? '{}') as AfterPaint).interaction, AFTER_PAINT_ID);

const PAGES = await sitemapPaths();
const DIAGRAM = DIAGRAM_PAGES.find((p) => p.scenario === 'nodeport' && p.locale === 'fr')!.path;

test.describe('scripts wait for the first paint', () => {
	for (const path of ['/en/', DIAGRAM, '/en/compare/']) {
		test(`${path}: no script or print stylesheet is fetched before the first contentful paint`, async ({ page }) => {
			await page.goto(path);
			// The loader has run once the print stylesheet is in <head>.
			await expect(page.locator('head > link[rel="stylesheet"][media="print"]')).toHaveCount(1);
			await page.waitForLoadState('networkidle');
			const timing = await page.evaluate(() => ({
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
				late: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
					.filter((r) => /\/_astro\/.*\.js$/.test(r.name) || /print\.[^/]*\.css$/.test(r.name))
					.map((r) => ({ url: new URL(r.name).pathname, start: r.startTime })),
				early: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
					.filter((r) => /\/_astro\/.*\.css$/.test(r.name) && !/print\./.test(r.name))
					.map((r) => new URL(r.name).pathname),
			}));
			expect(timing.fcp, 'a first-contentful-paint entry').toBeGreaterThan(0);
			expect(timing.late.length, 'the page loads scripts and the print stylesheet').toBeGreaterThan(1);
			for (const { url, start } of timing.late) expect(start, `${url} is requested after the first paint (${timing.fcp.toFixed(0)} ms)`).toBeGreaterThanOrEqual(timing.fcp);
			expect(timing.early.length, 'the stylesheets themselves are not deferred').toBeGreaterThan(0);
			// No module script is left in the HTML itself: the loader has the list.
			expect(await page.locator('script[type="module"][src]').count()).toBe(0);
		});
	}

	test(`${DIAGRAM}: the enhanced parts work once the scripts arrive`, async ({ page }) => {
		await page.goto(DIAGRAM);
		const diagram = page.locator('kp-diagram').first();
		await diagram.getByRole('button', { name: messages.fr.ui.next }).click();
		await expect(page).toHaveURL(/#nodeport-a-to-kube-proxy-a$/);
		// The click was an interaction: Starlight's table of contents custom element is defined now.
		await expect.poll(() => page.evaluate(() => customElements.get('starlight-toc') !== undefined)).toBe(true);
	});

	test(`${DIAGRAM}: the table of contents loads at the first scroll, and then follows the reading`, async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		await page.setViewportSize({ width: 1280, height: 720 });
		await page.goto(DIAGRAM);
		await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
		await page.waitForLoadState('networkidle');
		const waiting = await waitingScripts(page);
		expect(waiting, 'the two table-of-contents scripts (desktop and mobile) wait').toHaveLength(2);
		for (const src of waiting) expect(src, "Starlight's table-of-contents bundles").toMatch(/TableOfContents/);
		expect(
			requested.filter((path) => waiting.includes(path)),
			'no table-of-contents script before the reader moves',
		).toEqual([]);
		expect(await page.evaluate(() => customElements.get('starlight-toc'))).toBeUndefined();
		const toc = page.locator('starlight-toc nav');
		// Until then the first entry is the current one, as rendered.
		await expect(toc.locator('a[aria-current="true"]')).toHaveAttribute('href', '#_top');

		await page.mouse.wheel(0, 200);
		await expect.poll(() => requested.filter((path) => waiting.includes(path)).length, 'both table-of-contents scripts after the first scroll').toBe(2);
		// A section in the middle of the page, brought to the top: its entry becomes the current one.
		const heading = page.locator('.sl-markdown-content h2[id]').nth(2);
		const id = await heading.getAttribute('id');
		// (Scrolled again until the code blocks above it, laid out as they come near, stop moving it.)
		await expect
			.poll(async () => {
				await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
				return toc.locator('a[aria-current="true"]').getAttribute('href');
			})
			.toBe(`#${id}`);
	});

	test(`${DIAGRAM}: a page opened on an anchor loads its table of contents at once`, async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 720 });
		const id = await (async () => {
			await page.goto(DIAGRAM);
			return page.locator('.sl-markdown-content h2[id]').nth(2).getAttribute('id');
		})();
		const fresh = await page.context().newPage();
		await fresh.setViewportSize({ width: 1280, height: 720 });
		await fresh.goto(`${DIAGRAM}#${id}`);
		await expect.poll(() => fresh.evaluate(() => customElements.get('starlight-toc') !== undefined)).toBe(true);
		// It follows where the page opened, not the title marked at build time.
		await expect(fresh.locator('starlight-toc nav a[aria-current="true"]')).not.toHaveAttribute('href', '#_top');
	});

	test(`${DIAGRAM}: on a small screen the bar above the content opens on the page title`, async ({ page }) => {
		await page.setViewportSize({ width: 412, height: 823 });
		await page.goto(DIAGRAM);
		await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
		expect(await page.evaluate(() => customElements.get('mobile-starlight-toc'))).toBeUndefined();
		const bar = page.locator('mobile-starlight-toc');
		const title = (await bar.locator('a[href="#_top"]').textContent())?.trim();
		expect(title, 'the title entry has words').toBeTruthy();
		// As rendered (src/site/toc-start.ts): what Starlight's script writes there once it runs.
		await expect(bar.locator('.display-current')).toHaveText(title ?? '');
		await expect(bar.locator('a[aria-current="true"]')).toHaveAttribute('href', '#_top');
	});

	test('a browser without Paint Timing loads them at once; one that never reports the paint, after 3 s', async ({ page }) => {
		const loaded = async () => page.evaluate(() => customElements.get('kp-diagram') !== undefined);
		await page.addInitScript(() => Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { value: [] }));
		await page.goto(DIAGRAM);
		await expect.poll(loaded, { timeout: 2000 }).toBe(true);

		// The page's clock is Playwright's, stopped: the 3 s pass when the test says so, not in real time.
		const silent = await page.context().newPage();
		const start = new Date('2026-01-05T09:00:00Z');
		await silent.clock.install({ time: start });
		await silent.clock.pauseAt(new Date(start.getTime() + 1_000));
		await silent.addInitScript(() => {
			PerformanceObserver.prototype.observe = () => undefined;
			const original = performance.getEntriesByType.bind(performance);
			performance.getEntriesByType = (type: string) => (type === 'paint' ? [] : original(type));
		});
		const scripts: string[] = [];
		silent.on('request', (request) => {
			if (/\/_astro\/[^/]+\.js$/.test(request.url())) scripts.push(new URL(request.url()).pathname);
		});
		await silent.goto(DIAGRAM);
		await silent.clock.runFor(2_900);
		// Time for an import started by then to reach the network (real time: the page's clock is stopped).
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(scripts, 'no script before the 3 s fallback').toEqual([]);
		expect(await silent.evaluate(() => customElements.get('kp-diagram') !== undefined)).toBe(false);
		await silent.clock.runFor(200);
		await expect.poll(() => silent.evaluate(() => customElements.get('kp-diagram') !== undefined), { message: 'the scripts, loaded at 3 s' }).toBe(true);
	});

	test('without JavaScript the print stylesheet is still linked', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(DIAGRAM);
		// With scripting off, the parser reads the <noscript> in <head> as markup: its <link> applies.
		const sheets = await page.evaluate(() => [...document.styleSheets].map((sheet) => `${new URL(sheet.href ?? location.href).pathname} ${sheet.media.mediaText}`));
		expect(
			sheets.filter((s) => /^\/_astro\/print\.[^/]+\.css print$/.test(s)),
			sheets.join(', '),
		).toHaveLength(1);
		await context.close();
	});
});

test('code blocks far down are laid out as the reader nears them (content-visibility)', async ({ page }) => {
	await page.setViewportSize({ width: 412, height: 823 });
	await page.goto('/fr/patterns/loadbalancer-per-api/');
	await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
	// A block with `content-visibility: auto` is itself laid out; what it skips is its content.
	const rendered = (selector: string) => page.locator(selector).evaluate((element) => (element.firstElementChild ?? element).checkVisibility({ contentVisibilityAuto: true }));
	// The diagram (no rule skips it) is laid out; the last code block, 9,000 px down, is skipped…
	expect(await rendered('.sl-markdown-content > kp-diagram >> nth=0')).toBe(true);
	const last = '.sl-markdown-content > .expressive-code >> nth=-1';
	expect(await page.locator(last).evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('auto');
	expect(await rendered(last)).toBe(false);
	// …until the reader gets there; it stays findable and copyable all along.
	await expect(page.locator(last).locator('.copy button')).toHaveCount(1);
	await page.locator(last).scrollIntoViewIfNeeded();
	await expect.poll(() => rendered(last)).toBe(true);
});

/*
 * A block with content-visibility: auto that the parser adds inside the viewport after the first paint
 * is laid out a frame late and moves what follows it: none may start on the first screen. (The rule is
 * for code blocks; the check covers any block, should it ever apply to more.) The first paint comes
 * before the page's scripts (the after-paint loader fetches them once it is done), so each page is read
 * as it is then, its scripts not served, at each screen size in turn: the page is laid out again at
 * each width, unscrolled, as a first paint at that size would lay it out. Each language in its own
 * test, so that they run side by side.
 */
const FIRST_SCREENS = [
	{ width: 412, height: 823 },
	{ width: 1350, height: 940 },
	{ width: 2560, height: 1440 },
];
for (const locale of LOCALES) {
	test(`what the first screen shows is laid out with the first paint, on every /${locale}/ page at ${FIRST_SCREENS.map((s) => `${s.width}×${s.height}`).join(', ')}`, async ({ page }) => {
		test.setTimeout(60_000);
		await page.route(/\/_astro\/[^/]+\.js$/, (route) => route.abort('blockedbyclient'));
		const late: string[] = [];
		for (const path of PAGES.filter((p) => localeOfPath(p) === locale)) {
			await page.setViewportSize(FIRST_SCREENS[0]!);
			await page.goto(path);
			for (const viewport of FIRST_SCREENS) {
				await page.setViewportSize(viewport);
				const found = await page.evaluate((height) => {
					const blocks = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content > *')];
					return blocks
						.filter((block) => block.getBoundingClientRect().top < height && getComputedStyle(block).contentVisibility === 'auto')
						.map((block) => `${block.localName}.${block.className.split(' ')[0] ?? ''} #${blocks.indexOf(block) + 1}`);
				}, viewport.height);
				if (found.length > 0) late.push(`${path} at ${viewport.width}×${viewport.height}: ${found.join(', ')}`);
			}
		}
		expect(late, 'move the block down the page, or keep it out of content-visibility in src/styles/content.css').toEqual([]);
		// And the rule does apply further down (the last code block of a long page).
		await page.goto(`/${locale}/patterns/loadbalancer-per-api/`);
		expect(
			await page
				.locator('.sl-markdown-content > .expressive-code')
				.last()
				.evaluate((element) => getComputedStyle(element).contentVisibility),
		).toBe('auto');
	});
}

/*
 * Nothing moves while a page opens (Lighthouse's CLS 0): a shift is the browser's own `layout-shift`
 * entry, recorded from the first byte at Lighthouse's two screens, until the page's scripts have run,
 * its fonts are in and two frames went by with nothing left to load. The explorer is the page most at
 * risk (its steps beside the picture wait for `content-visibility`: a step standing in with a width
 * once widened the list's column, then narrowed it, moving the first step's words on a desktop), with
 * one atlas diagram page per language.
 */
const SHIFT_SCREENS = [
	{ width: 412, height: 823 },
	{ width: 1350, height: 940 },
];
for (const locale of LOCALES) {
	const paths = [`/${locale}/explore/`, DIAGRAM_PAGES.find((p) => p.locale === locale && p.scenario === 'loadbalancer')!.path];
	test(`${paths.join(' and ')}: nothing moves while the page opens, at ${SHIFT_SCREENS.map((s) => `${s.width}×${s.height}`).join(' and ')}`, async ({ page }) => {
		await page.addInitScript(() => {
			const shifts: string[] = [];
			(window as unknown as { __kpShifts: string[] }).__kpShifts = shifts;
			const name = (node: Node | null | undefined) =>
				node instanceof Element ? `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}` : (node?.nodeName ?? '?');
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
					const moved = (entry.sources ?? []).map(
						(s) =>
							`${name(s.node)} ${Math.round(s.previousRect.width)}×${Math.round(s.previousRect.height)} at ${Math.round(s.previousRect.y)} → ${Math.round(s.currentRect.width)}×${Math.round(s.currentRect.height)} at ${Math.round(s.currentRect.y)}`,
					);
					shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const found: string[] = [];
		for (const viewport of SHIFT_SCREENS) {
			await page.setViewportSize(viewport);
			for (const path of paths) {
				await page.goto(path);
				for (const island of await page.locator('kp-diagram, kp-explorer').all()) await expect(island).toHaveClass(/is-live/);
				await page.waitForLoadState('networkidle');
				const shifts = await page.evaluate(async () => {
					await document.fonts.ready;
					await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
					return (window as unknown as { __kpShifts: string[] }).__kpShifts;
				});
				for (const shift of shifts) found.push(`${path} at ${viewport.width}×${viewport.height}: ${shift}`);
			}
		}
		expect(found, 'what moved, from where to where (give what arrives late its room, or lay it out with the first paint)').toEqual([]);
	});
}
