import { describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS, comparisonFacts, portsAlong } from '../../../src/model/compare.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';

/*
 * The comparison table's facts per way in, written by hand: the address:port the client dials, the
 * ports the request is addressed to on its way (a Service port, a node port, a targetPort; each once
 * when a hop keeps it), and whose address the application sees.
 */
/* Called inside each test, not at collection: Stryker then knows which tests reach which code. */
const facts = () => comparisonFacts();

describe('the comparison facts', () => {
	it('one row per way in, in reading order; the mesh is not a way in', () => {
		expect(facts().map((row) => row.id)).toEqual(['kubectl-proxy', 'port-forward', 'nodeport', 'loadbalancer', 'ingress-nodeport', 'ingress-loadbalancer', 'loadbalancer-per-api', 'gateway-api']);
		expect(facts().every((row) => row.scenario === scenarios[row.id])).toBe(true);
	});

	it('where the client connects, the ports on the way, how many hops', () => {
		expect(facts().map((row) => [row.id, row.entry, row.ports, row.hops])).toEqual([
			['kubectl-proxy', '127.0.0.1:8001', '8001 → 6443 → 8080', 3],
			// kubectl's local port, the API server, the kubelet, then the container's port on the Pod's loopback.
			['port-forward', '127.0.0.1:8080', '8080 → 6443 → 10250 → 8080', 4],
			['nodeport', '10.0.1.11:30080', '30080 → 8080', 3],
			['loadbalancer', '203.0.113.10:80', '80 → 30080 → 8080', 4],
			['ingress-nodeport', '10.0.1.11:30080', '30080 → 8000 → 8080', 4],
			['ingress-loadbalancer', '203.0.113.20:443', '443 → 30443 → 8443 → 8080', 5],
			['loadbalancer-per-api', '203.0.113.30:443', '443 → 8443 → 8080', 3],
			['gateway-api', '203.0.113.40:443', '443 → 30443 → 10443 → 8080', 5],
		]);
	});

	it('whose address the Pod sees, what X-Forwarded-For carries, and what would have kept the client’s', () => {
		expect(Object.fromEntries(facts().map((row) => [row.id, row.sourceIp]))).toEqual({
			'kubectl-proxy': { peer: 'api-server', forwardedFor: undefined, keptWithLocal: false, keptWithPreservation: false },
			'port-forward': { peer: 'loopback', forwardedFor: undefined, keptWithLocal: false, keptWithPreservation: false },
			nodeport: { peer: 'node', forwardedFor: undefined, keptWithLocal: true, keptWithPreservation: false },
			loadbalancer: { peer: 'node', forwardedFor: undefined, keptWithLocal: true, keptWithPreservation: false },
			'ingress-nodeport': { peer: 'proxy', forwardedFor: 'node', keptWithLocal: true, keptWithPreservation: false },
			'ingress-loadbalancer': { peer: 'proxy', forwardedFor: 'client', keptWithLocal: false, keptWithPreservation: false },
			'loadbalancer-per-api': { peer: 'proxy', forwardedFor: 'load-balancer', keptWithLocal: false, keptWithPreservation: true },
			'gateway-api': { peer: 'proxy', forwardedFor: 'client', keptWithLocal: false, keptWithPreservation: false },
		});
	});

	it('the page’s own facts: who can reach it, what it costs, whether it is for production', () => {
		expect(facts().map((row) => [row.reach, row.cost, row.production])).toEqual([
			['this-machine', 'none', 'never'],
			['this-machine', 'none', 'never'],
			['node-network', 'node-ports', 'limited'],
			['internet', 'load-balancer-per-service', 'yes'],
			['node-network', 'node-ports', 'limited'],
			['internet', 'one-load-balancer', 'yes'],
			['internet', 'load-balancer-per-group', 'yes'],
			['internet', 'one-load-balancer', 'yes'],
		]);
		expect(facts().map((row) => [row.layer, row.tls.at])).toEqual([
			['L7', 'api-server'],
			// A byte stream through the API server and the kubelet: L4, and TLS, if any, is the Pod's.
			['L4', 'pod'],
			['L4', 'pod'],
			['L4', 'pod'],
			['L7', 'ingress-controller'],
			['L7', 'ingress-controller'],
			['L7', 'ingress-controller'],
			['L7', 'gateway'],
		]);
	});

	it('columns in the order a reader decides by', () => {
		expect(COMPARISON_COLUMNS).toEqual(['reach', 'production', 'layer', 'sourceIp', 'tlsEnds', 'cost', 'entry', 'ports', 'hops']);
	});

	it('ports along a path: only the hops that have an address', () => {
		expect(portsAlong({ ...scenarios.nodeport, path: [] } as Scenario)).toBe('');
		// A first hop into kube-proxy's rules has no address of its own: the ports start at the Pod.
		const intoRules: Scenario = {
			...scenarios.nodeport,
			path: [
				{ from: 'client', to: 'kube-proxy-a', protocol: 'TCP', transform: 'netfilter-match' },
				{ from: 'kube-proxy-a', to: 'web-1', protocol: 'TCP', transform: 'endpoint-dnat' },
			],
		};
		expect(portsAlong(intoRules)).toBe('8080');
	});
});
