import { expect, test, type Page } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { PRESET_IDS, PRESETS } from '../../src/model/presets.ts';
import { collectErrors, useTheme } from './helpers.ts';
import { axe } from './page-checks.ts';

/*
 * The explorer (/en/explore/, /fr/explore/): its controls change the picture, the steps and the YAML as
 * Kubernetes would (the expectations are written by hand: addresses from the naming policy, node-a
 * 10.0.1.11, node-c 10.0.1.13, the application's load balancer 203.0.113.10 / private 10.0.0.41,
 * `nodePort` 30000 + port), its URL is a round trip, every preset is its atlas page, and bad links,
 * the keyboard, reduced motion and a browser without JavaScript are all handled.
 */

const explorer = (page: Page) => page.locator('kp-explorer');
const svgNodes = (page: Page) => page.locator('kp-explorer svg [data-node]').evaluateAll((all) => all.map((n) => n.getAttribute('data-node')));
const stepIds = (page: Page) => page.locator('kp-explorer ol.kp-steps > li').evaluateAll((all) => all.map((li) => li.id));

/** Opens the explorer and waits for its island (the form is live); `engine` also waits for the model to be loaded. */
async function open(page: Page, path: string, engine = false) {
	await page.goto(path);
	await expect(explorer(page)).toHaveClass(/is-live/);
	if (!engine) return;
	// The engine loads when the reader reaches for the form, or at once for a link that names a setup.
	await page.locator('form.kp-explorer-form').hover();
	await expect(explorer(page)).toHaveClass(/has-engine/);
}

