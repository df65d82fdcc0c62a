import { expect, test, type Page } from '@playwright/test';
import { messages } from '../../src/i18n/index.ts';
import { collectErrors, useTheme } from './helpers.ts';
import { axe } from './page-checks.ts';

/*
 * The explorer's request simulation: a link with `requests` runs it on load, the form runs it, a
 * change of setup re-runs it, and the counts are what Kubernetes would give (written by hand: with
 * `Local` behind a load balancer each node with a Pod takes half, whatever its number of Pods; with
 * `Cluster` each of three Pods a third; nodes are 10.0.1.11…, internet clients 198.51.100.23…). The
 * bounds are four standard deviations of the binomial counts, so a right model never fails them and
 * a spread over Pods instead of nodes (a third each) always does.
 */

const LOCAL = '?entry=loadbalancer&nodes=3&pods=2,1,0&etp=local&lb=forward&targets=nodes';

async function podCounts(page: Page): Promise<Record<string, number>> {
	const rows = page.locator('kp-explorer .kp-sim-result tr[data-pod]');
	await expect(rows.first()).toBeVisible();
	const pairs = await rows.evaluateAll((all) => all.map((row) => [row.getAttribute('data-pod') ?? '', Number(row.getAttribute('data-count'))] as const));
	return Object.fromEntries(pairs);
}

/** The Pods' counts, in the order of the nodes they run on (each row names its node). */
async function countsByNode(page: Page): Promise<number[][]> {
	const rows = await page
		.locator('kp-explorer .kp-sim-result table')
		.first()
		.locator('tr[data-pod]')
		.evaluateAll((all) => all.map((row) => [row.querySelector('td code')?.textContent ?? '', Number(row.getAttribute('data-count'))] as const));
	const byNode = new Map<string, number[]>();
	for (const [node, count] of rows) byNode.set(node, [...(byNode.get(node) ?? []), count]);
	return [...byNode.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, counts]) => counts);
}

test('a link with requests runs the simulation on load: Local gives each node with a Pod half, and the same link the same numbers', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto(`/en/explore/${LOCAL}&requests=2000&clients=10&seed=1`);
	const counts = await podCounts(page);
	expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2000);
	const [nodeA, nodeB] = await countsByNode(page);
	// node-a: two Pods sharing a half (about 500 each); node-b: one Pod with a half (about 1000).
	expect(nodeA).toHaveLength(2);
	for (const count of nodeA!) expect(count).toBeGreaterThan(500 - 4 * 19.4);
	for (const count of nodeA!) expect(count).toBeLessThan(500 + 4 * 19.4);
	expect(nodeB![0]).toBeGreaterThan(1000 - 4 * 22.4);
	expect(nodeB![0]).toBeLessThan(1000 + 4 * 22.4);
	await expect(page.locator('kp-explorer [data-dropped]')).toHaveAttribute('data-dropped', '0');
	// node-c fails the health check: no connection enters it.
	await expect(page.locator('kp-explorer .kp-sim-result tr[data-node="node-c"] td').first()).toHaveText('0');
	// No SNAT with Local: the application logged the ten clients' own addresses.
	await expect(page.locator('kp-explorer .kp-sim-sources')).toContainText('198.51.100.23');
	await expect(page.locator('kp-explorer .kp-sim-sources')).toContainText('198.51.100.32');
	// Every request takes the diagram's first hop.
	await expect(page.locator('kp-explorer [data-hop="client-to-load-balancer"]')).toHaveAttribute('data-share', '1.0000');
	// The engine writes the URL after the frame that shows the result: wait for it, do not read it at once.
	await expect.poll(() => new URL(page.url()).search).toBe(`${LOCAL}&requests=2000&clients=10&seed=1`);

	await page.reload();
	expect(await podCounts(page)).toEqual(counts);
	expect(errors).toEqual([]);
});

test('the form runs it, and a change of setup runs it again: Cluster spreads over the three Pods and the Pods log node addresses', async ({ page }) => {
	const errors = collectErrors(page);
	const words = messages.en.explorer.simulation;
	await page.goto(`/en/explore/${LOCAL}`);
	await expect(page.locator('kp-explorer')).toHaveClass(/is-live/);
	await expect(page.locator('kp-explorer .kp-sim-result')).toBeHidden();
	await page.getByLabel(words.requests, { exact: true }).fill('3000');
	await page.getByLabel(words.seed, { exact: true }).fill('9');
	await page.getByRole('button', { name: words.send }).click();
	await expect(page.locator('kp-explorer .kp-sim-summary')).toContainText('3,000 requests from 10 clients');
	await expect.poll(() => new URL(page.url()).search).toBe(`${LOCAL}&requests=3000&clients=10&seed=9`);

	await page.locator('kp-explorer input[name="etp"][value="cluster"]').check();
	await expect(page).toHaveURL(/etp=cluster.*&requests=3000&clients=10&seed=9$/);
	await expect(page.locator('kp-explorer .kp-sim-sources')).toContainText('10.0.1.13');
	const counts = Object.values(await podCounts(page));
	expect(counts).toHaveLength(3);
	// A third each: 1000 ± 4 × 25.8.
	for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(4 * 25.8);
	await expect(page.locator('kp-explorer .kp-sim-sources')).not.toContainText('198.51.100');
	expect(errors).toEqual([]);
});

