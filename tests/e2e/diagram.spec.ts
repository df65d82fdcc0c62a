import { expect, test } from '@playwright/test';
import { messages } from '../../src/i18n/index.ts';
import { scenarios } from '../../src/model/scenarios/index.ts';
import { stepsFor } from '../../src/i18n/steps.ts';
import { openingFonts, steppingKeepsFonts } from './fonts.ts';
import { collectErrors, DIAGRAM_PAGES } from './helpers.ts';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	// The diagram and its steps as text are in the HTML (tests/built/diagrams.test.ts); what the browser
	// makes of them without scripts is checked here, on each page in turn.
	test('every atlas diagram shows its picture without JavaScript, no controls, no hop faded', async ({ page }) => {
		for (const { scenario, locale, path } of DIAGRAM_PAGES) {
			await test.step(path, async () => {
				const steps = stepsFor(scenarios[scenario], locale);
				await page.goto(path);
				const figure = page.locator(`figure[data-scenario="${scenario}"]`);
				await expect(figure.locator('svg[role="img"]'), `${path}: the picture`).toBeVisible();
				// The controls need the island: without scripting they are not shown (`@media (scripting: none)`).
				await expect(figure.locator('.kp-controls'), `${path}: the controls`).toBeHidden();
				await expect(page.getByRole('button', { name: messages[locale].ui.next }), `${path}: a “${messages[locale].ui.next}” button`).toHaveCount(0);
				// No hop fades without the island: the first and the last are drawn in full.
				await expect(figure.locator(`[data-hop="${steps[0]?.id}"]`), `${path}: the first hop's opacity`).toHaveCSS('opacity', '1');
				await expect(figure.locator(`[data-hop="${steps.at(-1)?.id}"]`), `${path}: the last hop's opacity`).toHaveCSS('opacity', '1');
			});
		}
	});

	test('the language link goes to the same page without JavaScript', async ({ page }) => {
		await page.goto('/en/exposure/nodeport/');
		await page.getByRole('link', { name: 'Français' }).click();
		await expect(page).toHaveURL(/\/fr\/exposure\/nodeport\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	});
});