test.describe('the controls', () => {
	test('the default setup, then Local on a node without a Pod, then Cluster: dropped, then delivered with the node’s address', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, '/en/explore/');
		const figure = page.locator('kp-explorer figure.kp-diagram');
		// Built at build time: three nodes, Pods on node-a and node-b, the load balancer sends to node-a.
		await expect(figure).toHaveAttribute('data-outcome', 'delivered');
		expect(await stepIds(page)).toEqual(['client-to-load-balancer', 'load-balancer-to-nodeport-a', 'nodeport-a-to-kube-proxy-a', 'kube-proxy-a-to-web-1']);
		expect(await svgNodes(page)).toEqual(expect.arrayContaining(['nodeport-a', 'nodeport-b', 'nodeport-c']));

		// The load balancer sends to node-c, which runs no Pod of web: with Local its rules drop the packets.
		await page.locator('select[name="via"]').selectOption('3');
		await expect(figure).toHaveAttribute('data-outcome', 'dropped');
		await expect(page).toHaveURL(/[?&]via=3(&|$)/);
		expect(await stepIds(page)).toEqual(['client-to-load-balancer', 'load-balancer-to-nodeport-c', 'nodeport-c-to-kube-proxy-c']);
		await expect(page.locator('kp-explorer svg [data-node="kube-proxy-c"]')).toHaveClass(/kp-node--stop/);
		await expect(page.locator('.kp-explorer-outcome')).toContainText('Dropped at hop 3');
		await expect(page.locator('.kp-explorer-live')).toContainText('Now: Dropped at hop 3');

		// Cluster: the rules on node-c send on to a Pod elsewhere and rewrite the source to node-c's address.
		await page.locator('input[name="etp"][value="cluster"]').check();
		await expect(figure).toHaveAttribute('data-outcome', 'delivered');
		await expect(page.locator('kp-explorer ol.kp-steps > li').last()).toHaveAttribute('data-src', /^10\.0\.1\.13:\d+$/);
		await expect(page.locator('.kp-explorer-manifests')).toContainText('externalTrafficPolicy: Cluster');
		await expect(page.locator('[data-note="cluster-snat"]')).toContainText('node-c');
		expect(errors).toEqual([]);
	});

	test('a NodePort has no load balancer; IP targets skip the nodes; a proxying load balancer hides the client', async ({ page }) => {
		await open(page, '/en/explore/');
		await page.locator('input[name="entry"][value="nodeport"]').check();
		await expect(page).toHaveURL(/entry=nodeport/);
		expect(await svgNodes(page)).not.toContain('load-balancer');
		for (const radio of await page.locator('input[name="lb"]').all()) await expect(radio).toBeDisabled();
		await expect(page.locator('.kp-explorer-manifests')).toContainText('type: NodePort');
		await expect(page.locator('.kp-explorer-manifests')).toContainText('nodePort: 30080');

		await page.locator('input[name="entry"][value="loadbalancer"]').check();
		await page.locator('input[name="etp"][value="cluster"]').check();
		await page.locator('input[name="targets"][value="pods"]').check();
		// Straight to the Pod: no node port, no kube-proxy hop.
		await expect.poll(() => stepIds(page)).toEqual(['client-to-load-balancer', 'load-balancer-to-web-1']);
		await expect(page.locator('.kp-explorer-manifests')).toContainText('allocateLoadBalancerNodePorts: false');
		// Local would change nothing on a path through no node: not offered.
		await expect(page.locator('input[name="etp"][value="local"]')).toBeDisabled();

		await page.locator('input[name="targets"][value="nodes"]').check();
		await page.locator('input[name="lb"][value="proxy"]').check();
		await expect(page.locator('[data-note="lb-proxies"]')).toContainText('10.0.0.41');
		// Cluster: the node's SNAT replaces the load balancer's address with node-a's (the load balancer chose node-a).
		await expect(page.locator('kp-explorer ol.kp-steps > li').last().locator('.kp-packet-app')).toContainText('RemoteAddr: 10.0.1.11:');
		// Local: no SNAT, the Pod sees the load balancer's own connection.
		await page.locator('input[name="etp"][value="local"]').check();
		await expect(page.locator('kp-explorer ol.kp-steps > li').last().locator('.kp-packet-app')).toContainText('RemoteAddr: 10.0.0.41:');
	});

	test('fewer nodes take their boxes away; an Ingress with three routes gets three rules', async ({ page }) => {
		await open(page, '/en/explore/');
		await page.locator('select[name="nodes"]').selectOption('1');
		await expect(page.locator('kp-explorer svg [data-zone="node-b"]')).toHaveCount(0);
		await expect(page.locator('kp-explorer svg [data-zone="node-a"]')).toHaveCount(1);
		await expect(page.locator('#kp-x-pods-1')).toBeHidden();

		await page.locator('input[name="entry"][value="ingress"]').check();
		await page.locator('select[name="nodes"]').selectOption('2');
		await page.locator('select[name="routes"]').selectOption('3');
		const yaml = page.locator('.kp-explorer-manifests');
		for (const path of ['path: /api', 'path: /static', 'path: /']) await expect(yaml).toContainText(path);
		await expect(page.locator('fieldset[data-route]:visible')).toHaveCount(3);
		await expect(page.locator('fieldset[data-route="1"] legend')).toContainText('/static');
		// The request of the diagram goes to the first route's backend.
		await expect(page.locator('kp-explorer ol.kp-steps > li').last()).toHaveAttribute('id', /-to-api-1$/);
	});
});