test('where requests stop: Local on the node without a Pod drops every one, and the page says where', async ({ page }) => {
	await page.goto('/en/explore/?entry=nodeport&nodes=3&pods=2,1,0&via=3&etp=local&requests=300&clients=3&seed=1');
	await expect(page.locator('kp-explorer [data-dropped]')).toHaveAttribute('data-dropped', '300');
	await expect(page.locator('kp-explorer .kp-sim-drops li')).toHaveAttribute('data-reason', 'no-local-endpoint');
	await expect(page.locator('kp-explorer .kp-sim-drops li')).toContainText('node-c');
	await expect(page.locator('kp-explorer .kp-sim-drops li')).toContainText('times out');
	expect(Object.values(await podCounts(page))).toEqual([0, 0, 0]);
});

test('a bad simulation value is named with its range, and the default runs', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto(`/en/explore/${LOCAL}&requests=99999&clients=abc`);
	const ignored = page.locator('kp-explorer .kp-explorer-ignored');
	await expect(ignored).toContainText('requests=99999');
	await expect(ignored).toContainText('from 1 to 10000');
	await expect(ignored).toContainText('clients=abc');
	await expect(page.locator('kp-explorer .kp-sim-summary')).toContainText('1,000 requests from 10 clients');
	// The engine writes the cleaned URL after its first frame.
	await expect.poll(() => new URL(page.url()).searchParams.get('clients')).toBe('10');
	// The form refuses what is out of range, with the browser's own message; nothing runs.
	await page.getByLabel(messages.en.explorer.simulation.clients, { exact: true }).fill('500');
	await page.getByRole('button', { name: messages.en.explorer.simulation.send }).click();
	expect(await page.locator('form.kp-sim-form input[name="clients"]').evaluate((input) => (input as HTMLInputElement).validity.rangeOverflow)).toBe(true);
	// Past the frame and the task after it, where a run would have written its URL: still 10.
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
	expect(new URL(page.url()).searchParams.get('clients')).toBe('10');
	expect(errors).toEqual([]);
});

test('in French, with the keyboard only: the form, the numbers and the words', async ({ page }) => {
	const words = messages.fr.explorer.simulation;
	await page.goto(`/fr/explore/${LOCAL}`);
	await expect(page.locator('kp-explorer')).toHaveClass(/is-live/);
	await page.getByLabel(words.requests, { exact: true }).focus();
	await page.keyboard.press('Control+A');
	await page.keyboard.type('1500');
	await page.keyboard.press('Enter');
	// French numbers: a narrow no-break space between thousands.
	await expect(page.locator('kp-explorer .kp-sim-summary')).toContainText(`1\u202f500\u00a0requêtes depuis 10\u00a0clients`);
	await expect(page.locator('kp-explorer .kp-sim-result h3').first()).toHaveText(words.podsHeading);
	await expect(page.locator('kp-explorer .kp-explorer-live')).toContainText('requêtes');
});

for (const theme of ['light', 'dark'] as const) {
	test(`the results are axe clean in the ${theme} theme`, async ({ page }) => {
		await useTheme(page, theme);
		await page.goto(`/en/explore/?entry=ingress&front=loadbalancer&nodes=2&pods=1,1&routes=1&backends=1,2&requests=500&clients=5&seed=2`);
		await expect(page.locator('kp-explorer .kp-sim-result tr[data-pod]').first()).toBeVisible();
		const results = await axe(page).include('kp-explorer .kp-sim').analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});
}

