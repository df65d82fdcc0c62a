/*
 * The parameter rules of the builder (src/model/params.ts), one at a time: the ranges (1 to 5 nodes,
 * 0 to 5 Pods on each, 1 to 3 routes, a node named from 1), what applies to which way in
 * (`externalTrafficPolicy` only to a NodePort or LoadBalancer Service, a load balancer's mode and
 * targets only where one is on the path, routes and backends only behind an Ingress or a Gateway,
 * where TLS can end), the one sentence each rejection reads, and the defaults an omitted parameter
 * takes. Expectations written from those rules, by hand.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { hasLoadBalancer, paramProblems, ParamError, resolveParams, type ExposureParams } from '../../../src/model/params.ts';

/** The sentences of a parameter set's problems, in order. */
const says = (p: ExposureParams) => paramProblems(p).map((problem) => problem.message);
const names = (p: ExposureParams) => paramProblems(p).map((problem) => problem.param);

describe('the ranges', () => {
	it('a cluster of 1 to 5 worker nodes, a whole number', () => {
		for (const nodes of [1, 5]) expect(says({ entry: 'nodeport', nodes }), String(nodes)).toEqual([]);
		for (const nodes of [0, 6, 2.5])
			expect(says({ entry: 'nodeport', nodes }), String(nodes)).toEqual([`\`nodes=${nodes}\`: a cluster here has 1 to 5 worker nodes. Choose a whole number in that range.`]);
	});

	it('one Pod count per node, each 0 to 5, with the example of the right length', () => {
		expect(says({ entry: 'nodeport', nodes: 3, pods: [5, 0, 1] })).toEqual([]);
		expect(says({ entry: 'nodeport', nodes: 3, pods: [1, 1] })).toEqual(['`pods=1,1`: pods gives 2 counts for 3 nodes. Give one count per node, comma-separated (`1,1,1`).']);
		expect(says({ entry: 'nodeport', pods: [1, 1, 1] })).toEqual(['`pods=1,1,1`: pods gives 3 counts for 2 nodes. Give one count per node, comma-separated (`1,1`).']);
		for (const pods of [
			[6, 0],
			[-1, 1],
			[1.5, 1],
		])
			expect(says({ entry: 'nodeport', nodes: 2, pods }), pods.join(',')).toEqual([`\`pods=${pods.join(',')}\`: pods must count 0 to 5 Pods on each node. Use whole numbers in that range.`]);
	});

	it('counts Pods against 2 nodes when the node count itself is wrong, so one mistake is said once', () => {
		expect(names({ entry: 'nodeport', nodes: 9, pods: [1, 1] })).toEqual(['nodes']);
		expect(names({ entry: 'nodeport', nodes: 0, pods: [1, 1] })).toEqual(['nodes']);
		expect(names({ entry: 'nodeport', nodes: 1.5, pods: [1, 1] })).toEqual(['nodes']);
		expect(names({ entry: 'nodeport', nodes: 9, pods: [1, 1, 1, 1, 1, 1, 1, 1, 1] })).toEqual(['nodes', 'pods']);
	});

	it('1 to 3 routes, each with one list of counts per node', () => {
		for (const routes of [1, 3]) expect(says({ entry: 'ingress', routes }), String(routes)).toEqual([]);
		for (const routes of [0, 4, 1.5]) expect(says({ entry: 'gateway', routes }), String(routes)).toEqual([`\`routes=${routes}\`: route 1 to 3 backends by path.`]);
		// Two routes when `routes` is left out.
		expect(says({ entry: 'ingress', backends: [[1, 1]] })).toEqual(['`backends=1+1`: 2 routes need 2 backends. Give one list of counts per route.']);
		expect(says({ entry: 'ingress', routes: 3, backends: [[1, 1]] })).toEqual(['`backends=1+1`: 3 routes need 3 backends. Give one list of counts per route.']);
		expect(says({ entry: 'ingress', routes: 1, backends: [[1, 7]] })).toEqual(['`backends=1,7`: each backend must count 0 to 5 Pods on each node. Use whole numbers in that range.']);
		expect(says({ entry: 'gateway', routes: 1, backends: [[1]] })).toEqual(['`backends=1`: each backend gives 1 counts for 2 nodes. Give one count per node, comma-separated (`1,1`).']);
		expect(
			says({
				entry: 'gateway',
				routes: 2,
				backends: [
					[0, 5],
					[5, 0],
				],
			}),
		).toEqual([]);
	});

	it('`via` and `pick` name a node from 1 to the node count', () => {
		for (const node of [1, 3]) expect(says({ entry: 'nodeport', nodes: 3, via: node, pick: node }), String(node)).toEqual([]);
		for (const node of [0, 4, 1.5]) {
			expect(says({ entry: 'nodeport', nodes: 3, via: node }), String(node)).toEqual([`\`via=${node}\`: name a node from 1 to 3.`]);
			expect(says({ entry: 'nodeport', nodes: 3, pick: node }), String(node)).toEqual([`\`pick=${node}\`: name a node from 1 to 3.`]);
		}
		// Against 2 nodes when the node count is wrong.
		expect(says({ entry: 'nodeport', nodes: 7, via: 3 })[1]).toBe('`via=3`: name a node from 1 to 2.');
	});

	it('`pick` names a node that runs a Pod; with no `pods`, every node runs one', () => {
		expect(says({ entry: 'nodeport', nodes: 2, pods: [1, 0], pick: 2 })).toEqual(['`pick=2`: node 2 runs no Pod to serve the request. Choose a node that runs one.']);
		expect(says({ entry: 'nodeport', nodes: 2, pods: [0, 1], pick: 2 })).toEqual([]);
		expect(says({ entry: 'nodeport', nodes: 2, pick: 2 })).toEqual([]);
	});
});