test.describe('the other controls', () => {
	test('Pods per node, the Pod that answers, the proxies’ front and where TLS ends', async ({ page }) => {
		await open(page, '/en/explore/');
		// node-a loses its Pods: the load balancer still sends to node-a (via=1), and Local drops there.
		await page.locator('#kp-x-pods-0').fill('0');
		await page.locator('#kp-x-pods-0').dispatchEvent('change');
		await expect(page).toHaveURL(/pods=0,1,0/);
		await expect(page.locator('kp-explorer figure.kp-diagram')).toHaveAttribute('data-outcome', 'dropped');
		await expect(page.locator('.kp-explorer-manifests')).toContainText('replicas: 1');

		// A NodePort with Cluster, a Pod on each node, the one on node-b answering: its Pod IP 10.244.2.10, port 8080.
		await page.locator('input[name="entry"][value="nodeport"]').check();
		await page.locator('select[name="nodes"]').selectOption('2');
		await page.locator('#kp-x-pods-0').fill('1');
		await page.locator('#kp-x-pods-0').dispatchEvent('change');
		await page.locator('input[name="etp"][value="cluster"]').check();
		await page.locator('select[name="pick"]').selectOption('2');
		await expect(page.locator('kp-explorer ol.kp-steps > li').last()).toHaveAttribute('data-dst', '10.244.2.10:8080');

		// An Ingress whose controller is behind a NodePort: no cloud load balancer on the path.
		await page.locator('input[name="entry"][value="ingress"]').check();
		await page.locator('input[name="front"][value="nodeport"]').check();
		await expect.poll(() => svgNodes(page)).not.toContain('load-balancer');
		// TLS at the controller: the Ingress gets its tls section, and the client speaks HTTPS from the first hop.
		await page.locator('input[name="tls"][value="edge"]').check();
		await expect(page.locator('.kp-explorer-manifests')).toContainText('secretName: shop-example-com-tls');
		await expect(page.locator('kp-explorer ol.kp-steps > li').first().locator('.kp-step-protocol')).toHaveText('HTTPS');
		await page.locator('input[name="tls"][value="none"]').check();
		await expect(page.locator('kp-explorer ol.kp-steps > li').first().locator('.kp-step-protocol')).toHaveText('HTTP');
	});
});

