/*
 * Many requests through one setup, written from how the components decide (addresses from
 * src/model/naming.ts: nodes 10.0.1.11…, internet clients 198.51.100.23…, office clients 10.0.9.15…,
 * the application's load balancer's private address 10.0.0.41, Traefik's Pod on node-a 10.244.1.40).
 *
 * The spreads are checked with Pearson's chi-square test against the probabilities Kubernetes gives,
 * at a significance of 0.001: a fixed seed makes each test deterministic, and a wrong model (a spread
 * over Pods where it should be over nodes) lands far outside the bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { manifestsFor } from '../../../src/model/manifests.ts';
import { paramProblems, type ExposureParams } from '../../../src/model/params.ts';
import { PRESETS, presetScenario } from '../../../src/model/presets.ts';
import { accepted } from './arbitraries.ts';
import { seededRandom, simulate, simulationProblems, type SimulationResult } from '../../../src/model/simulate.ts';

const run = (params: ExposureParams, requests = 10_000, clients = 10, seed = 7) => simulate(buildScenario(params), { requests, clients, seed });
const counts = (result: SimulationResult, service = 'web') => result.pods.filter((pod) => pod.service === service).map((pod) => pod.count);

/** Upper bounds of the chi-square distribution at p = 0.001, by degrees of freedom. */
const CHI2_999 = [Number.NaN, 10.83, 13.82, 16.27, 18.47, 20.52, 22.46, 24.32, 26.12, 27.88, 29.59];

function expectSpread(observed: readonly number[], probabilities: readonly number[], what: string) {
	const total = observed.reduce((a, b) => a + b, 0);
	expect(observed.length, what).toBe(probabilities.length);
	let chi2 = 0;
	let cells = 0;
	observed.forEach((o, i) => {
		const expected = total * probabilities[i]!;
		if (expected === 0) expect(o, `${what}: cell ${i} should get nothing`).toBe(0);
		else {
			chi2 += (o - expected) ** 2 / expected;
			cells++;
		}
	});
	expect(chi2, `${what}: chi-square ${chi2.toFixed(2)} for ${observed.join('/')} against ${probabilities.join('/')}`).toBeLessThan(CHI2_999[cells - 1]!);
}