describe('what applies to which way in', () => {
	it('an unknown way in is the only thing said', () => {
		expect(says({ entry: 'ssh' as never, nodes: 9, tls: 'edge' })).toEqual([
			'`entry=ssh`: no such way in. Choose one of `kubectl-proxy`, `port-forward`, `nodeport`, `loadbalancer`, `ingress`, `gateway`.',
		]);
	});

	it('`front` only behind an Ingress controller or a Gateway, and only `nodeport` or `loadbalancer`', () => {
		expect(says({ entry: 'loadbalancer', front: 'nodeport' })).toEqual([
			'`front=nodeport`: only an Ingress controller or a Gateway has proxies to expose in front. Leave `front` out, or choose `entry=ingress` or `entry=gateway`.',
		]);
		expect(says({ entry: 'gateway', front: 'hostport' as never })).toEqual(['`front=hostport`: choose `nodeport`, `loadbalancer`.']);
		expect(says({ entry: 'ingress', front: 'nodeport' })).toEqual([]);
	});

	it('`routes` and `backends` only with routing by path', () => {
		expect(says({ entry: 'nodeport', routes: 2 })).toEqual(['`routes=2`: routing by path needs an Ingress or an HTTPRoute. Leave `routes` out, or choose `entry=ingress` or `entry=gateway`.']);
		expect(
			says({
				entry: 'loadbalancer',
				backends: [
					[1, 0],
					[0, 1],
				],
			}),
		).toEqual(['`backends=1+0,0+1`: only an Ingress or an HTTPRoute has backends. Use `pods` for this way in.']);
	});

	it('`externalTrafficPolicy` only on a NodePort or LoadBalancer Service', () => {
		expect(says({ entry: 'port-forward', etp: 'cluster' })).toEqual([
			'`etp=cluster`: externalTrafficPolicy applies to NodePort and LoadBalancer Services, not to kubectl port-forward. Leave it out, or choose `entry=nodeport` or `entry=loadbalancer`.',
		]);
		expect(says({ entry: 'nodeport', etp: 'Local' as never })).toEqual(['`etp=Local`: choose `cluster`, `local`.']);
		for (const entry of ['nodeport', 'loadbalancer', 'ingress', 'gateway'] as const) expect(says({ entry, etp: 'local' }), entry).toEqual([]);
	});

	it('`Local` is refused where the load balancer sends to Pod IPs, `Cluster` is not', () => {
		expect(says({ entry: 'loadbalancer', targets: 'pods', etp: 'local' })).toEqual([
			'`etp=local`: a load balancer that targets Pod IPs sends no packet through a node, so `Local` changes nothing on this path. Leave `etp` out, or choose `targets=nodes`.',
		]);
		expect(says({ entry: 'loadbalancer', targets: 'pods', etp: 'cluster' })).toEqual([]);
		expect(says({ entry: 'loadbalancer', targets: 'nodes', etp: 'local' })).toEqual([]);
	});

	it('a load balancer’s mode and targets only where a load balancer is on the path', () => {
		const noLb = '`lb=forward`: there is no load balancer on this path. Leave `lb` out, or choose `entry=loadbalancer` (or `front=loadbalancer`).';
		const noTargets = '`targets=pods`: only a load balancer has targets. Leave `targets` out, or choose `entry=loadbalancer` (or `front=loadbalancer`).';
		expect(says({ entry: 'nodeport', lb: 'forward', targets: 'pods' })).toEqual([noLb, noTargets]);
		expect(says({ entry: 'ingress', front: 'nodeport', lb: 'forward', targets: 'pods' })).toEqual([noLb, noTargets]);
		expect(says({ entry: 'kubectl-proxy', lb: 'forward' })).toEqual([noLb]);
		// An Ingress controller or a Gateway is behind a load balancer unless told otherwise.
		expect(says({ entry: 'ingress', lb: 'forward', targets: 'pods' })).toEqual([]);
		expect(says({ entry: 'gateway', front: 'loadbalancer', lb: 'none' })).toEqual([]);
		expect(says({ entry: 'loadbalancer', lb: 'tunnel' as never, targets: 'ips' as never })).toEqual(['`lb=tunnel`: choose `forward`, `proxy`, `none`.', '`targets=ips`: choose `nodes`, `pods`.']);
	});

	it('says the way in by name where `via` has no node to choose', () => {
		expect(says({ entry: 'kubectl-proxy', via: 1 })).toEqual(['`via=1`: with kubectl proxy no client or load balancer chooses a node: the API server reaches the Pod. Leave `via` out.']);
		expect(says({ entry: 'port-forward', via: 1 })).toEqual(['`via=1`: with kubectl port-forward no client or load balancer chooses a node: the API server reaches the Pod. Leave `via` out.']);
		expect(says({ entry: 'kubectl-proxy', etp: 'local' })[0]).toContain('not to kubectl proxy.');
	});

	it('a load balancer that targets Pod IPs cannot be sent to a node without one', () => {
		expect(says({ entry: 'loadbalancer', targets: 'pods', nodes: 2, pods: [0, 1], via: 1 })).toEqual([
			'`via=1`: the load balancer targets Pod IPs, and node 1 runs none of them. Choose a node that runs a Pod, or `targets=nodes`.',
		]);
		expect(says({ entry: 'loadbalancer', targets: 'pods', nodes: 2, pods: [0, 1], via: 2 })).toEqual([]);
		expect(says({ entry: 'loadbalancer', targets: 'pods', nodes: 2, via: 1 })).toEqual([]);
		// Through the nodes, entering one without a Pod is possible (the outcome says how it ends).
		expect(says({ entry: 'loadbalancer', targets: 'nodes', nodes: 2, pods: [0, 1], via: 1 })).toEqual([]);
	});
});

