/*
 * What a setup implies beyond its one request, written from how Kubernetes and the components in front
 * of it behave (addresses from src/model/naming.ts: the application's load balancer's private address
 * is 10.0.0.41; `nodePort` is 30000 + the Service port).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { consequencesOf, type Consequence } from '../../../src/model/consequences.ts';
import type { ExposureParams } from '../../../src/model/params.ts';

const of = (p: ExposureParams) => consequencesOf(buildScenario(p));
const kinds = (p: ExposureParams) => of(p).map((c) => c.kind);
const find = <K extends Consequence['kind']>(p: ExposureParams, kind: K) => of(p).find((c): c is Extract<Consequence, { kind: K }> => c.kind === kind);

describe('externalTrafficPolicy: Local', () => {
	const lb: ExposureParams = { entry: 'loadbalancer', nodes: 3, pods: [2, 1, 0], via: 1, etp: 'local', lb: 'forward', targets: 'nodes' };

	it('a node without a ready Pod drops what reaches it; a load balancer health-checks the nodes', () => {
		expect(find(lb, 'local-drops')).toEqual({ kind: 'local-drops', service: 'web', nodes: ['node-c'], healthChecked: true });
	});

	it('behind a NodePort nothing health-checks the nodes', () => {
		expect(find({ entry: 'nodeport', nodes: 2, pods: [1, 0], etp: 'local' }, 'local-drops')).toEqual({ kind: 'local-drops', service: 'web', nodes: ['node-b'], healthChecked: false });
	});

	it('a load balancer spreading over nodes gives each healthy node one share, whatever its Pods', () => {
		expect(find(lb, 'local-uneven')?.shares).toEqual([
			{ node: 'node-a', pods: 2 },
			{ node: 'node-b', pods: 1 },
		]);
		// The same number of Pods on every healthy node: the spread is even, nothing to say.
		expect(kinds({ ...lb, pods: [1, 1, 0] })).not.toContain('local-uneven');
	});

	it('keeps the source: no second hop, no SNAT', () => {
		expect(kinds(lb)).toContain('local-keeps-source');
	});

	it('no Pod anywhere: the request is refused, not a question of nodes', () => {
		expect(kinds({ ...lb, pods: [0, 0, 0] })).not.toContain('local-drops');
	});
});

describe('externalTrafficPolicy: Cluster', () => {
	it('the entry node rewrites the source; here the Pod is on the other node', () => {
		expect(find({ entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'cluster' }, 'cluster-snat')).toEqual({
			kind: 'cluster-snat',
			service: 'web',
			node: 'node-a',
			across: true,
			endpoints: 2,
		});
	});

	it('a Pod on the entry node: still the node’s address, but no hop across', () => {
		expect(find({ entry: 'nodeport', nodes: 2, pods: [1, 0], via: 1 }, 'cluster-snat')?.across).toBe(false);
	});
});

describe('the load balancer', () => {
	it('a NodePort is opened on every node', () => {
		expect(find({ entry: 'loadbalancer', nodes: 3, pods: [1, 1, 1] }, 'node-port-everywhere')).toEqual({ kind: 'node-port-everywhere', service: 'web', port: 30080, nodes: 3 });
	});

	it('a proxying load balancer: the Pod sees its private address, with Local too', () => {
		const p: ExposureParams = { entry: 'loadbalancer', nodes: 2, pods: [1, 1], etp: 'local', lb: 'proxy' };
		expect(find(p, 'lb-proxies')).toEqual({ kind: 'lb-proxies', address: '10.0.0.41' });
		expect(kinds(p)).not.toContain('local-keeps-source');
	});

	it('IP targets: no node port, nothing about nodes', () => {
		const k = kinds({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], lb: 'forward', targets: 'pods' });
		expect(k).toContain('lb-targets-pods');
		expect(k).not.toContain('node-port-everywhere');
		expect(k).not.toContain('cluster-snat');
	});

	it('no implementation: pending, and the node port is already allocated', () => {
		expect(of({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], lb: 'none' })).toEqual([{ kind: 'lb-pending', service: 'web', nodePort: 30080 }]);
	});
});

describe('each way in', () => {
	it('Envoy Gateway’s Service is Local by default; set to Cluster, no such note', () => {
		expect(kinds({ entry: 'gateway' })).toContain('gateway-local-default');
		expect(kinds({ entry: 'gateway', etp: 'cluster' })).not.toContain('gateway-local-default');
	});

	it('kubectl port-forward to a Service picks one of its Pods', () => {
		expect(of({ entry: 'port-forward', nodes: 1, pods: [2] })).toEqual([{ kind: 'port-forward-one-pod', service: 'web', endpoints: 2 }]);
	});

	it('kubectl proxy: RBAC on services/proxy in the Service’s namespace', () => {
		expect(of({ entry: 'kubectl-proxy' })).toEqual([{ kind: 'api-proxy-rbac', service: 'web', namespace: 'default' }]);
	});

	it('behind an Ingress controller on a NodePort with Cluster: X-Forwarded-For carries the node’s address the controller saw', () => {
		expect(find({ entry: 'ingress', front: 'nodeport' }, 'routed-source')).toEqual({ kind: 'routed-source', forwardedFor: 'node' });
	});

	it('a request that does not arrive has no backend source to speak of', () => {
		expect(
			kinds({
				entry: 'ingress',
				front: 'nodeport',
				backends: [
					[0, 0],
					[0, 0],
				],
			}),
		).not.toContain('routed-source');
	});
});

describe('sessionAffinity: ClientIP', () => {
	it('behind a load balancer, each node remembers on its own; a proxying one makes every client one address', () => {
		expect(find({ entry: 'loadbalancer', nodes: 3, pods: [1, 1, 1], etp: 'cluster', affinity: 'clientip' }, 'client-affinity')).toEqual({
			kind: 'client-affinity',
			service: 'web',
			shared: undefined,
			nodes: 3,
		});
		expect(find({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], etp: 'cluster', lb: 'proxy', affinity: 'clientip' }, 'client-affinity')?.shared).toBe('10.0.0.41');
	});

	it('a NodePort client reaches one node: one memory', () => {
		expect(find({ entry: 'nodeport', nodes: 3, affinity: 'clientip' }, 'client-affinity')?.nodes).toBe(1);
		expect(kinds({ entry: 'nodeport', nodes: 3 })).not.toContain('client-affinity');
	});
});