test.describe('links', () => {
	test('a setup in the URL is shown as it says, the form set from it, and written back the same', async ({ page }) => {
		const query = '?entry=ingress&front=nodeport&nodes=3&pods=1,0,2&backends=0,1,1;2,0,0&routes=2&via=3&etp=local&tls=edge';
		await open(page, `/en/explore/${query}`, true);
		await expect(page).toHaveURL(new RegExp(`${query.replace(/[?]/g, '\\?')}$`));
		await expect(page.locator('input[name="entry"][value="ingress"]')).toBeChecked();
		await expect(page.locator('input[name="front"][value="nodeport"]')).toBeChecked();
		await expect(page.locator('select[name="nodes"]')).toHaveValue('3');
		await expect(page.locator('#kp-x-pods-2')).toHaveValue('2');
		await expect(page.locator('#kp-x-backends-1-0')).toHaveValue('2');
		await expect(page.locator('input[name="etp"][value="local"]')).toBeChecked();
		await expect(page.locator('input[name="tls"][value="edge"]')).toBeChecked();
		// The client enters node-c, whose controller Pods are there (Local keeps it on node-c).
		expect(await stepIds(page)).toContain('nodeport-c-to-kube-proxy-c');
		await page.reload();
		await expect(page.locator('select[name="nodes"]')).toHaveValue('3');
	});

	test('every preset shows its atlas page’s steps, packets and manifests', async ({ browser }) => {
		test.slow();
		const page = await browser.newPage();
		for (const id of PRESET_IDS) {
			const atlas = `/en/${PRESETS[id].options.section}/${id}/`;
			await page.goto(atlas);
			const steps = await page
				.locator('figure.kp-diagram ol.kp-steps > li')
				.evaluateAll((all) =>
					all.map((li) => [li.id, li.dataset['src'], li.dataset['dst'], li.querySelector('.kp-step-title-text')?.textContent, li.querySelector('.kp-step-body')?.textContent]),
				);
			const blocks = await page
				.locator('.expressive-code figure:has(figcaption .title)')
				.evaluateAll((all) => all.map((f): [string, string] => [f.querySelector('figcaption .title')?.textContent ?? '', (f.querySelector('pre')?.textContent ?? '').replace(/\s+/g, '')]));
			const link = page.locator('.kp-open-explorer a');
			await expect(link, atlas).toHaveAttribute('href', `/en/explore/?preset=${id}`);
			await open(page, `/en/explore/?preset=${id}`, true);
			await expect(page.locator('select[name="preset"]'), id).toHaveValue(id);
			await expect
				.poll(
					() =>
						page
							.locator('kp-explorer ol.kp-steps > li')
							.evaluateAll((all) =>
								all.map((li) => [li.id, li.dataset['src'], li.dataset['dst'], li.querySelector('.kp-step-title-text')?.textContent, li.querySelector('.kp-step-body')?.textContent]),
							),
					{ message: id },
				)
				.toEqual(steps);
			// The manifests, far below the picture, are written when the browser is idle (or when they come near the screen).
			await expect(page.locator('.kp-explorer-manifests'), id).not.toHaveAttribute('aria-busy', 'true');
			const yaml = new Map(
				await page
					.locator('.kp-explorer-manifests figure')
					.evaluateAll((all) => all.map((f) => [f.querySelector('figcaption')?.textContent ?? '', (f.querySelector('pre')?.textContent ?? '').replace(/\s+/g, '')] as [string, string])),
			);
			for (const [file, text] of blocks.filter(([file]) => file.endsWith('.yaml'))) {
				// The atlas page may show a file once per kind it explains; each is in the explorer's set.
				if (yaml.has(file)) expect(text, `${id}: ${file}`).toBe(yaml.get(file));
			}
			expect(blocks.filter(([file]) => file.endsWith('.yaml') && yaml.has(file)).length, `${id}: no manifest of the atlas page found in the explorer`).toBeGreaterThan(0);
		}
		await page.close();
	});

	test('a hand-edited link: each bad value is said, visibly and to screen readers, and the page still draws', async ({ page }) => {
		const errors = collectErrors(page);
		await open(page, '/en/explore/?entry=nodeport&nodes=99&etp=banana&pods=1,x&color=blue');
		const box = page.locator('.kp-explorer-ignored');
		await expect(box).toBeVisible();
		await expect(box).toHaveAttribute('role', 'status');
		const items = box.locator('li');
		await expect(items).toHaveText([
			'nodes=99 was ignored: with the other parameters, it takes 1, 2, 3, 4, 5.',
			'etp=banana was ignored: with the other parameters, it takes cluster, local.',
			'pods=1,x was ignored: give 2 counts (one per node, 0 to 5) separated by commas.',
			'color=blue: no such parameter; it was ignored.',
		]);
		await expect(page.locator('kp-explorer svg [data-node="nodeport-a"]')).toHaveCount(1);
		await expect(page).toHaveURL(/\?entry=nodeport$/);
		expect(errors).toEqual([]);
	});

	test('in French, the same link is explained in French', async ({ page }) => {
		await open(page, '/fr/explore/?entry=kubectl-proxy&etp=local');
		await expect(page.locator('.kp-explorer-ignored li')).toHaveText('etp=local a été ignoré\u00a0: ce paramètre est sans objet pour cette configuration.');
		await expect(page.locator('fieldset[data-control="etp"] legend')).toHaveText('externalTrafficPolicy');
		await expect(page.locator('.kp-explorer-outcome')).toContainText('Livrée en 3 sauts');
	});
});

