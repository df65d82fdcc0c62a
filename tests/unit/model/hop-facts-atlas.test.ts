import { describe, expect, it } from 'vitest';
import { hopFacts, stepContext, type HopFacts } from '../../../src/model/hop-facts.ts';
import { hopContext } from '../../../src/model/resolve.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

/*
 * Every hop of every atlas page, and what Kubernetes and the components on it do to its packets,
 * written by hand: which fields the hop rewrites, what happens to TLS, the policy in force, kube-proxy's
 * SNAT, how the load balancer passes the connection on, whether the node reached runs a Pod of the
 * Service. One row per hop, in path order.
 */
type Row = [rewrites: HopFacts['rewrites'], tls: HopFacts['tls'], policy: HopFacts['trafficPolicy'], sourceNat: HopFacts['sourceNat'], noLocalEndpoint: boolean];
const row = (facts: HopFacts): Row => [facts.rewrites, facts.tls, facts.trafficPolicy, facts.sourceNat, facts.noLocalEndpoint];
const rows = (id: ScenarioId) => scenarios[id].path.map((_, index) => row(hopFacts(scenarios[id], index)));

describe('each hop’s facts on the atlas pages', () => {
	it('NodePort with Cluster, entering node-a where no Pod of web runs: kube-proxy DNATs to node-b and SNATs to node-a', () => {
		expect(rows('nodeport')).toEqual([
			['none', 'none', 'Cluster', 'none', true],
			['none', 'none', 'Cluster', 'none', true],
			['destination-and-source', 'none', 'Cluster', 'snat-to-node', false],
		]);
	});

	it('LoadBalancer with Cluster: the load balancer forwards to node-a, which runs web-2, and the rules still SNAT', () => {
		expect(rows('loadbalancer')).toEqual([
			['none', 'none', 'Cluster', 'none', false],
			['destination', 'none', 'Cluster', 'none', false],
			['none', 'none', 'Cluster', 'none', false],
			['destination-and-source', 'none', 'Cluster', 'snat-to-node', false],
		]);
	});

	it('Ingress behind a NodePort, plain HTTP: SNAT into the controller, which opens its own connection to a ClusterIP backend (no policy)', () => {
		expect(rows('ingress-nodeport')).toEqual([
			['none', 'none', 'Cluster', 'none', false],
			['none', 'none', 'Cluster', 'none', false],
			['destination-and-source', 'none', 'Cluster', 'snat-to-node', false],
			['new-connection', 'none', undefined, 'none', false],
		]);
	});

	it('Ingress behind a load balancer with Local: TLS passes every L4 hop and ends at the controller; kube-proxy keeps the source', () => {
		expect(rows('ingress-loadbalancer')).toEqual([
			['none', 'starts', 'Local', 'none', false],
			['destination', 'passes', 'Local', 'none', false],
			['none', 'passes', 'Local', 'none', false],
			['destination', 'passes', 'Local', 'kept-local', false],
			['new-connection', 'ends', undefined, 'none', false],
		]);
	});

	it('an NLB with IP targets: a new connection straight to the controller Pod, no kube-proxy on the way', () => {
		expect(rows('loadbalancer-per-api')).toEqual([
			['none', 'starts', 'Cluster', 'none', false],
			['new-connection', 'passes', 'Cluster', 'none', false],
			['new-connection', 'ends', undefined, 'none', false],
		]);
	});

	it('Gateway API with Envoy Gateway’s default Local', () => {
		expect(rows('gateway-api')).toEqual([
			['none', 'starts', 'Local', 'none', false],
			['destination', 'passes', 'Local', 'none', false],
			['none', 'passes', 'Local', 'none', false],
			['destination', 'passes', 'Local', 'kept-local', false],
			['new-connection', 'ends', undefined, 'none', false],
		]);
	});

	it('the mesh: a redirect to the sidecar, then two proxies; ClusterIP Services have no policy', () => {
		expect(rows('service-mesh')).toEqual([
			['destination', 'none', undefined, 'none', false],
			['new-connection', 'starts', undefined, 'none', false],
			['new-connection', 'ends', undefined, 'none', false],
		]);
	});

	it('kubectl proxy: a plain hop on the loopback, then two proxies; the Pod’s node runs both Pods', () => {
		const facts = scenarios['kubectl-proxy'].path.map((_, index) => hopFacts(scenarios['kubectl-proxy'], index));
		expect(facts.map((f) => [f.rewrites, f.tls, f.trafficPolicy, f.sourceNat])).toEqual([
			['none', 'none', undefined, 'none'],
			['new-connection', 'starts', undefined, 'none'],
			['new-connection', 'ends', undefined, 'none'],
		]);
		expect(facts[0]!.noLocalEndpoint).toBe(false);
		expect(facts[2]!.noLocalEndpoint).toBe(false);
	});
});

