/*
 * The explorer's form as data: which controls apply to a way in and which of their options build a
 * setup, written from Kubernetes' and the providers' rules.
 */
import { describe, expect, it } from 'vitest';
import { formModel, settle } from '../../../src/explorer/form.ts';

describe('formModel', () => {
	it('a NodePort Service: no load balancer to configure and no proxies in front; both traffic policies', () => {
		const m = formModel({ entry: 'nodeport', nodes: 2, pods: [1, 1] });
		expect(m.choices.lb.applies).toBe(false);
		expect(m.choices.targets.applies).toBe(false);
		expect(m.choices.front.applies).toBe(false);
		expect(m.choices.etp).toEqual({ applies: true, value: 'cluster', allowed: ['cluster', 'local'] });
		// No load balancer to end TLS, no Ingress controller or Gateway at the edge: plain TCP, or TLS at the Pod.
		expect(m.choices.tls.allowed).toEqual(['none', 'pod']);
		expect(m.routed).toBe(false);
	});

	it('kubectl proxy: no externalTrafficPolicy, no node chosen by a client or a load balancer', () => {
		const m = formModel({ entry: 'kubectl-proxy' });
		expect(m.choices.etp.applies).toBe(false);
		expect(m.numbers.via.applies).toBe(false);
	});

	it('a Gateway left to its defaults shows Local: Envoy Gateway’s Service is created with it', () => {
		expect(formModel({ entry: 'gateway' }).choices.etp.value).toBe('local');
	});

	it('a load balancer that targets Pod IPs goes through no node: Local would change nothing, so only Cluster is offered', () => {
		expect(formModel({ entry: 'loadbalancer', targets: 'pods' }).choices.etp.allowed).toEqual(['cluster']);
	});

	it('TLS ended at a load balancer that forwards packets is not offered: ending TLS means proxying', () => {
		expect(formModel({ entry: 'loadbalancer', lb: 'forward' }).choices.tls.allowed).not.toContain('lb');
		expect(formModel({ entry: 'loadbalancer', lb: 'proxy' }).choices.tls.allowed).toContain('lb');
	});

	it('counts for every node and route, those past the cluster’s size kept for when it grows', () => {
		const m = formModel({
			entry: 'ingress',
			nodes: 3,
			pods: [1, 0, 2],
			routes: 2,
			backends: [
				[0, 1, 0],
				[1, 1, 1],
			],
		});
		expect(m.pods).toEqual([1, 0, 2, 1, 1]);
		expect(m.backends.slice(0, 2)).toEqual([
			[0, 1, 0, 0, 0],
			[1, 1, 1, 0, 0],
		]);
		expect(m.routes).toBe(2);
	});
});

describe('settle', () => {
	it('switching to a NodePort drops what only a routed way in has', () => {
		expect(settle({ entry: 'nodeport', front: 'loadbalancer', tls: 'edge', routes: 2 }, 'entry')).toEqual({ params: { entry: 'nodeport' }, dropped: ['front', 'routes', 'tls'] });
	});

	it('a smaller cluster drops the node the connection entered when it is gone', () => {
		expect(settle({ entry: 'nodeport', nodes: 2, pods: [1, 1], via: 3 }, 'nodes').params).toEqual({ entry: 'nodeport', nodes: 2, pods: [1, 1] });
	});

	it('a set that builds is left as it is', () => {
		const params = { entry: 'loadbalancer', nodes: 3, pods: [2, 1, 0], via: 1, etp: 'local', lb: 'forward', targets: 'nodes' } as const;
		expect(settle(params)).toEqual({ params, dropped: [] });
	});
});

describe('break a hop', () => {
	it('offers the modes the setup can have, the same with one chosen as without', () => {
		const offered = formModel({ entry: 'nodeport', nodes: 2, pods: [1, 1], etp: 'cluster' }).fail;
		expect(offered).toEqual({ applies: true, value: '', allowed: ['selector-matches-nothing', 'no-ready-pod', 'wrong-target-port', 'node-port-blocked'] });
		const chosen = formModel({ entry: 'nodeport', nodes: 2, pods: [1, 1], etp: 'cluster', fail: 'node-port-blocked' }).fail;
		expect(chosen).toEqual({ ...offered, value: 'node-port-blocked' });
	});

	it('a change of setup the chosen mode no longer fits drops it', () => {
		expect(settle({ entry: 'kubectl-proxy', fail: 'node-port-blocked' }, 'entry')).toEqual({ params: { entry: 'kubectl-proxy' }, dropped: ['fail'] });
	});
});