test.describe('what a change writes', () => {
	test('only what differs: a step that stays keeps its elements, and steps off the screen are written once the browser is idle, or at once when shown', async ({ page }) => {
		// 1280×900, the page at its top: the result's steps start under the picture, below the screen.
		await page.setViewportSize({ width: 1280, height: 900 });
		await open(page, '/en/explore/', true);
		await page.evaluate(() => window.scrollTo(0, 0));
		const list = page.locator('kp-explorer ol.kp-steps');
		await expect(list).not.toHaveAttribute('aria-busy', 'true');
		// Marks on elements that a change to node-c must keep (same step, same parts): the first step's
		// title link, the second step's card itself; and the caption's destination.
		await page.evaluate(() => {
			const mark = (element: Element | null) => element && Object.assign(element, { kpKept: true });
			mark(document.querySelector('kp-explorer li#client-to-load-balancer .kp-step-title'));
			mark(document.querySelector('kp-explorer .kp-caption-dst'));
		});
		// The load balancer sends to node-c: the change is observed in its own task, and "Next" pressed
		// there, before the browser had any idle time.
		const seen = await page.evaluate(
			() =>
				new Promise<{ busy: string | null; second: string; caption: string }>((done) => {
					const host = document.querySelector<HTMLElement>('kp-explorer');
					const via = document.querySelector<HTMLSelectElement>('select[name="via"]');
					if (!host || !via) return done({ busy: null, second: '', caption: '' });
					delete host.dataset['updateMs'];
					const observer = new MutationObserver(() => {
						if (host.dataset['updateMs'] === undefined) return;
						observer.disconnect();
						const busy = document.querySelector('kp-explorer ol.kp-steps')?.getAttribute('aria-busy') ?? null;
						const second = document.querySelector('kp-explorer li#load-balancer-to-nodeport-c')?.textContent ?? '';
						document.querySelector<HTMLButtonElement>('kp-explorer [data-action="next"]')?.click();
						done({ busy, second, caption: document.querySelector('kp-explorer .kp-caption-dst')?.textContent ?? '' });
					});
					observer.observe(host, { attributes: true, attributeFilter: ['data-update-ms'] });
					via.value = '3';
					via.dispatchEvent(new Event('change', { bubbles: true }));
				}),
		);
		// Off the screen: the new step is in the list at once (its id, for links and the counter), its words
		// not yet, and the list says it is busy. Shown, the caption has its new words: the packet goes to
		// node-c’s address, 10.0.1.13, on the Service’s node port (30000 + 80).
		expect(seen.busy).toBe('true');
		expect(seen.second).toBe('');
		expect(seen.caption).toMatch(/^10\.0\.1\.13:30080\b/);
		// Then, idle: every step written, the list no longer busy.
		await expect(list).not.toHaveAttribute('aria-busy', 'true');
		await expect(page.locator('kp-explorer li#nodeport-c-to-kube-proxy-c')).toContainText('10.0.1.13');
		const kept = await page.evaluate(() => [
			(document.querySelector('kp-explorer li#client-to-load-balancer .kp-step-title') as { kpKept?: boolean } | null)?.kpKept === true,
			(document.querySelector('kp-explorer .kp-caption-dst') as { kpKept?: boolean } | null)?.kpKept === true,
		]);
		expect(kept).toEqual([true, true]);
	});

	test('the form follows a frame later, and a change made before it keeps the reader’s value', async ({ page }) => {
		await open(page, '/en/explore/', true);
		// Ingress, then four nodes chosen in the task of the first change, before its form was set.
		await page.evaluate(
			() =>
				new Promise<void>((done) => {
					const host = document.querySelector<HTMLElement>('kp-explorer');
					const ingress = document.querySelector<HTMLInputElement>('input[name="entry"][value="ingress"]');
					const nodes = document.querySelector<HTMLSelectElement>('select[name="nodes"]');
					if (!host || !ingress || !nodes) return done();
					delete host.dataset['updateMs'];
					const observer = new MutationObserver(() => {
						if (host.dataset['updateMs'] === undefined) return;
						observer.disconnect();
						nodes.value = '4';
						nodes.dispatchEvent(new Event('change', { bubbles: true }));
						done();
					});
					observer.observe(host, { attributes: true, attributeFilter: ['data-update-ms'] });
					ingress.checked = true;
					ingress.dispatchEvent(new Event('change', { bubbles: true }));
				}),
		);
		// Both held: an Ingress (its routes apply, its controller's Pods on the picture) on four nodes.
		await expect(page).toHaveURL(/[?&]entry=ingress(&|$)/);
		await expect(page).toHaveURL(/[?&]nodes=4(&|$)/);
		await expect(page.locator('input[name="entry"][value="ingress"]')).toBeChecked();
		await expect(page.locator('select[name="nodes"]')).toHaveValue('4');
		await expect(page.locator('form [data-control="backends"]')).toBeEnabled();
		await expect(page.locator('kp-explorer svg [data-zone="node-d"]')).toHaveCount(1);
		await expect(page.locator('kp-explorer svg [data-node="traefik-1"]')).toHaveCount(1);
	});

	test('with the steps on the screen, a change writes them at once', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await open(page, '/en/explore/', true);
		await page.locator('kp-explorer ol.kp-steps').scrollIntoViewIfNeeded();
		// The observer has seen the list on the screen (it answers after a frame).
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		const written = await page.evaluate(
			() =>
				new Promise<string>((done) => {
					const host = document.querySelector<HTMLElement>('kp-explorer');
					const via = document.querySelector<HTMLSelectElement>('select[name="via"]');
					if (!host || !via) return done('');
					delete host.dataset['updateMs'];
					const observer = new MutationObserver(() => {
						if (host.dataset['updateMs'] === undefined) return;
						observer.disconnect();
						done(document.querySelector('kp-explorer li#nodeport-c-to-kube-proxy-c')?.textContent ?? '');
					});
					observer.observe(host, { attributes: true, attributeFilter: ['data-update-ms'] });
					via.value = '3';
					via.dispatchEvent(new Event('change', { bubbles: true }));
				}),
		);
		expect(written).toContain('10.0.1.13');
		await expect(page.locator('kp-explorer ol.kp-steps')).not.toHaveAttribute('aria-busy', 'true');
	});
});

