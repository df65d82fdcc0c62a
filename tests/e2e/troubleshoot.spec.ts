import { expect, test } from '@playwright/test';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { collectErrors } from './helpers.ts';

/*
 * The troubleshooting guide (/en/troubleshoot/, /fr/troubleshoot/): a static tree, complete without
 * JavaScript. Start from what the client sees, then the way in, then the checks in path order; every
 * branch has an anchor, every check a command with its healthy and broken output, a link to its hop on
 * the atlas page and one to the explorer with that hop broken. Expectations written by hand: a firewall
 * on a NodePort times out; Traefik answers 504 when a NetworkPolicy shuts it out.
 */

for (const locale of LOCALES) {
	test(`/${locale}/troubleshoot/ without JavaScript: every symptom, way in and check reachable by its anchor, every hop link landing on its step`, async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/${locale}/troubleshoot/`);
		const index = page.locator('nav.kp-ts-index a');
		const targets = await index.evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
		expect(targets).toContain('#s-timeout');
		expect(targets).toContain('#s-http-504');
		for (const target of targets) await expect(page.locator(`${target} + *, h2${target}`).first(), target).toBeAttached();
		// Each way in under a symptom: its own anchor, and its checks.
		const branches = page.locator('div.kp-ts-branch');
		expect(await branches.count()).toBeGreaterThan(15);
		for (const id of await page.locator('div.kp-ts-branch > h3').evaluateAll((all) => all.map((h) => h.id))) expect(id).toMatch(/^s-[a-z0-9-]+-[a-z-]+$/);
		// A check: its command, the two outputs, the fix, two links.
		const firewall = page.locator('#s-timeout-nodeport-node-port-blocked');
		await expect(firewall.locator('h4')).toHaveText(messages[locale].failures.mode['node-port-blocked'].title);
		await expect(firewall.locator('pre')).toHaveCount(3);
		await expect(firewall.locator('pre').nth(0)).toHaveText('nc -vz -w 3 10.0.1.11 30080');
		await expect(firewall.locator('pre').nth(1)).toContainText('succeeded!');
		await expect(firewall.locator('pre').nth(2)).toContainText('timed out');
		await expect(page.locator('#s-http-504-ingress-loadbalancer-network-policy-denies-proxy')).toContainText('HTTP/1.1 504 Gateway Timeout');
		// The timeout behind a NodePort: the node port first, then Local, in the order the request meets them.
		expect(await page.locator('div.kp-ts-branch:has(> h3#s-timeout-nodeport) ol > li').evaluateAll((all) => all.map((li) => li.getAttribute('data-mode')))).toEqual([
			'node-port-blocked',
			'local-no-endpoint',
		]);
		// The wrong client address, last: on a NodePort with Cluster, the node's SNAT and the setting behind
		// it; behind Traefik on a NodePort, the SNAT first (it decides X-Forwarded-For), then Traefik's own connection.
		expect(targets.at(-1)).toBe('#s-wrong-source');
		await expect(page.locator('h2#s-wrong-source')).toHaveText(messages[locale].troubleshoot.source.title);
		const snat = page.locator('#s-wrong-source-nodeport-cluster-snat');
		await expect(snat.locator('pre').nth(0)).toHaveText(`kubectl get service web -n default -o jsonpath='{.spec.externalTrafficPolicy}{"\\n"}'`);
		await expect(snat.locator('pre').nth(1)).toHaveText('Local');
		await expect(snat.locator('pre').nth(2)).toHaveText('Cluster');
		await expect(snat.locator('.kp-ts-links a').nth(1)).toHaveAttribute('href', `/${locale}/explore/?preset=nodeport&etp=local`);
		expect(await page.locator('div.kp-ts-branch:has(> h3#s-wrong-source-ingress-nodeport) ol > li').evaluateAll((all) => all.map((li) => li.getAttribute('data-cause')))).toEqual([
			'cluster-snat',
			'routed-proxy',
		]);
		await expect(page.locator('div.kp-ts-branch:has(> h3#s-wrong-source-service-mesh)')).toContainText('127.0.0.6');
		// What whoami answers behind Traefik on a NodePort: Traefik's Pod as the peer, node-a's address in X-Forwarded-For.
		await expect(page.locator('div.kp-ts-branch:has(> h3#s-wrong-source-ingress-nodeport) > .kp-ts-outputs pre')).toContainText(/RemoteAddr: 10\.244\.1\.40:\d+\nX-Forwarded-For: 10\.0\.1\.11/);

		// Every hop link lands on an element of that id on its page.
		const links = await page.locator('.kp-ts-links a:first-child').evaluateAll((all) => all.map((a) => a.getAttribute('href') ?? ''));
		const byPage = new Map<string, Set<string>>();
		for (const href of links) {
			const [path = '', hash = ''] = href.split('#');
			byPage.set(path, (byPage.get(path) ?? new Set()).add(hash));
		}
		expect(byPage.size).toBeGreaterThanOrEqual(7);
		for (const [path, hashes] of byPage) {
			await page.goto(path);
			for (const hash of hashes) await expect(page.locator(`[id="${hash}"]`), `${path}#${hash}`).toHaveCount(1);
		}
		await context.close();
	});

	test(`/${locale}/troubleshoot/: "Break it in the explorer" opens that setup with that hop broken`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(`/${locale}/troubleshoot/#s-timeout-nodeport`);
		await page.locator('#s-timeout-nodeport-local-no-endpoint .kp-ts-links a').nth(1).click();
		// The link as written, or as the explorer writes it back once drawn (every parameter of the setup).
		await expect(page).toHaveURL(/\/explore\/\?(preset=nodeport&etp=local|entry=nodeport&nodes=2&pods=0,2&via=1&etp=local)&fail=local-no-endpoint$/);
		await expect(page.locator('kp-explorer figure.kp-diagram')).toHaveAttribute('data-outcome', 'dropped');
		await expect(page.locator('kp-explorer select[name="fail"]')).toHaveValue('local-no-endpoint');
		await expect(page.locator('kp-explorer .kp-explorer-ignored')).toBeHidden();
		expect(errors).toEqual([]);
	});
}