describe('a load balancer in front of the nodes', () => {
	const setup: ExposureParams = { entry: 'loadbalancer', nodes: 3, pods: [2, 1, 0], lb: 'forward', targets: 'nodes' };

	it('Local: each node that passes the health check takes an equal share, whatever its number of Pods', () => {
		const result = run({ ...setup, etp: 'local' });
		// node-c runs no Pod: its healthCheckNodePort answers 503 and the load balancer sends it nothing.
		expect(result.nodes.map((n) => n.node)).toEqual(['node-a', 'node-b', 'node-c']);
		expect(result.nodes[2]!.entered).toBe(0);
		expectSpread(
			result.nodes.map((n) => n.entered),
			[0.5, 0.5, 0],
			'connections per node',
		);
		// node-a's two Pods split its half; node-b's one Pod takes a half on its own.
		expectSpread(counts(result), [0.25, 0.25, 0.5], 'requests per Pod');
		expect(result.failed).toBe(0);
		// No SNAT: every client's own address reaches the Pods, each client a tenth of the requests.
		expect(result.sources).toHaveLength(10);
		expect(result.sources.map((s) => s.address).sort()).toEqual(Array.from({ length: 10 }, (_, c) => `198.51.100.${23 + c}`).sort());
		for (const source of result.sources) expect(source).toMatchObject({ origin: 'client', count: 1000 });
	});

	it('Cluster: every node takes a share, kube-proxy spreads over all three Pods, and the Pods see node addresses', () => {
		const result = run({ ...setup, etp: 'cluster' });
		expectSpread(
			result.nodes.map((n) => n.entered),
			[1 / 3, 1 / 3, 1 / 3],
			'connections per node',
		);
		expectSpread(counts(result), [1 / 3, 1 / 3, 1 / 3], 'requests per Pod');
		expect(result.sources.map((s) => s.address).sort()).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13']);
		for (const source of result.sources) expect(source.origin).toBe('node');
		// What entered node-c (no Pod there) was served elsewhere: served counts only Pods' nodes.
		expect(result.nodes[2]!.served).toBe(0);
	});

	it('a proxying load balancer with Local: the Pods only ever see its own address', () => {
		const result = run({ ...setup, etp: 'local', lb: 'proxy' });
		expect(result.sources).toEqual([{ address: '10.0.0.41', origin: 'load-balancer', count: 10_000 }]);
	});

	it('no implementation of type LoadBalancer: no request starts', () => {
		const result = run({ ...setup, lb: 'none' }, 500);
		expect(result.delivered).toBe(0);
		expect(result.failed).toBe(500);
		expect(result.drops).toEqual([
			{ kind: 'pending', reason: 'no-load-balancer-implementation', symptom: 'no-address', at: 'cloud-load-balancer', node: undefined, hops: ['client-to-load-balancer'], count: 500 },
		]);
		expect(counts(result)).toEqual([0, 0, 0]);
	});

	it('Pod IP targets: an even spread over the Pods, no node in between', () => {
		const result = run({ ...setup, targets: 'pods' });
		expectSpread(counts(result), [1 / 3, 1 / 3, 1 / 3], 'requests per Pod');
		expect(result.nodes.map((n) => n.entered)).toEqual(result.nodes.map((n) => n.served));
	});

	it('the hops of the diagram show their share: everything reaches the load balancer, about half node-a', () => {
		const result = simulate(presetScenario('loadbalancer'), { requests: 10_000, clients: 5, seed: 3 });
		const hop = (id: string) => result.hops.find((h) => h.hop === id)?.count;
		expect(hop('client-to-load-balancer')).toBe(10_000);
		// The atlas setup: two nodes, one Pod each, Cluster. Half the connections enter node-a, and kube-proxy there sends half of those on to node-b's Pod.
		expectSpread([hop('load-balancer-to-nodeport-a')!, 10_000 - hop('load-balancer-to-nodeport-a')!], [0.5, 0.5], 'connections into node-a');
		expect(hop('nodeport-a-to-kube-proxy-a')).toBe(hop('load-balancer-to-nodeport-a'));
		expectSpread([hop('kube-proxy-a-to-web-1')!, hop('nodeport-a-to-kube-proxy-a')! - hop('kube-proxy-a-to-web-1')!], [0.5, 0.5], "node-a's connections sent to node-b's Pod");
	});
});

describe('a NodePort, the client connecting to one node', () => {
	it('Cluster: everything enters the node the client was given, and kube-proxy spreads over every Pod', () => {
		const result = run({ entry: 'nodeport', nodes: 3, pods: [0, 1, 3], via: 1, etp: 'cluster' });
		expect(result.nodes.map((n) => n.entered)).toEqual([10_000, 0, 0]);
		expectSpread(counts(result), [0.25, 0.25, 0.25, 0.25], 'requests per Pod');
		// SNAT to node-a's address, the node the client reached.
		expect(result.sources).toEqual([{ address: '10.0.1.11', origin: 'node', count: 10_000 }]);
	});

	it('Local on a node without a Pod: every request is dropped there, and the client times out', () => {
		const result = run({ entry: 'nodeport', nodes: 3, pods: [2, 1, 0], via: 3, etp: 'local' }, 300, 3);
		expect(result.delivered).toBe(0);
		expect(result.drops).toEqual([{ kind: 'dropped', reason: 'no-local-endpoint', symptom: 'timeout', at: 'kube-proxy', node: 'node-c', hops: ['nodeport-c-to-kube-proxy-c'], count: 300 }]);
	});

	it('Local on a node with Pods: only that node’s Pods, and office clients’ own addresses', () => {
		const result = run({ entry: 'nodeport', nodes: 2, pods: [2, 3], via: 1, etp: 'local' }, 10_000, 4);
		expectSpread(counts(result), [0.5, 0.5, 0, 0, 0], 'requests per Pod');
		expect(result.sources.map((s) => s.address).sort()).toEqual(['10.0.9.15', '10.0.9.16', '10.0.9.17', '10.0.9.18']);
	});

	it('sessionAffinity ClientIP: each client stays on the one Pod chosen for it', () => {
		const clients = 20;
		const result = run({ entry: 'nodeport', nodes: 3, pods: [2, 1, 1], via: 1, etp: 'local', affinity: 'clientip' }, 2000, clients);
		// Local: node-a's two Pods. Every client's 100 requests land on one of them, so each Pod's count is a multiple of 100.
		const [a, b] = counts(result);
		expect(a! + b!).toBe(2000);
		expect(a! % 100).toBe(0);
		const pairs = result.pods.flatMap((pod) => pod.sources.map((s) => `${s.address}→${pod.pod}`));
		expect(pairs).toHaveLength(clients);
		for (const pod of result.pods) for (const source of pod.sources) expect(source.count).toBe(100);
	});

	it('sessionAffinity ClientIP behind a proxying load balancer: each node sends everything to one Pod', () => {
		const result = run({ entry: 'loadbalancer', nodes: 2, pods: [2, 2], etp: 'cluster', lb: 'proxy', affinity: 'clientip' }, 4000, 50);
		// Every connection comes from the load balancer's one address: each node's rules remember one Pod for it.
		expect(result.pods.filter((pod) => pod.count > 0).length).toBeLessThanOrEqual(2);
		expect(result.sources.map((s) => s.address).sort()).toEqual(['10.0.1.11', '10.0.1.12']);
	});
});