test.describe('access', () => {
	test('keyboard only: the way in is chosen with the arrow keys, and the diagram follows', async ({ page }) => {
		await open(page, '/en/explore/');
		await page.locator('input[name="entry"][value="loadbalancer"]').focus();
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('input[name="entry"][value="ingress"]')).toBeChecked();
		await expect.poll(() => svgNodes(page)).toContain('traefik-1');
		// Tab reaches the next group's controls, never a disabled one.
		await page.keyboard.press('Tab');
		await expect(page.locator('input[name="front"]:focus')).toHaveCount(1);
	});

	test('reduced motion: a change redraws with no animation running', async ({ browser }) => {
		const context = await browser.newContext({ reducedMotion: 'reduce' });
		const page = await context.newPage();
		await open(page, '/en/explore/', true);
		await page.locator('select[name="nodes"]').selectOption('5');
		await expect(page.locator('kp-explorer svg [data-zone="node-e"]')).toHaveCount(1);
		expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
		await context.close();
	});

	test('with motion: boxes that stay slide, new ones fade in', async ({ page }) => {
		await open(page, '/en/explore/', true);
		// Counted in the frame after the change: the fades last a fifth of a second, less than a busy machine takes to ask.
		const running = await page.evaluate(
			() =>
				new Promise<number>((done) => {
					const nodes = document.querySelector<HTMLSelectElement>('select[name="nodes"]');
					if (!nodes) return done(-1);
					nodes.value = '5';
					nodes.dispatchEvent(new Event('change', { bubbles: true }));
					requestAnimationFrame(() => done(document.getAnimations().length));
				}),
		);
		await expect(page.locator('kp-explorer svg [data-zone="node-e"]')).toHaveCount(1);
		expect(running).toBeGreaterThan(0);
	});

	test('without JavaScript: what the explorer does and a link to every atlas page; no form', async ({ browser }) => {
		for (const locale of LOCALES) {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(`/${locale}/explore/`);
			await expect(page.locator('.kp-explorer-noscript')).toContainText(messages[locale].explorer.noScript);
			await expect(page.locator('.kp-explorer-noscript a')).toHaveCount(9);
			await expect(page.locator('.kp-explorer-noscript a').first()).toHaveAttribute('href', `/${locale}/exposure/kubectl-proxy/`);
			await expect(page.locator('form.kp-explorer-form')).toBeHidden();
			await context.close();
		}
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`axe finds nothing after a change that drops the request, ${theme} theme`, async ({ page }) => {
			await useTheme(page, theme);
			await open(page, '/fr/explore/?via=3');
			await expect(page.locator('kp-explorer figure.kp-diagram')).toHaveAttribute('data-outcome', 'dropped');
			const results = await axe(page).include('kp-explorer').analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		});
	}
});