describe('where TLS can end', () => {
	it('at a load balancer only if there is one, and it then proxies', () => {
		expect(says({ entry: 'nodeport', tls: 'lb' })).toEqual(['`tls=lb`: there is no load balancer on this path to end TLS. Choose `tls=none` or `tls=pod`, or a way in with a load balancer.']);
		const proxies = '`tls=lb`: a load balancer that ends TLS reads the bytes and opens its own connection: it proxies. Set `lb=proxy` with it, or choose another `tls`.';
		expect(says({ entry: 'loadbalancer', tls: 'lb' })).toEqual([proxies]);
		expect(says({ entry: 'gateway', tls: 'lb', lb: 'none' })).toEqual([proxies]);
		expect(says({ entry: 'ingress', tls: 'lb', lb: 'proxy' })).toEqual([]);
	});

	it('at the edge only behind an Ingress controller or a Gateway', () => {
		const edge = '`tls=edge`: only an Ingress controller or a Gateway sits at the edge of the cluster to end TLS. Choose `tls=none`, `tls=lb` or `tls=pod`, or `entry=ingress` / `entry=gateway`.';
		expect(says({ entry: 'loadbalancer', tls: 'edge' })).toEqual([edge]);
		expect(says({ entry: 'port-forward', tls: 'edge' })).toEqual([edge]);
		expect(says({ entry: 'ingress', front: 'nodeport', tls: 'edge' })).toEqual([]);
		expect(says({ entry: 'gateway', tls: 'edge' })).toEqual([]);
	});

	it('at the Pod: not through an Ingress (no passthrough), a Gateway (no TLSRoute yet) or kubectl proxy', () => {
		expect(says({ entry: 'ingress', tls: 'pod' })).toEqual([
			'`tls=pod`: the Ingress API ends TLS at the controller (`spec.tls`) and has no passthrough. Choose `tls=edge`, or `entry=gateway` (a TLSRoute passes TLS through to the Pod).',
		]);
		expect(says({ entry: 'gateway', tls: 'pod' })).toEqual(['`tls=pod`: passing TLS through a Gateway takes a TLSRoute, which this site does not build yet. Choose `tls=edge` or `tls=lb`.']);
		expect(says({ entry: 'kubectl-proxy', tls: 'pod' })).toEqual([
			"`tls=pod`: this site shows the API server's service proxy dialling the Pod in plain HTTP (the `https:` port prefix is not modelled). Choose `tls=none`, or `entry=port-forward`.",
		]);
		for (const entry of ['port-forward', 'nodeport', 'loadbalancer'] as const) expect(says({ entry, tls: 'pod' }), entry).toEqual([]);
		expect(says({ entry: 'nodeport', tls: 'quic' as never })).toEqual(['`tls=quic`: choose `none`, `lb`, `edge`, `pod`.']);
	});
});

