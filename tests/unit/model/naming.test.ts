/*
 * The naming policy (src/model/naming.ts) as a built scenario shows it, written from the policy and from
 * Kubernetes' own shapes: nodes `node-a` … `node-e` at 10.0.1.11 … 10.0.1.15; one /24 Pod CIDR per node
 * (10.244.<n>.0/24), ten addresses per application from .10 (`web` .10, `api` .20, `static` .30, the
 * Ingress controller or Gateway proxy .40); on a cloud network, the nodes' subnet from .40, twenty-five
 * per node and five per application; Pod names `<Deployment>-<5>-<5>` in the API server's alphabet
 * for generated names; `nodePort` = 30000 + port; AWS load balancer names
 * `k8s-<namespace, 8>-<name, 8>-<10 hex>-<16 hex>.elb.<region>.amazonaws.com`.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { awsLoadBalancerHostname, fnv1a } from '../../../src/model/naming.ts';
import type { Scenario } from '../../../src/model/types.ts';

const pods = (s: Scenario, service: string) => s.nodes.filter((n) => n.service === service && (n.kind === 'pod' || n.kind === 'ingress-controller' || n.kind === 'gateway-proxy'));
/** `k8s.io/apimachinery/pkg/util/rand`: consonants and digits without look-alikes. */
const GENERATED = '[bcdfghjklmnpqrstvwxz2456789]{5}';

describe('the naming policy', () => {
	it('names and numbers five worker nodes in order', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 5, pods: [1, 1, 1, 1, 1] });
		expect(s.zones.filter((z) => z.kind === 'worker-node').map((z) => [z.id, z.name, z.address])).toEqual([
			['node-a', 'node-a', '10.0.1.11'],
			['node-b', 'node-b', '10.0.1.12'],
			['node-c', 'node-c', '10.0.1.13'],
			['node-d', 'node-d', '10.0.1.14'],
			['node-e', 'node-e', '10.0.1.15'],
		]);
		expect(s.nodes.filter((n) => n.kind === 'node-port').map((n) => [n.id, n.zone])).toEqual([
			['nodeport-a', 'node-a'],
			['nodeport-b', 'node-b'],
			['nodeport-c', 'node-c'],
			['nodeport-d', 'node-d'],
			['nodeport-e', 'node-e'],
		]);
	});

	it('gives each node its Pod CIDR and each application its block in it', () => {
		const s = buildScenario({
			entry: 'ingress',
			front: 'nodeport',
			nodes: 3,
			pods: [0, 0, 2],
			routes: 3,
			backends: [
				[2, 0, 0],
				[0, 1, 0],
				[0, 0, 1],
			],
		});
		const addresses = (service: string) =>
			pods(s, service)
				.map((n) => `${n.zone} ${n.address}`)
				.sort();
		expect(addresses('api')).toEqual(['node-a 10.244.1.20', 'node-a 10.244.1.21']);
		expect(addresses('static')).toEqual(['node-b 10.244.2.30']);
		expect(addresses('web')).toEqual(['node-c 10.244.3.10']);
		expect(addresses('traefik')).toEqual(['node-c 10.244.3.40', 'node-c 10.244.3.41']);
	});

	it('on a cloud network (a load balancer that targets Pod IPs), gives Pods addresses of the nodes’ subnet', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [2, 0, 1], lb: 'forward', targets: 'pods' });
		expect(
			pods(s, 'web')
				.map((n) => n.address)
				.sort(),
		).toEqual(['10.0.1.40', '10.0.1.41', '10.0.1.90']);
		const behindController = buildScenario({ entry: 'ingress', nodes: 2, pods: [0, 1], routes: 1, backends: [[1, 0]], targets: 'pods' });
		expect(pods(behindController, 'traefik').map((n) => n.address)).toEqual(['10.0.1.80']);
		expect(pods(behindController, 'web').map((n) => n.address)).toEqual(['10.0.1.40']);
	});

	it('names Pods as a Deployment’s ReplicaSet does: one hash for the Deployment, a suffix per Pod, from the alphabet of generated names', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 5, pods: [5, 5, 5, 5, 5] });
		const names = pods(s, 'web').map((n) => n.name!);
		expect(names).toHaveLength(25);
		for (const name of names) expect(name).toMatch(new RegExp(`^web-${GENERATED}-${GENERATED}$`));
		expect(new Set(names.map((n) => n.split('-')[1])).size).toBe(1);
		expect(new Set(names).size).toBe(25);
		// Another Deployment, another ReplicaSet hash.
		const api = buildScenario({ entry: 'ingress', routes: 2 });
		expect(pods(api, 'api')[0]!.name!.split('-')[1]).not.toBe(pods(api, 'web')[0]!.name!.split('-')[1]);
		// The same in every build.
		expect(pods(buildScenario({ entry: 'nodeport', nodes: 5, pods: [5, 5, 5, 5, 5] }), 'web').map((n) => n.name)).toEqual(names);
	});

	it('opens each Service port on 30000 + its port', () => {
		expect(buildScenario({ entry: 'nodeport' }).services[0]).toMatchObject({ port: 80, nodePort: 30080 });
		expect(buildScenario({ entry: 'nodeport', tls: 'pod' }).services[0]).toMatchObject({ port: 443, nodePort: 30443 });
		expect(buildScenario({ entry: 'ingress', front: 'nodeport' }).services[0]).toMatchObject({ port: 80, nodePort: 30080, otherPorts: [{ port: 443, nodePort: 30443 }] });
	});

	it('names an AWS load balancer in the controller’s shape, eight characters of the namespace and of the name, letters and digits only', () => {
		const name = awsLoadBalancerHostname('edge-orders', 'traefik-orders');
		expect(name).toMatch(/^k8s-edgeorde-traefiko-[0-9a-f]{10}-[0-9a-f]{16}\.elb\.eu-west-1\.amazonaws\.com$/);
		expect(awsLoadBalancerHostname('default', 'web')).toMatch(/^k8s-default-web-[0-9a-f]{10}-[0-9a-f]{16}\.elb\.eu-west-1\.amazonaws\.com$/);
		expect(awsLoadBalancerHostname('edge-orders', 'traefik-orders')).toBe(name);
		expect(awsLoadBalancerHostname('edge-orders', 'traefik-payments')).not.toBe(name);
		// Two hashes, not one cut in two.
		const [, , , first, second] = name.split('.')[0]!.split('-');
		expect(second!.startsWith(first!)).toBe(false);
	});

	it('hashes with FNV-1a (32 bits), as its published test vectors say', () => {
		// From the FNV reference (Fowler, Noll, Vo): the offset basis for the empty string, then two vectors.
		expect(fnv1a('')).toBe(0x811c9dc5);
		expect(fnv1a('a')).toBe(0xe40c292c);
		expect(fnv1a('foobar')).toBe(0xbf9cf968);
	});
});