test('break a hop: a firewall on the node port stops every request at the node, and the form, the URL and the simulation say so', async ({ page }) => {
	const errors = collectErrors(page);
	await page.goto('/en/explore/?entry=loadbalancer&nodes=2&pods=1,1&etp=cluster&lb=forward&targets=nodes&fail=node-port-blocked&requests=200&clients=4&seed=3');
	const figure = page.locator('kp-explorer figure.kp-diagram');
	await expect(figure).toHaveAttribute('data-outcome', 'dropped');
	// The path ends at the node port: the load balancer's packets are dropped there.
	await expect(page.locator('kp-explorer ol.kp-steps > li')).toHaveCount(2);
	await expect(page.locator('kp-explorer select[name="fail"]')).toHaveValue('node-port-blocked');
	await expect(page.locator('kp-explorer [data-dropped]')).toHaveAttribute('data-dropped', '200');
	// The load balancer spread the connections over both nodes: dropped at node-a's node port and at node-b's.
	const drops = page.locator('kp-explorer .kp-sim-drops li');
	await expect(drops).toHaveCount(2);
	expect(await drops.evaluateAll((all) => all.map((li) => li.getAttribute('data-reason')))).toEqual(['node-port-blocked', 'node-port-blocked']);
	await expect(drops.filter({ hasText: 'node-a' })).toHaveCount(1);
	await expect(drops.filter({ hasText: 'node-b' })).toHaveCount(1);

	// Another mode, chosen in the form: the wrong targetPort, refused by the Pod itself.
	await page.locator('kp-explorer select[name="fail"]').selectOption('wrong-target-port');
	await expect(figure).toHaveAttribute('data-outcome', 'refused');
	await expect(page).toHaveURL(/fail=wrong-target-port/);
	await expect(page.locator('kp-explorer .kp-explorer-outcome')).toContainText('Refused');
	// Modes this setup cannot have are offered disabled: kubectl proxy's RBAC, the Ingress's class.
	await expect(page.locator('kp-explorer select[name="fail"] option[value="proxy-rbac-forbidden"]')).toBeDisabled();
	await expect(page.locator('kp-explorer select[name="fail"] option[value="no-ingress-class"]')).toBeDisabled();

	// Nothing broken again: delivered.
	await page.locator('kp-explorer select[name="fail"]').selectOption('');
	await expect(figure).toHaveAttribute('data-outcome', 'delivered');
	await expect(page).not.toHaveURL(/fail=/);
	expect(errors).toEqual([]);
});

test('break a hop in French: the Ingress without a controller for its class answers 404', async ({ page }) => {
	await page.goto('/fr/explore/?entry=ingress&fail=no-ingress-class');
	await expect(page.locator('kp-explorer figure.kp-diagram')).toHaveAttribute('data-outcome', 'refused');
	await expect(page.locator('kp-explorer select[name="fail"] option:checked')).toHaveText(messages.fr.failures.mode['no-ingress-class'].title.replaceAll('`', ''));
	await expect(page.locator('kp-explorer .kp-explorer-session')).toContainText('404');
});

/*
 * Behind an atlas diagram's "what if" switches: "Send 1,000 requests" simulates the setup shown, and
 * a switch sends them again to the switched setup. The NodePort page: `Cluster`, the client on node-a,
 * which runs no Pod, node-b running both: kube-proxy on node-a sends each to one of the two (binomial,
 * 1,000 draws at 1/2: four standard deviations is ±64), none lost. With `Local`, node-a has no local
 * endpoint: all 1,000 are dropped there.
 */
for (const locale of ['en', 'fr'] as const) {
	test(`/${locale}/exposure/nodeport/: "Send 1,000 requests" spreads them over the Pods, and a switch to Local drops them all at node-a`, async ({ page }) => {
		const errors = collectErrors(page);
		await page.goto(`/${locale}/exposure/nodeport/`);
		const diagram = page.locator('kp-diagram').first();
		await expect(diagram).toHaveClass(/is-live/);
		const result = page.locator('.kp-whatif-result');
		await expect(result).toBeHidden();
		const send = diagram.locator('button[data-whatif-send]');
		await expect(send).toHaveText(messages[locale].explorer.simulation.sendAtlas(new Intl.NumberFormat(locale).format(1000)));
		await send.click();
		const rows = result.locator('tr[data-pod]');
		await expect(rows).toHaveCount(2);
		const counts = await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('data-count'))));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
		for (const count of counts) {
			expect(count).toBeGreaterThanOrEqual(436);
			expect(count).toBeLessThanOrEqual(564);
		}
		await expect(result.locator('[data-dropped]')).toHaveAttribute('data-dropped', '0');
		const found = await axe(page).include('.kp-whatif-result').include('kp-diagram .kp-whatif').analyze();
		expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		// Every request entered through node-a's node port: its hop carries the whole share.
		await expect(diagram.locator('[data-hop="client-to-nodeport-a"]')).toHaveAttribute('data-share', '1.0000');
		await diagram.locator('button[data-whatif="local"]').click();
		await expect(result.locator('[data-dropped]')).toHaveAttribute('data-dropped', '1000');
		// Both Pods are listed, and none got one.
		expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-count')))).toEqual(['0', '0']);
		await expect(result.locator('li[data-reason="no-local-endpoint"]')).toHaveAttribute('data-count', '1000');
		expect(errors).toEqual([]);
	});
}