/*
 * "If it fails here" under each step of an atlas diagram: closed, it opens by its summary; a mode's
 * explorer link opens the setup with that hop broken. A "what if" switch changes the setup, and the
 * modes with it: NodePort with `Local` can drop on a node with no ready local Pod, which `Cluster` cannot.
 */
for (const locale of LOCALES) {
	test(`/${locale}/exposure/nodeport/: each step's "if it fails here" follows the what-if switches and opens the explorer with that hop broken`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(`/${locale}/exposure/nodeport/`);
		const diagram = page.locator('kp-diagram').first();
		await expect(diagram).toHaveClass(/is-live/);
		const rules = diagram.locator('li#nodeport-a-to-kube-proxy-a details.kp-step-fails');
		await expect(rules.locator('li')).toHaveCount(2);
		await expect(rules.locator('li').first()).toBeHidden();
		await rules.locator('summary').click();
		await expect(rules.locator('li[data-mode="no-ready-pod"] .kp-step-fails-title')).toHaveText(messages[locale].failures.mode['no-ready-pod'].title);
		await expect(rules.locator('li[data-mode="no-ready-pod"] .kp-step-fails-symptom')).toHaveText(messages[locale].failures.symptom['connection-refused']);
		// `Local`: node-a runs no Pod, so the request is already dropped there; nothing further can fail.
		await diagram.locator('button[data-whatif="local"]').click();
		await expect(page.locator('kp-diagram figure')).toHaveAttribute('data-outcome', 'dropped');
		await expect(diagram.locator('details.kp-step-fails')).toHaveCount(0);
		// `Local` with the client on node-b, which runs the Pods: its rules can now fail for want of a local endpoint, the
		// explorer link carries the switched setup, and the guide's check (written for the page's setup) is not offered.
		await diagram.locator('button[data-whatif="other-node"]').click();
		const local = diagram.locator('li#nodeport-b-to-kube-proxy-b details.kp-step-fails li[data-mode="local-no-endpoint"]');
		await expect(local).toBeAttached();
		await expect(local.locator('a')).toHaveCount(1);
		expect(await local.locator('a').getAttribute('href')).toBe(`/${locale}/explore/?entry=nodeport&nodes=2&pods=0,2&via=2&etp=local&fail=local-no-endpoint`);
		// Back to the page's setup: the local-only drop is gone, the guide's checks are back.
		await diagram.locator('button[data-whatif="local"]').click();
		await diagram.locator('button[data-whatif="other-node"]').click();
		await expect(diagram.locator('li[data-mode="local-no-endpoint"]')).toHaveCount(0);
		await expect(diagram.locator('li#nodeport-a-to-kube-proxy-a li[data-mode="no-ready-pod"] a')).toHaveCount(2);
		// The firewall on the node port, opened in the explorer.
		const firewall = diagram.locator('li#client-to-nodeport-a details.kp-step-fails');
		await firewall.locator('summary').click();
		await firewall.locator('li[data-mode="node-port-blocked"] a').first().click();
		// The link as written, or as the explorer writes it back once drawn.
		await expect(page).toHaveURL(/\/explore\/\?(preset=nodeport|entry=nodeport&nodes=2&pods=0,2&via=1&etp=cluster)&fail=node-port-blocked$/);
		await expect(page.locator('kp-explorer figure.kp-diagram')).toHaveAttribute('data-outcome', 'dropped');
		await expect(page.locator('kp-explorer select[name="fail"]')).toHaveValue('node-port-blocked');
		expect(errors).toEqual([]);
	});
}
