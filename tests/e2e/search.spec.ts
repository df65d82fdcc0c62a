import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { STARLIGHT } from './ui-strings.ts';
import { sitemapPaths, watchErrors } from './helpers.ts';

/*
 * The search is loaded on demand (src/components/Search.astro): no Pagefind code on page load; Pagefind
 * arrives when the dialog opens (click, Ctrl/⌘+K or `/`) and finds pages in the reader's language, with
 * the dialog's words in that language, ligatures typed as two letters, and diagram steps as results.
 */

const PAGES = await sitemapPaths();
const PAGEFIND = /\/(ui-core[^/]*\.js|pagefind[^/]*\.js|pagefind\/)/;
/** A page with a diagram, the heaviest kind. */
const DIAGRAM_PAGE = PAGES.find((p) => p === '/en/exposure/nodeport/') ?? PAGES.find((p) => p.startsWith('/en/exposure/'))!;

/** Every script the page fetched, with its gzip size (what a compressing server sends). */
function recordScripts(page: Page): Map<string, number> {
	const scripts = new Map<string, number>();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		try {
			scripts.set(new URL(response.url()).pathname, gzipSync(await response.body(), { level: 9 }).length);
		} catch {
			/* the page navigated away */
		}
	});
	return scripts;
}

/** Lets `requestIdleCallback` and late imports run: Starlight's stock search loaded its UI then. */
async function settle(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(() => setTimeout(resolve, 300))));
	await page.waitForLoadState('networkidle');
}

test(`${DIAGRAM_PAGE}: no Pagefind script or index is requested until the search opens`, async ({ page }) => {
	const requested: string[] = [];
	page.on('request', (request) => requested.push(request.url()));
	const scripts = recordScripts(page);
	await page.goto(DIAGRAM_PAGE);
	await settle(page);
	const early = requested.filter((url) => PAGEFIND.test(url));
	expect(early, `${DIAGRAM_PAGE} fetched the search before it was opened: ${early.join(', ')}. Pagefind must only be imported in src/site/search-dialog.ts's #load().`).toEqual([]);
	const total = [...scripts.values()].reduce((a, b) => a + b, 0);
	const list = [...scripts].map(([path, bytes]) => `${path} ${bytes} B`).join(', ');
	test.info().annotations.push({ type: 'JS on load (gzip)', description: `${total} B: ${list}` });
	console.log(`${DIAGRAM_PAGE}: ${total} B of gzipped JS on load (${list})`);

	await page.locator('button[data-open-modal]').click();
	await expect(page.locator('dialog[open] input')).toBeFocused();
	await expect.poll(() => requested.some((url) => /\/pagefind\/pagefind\.js$/.test(url)), { message: 'opening the dialog did not load /pagefind/pagefind.js' }).toBe(true);
});

for (const [locale, opener] of [
	['en', 'click'],
	['fr', 'click'],
	['en', 'Control+k'],
	['fr', '/'],
] as const) {
	test(`/${locale}/: ${opener === 'click' ? 'a click' : opener} opens the search, and “NodePort” finds the ${locale} NodePort page`, async ({ page }) => {
		const errors = await watchErrors(page);
		await page.goto(`/${locale}/exposure/nodeport/`);
		// The search is ready (its click and key handlers are set) once its button is enabled.
		await expect(page.locator('button[data-open-modal]')).toBeEnabled();
		if (opener === 'click') await page.locator('button[data-open-modal]').click();
		else await page.keyboard.press(opener);
		const dialog = page.locator('dialog[open]');
		await expect(dialog, `${opener} did not open the search dialog`).toBeVisible();
		await expect(dialog).toHaveAttribute('aria-label', STARLIGHT[locale]['search.label']!);
		const input = dialog.locator('input');
		await expect(input, 'the search field has focus once the UI is loaded').toBeFocused();
		await expect(input).toHaveAttribute('placeholder', STARLIGHT[locale]['search.label']!);
		await page.keyboard.type('NodePort');
		// Results are redrawn as the query grows: wait for the one that must be there, then read them all.
		const results = dialog.locator('.kp-search-result > a');
		await expect(results.and(page.locator(`[href="/${locale}/exposure/nodeport/"]`)), `“NodePort” finds no link to /${locale}/exposure/nodeport/`).toBeVisible({ timeout: 15_000 });
		const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const foreign = hrefs.filter((href) => !href.startsWith(`/${locale}/`));
		expect(foreign, `results in another language on a ${locale} page: ${foreign.join(', ')}`).toEqual([]);
		// Ctrl+K closes it again, as in Starlight.
		await page.keyboard.press('Control+k');
		await expect(dialog).toHaveCount(0);
		expect(errors).toEqual([]);
	});
}

test('`/` typed in the search field types a slash', async ({ page }) => {
	await page.goto('/en/');
	await page.locator('button[data-open-modal]').click();
	const input = page.locator('dialog[open] input');
	await expect(input).toBeFocused();
	await page.keyboard.type('a/b');
	await expect(input).toHaveValue('a/b');
});

/** Opens the search on `path`, types `query`, and waits for its count (or “no results”) to be said. */
async function search(page: Page, path: string, query: string) {
	await page.goto(path);
	await page.locator('button[data-open-modal]').click();
	const dialog = page.locator('dialog[open]');
	await dialog.locator('input').fill(query);
	await expect(dialog.getByRole('status'), `${path}: the search for “${query}” never said how many results it found`).toContainText(query, { timeout: 15_000 });
	return dialog;
}