describe('the kubectl ways in', () => {
	it('kubectl proxy: the API server picks a ready endpoint at random for each request', () => {
		const result = run({ entry: 'kubectl-proxy', nodes: 2, pods: [2, 1] });
		expectSpread(counts(result), [1 / 3, 1 / 3, 1 / 3], 'requests per Pod');
		// The API server dials the Pods: they see the control plane's address.
		expect(result.sources).toEqual([{ address: '10.0.1.10', origin: 'api-server', count: 10_000 }]);
	});

	it('kubectl port-forward: every connection goes to the one Pod it picked when it started', () => {
		const result = run({ entry: 'port-forward', nodes: 2, pods: [2, 1] }, 1000);
		expect(counts(result).sort()).toEqual([0, 0, 1000]);
		expect(result.sources).toEqual([{ address: '127.0.0.1', origin: 'loopback', count: 1000 }]);
	});

	it('no ready Pod: kubectl proxy answers 503 to every request', () => {
		const result = run({ entry: 'kubectl-proxy', nodes: 1, pods: [0] }, 50);
		expect(result.drops).toMatchObject([{ kind: 'refused', symptom: 'http-503', count: 50 }]);
	});
});

describe('behind an Ingress controller or a Gateway', () => {
	it('Traefik: weighted round robin with equal weights gives each backend Pod its turn', () => {
		const result = run({ entry: 'ingress', front: 'nodeport', nodes: 3, pods: [1, 0, 0], via: 1, etp: 'cluster', routes: 1, backends: [[1, 2, 1]] }, 1000);
		// One Traefik Pod, four backend Pods: 250 each, exactly.
		expect(counts(result)).toEqual([250, 250, 250, 250]);
		expect(counts(result, 'traefik')).toEqual([1000]);
		// The backends' peer is Traefik's Pod, on node-a.
		expect(result.sources).toEqual([{ address: '10.244.1.40', origin: 'proxy', count: 1000 }]);
	});

	it('Envoy Gateway: Least Request with no request in flight picks at random', () => {
		const result = run({ entry: 'gateway', nodes: 3, pods: [1, 1, 0], routes: 1, backends: [[0, 2, 1]] });
		expectSpread(counts(result), [1 / 3, 1 / 3, 1 / 3], 'requests per backend Pod');
		// Envoy Gateway's Service defaults to Local: the load balancer spreads over the two nodes with an Envoy Pod.
		expectSpread(counts(result, 'envoy-gateway-web-gateway-b52444e4'), [0.5, 0.5], 'requests per Envoy Pod');
		// Each backend Pod sees both Envoy Pods' addresses.
		for (const pod of result.pods.filter((p) => p.service === 'web')) expect(pod.sources.map((s) => s.address).sort()).toEqual(['10.244.1.40', '10.244.2.40']);
	});

	it('a backend with no ready Pod: Traefik answers 404, Envoy Gateway 503, to every request', () => {
		expect(run({ entry: 'ingress', nodes: 2, pods: [1, 0], routes: 1, backends: [[0, 0]] }, 100).drops).toMatchObject([
			{ kind: 'refused', symptom: 'http-404', at: 'ingress-controller', node: 'node-a', count: 100 },
		]);
		expect(run({ entry: 'gateway', nodes: 2, pods: [1, 0], routes: 1, backends: [[0, 0]] }, 100).drops).toMatchObject([{ kind: 'refused', symptom: 'http-503', at: 'gateway-proxy', count: 100 }]);
	});
});

