/*
 * How a request ends, as a sentence about it needs it (`outcomeOf`): where it stops, on which node, the
 * Service it was going to, and, where a proxy found no endpoint, the route that named that Service.
 * Written from how each component behaves when nothing answers: kube-proxy drops the packets under
 * `Local` on a node without a Pod, the API server and the proxies answer themselves, `kubectl
 * port-forward` exits before it listens, a LoadBalancer nobody implements never gets an address.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { outcomeOf } from '../../../src/model/outcome.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';

describe('outcomeOf', () => {
	it('a delivered request: at the last hop, on the Pod’s node, its Service, no reason, no route', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 1], via: 1 });
		const view = outcomeOf(s);
		expect(view).toMatchObject({ kind: 'delivered', atHop: 2, reason: undefined, symptom: undefined, machine: 'node-b', stoppedAt: 'pod', routing: undefined, rule: undefined });
		expect(view.service?.name).toBe('web');
	});

	it('a delivered request through an Ingress (the atlas page asks for `/api`): the backend’s Service, and no rule to blame', () => {
		const view = outcomeOf(scenarios['ingress-nodeport']);
		expect(view).toMatchObject({ kind: 'delivered', stoppedAt: 'pod', machine: 'node-b', routing: undefined, rule: undefined });
		expect(view.atHop).toBe(scenarios['ingress-nodeport'].path.length - 1);
		expect(view.service?.name).toBe('api');
	});

	it('`Local` on a node without a Pod: dropped at kube-proxy’s rules on that node, going to the Service', () => {
		const view = outcomeOf(buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'local' }));
		expect(view).toMatchObject({ kind: 'dropped', atHop: 1, reason: 'no-local-endpoint', symptom: 'timeout', machine: 'node-a', stoppedAt: 'kube-proxy', routing: undefined, rule: undefined });
		expect(view.service?.name).toBe('web');
	});

	it('a route whose Service has no ready Pod: stopped at the controller, which names the route’s first rule and its Service', () => {
		const s = buildScenario({
			entry: 'ingress',
			nodes: 2,
			pods: [1, 0],
			routes: 2,
			backends: [
				[0, 0],
				[1, 1],
			],
		});
		const view = outcomeOf(s);
		expect(view).toMatchObject({ kind: 'refused', reason: 'no-endpoints', symptom: 'http-404', stoppedAt: 'ingress-controller', machine: 'node-a' });
		expect(view.atHop).toBe(s.path.length - 1);
		// Two routes: `/api` comes first, and it is `api` that has no endpoint.
		expect(view.rule).toEqual({ path: '/api', service: 'api' });
		expect(view.service).toMatchObject({ name: 'api', type: 'ClusterIP' });
		expect(view.routing).toMatchObject({ kind: 'Ingress', name: 'shop' });
	});

	it('the same through a Gateway: stopped at its Envoy proxy, an HTTPRoute’s rule', () => {
		const view = outcomeOf(buildScenario({ entry: 'gateway', nodes: 2, pods: [0, 1], routes: 1, backends: [[0, 0]] }));
		expect(view).toMatchObject({ kind: 'refused', symptom: 'http-503', stoppedAt: 'gateway-proxy', machine: 'node-b', rule: { path: '/', service: 'web' } });
		expect(view.routing?.kind).toBe('HTTPRoute');
		expect(view.service?.name).toBe('web');
	});

	it('kubectl proxy to a Service without endpoints: stopped at the API server, on the control plane, going to the application', () => {
		const view = outcomeOf(buildScenario({ entry: 'kubectl-proxy', nodes: 1, pods: [0] }));
		expect(view).toMatchObject({ kind: 'refused', atHop: 1, symptom: 'http-503', stoppedAt: 'api-server', machine: 'control-plane', routing: undefined, rule: undefined });
		expect(view.service?.name).toBe('web');
	});

	it('kubectl port-forward with no running Pod: stopped at kubectl on your machine, which is no node', () => {
		const view = outcomeOf(buildScenario({ entry: 'port-forward', nodes: 1, pods: [0] }));
		expect(view).toMatchObject({ kind: 'refused', atHop: 0, symptom: 'connection-refused', stoppedAt: 'kubectl-port-forward', machine: undefined });
		expect(view.service?.name).toBe('web');
	});

	it('a LoadBalancer nobody implements: pending at the first hop, the load balancer that does not exist, outside every node', () => {
		const view = outcomeOf(buildScenario({ entry: 'loadbalancer', lb: 'none' }));
		expect(view).toMatchObject({ kind: 'pending', atHop: 0, reason: 'no-load-balancer-implementation', symptom: 'no-address', stoppedAt: 'cloud-load-balancer', machine: undefined });
		expect(view.service?.name).toBe('web');
	});
});