describe('encryption, certificates and headers', () => {
	it('a hop is encrypted when it carries HTTPS or mTLS', () => {
		expect(scenarios['ingress-loadbalancer'].path.map((_, i) => hopFacts(scenarios['ingress-loadbalancer'], i).encrypted)).toEqual([true, true, true, true, false]);
		expect(scenarios['service-mesh'].path.map((_, i) => hopFacts(scenarios['service-mesh'], i).encrypted)).toEqual([false, true, false]);
		expect(scenarios.nodeport.path.map((_, i) => hopFacts(scenarios.nodeport, i).encrypted)).toEqual([false, false, false]);
	});

	it('the certificate is the route’s Secret where an Ingress controller or a Gateway ends TLS, and nowhere else', () => {
		const certificates = (id: ScenarioId) => scenarios[id].path.map((_, i) => hopFacts(scenarios[id], i).certificate);
		expect(certificates('ingress-loadbalancer')).toEqual([undefined, undefined, undefined, undefined, 'shop-example-com-tls']);
		expect(certificates('loadbalancer-per-api')).toEqual([undefined, undefined, 'orders-api-tls']);
		expect(certificates('gateway-api').at(-1)).toBe('shop-example-com-tls');
		// The API server and the mesh's sidecar end TLS with certificates of their own, not a route's.
		expect(certificates('kubectl-proxy')).toEqual([undefined, undefined, undefined]);
		expect(certificates('service-mesh')).toEqual([undefined, undefined, undefined]);
	});

	it('HTTPS on to the Pod behind an HTTPRoute: the Gateway opens a new TLS connection, and names no listener certificate on that hop', () => {
		const scenario = copyOf(scenarios['gateway-api']);
		scenario.path[4]!.protocol = 'HTTPS';
		expect(hopFacts(scenario, 4)).toMatchObject({ tls: 'restarts', certificate: undefined, encrypted: true });
	});

	it('X-Forwarded-For is added by the routing proxy only, with the address it saw', () => {
		const headers = (id: ScenarioId) => scenarios[id].path.map((_, i) => hopFacts(scenarios[id], i).header?.value.address);
		expect(headers('ingress-nodeport')).toEqual([undefined, undefined, undefined, '10.0.1.11']);
		expect(headers('gateway-api')).toEqual([undefined, undefined, undefined, undefined, '198.51.100.23']);
		expect(headers('service-mesh')).toEqual([undefined, undefined, undefined]);
		expect(hopFacts(scenarios['gateway-api'], 4).header?.name).toBe('X-Forwarded-For');
	});
});

describe('load balancers', () => {
	it('only a load balancer’s hop into the cluster has a mode; only one that targets Pods has a controller', () => {
		const modes = (id: ScenarioId) => scenarios[id].path.map((_, i) => [hopFacts(scenarios[id], i).loadBalancer, hopFacts(scenarios[id], i).targetController]);
		expect(modes('loadbalancer')).toEqual([
			[undefined, undefined],
			['forwards-packets', undefined],
			[undefined, undefined],
			[undefined, undefined],
		]);
		expect(modes('loadbalancer-per-api')).toEqual([
			[undefined, undefined],
			['proxies-connections', 'aws-load-balancer-controller'],
			[undefined, undefined],
		]);
	});

	it('a load balancer that targets Pod IPs and keeps the client’s address only rewrites the destination', () => {
		const scenario = copyOf(scenarios['loadbalancer-per-api']);
		for (const service of scenario.services) delete service.loadBalancerSource;
		expect(hopFacts(scenario, 1)).toMatchObject({ rewrites: 'destination', loadBalancer: 'forwards-packets', targetController: 'aws-load-balancer-controller' });
	});

	it('a load balancer that proxies to the NodePort opens a new connection', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		scenario.services[0]!.loadBalancerSource = '10.0.0.5';
		expect(hopFacts(scenario, 1)).toMatchObject({ rewrites: 'new-connection', loadBalancer: 'proxies-connections', targetController: undefined });
	});

	it('Pod targets programmed by the provider itself (GKE’s container-native load balancing, with its NEG annotation) are not the AWS controller’s', () => {
		const scenario = copyOf(scenarios['loadbalancer-per-api']);
		for (const service of scenario.services) if (service.annotations) service.annotations = { 'cloud.google.com/neg': '{"ingress": true}' };
		expect(hopFacts(scenario, 1).targetController).toBe('provider');
	});

	it('a load balancer whose Service the model does not know forwards packets, the default', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		for (const node of scenario.nodes) if (node.id === 'load-balancer' || node.id === 'nodeport-a') delete node.service;
		expect(hopFacts(scenario, 1).loadBalancer).toBe('forwards-packets');
	});

	it('the load balancer’s Service is the one of the load balancer itself, or else of the node it reaches', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		scenario.services[0]!.loadBalancerSource = '10.0.0.5';
		delete scenario.nodes.find((node) => node.id === 'load-balancer')!.service;
		expect(hopFacts(scenario, 1).loadBalancer).toBe('proxies-connections');
	});
});

describe('kube-proxy’s source NAT', () => {
	it('Cluster on a NodePort: SNAT to the node; Local: kept', () => {
		const local = copyOf(scenarios.nodeport);
		local.services[0]!.externalTrafficPolicy = 'Local';
		expect(hopFacts(local, 2)).toMatchObject({ rewrites: 'destination', sourceNat: 'kept-local', trafficPolicy: 'Local' });
		expect(hopFacts(scenarios.nodeport, 2)).toMatchObject({ rewrites: 'destination-and-source', sourceNat: 'snat-to-node', trafficPolicy: 'Cluster' });
	});

	it('with no node to SNAT to (the rules run nowhere the model knows), nothing is said about the source', () => {
		const scenario = copyOf(scenarios.nodeport);
		const kubeProxy = scenario.nodes.find((node) => node.id === 'kube-proxy-a')!;
		kubeProxy.zone = 'cluster';
		expect(hopFacts(scenario, 2).sourceNat).toBe('none');
	});
});

describe('stepContext', () => {
	it('is the hop’s context with its facts', () => {
		const step = stepContext(scenarios.nodeport, 2);
		expect(step).toEqual({ ...hopContext(scenarios.nodeport, 2), facts: hopFacts(scenarios.nodeport, 2) });
		expect(step.facts.sourceNat).toBe('snat-to-node');
	});
});