describe('the addresses the application logged', () => {
	it('with no SNAT, each client’s own: the busiest first, then in numeric order (198.51.100.99 before 198.51.100.100)', () => {
		// One Pod behind a forwarding load balancer with Local: it sees every client's address. 150 requests
		// from 100 clients in turn: clients 0 to 49 send two, clients 50 to 99 one.
		const result = run({ entry: 'loadbalancer', nodes: 1, pods: [1], etp: 'local', lb: 'forward' }, 150, 100);
		const octets = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `198.51.100.${from + i}`);
		expect(result.sources.map((s) => s.address)).toEqual([...octets(23, 72), ...octets(73, 122)]);
		expect(result.sources.map((s) => s.count)).toEqual([...Array<number>(50).fill(2), ...Array<number>(50).fill(1)]);
		expect(result.pods[0]!.sources).toEqual(result.sources);
	});

	it('behind two Traefik Pods on one node, each backend request comes from the Pod that proxied it', () => {
		const result = run({ entry: 'ingress', front: 'nodeport', nodes: 3, pods: [2, 0, 0], via: 1, etp: 'cluster', routes: 1, backends: [[1, 0, 0]] }, 1000);
		const traefik = result.pods.filter((pod) => pod.service === 'traefik');
		expect(traefik.map((pod) => pod.address)).toEqual(['10.244.1.40', '10.244.1.41']);
		const backend = result.pods.find((pod) => pod.service === 'web')!;
		expect(backend.sources.map((s) => [s.address, s.origin, s.count])).toEqual(
			traefik.map((pod) => [pod.address, 'proxy', pod.count] as const).sort((a, b) => b[2] - a[2] || a[0]!.localeCompare(b[0]!)),
		);
	});
});