test.describe('with the island', () => {
	for (const { scenario, locale, path } of DIAGRAM_PAGES) {
		test(`${path}: Next, Previous and the arrow keys move the active step and the hash; the diagram's text keeps the page's font stacks`, async ({ page }) => {
			const errors = collectErrors(page);
			const ui = messages[locale].ui;
			const ids = stepsFor(scenarios[scenario], locale).map((s) => s.id);
			await page.goto(path);
			const fonts = await test.step('the fonts of the opening step', () => openingFonts(page));
			const figure = page.locator(`figure[data-scenario="${scenario}"]`);
			const current = figure.locator('ol > li[aria-current="step"]');
			await expect(current).toHaveAttribute('id', ids[0]!);
			const historyLength = await page.evaluate(() => history.length);

			await page.getByRole('button', { name: ui.next }).click();
			await expect(current).toHaveAttribute('id', ids[1]!);
			await expect(page).toHaveURL(new RegExp(`#${ids[1]}$`));
			await expect(figure.locator(`[data-hop="${ids[1]}"]`)).toHaveClass(/is-active/);
			await expect(figure.locator('[aria-live="polite"]')).toHaveText(new RegExp(ui.announce(2, ids.length, '').trim()));

			await page.getByRole('button', { name: ui.previous }).click();
			await expect(current).toHaveAttribute('id', ids[0]!);
			await expect(page.getByRole('button', { name: ui.previous })).toBeDisabled();

			await figure.locator('.kp-canvas').focus();
			await page.keyboard.press('ArrowRight');
			await expect(current).toHaveAttribute('id', ids[1]!);
			await page.keyboard.press('End');
			await expect(current).toHaveAttribute('id', ids.at(-1)!);
			await expect(page.getByRole('button', { name: ui.next })).toBeDisabled();
			await page.keyboard.press('ArrowLeft');
			await expect(current).toHaveAttribute('id', ids.at(-2)!);

			expect(await page.evaluate(() => history.length)).toBe(historyLength);
			expect(errors).toEqual([]);

			// Back to the first step, then every step with “Next”: none adds a font (fonts.ts).
			await page.keyboard.press('Home');
			await expect(current).toHaveAttribute('id', ids[0]!);
			await test.step('no step adds a font', () => steppingKeepsFonts(page, locale, fonts));
		});
	}

	test('a deep link opens that step in either language', async ({ page }) => {
		const id = 'kube-proxy-a-to-web-1';
		for (const locale of ['en', 'fr']) {
			await page.goto(`/${locale}/exposure/nodeport/#${id}`);
			await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', id);
			await expect(page.locator(`[data-hop="${id}"]`)).toHaveClass(/is-active/);
			await expect(page.locator('.kp-counter')).toHaveText(messages[locale as 'en' | 'fr'].ui.stepCounter(3, 3));
		}
	});

	test('an unknown hash falls back to the first step without errors', async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto('/en/exposure/kubectl-proxy/#no-such-step');
		await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', 'client-to-kubectl-proxy');
		expect(errors).toEqual([]);
	});

	test('clicking a step in the list shows it', async ({ page }) => {
		await page.goto('/fr/exposure/kubectl-proxy/');
		await page.locator('#api-server-to-web-1 a.kp-step-title').click();
		await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', 'api-server-to-web-1');
		await expect(page).toHaveURL(/#api-server-to-web-1$/);
	});

	test('the language switch keeps the page and the step', async ({ page }) => {
		await page.goto('/en/exposure/nodeport/#nodeport-a-to-kube-proxy-a');
		await page.getByRole('link', { name: 'Français' }).click();
		await expect(page).toHaveURL(/\/fr\/exposure\/nodeport\/#nodeport-a-to-kube-proxy-a$/);
		await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', 'nodeport-a-to-kube-proxy-a');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/en\/exposure\/nodeport\/#nodeport-a-to-kube-proxy-a$/);
	});

	test('Play advances through the steps and becomes Pause', async ({ page }) => {
		await page.clock.install();
		await page.goto('/fr/exposure/nodeport/');
		const play = page.getByRole('button', { name: 'Lecture' });
		await play.click();
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await page.clock.runFor(3000);
		await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', 'nodeport-a-to-kube-proxy-a');
		await page.clock.runFor(6000);
		await expect(page.locator('ol > li[aria-current="step"]')).toHaveAttribute('id', 'kube-proxy-a-to-web-1');
		await expect(page.getByRole('button', { name: 'Lecture' })).toBeVisible();
	});

	test('nothing moves until the reader does: no packet on the step the page opens on', async ({ page }) => {
		for (const path of ['/en/exposure/nodeport/', '/en/exposure/nodeport/#nodeport-a-to-kube-proxy-a']) {
			// A new document each time (a hash change on the same one is the reader following a link).
			await page.goto('about:blank');
			await page.goto(path);
			await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
			await expect(page.locator('[data-hop].is-active')).toHaveCount(1);
			// A packet, once sent, stays at the end of its hop until the next step: none was sent.
			await expect(page.locator('svg .kp-packet'), path).toHaveCount(0);
			// Nor do the hops fade in: no CSS transition runs (document.getAnimations() lists them).
			expect(await page.evaluate(() => document.getAnimations().length), `${path}: animations on open`).toBe(0);
		}
		// The hops change style with a transition once the reader moves (read in the same task as the click: they last 0.25 s).
		const transitions = await page.evaluate(() => {
			document.querySelector<HTMLButtonElement>('[data-action="next"]')?.click();
			return document.getAnimations().length;
		});
		expect(transitions, 'the hops change with a transition once the reader moves').toBeGreaterThan(0);
		await expect(page.locator('svg .kp-packet')).toHaveCount(1);
	});

	test('the island arrives without changing anything on screen', async ({ page }) => {
		// Every mutation inside the diagram once the page is parsed (scripts load after that: the
		// after-paint loader is a module script, and modules run after the parse).
		await page.addInitScript(() => {
			const changes: string[] = [];
			(window as unknown as { kpChanges: string[] }).kpChanges = changes;
			const observer = new MutationObserver((records) => {
				for (const r of records) {
					const inDiagram = r.target instanceof Element ? r.target.closest('kp-diagram') : r.target.parentElement?.closest('kp-diagram');
					if (!inDiagram) continue;
					const where = r.target instanceof Element ? `${r.target.localName}.${r.target.classList[0] ?? ''}` : '#text';
					if (r.type === 'attributes') {
						const now = (r.target as Element).getAttribute(r.attributeName ?? '');
						if (now !== r.oldValue) changes.push(`${where} @${r.attributeName}: ${r.oldValue} → ${now}`);
					} else changes.push(`${where} ${r.type}`);
				}
			});
			document.addEventListener('readystatechange', () => {
				if (document.readyState === 'interactive') observer.observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
			});
		});
		for (const path of ['/en/exposure/nodeport/', '/fr/patterns/loadbalancer-per-api/']) {
			await page.goto(path);
			await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
			const changes = await page.evaluate(() => (window as unknown as { kpChanges: string[] }).kpChanges);
			// Markers that no style reads (the island is live, the canvas takes keyboard focus), and the
			// buttons that work from now on: Next, Play and Copy link (Previous stays off on step 1).
			const allowed = /^(kp-diagram\.(is-live)? @class: null → is-live|kp-diagram\.(is-live)? @data-ready: null → |div\.kp-canvas @tabindex: null → 0|button\.kp-btn @disabled:  → null)$/;
			expect(
				changes.filter((change) => !allowed.test(change)),
				`${path}: what the island changed on arrival`,
			).toEqual([]);
			// Its "what if" switches too (one or two per atlas diagram) and the button that sends requests, which need the island as well.
			const switches = await page.locator('kp-diagram').first().locator('button[data-whatif]').count();
			expect(switches, `${path}: its what-if switches`).toBeGreaterThan(0);
			expect(
				changes.filter((change) => change.startsWith('button')),
				`${path}: Next, Play, Copy link, the what-if switches and "Send 1,000 requests" enabled`,
			).toHaveLength(3 + switches + 1);
			await expect(page.locator('kp-diagram').first().locator('button[disabled]')).toHaveCount(1);
		}
	});

	test('a packet travels along the active hop, and not with reduced motion', async ({ browser }) => {
		for (const reducedMotion of ['no-preference', 'reduce'] as const) {
			const context = await browser.newContext({ reducedMotion });
			const page = await context.newPage();
			await page.goto('/en/exposure/nodeport/');
			await page.getByRole('button', { name: 'Next step' }).click();
			await expect(page.locator('[data-hop="nodeport-a-to-kube-proxy-a"]')).toHaveClass(/is-active/);
			await expect(page.locator('svg .kp-packet')).toHaveCount(reducedMotion === 'reduce' ? 0 : 1);
			await context.close();
		}
	});

	test('“Copy link to this step” copies the URL of the active step', async ({ browser, baseURL }) => {
		const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
		const page = await context.newPage();
		// The page's clock, so that “a moment” passes when the test says, not in real seconds.
		await page.clock.install();
		await page.goto('/en/exposure/kubectl-proxy/#kubectl-proxy-to-api-server');
		await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
		const copy = page.locator('[data-action="copy"]');
		await copy.click();
		await expect(page.locator('figure[data-scenario] [aria-live="polite"]')).toHaveText('Link copied');
		// The button says it on screen too, for a moment, then reads as before.
		await expect(copy).toHaveText('Link copied');
		await expect(copy.locator('span')).toBeVisible();
		await page.clock.runFor(3000);
		await expect(copy).toHaveText('Copy link to this step');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/en/exposure/kubectl-proxy/#kubectl-proxy-to-api-server`);
		await context.close();
	});

	test('hops taken, the active hop and hops to come look different, not by opacity or colour alone', async ({ page }) => {
		await page.goto('/en/exposure/loadbalancer/#load-balancer-to-nodeport-a');
		const diagram = page.locator('kp-diagram').first();
		await expect(diagram).toHaveClass(/is-live/);
		const hops = await diagram.locator('[data-hop]').evaluateAll((groups) =>
			groups.map((g) => {
				const line = getComputedStyle(g.querySelector('.kp-hop-line')!);
				const badge = getComputedStyle(g.querySelector('.kp-hop-badge')!);
				return {
					state: g.classList.contains('is-active') ? 'active' : g.classList.contains('is-done') ? 'done' : 'to come',
					dash: line.strokeDasharray,
					width: line.strokeWidth,
					badgeFill: badge.fill,
					badgeStroke: badge.strokeWidth,
				};
			}),
		);
		expect(hops.map((h) => h.state)).toEqual(['done', 'active', 'to come', 'to come']);
		const [done, active, later] = [hops[0]!, hops[1]!, hops[2]!];
		// Done and to come differ by the line's pattern (solid, dashed) and the badge (filled, hollow).
		expect(done.dash).toBe('none');
		expect(later.dash).not.toBe('none');
		expect(later.badgeFill).not.toBe(done.badgeFill);
		// The active hop's line is thicker and its badge ringed, whatever the colours.
		expect(parseFloat(active.width)).toBeGreaterThan(parseFloat(done.width));
		expect(active.dash).toBe('none');
		expect(parseFloat(active.badgeStroke)).toBeGreaterThan(parseFloat(later.badgeStroke));
	});

	test('tapping a hop or its number selects that step', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		await page.goto('/fr/exposure/nodeport/');
		const diagram = page.locator('kp-diagram').first();
		await expect(diagram).toHaveClass(/is-live/);
		await diagram.locator('[data-hop="kube-proxy-a-to-web-1"] .kp-hop-number').tap();
		await expect(diagram.locator('ol.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', 'kube-proxy-a-to-web-1');
		await expect(page).toHaveURL(/#kube-proxy-a-to-web-1$/);
		await expect(diagram.locator('.kp-caption-text')).toHaveText(stepsFor(scenarios.nodeport, 'fr')[2]!.title.replaceAll('`', ''));
		// The line, where the reader sees it: with step 3 centred in the canvas, step 2's line may be partly above its view.
		const line = diagram.locator('[data-hop="nodeport-a-to-kube-proxy-a"] .kp-hop-line');
		await line.scrollIntoViewIfNeeded();
		await line.tap({ force: true });
		await expect(diagram.locator('ol.kp-steps > li[aria-current="step"]')).toHaveAttribute('id', 'nodeport-a-to-kube-proxy-a');
		// A tapped button does not keep a hover look on a touch screen (hover styles need `hover: hover`).
		const next = diagram.locator('[data-action="next"]');
		const border = await next.evaluate((b) => getComputedStyle(b).borderColor);
		await next.tap();
		await expect(next).toHaveCSS('border-color', border);
		await context.close();
	});

	test('two load balancers and two controllers in one picture each say which they are', async ({ page }) => {
		for (const locale of ['en', 'fr'] as const) {
			await page.goto(`/${locale}/patterns/loadbalancer-per-api/`);
			// Each LoadBalancer Service has its own cloud load balancer, and each controller is a Pod of its own.
			await expect(page.locator('[data-node="lb-orders"]')).toContainText('traefik-orders');
			await expect(page.locator('[data-node="lb-catalog"]')).toContainText('traefik-catalog');
			await expect(page.locator('[data-node="traefik-orders-1"]')).toContainText('traefik-orders-');
			await expect(page.locator('[data-node="traefik-catalog-1"]')).toContainText('traefik-catalog-');
		}
	});

	test('on paper: no buttons, no caption panel, the steps beside the picture, the figure free to start on page 1', async ({ page }) => {
		await page.goto('/en/exposure/ingress-loadbalancer/');
		await expect(page.locator('kp-diagram').first()).toHaveClass(/is-live/);
		await page.emulateMedia({ media: 'print' });
		const figure = page.locator('figure.kp-diagram').first();
		await expect(figure.locator('.kp-controls')).toBeHidden();
		await expect(figure.locator('.kp-caption')).toBeHidden();
		await expect(figure.locator('ol.kp-steps')).toBeVisible();
		await expect(figure).toHaveCSS('break-inside', 'auto');
		const [canvas, list] = [await figure.locator('.kp-canvas').boundingBox(), await figure.locator('ol.kp-steps').boundingBox()];
		expect(list!.x, 'the steps beside the picture').toBeGreaterThan(canvas!.x + canvas!.width - 1);
		expect(list!.y).toBeLessThan(canvas!.y + canvas!.height);
	});
});