/** The result links, page and sub-results, in the order shown. */
const hrefs = (dialog: ReturnType<Page['locator']>) => dialog.locator('.kp-search-results a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));

test('/fr/: the dialog speaks French: the count, “no results”, “Clear”', async ({ page }) => {
	const dialog = await search(page, '/fr/', 'nœud');
	// French: « 12 résultats pour « nœud » », with non-breaking spaces inside the guillemets.
	await expect(dialog.getByRole('status')).toHaveText(/^\d+ résultats? pour «\u00a0nœud\u00a0»$/);
	const clear = dialog.getByRole('button', { name: 'Effacer' });
	await expect(clear, 'the clear button is not named in French').toBeVisible();
	await dialog.locator('input').fill('zzqxw');
	await expect(dialog.getByRole('status')).toHaveText('Aucun résultat pour «\u00a0zzqxw\u00a0»');
	await clear.click();
	await expect(dialog.locator('input')).toHaveValue('');
	await expect(dialog.locator('input')).toBeFocused();
	await expect(dialog.locator('.kp-search-results > li')).toHaveCount(0);
	await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeVisible();
	for (const english of ['result', 'Clear', 'No results']) await expect(dialog, `English “${english}” on a French page`).not.toContainText(english);
});

test('/en/: the dialog speaks English', async ({ page }) => {
	const dialog = await search(page, '/en/', 'zzqxw');
	await expect(dialog.getByRole('status')).toHaveText('No results for “zzqxw”');
	await expect(dialog.getByRole('button', { name: 'Clear' })).toBeVisible();
});

test('/fr/: “noeud” finds what “nœud” finds, and “equilibreur” finds « équilibreur »', async ({ page }) => {
	const withLigature = await hrefs(await search(page, '/fr/', 'nœud'));
	expect(withLigature.length, '“nœud” found nothing').toBeGreaterThan(0);
	const withoutLigature = await hrefs(await search(page, '/fr/', 'noeud'));
	expect(withoutLigature.toSorted(), '“noeud” (no ligature key) must find what “nœud” finds').toEqual(withLigature.toSorted());
	const dialog = await search(page, '/fr/', 'equilibreur');
	await expect(dialog.locator('.kp-search-result > a').filter({ hasText: 'équilibreur' }).first(), '“equilibreur” found no page titled with « équilibreur »').toBeVisible();
});

/*
 * A term that one step of a diagram explains is a result of its own, linked to the step's anchor. From
 * how Kubernetes behaves: kube-proxy's rules rewrite the destination to a Pod (DNAT) on the hop from
 * the rules to the Pod; a cloud load balancer's health checks (healthCheckNodePort) decide which node it
 * picks; X-Forwarded-For is added by the proxy that ends the client's HTTP connection (the Ingress
 * controller, the Gateway) on its hop to the backend.
 */
for (const { path, query, step } of [
	{ path: '/en/', query: 'DNAT', step: '/en/exposure/loadbalancer/#kube-proxy-a-to-web-1' },
	{ path: '/fr/', query: 'DNAT', step: '/fr/exposure/nodeport/#kube-proxy-a-to-web-1' },
	{ path: '/en/', query: 'healthCheckNodePort', step: '/en/exposure/ingress-loadbalancer/#load-balancer-to-nodeport-a' },
	{ path: '/en/', query: 'X-Forwarded-For', step: '/en/exposure/ingress-nodeport/#traefik-1-to-api-1' },
	{ path: '/fr/', query: 'X-Forwarded-For', step: '/fr/exposure/ingress-nodeport/#traefik-1-to-api-1' },
]) {
	test(`${path}: “${query}” offers the step ${step}, and the link opens it`, async ({ page }) => {
		const dialog = await search(page, path, query);
		const link = dialog.locator(`.kp-search-step > a[href="${step}"]`);
		await expect(link, `“${query}” does not offer the step ${step}: ${(await hrefs(dialog)).join(', ')}`).toBeVisible();
		const shown = (await link.textContent()) ?? '';
		await link.click();
		await expect(page).toHaveURL(new RegExp(`${step.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`));
		await expect(page.locator('dialog[open]'), 'the dialog stays open over the step').toHaveCount(0);
		const id = step.split('#')[1]!;
		const title = (await page.locator(`li[id="${id}"] .kp-step-title-text`).textContent())?.trim() ?? '';
		expect(title, `no step ${id} on ${step}`).not.toBe('');
		expect(shown, 'the result is not named by the step’s title').toContain(title);
		await expect(page.locator(`li[id="${id}"]`)).toContainText(query);
	});
}

test('/en/: a term in the prose under a diagram is not credited to its last step', async ({ page }) => {
	// “SNAT” is explained in the paragraph after the LoadBalancer diagram, under “The path of a request”.
	const dialog = await search(page, '/en/', 'SNAT');
	await expect(dialog.locator('a[href="/en/exposure/loadbalancer/#the-path"]')).toBeVisible();
	await expect(dialog.locator('a[href="/en/exposure/loadbalancer/#kube-proxy-a-to-web-1"]')).toHaveCount(0);
});