describe('reproducible and bounded', () => {
	const setup: ExposureParams = { entry: 'loadbalancer', nodes: 3, pods: [1, 2, 1], etp: 'cluster' };

	it('the same seed gives the same counts; another seed other counts', () => {
		expect(run(setup, 1000, 5, 42)).toEqual(run(setup, 1000, 5, 42));
		expect(counts(run(setup, 1000, 5, 42))).not.toEqual(counts(run(setup, 1000, 5, 43)));
	});

	it('counts add up: every request is delivered to one Pod or counted where it stopped', () => {
		for (const params of [setup, { ...setup, etp: 'local' as const, pods: [0, 2, 1] }, { entry: 'nodeport' as const, nodes: 2, pods: [0, 1], via: 1, etp: 'local' as const }]) {
			const result = run(params, 777, 7);
			expect(counts(result).reduce((a, b) => a + b, 0)).toBe(result.delivered);
			expect(result.drops.reduce((a, d) => a + d.count, 0)).toBe(result.failed);
			expect(result.delivered + result.failed).toBe(777);
		}
	});

	it('a scenario not built from parameters is refused, by its id, with what to do instead', () => {
		const { params: _, ...handMade } = buildScenario(setup);
		expect(() => simulate({ ...handMade, id: 'hand-made' }, { requests: 1, clients: 1, seed: 1 })).toThrow(
			/Scenario "hand-made" was not built by buildScenario.*Build it from a preset or a parameter set/,
		);
	});

	it('an atlas page with its own names simulates under those names', () => {
		const id = 'loadbalancer-per-api';
		const result = simulate(presetScenario(id), { requests: 100, clients: 1, seed: 1 }, { ...PRESETS[id].options, id });
		expect(result.pods.map((pod) => pod.service)).toContain('traefik-orders');
	});

	it('out of range, named: requests, clients and seed', () => {
		expect(simulationProblems({ requests: 0, clients: 101, seed: -1 }).map((p) => p.param)).toEqual(['requests', 'clients', 'seed']);
		expect(() => run(setup, 10_001)).toThrow(/`requests=10001`: send 1 to 10000 requests/);
		expect(() => run(setup, 10, 101)).toThrow(/`clients=101`: send them from 1 to 100 client addresses/);
		expect(() => simulate(buildScenario(setup), { requests: 1, clients: 1, seed: 2 ** 32 })).toThrow(/`seed=4294967296`: the seed of the random choices is a 32-bit whole number/);
		expect(() => run(setup, 0)).toThrow(/^These simulation parameters are out of range:\n- `requests=0`/);
		expect(simulationProblems({ requests: 10_000, clients: 100, seed: 2 ** 32 - 1 })).toEqual([]);
	});

	it('over the whole parameter space: every path builds, and every request is counted once', () => {
		fc.assert(
			fc.property(accepted, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (p, seed) => {
				let scenario;
				try {
					scenario = buildScenario(p);
				} catch {
					return; // A pick the policy rules out (the builder's own error, tested there).
				}
				const result = simulate(scenario, { requests: 120, clients: 7, seed });
				expect(result.delivered + result.failed).toBe(120);
				expect(result.drops.reduce((a, d) => a + d.count, 0)).toBe(result.failed);
				const last = scenario.routing ? scenario.routing.rules[0]!.service : scenario.services[0]!.name;
				expect(result.pods.filter((pod) => pod.service === last).reduce((a, pod) => a + pod.count, 0)).toBe(result.delivered);
				expect(result.nodes.reduce((a, n) => a + n.served, 0)).toBe(result.delivered);
				expect(result.sources.reduce((a, s) => a + s.count, 0)).toBe(result.delivered);
				// The first hop of the setup's own path is every request's first hop.
				expect(result.hops[0]!.count).toBe(120);
			}),
			{ numRuns: 150 },
		);
	});

	it('the generator is uniform and seeded', () => {
		const random = seededRandom(123);
		const bins = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
		for (let i = 0; i < 20_000; i++) bins[Math.floor(random() * 10)]!++;
		expectSpread(bins, Array(10).fill(0.1), 'deciles');
		expect(seededRandom(5)()).toBe(seededRandom(5)());
	});
});

describe('sessionAffinity, the parameter', () => {
	it('writes sessionAffinity: ClientIP into the Service', () => {
		const service = manifestsFor(buildScenario({ entry: 'nodeport', affinity: 'clientip' })).find((m) => m.object['kind'] === 'Service');
		expect((service?.object['spec'] as Record<string, unknown>)['sessionAffinity']).toBe('ClientIP');
		const plain = manifestsFor(buildScenario({ entry: 'nodeport' })).find((m) => m.object['kind'] === 'Service');
		expect(plain?.object['spec']).not.toHaveProperty('sessionAffinity');
	});

	it('is refused where no kube-proxy rule chooses the Pod, saying who does', () => {
		const message = (p: ExposureParams) => paramProblems(p).find((problem) => problem.param === 'affinity')?.message;
		expect(message({ entry: 'kubectl-proxy', affinity: 'clientip' })).toMatch(/service proxy picks an endpoint for each request/);
		expect(message({ entry: 'ingress', affinity: 'clientip' })).toMatch(/without kube-proxy/);
		expect(message({ entry: 'loadbalancer', targets: 'pods', affinity: 'clientip' })).toMatch(/no kube-proxy rule sees the connection/);
		expect(message({ entry: 'loadbalancer', affinity: 'sticky' as never })).toMatch(/choose `none`, `clientip`/);
		expect(message({ entry: 'loadbalancer', affinity: 'clientip' })).toBeUndefined();
	});
});
