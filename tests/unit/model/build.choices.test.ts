/*
 * Which node the connection reaches and which Pod serves it, as Kubernetes and the load balancer in
 * front decide, and the two choices the builder refuses because nothing in a cluster could make them:
 * under `externalTrafficPolicy: Local` kube-proxy's rules on the node the connection reaches only
 * choose a Pod of that node; a load balancer that targets Pod IPs sends to a Pod of the node it chose.
 * Node 1 is node-a (10.0.1.11), node 2 node-b, node 3 node-c; `web`'s Pods are at 10.244.<n>.10.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { ParamError, type ExposureParams } from '../../../src/model/params.ts';
import { findNode } from '../../../src/model/resolve.ts';
import type { Scenario } from '../../../src/model/types.ts';

const served = (s: Scenario) => findNode(s, s.path.at(-1)!.to)!;
const entered = (s: Scenario) => s.path.map((h) => h.to).find((to) => to.startsWith('nodeport-'));
function refusal(p: ExposureParams): ParamError {
	try {
		buildScenario(p);
	} catch (error) {
		if (error instanceof ParamError) return error;
		throw error;
	}
	throw new Error(`${JSON.stringify(p)} was built`);
}

describe('the node the connection reaches', () => {
	it('a LoadBalancer with Local and a chosen Pod: the health checks let the load balancer send to that Pod’s node', () => {
		for (const pods of [
			[1, 1],
			[0, 1],
		]) {
			const s = buildScenario({ entry: 'loadbalancer', nodes: 2, pods, etp: 'local', pick: 2 });
			expect(entered(s), pods.join(',')).toBe('nodeport-b');
			expect(served(s)).toMatchObject({ zone: 'node-b', address: '10.244.2.10' });
		}
		const three = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [1, 1, 1], etp: 'local', pick: 2 });
		expect(entered(three)).toBe('nodeport-b');
		expect(served(three).zone).toBe('node-b');
	});

	it('a LoadBalancer with Local and no choice: the first node that runs a Pod', () => {
		expect(entered(buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [0, 2, 1], etp: 'local' }))).toBe('nodeport-b');
		// Behind an Ingress controller, its Pods count, not the backends'.
		expect(entered(buildScenario({ entry: 'ingress', nodes: 3, pods: [0, 0, 1], etp: 'local' }))).toBe('nodeport-c');
	});

	it('a LoadBalancer with Cluster, or a NodePort the client calls: the first node unless told, whatever runs there', () => {
		expect(entered(buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [0, 0, 1], etp: 'cluster' }))).toBe('nodeport-a');
		expect(entered(buildScenario({ entry: 'nodeport', nodes: 3, pods: [0, 0, 1], etp: 'local' }))).toBe('nodeport-a');
		expect(entered(buildScenario({ entry: 'nodeport', nodes: 3, pods: [0, 0, 1], etp: 'local', via: 3 }))).toBe('nodeport-c');
		// With Local and no Pod anywhere, there is no healthy node: the first one, where the connection is refused.
		const none = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [0, 0], etp: 'local' });
		expect(entered(none)).toBe('nodeport-a');
		expect(none.outcome).toMatchObject({ kind: 'refused', symptom: 'connection-refused' });
	});

	it('kube-proxy’s rules are drawn on the node the connection reaches, the NodePort on every node', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 3, pods: [1, 1, 1], via: 2 });
		expect(s.nodes.filter((n) => n.kind === 'kube-proxy').map((n) => [n.id, n.zone])).toEqual([['kube-proxy-b', 'node-b']]);
		expect(s.nodes.filter((n) => n.kind === 'node-port')).toHaveLength(3);
	});

	it('a load balancer that targets Pod IPs goes to the chosen Pod’s node, or the first Pod, with no NodePort or kube-proxy on the way', () => {
		const chosen = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [1, 0, 1], targets: 'pods', pick: 3 });
		expect(chosen.path.map((h) => h.to)).toEqual(['load-balancer', 'web-1']);
		expect(served(chosen)).toMatchObject({ zone: 'node-c', address: '10.0.1.90' });
		const viaOnly = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [1, 0, 1], targets: 'pods', via: 3 });
		expect(served(viaOnly).zone).toBe('node-c');
		expect(served(buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [0, 0, 1], targets: 'pods' })).zone).toBe('node-c');
		// No Pod registered as a target: the load balancer has nowhere to send it.
		const none = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [0, 0], targets: 'pods' });
		expect(none.outcome).toEqual({ kind: 'dropped', atHop: 0, reason: 'no-endpoints', symptom: 'timeout' });
		expect(none.nodes.some((n) => n.kind === 'node-port' || n.kind === 'kube-proxy')).toBe(false);
	});

	it('with Cluster the rules may choose a Pod on another node; the one that serves is `web-1`', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 3, pods: [1, 1, 1], via: 1, pick: 3, etp: 'cluster' });
		expect(entered(s)).toBe('nodeport-a');
		expect(served(s)).toMatchObject({ id: 'web-1', zone: 'node-c' });
		// Without a choice: a Pod of the node the connection reached, if it runs one.
		expect(served(buildScenario({ entry: 'nodeport', nodes: 3, pods: [1, 1, 1], via: 2 })).zone).toBe('node-b');
		expect(served(buildScenario({ entry: 'nodeport', nodes: 3, pods: [1, 0, 1], via: 2 })).zone).toBe('node-a');
	});
});

describe('choices no cluster can make', () => {
	it('Local, the connection on one node, the Pod on another', () => {
		const error = refusal({ entry: 'nodeport', nodes: 2, pods: [1, 1], via: 1, pick: 2, etp: 'local' });
		expect(error.problems).toEqual([
			{
				param: 'pick',
				value: '2',
				message: '`pick=2`: with `etp=local` the rules on node 1, where the connection arrives, only choose a Pod on that node. Choose `pick=1`, or `etp=cluster`.',
			},
		]);
		expect(error.message).toContain('- `pick=2`: with `etp=local`');
		// The same node is fine.
		expect(served(buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 1], via: 2, pick: 2, etp: 'local' })).zone).toBe('node-b');
	});

	it('a load balancer that targets Pod IPs, sent to one node, the Pod on another', () => {
		const error = refusal({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], targets: 'pods', via: 1, pick: 2 });
		expect(error.problems).toEqual([
			{
				param: 'pick',
				value: '2',
				message: '`pick=2`: a load balancer that targets Pod IPs sends the connection to a Pod on the node it chose (`via=1`). Give them the same node.',
			},
		]);
		expect(served(buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], targets: 'pods', via: 2, pick: 2 })).zone).toBe('node-b');
	});
});