describe('the error', () => {
	it('lists every problem, one per line, under one sentence', () => {
		let error: unknown;
		try {
			resolveParams({ entry: 'nodeport', nodes: 6, lb: 'proxy' });
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(ParamError);
		const paramError = error as ParamError;
		expect(paramError.name).toBe('ParamError');
		expect(paramError.problems.map((p) => [p.param, p.value])).toEqual([
			['nodes', '6'],
			['lb', 'proxy'],
		]);
		expect(paramError.message).toBe(
			'These parameters describe no exposure:\n- `nodes=6`: a cluster here has 1 to 5 worker nodes. Choose a whole number in that range.\n- `lb=proxy`: there is no load balancer on this path. Leave `lb` out, or choose `entry=loadbalancer` (or `front=loadbalancer`).',
		);
	});

	it('is what the builder throws for a set the rules refuse', () => {
		expect(() => buildScenario({ entry: 'kubectl-proxy', etp: 'local' })).toThrow(ParamError);
	});
});

describe('the defaults', () => {
	it('a NodePort: two nodes with one Pod each, no TLS, no load balancer, no routing', () => {
		expect(resolveParams({ entry: 'nodeport' })).toEqual({
			entry: 'nodeport',
			front: undefined,
			nodes: 2,
			pods: [1, 1],
			backends: [],
			via: undefined,
			pick: undefined,
			etp: undefined,
			lb: undefined,
			targets: undefined,
			tls: 'none',
			routes: 1,
		});
	});

	it('a LoadBalancer forwards packets to the nodes', () => {
		expect(resolveParams({ entry: 'loadbalancer', nodes: 3 })).toMatchObject({ nodes: 3, pods: [1, 1, 1], lb: 'forward', targets: 'nodes', routes: 1, backends: [] });
	});

	it('an Ingress controller behind a load balancer, two routes whose backends run on the last node', () => {
		expect(resolveParams({ entry: 'ingress', nodes: 3 })).toMatchObject({
			front: 'loadbalancer',
			lb: 'forward',
			targets: 'nodes',
			routes: 2,
			backends: [
				[0, 0, 1],
				[0, 0, 1],
			],
		});
		expect(resolveParams({ entry: 'gateway', routes: 3, nodes: 1 }).backends).toEqual([[1], [1], [1]]);
	});

	it('behind a NodePort, no load balancer and nothing of one; what is given is kept', () => {
		expect(resolveParams({ entry: 'gateway', front: 'nodeport' })).toMatchObject({ front: 'nodeport', lb: undefined, targets: undefined });
		expect(resolveParams({ entry: 'ingress', lb: 'proxy', targets: 'pods', tls: 'lb', via: 2, pick: 2, etp: 'cluster', routes: 1, backends: [[2, 0]] })).toMatchObject({
			lb: 'proxy',
			targets: 'pods',
			tls: 'lb',
			via: 2,
			pick: 2,
			etp: 'cluster',
			routes: 1,
			backends: [[2, 0]],
		});
	});

	it('a load balancer is on the path of a LoadBalancer, and of an Ingress controller or Gateway not exposed by a NodePort', () => {
		expect(hasLoadBalancer({ entry: 'loadbalancer' })).toBe(true);
		expect(hasLoadBalancer({ entry: 'ingress' })).toBe(true);
		expect(hasLoadBalancer({ entry: 'gateway', front: 'loadbalancer' })).toBe(true);
		expect(hasLoadBalancer({ entry: 'gateway', front: 'nodeport' })).toBe(false);
		expect(hasLoadBalancer({ entry: 'nodeport' })).toBe(false);
		expect(hasLoadBalancer({ entry: 'port-forward' })).toBe(false);
	});
});