test.describe('what if, on the atlas pages', () => {
	test('NodePort: Local drops at node-a, which runs no Pod; pressed again, the page’s own setup; the model loads on the first press only', async ({ page }) => {
		const errors = collectErrors(page);
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.goto('/en/exposure/nodeport/');
		await expect(page.locator('kp-diagram')).toHaveClass(/is-live/);
		const before = await page.locator('figure.kp-diagram ol.kp-steps > li').evaluateAll((all) => all.map((li) => li.id));
		expect(scripts.some((url) => /\/whatif\.[^/]*\.js$/.test(url))).toBe(false);
		const local = page.locator('button[data-whatif="local"]');
		await local.click();
		await expect(local).toHaveAttribute('aria-pressed', 'true');
		await expect(page.locator('figure.kp-diagram')).toHaveAttribute('data-outcome', 'dropped');
		expect(await page.locator('figure.kp-diagram ol.kp-steps > li').evaluateAll((all) => all.map((li) => li.id))).toEqual(['client-to-nodeport-a', 'nodeport-a-to-kube-proxy-a']);
		await expect(page.locator('figure.kp-diagram svg [data-node="kube-proxy-a"]')).toHaveClass(/kp-node--stop/);
		await expect(page.locator('figure.kp-diagram > .kp-stage [aria-live]')).toContainText('Now: Dropped at hop 2');
		expect(scripts.some((url) => /\/whatif\.[^/]*\.js$/.test(url))).toBe(true);
		await local.click();
		await expect(local).toHaveAttribute('aria-pressed', 'false');
		await expect(page.locator('figure.kp-diagram')).toHaveAttribute('data-outcome', 'delivered');
		expect(await page.locator('figure.kp-diagram ol.kp-steps > li').evaluateAll((all) => all.map((li) => li.id))).toEqual(before);
		expect(errors).toEqual([]);
	});

	test('Ingress behind a load balancer: TLS ended at the load balancer leaves plain HTTP from the load balancer on', async ({ page }) => {
		await page.goto('/fr/exposure/ingress-loadbalancer/');
		await expect(page.locator('kp-diagram')).toHaveClass(/is-live/);
		await expect(page.locator('.kp-whatif-legend')).toHaveText('Et si');
		const steps = page.locator('figure.kp-diagram ol.kp-steps > li');
		await expect(steps.nth(1).locator('.kp-step-protocol')).toHaveText('HTTPS');
		await page.locator('button[data-whatif="tls-at-lb"]').click();
		await expect(steps.nth(0).locator('.kp-step-protocol')).toHaveText('HTTPS');
		await expect(steps.nth(1).locator('.kp-step-protocol')).toHaveText('HTTP');
	});

	test('every switch of every atlas diagram redraws, and restores the page’s steps when released', async ({ page }) => {
		test.slow();
		const errors = collectErrors(page);
		for (const id of PRESET_IDS) {
			await page.goto(`/en/${PRESETS[id].options.section}/${id}/`);
			await expect(page.locator('kp-diagram')).toHaveClass(/is-live/);
			const ids = () => page.locator('figure.kp-diagram ol.kp-steps > li').evaluateAll((all) => all.map((li) => `${li.id} ${li.dataset['src']}`));
			const before = await ids();
			const switches = page.locator('button[data-whatif]');
			expect(await switches.count(), id).toBeGreaterThan(0);
			for (const button of await switches.all()) {
				await button.click();
				await expect(button).toHaveAttribute('aria-pressed', 'true');
				await expect.poll(ids, { message: `${id}: ${await button.getAttribute('data-whatif')}` }).not.toEqual(before);
				await button.click();
				await expect.poll(ids, { message: id }).toEqual(before);
			}
		}
		expect(errors).toEqual([]);
	});
});
