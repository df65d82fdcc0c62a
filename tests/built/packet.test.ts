import { expect, it } from 'vitest';
import { DIAGRAM_PAGES } from '../e2e/helpers.ts';
import { useServedBuild } from './dist.ts';

/*
 * The packet of each step: the public attributes (`data-src`, `data-dst` on each step, `data-outcome`
 * on the figure), read from the built HTML of every diagram page in both languages (no browser needed
 * for that; tests/e2e/packet.spec.ts checks the packet's table on a 360 px phone and in axe).
 */

const site = useServedBuild();

interface StepAttributes {
	readonly id: string;
	readonly src: string | undefined;
	readonly dst: string | undefined;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The figure's `data-outcome` and each step's attributes, in order, from a page's HTML. */
async function diagramOf(path: string): Promise<{ outcome: string | undefined; steps: StepAttributes[] }> {
	const response = await site.get(path);
	expect(response.status, path).toBe(200);
	const html = await response.text();
	const figure = /<figure\b[^>]*\bdata-scenario="[^"]+"[^>]*>/.exec(html)?.[0] ?? '';
	const list = /<ol class="kp-steps"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
	const steps = [...list.matchAll(/<li\b[^>]*\bid="[^"]+"[^>]*>/g)].map(([tag]) => ({ id: attribute(tag, 'id')!, src: attribute(tag, 'data-src'), dst: attribute(tag, 'data-dst') }));
	return { outcome: attribute(figure, 'data-outcome'), steps };
}

/** `address:port`, the address possibly `unknown` where the model has none (README). */
const ENDPOINT = /^(\d{1,3}(\.\d{1,3}){3}|unknown):(\d{1,5}|unknown)$/;

it('every step of every diagram carries data-src and data-dst, the same in both languages, and the figure its data-outcome', async () => {
	const scenarios = [...new Set(DIAGRAM_PAGES.map((page) => page.scenario))];
	for (const scenario of scenarios) {
		const twins = DIAGRAM_PAGES.filter((page) => page.scenario === scenario);
		const diagrams = await Promise.all(twins.map((page) => diagramOf(page.path)));
		for (const [i, diagram] of diagrams.entries()) {
			const path = twins[i]!.path;
			expect(diagram.steps.length, `${path}: no step found`).toBeGreaterThan(0);
			expect(diagram.outcome, `${path}: data-outcome`).toBe('delivered');
			for (const step of diagram.steps) {
				expect(step.src, `${path}#${step.id} data-src`).toMatch(ENDPOINT);
				expect(step.dst, `${path}#${step.id} data-dst`).toMatch(ENDPOINT);
			}
			expect(diagram.steps, `${path} and ${twins[0]!.path} disagree about the packets`).toEqual(diagrams[0]!.steps);
		}
	}
});

/** Hand-written from how Kubernetes behaves; `:p0`, `:p1` stand for one connection's source port. */
const EXPECTED: Record<string, [src: string, dst: string][]> = {
	// Cluster, entering node-a which runs no Pod: DNAT to node-b's Pod, source SNATed to node-a, port kept.
	'/en/exposure/nodeport/': [
		['10.0.9.15:p0', '10.0.1.11:30080'],
		['10.0.9.15:p0', '10.0.1.11:30080'],
		['10.0.1.11:p0', '10.244.2.10:8080'],
	],
	// curl on the loopback; kubectl proxy's own connection from your machine (no address in the model); the API server's own connection.
	'/fr/exposure/kubectl-proxy/': [
		['127.0.0.1:p0', '127.0.0.1:8001'],
		['unknown:p1', '10.0.1.10:6443'],
		['10.0.1.10:p2', '10.244.1.10:8080'],
	],
	// The controller opens a new connection from its Pod IP.
	'/en/exposure/ingress-nodeport/': [
		['10.0.9.15:p0', '10.0.1.11:30080'],
		['10.0.9.15:p0', '10.0.1.11:30080'],
		['10.0.1.11:p0', '10.244.1.40:8000'],
		['10.244.1.40:p1', '10.244.2.20:8080'],
	],
};

for (const [path, rows] of Object.entries(EXPECTED)) {
	it(`${path}: the packets of its steps, one source port per connection`, async () => {
		const { steps } = await diagramOf(path);
		expect(steps).toHaveLength(rows.length);
		const ports = new Map<string, string>();
		for (const [i, [src, dst]] of rows.entries()) {
			const step = steps[i]!;
			const [host, name] = src.split(':') as [string, string];
			const [actualHost, port] = step.src!.split(':') as [string, string];
			expect(actualHost, `${step.id} source address`).toBe(host);
			expect(Number(port), `${step.id}: a Linux ephemeral port`).toBeGreaterThanOrEqual(32768);
			expect(Number(port)).toBeLessThanOrEqual(60999);
			expect(port, `${step.id}: connection ${name} keeps its port`).toBe(ports.get(name) ?? port);
			ports.set(name, port);
			expect(step.dst, `${step.id} destination`).toBe(dst);
		}
		expect(new Set(ports.values()).size, 'two connections share a source port').toBe(ports.size);
	});
}
