import { describe, expect, it } from 'vitest';
import { hopFacts, hopTls, type HopFacts } from '../../../src/model/hop-facts.ts';
import { hopContext, hopId } from '../../../src/model/resolve.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The network decisions of each hop, written by hand from what Kubernetes and the components on the
 * path do, not from the model's output. Addresses come from the shared topology
 * (src/model/naming.ts): node-a is 10.0.1.11, the internet client 198.51.100.23.
 */
function facts(id: ScenarioId, hop: string): HopFacts {
	const scenario: Scenario = scenarios[id];
	const index = scenario.path.findIndex((h) => hopId(h) === hop);
	if (index < 0) throw new Error(`scenario \`${id}\` has no hop \`${hop}\`: ${scenario.path.map(hopId).join(', ')}`);
	return hopFacts(scenario, index);
}

describe('TLS per hop', () => {
	it('kubectl proxy starts TLS to the API server, which ends it before dialling the Pod over HTTP', () => {
		expect(facts('kubectl-proxy', 'client-to-kubectl-proxy').tls).toBe('none');
		expect(facts('kubectl-proxy', 'kubectl-proxy-to-api-server').tls).toBe('starts');
		expect(facts('kubectl-proxy', 'api-server-to-web-1').tls).toBe('ends');
	});

	it('an L4 load balancer, the node port and kube-proxy pass the client’s TLS on unread; the Gateway ends it with its listener’s Secret', () => {
		expect(facts('gateway-api', 'client-to-load-balancer').tls).toBe('starts');
		for (const hop of ['load-balancer-to-nodeport-a', 'nodeport-a-to-kube-proxy-a', 'kube-proxy-a-to-envoy-1']) expect(facts('gateway-api', hop).tls, hop).toBe('passes');
		const gateway = facts('gateway-api', 'envoy-1-to-api-1');
		expect(gateway.tls).toBe('ends');
		expect(gateway.certificate).toBe('shop-example-com-tls');
	});

	it('the Ingress controller behind a NodePort receives plain HTTP in the example: no TLS anywhere, no certificate', () => {
		for (const hop of scenarios['ingress-nodeport'].path.map(hopId)) expect(facts('ingress-nodeport', hop).tls, hop).toBe('none');
		expect(facts('ingress-nodeport', 'traefik-1-to-api-1').certificate).toBeUndefined();
	});

	it('the mesh: the calling sidecar starts mutual TLS, the receiving one ends it', () => {
		expect(facts('service-mesh', 'frontend-to-frontend-sidecar').tls).toBe('none');
		expect(facts('service-mesh', 'frontend-sidecar-to-api-sidecar').tls).toBe('starts');
		expect(facts('service-mesh', 'api-sidecar-to-api').tls).toBe('ends');
	});

	it('hopTls covers every pair', () => {
		expect([hopTls(undefined, 'HTTPS'), hopTls(undefined, 'TCP'), hopTls('HTTPS', 'HTTPS'), hopTls('HTTPS', 'HTTP'), hopTls('HTTP', 'mTLS'), hopTls('TCP', 'TCP')]).toEqual([
			'starts',
			'none',
			'passes',
			'ends',
			'starts',
			'none',
		]);
	});

	it('a proxy between two encrypted hops ends TLS and opens its own; without one, TLS passes', () => {
		// The API server under `kubectl port-forward` decrypts kubectl's stream and dials the kubelet over a TLS connection of its own.
		expect(facts('port-forward', 'api-server-to-kubelet').tls).toBe('restarts');
		expect([hopTls('HTTPS', 'HTTPS', true), hopTls('HTTPS', 'HTTPS', false), hopTls('HTTP', 'HTTPS', true), hopTls('HTTPS', 'TCP', true)]).toEqual(['restarts', 'passes', 'starts', 'ends']);
	});
});

describe('what each hop rewrites, and the source the next hop sees', () => {
	it('NodePort with `Cluster`, entering node-a which runs no Pod of the Service: DNAT and SNAT to node-a', () => {
		expect(facts('nodeport', 'client-to-nodeport-a')).toMatchObject({ rewrites: 'none', noLocalEndpoint: true, trafficPolicy: 'Cluster' });
		expect(facts('nodeport', 'nodeport-a-to-kube-proxy-a').rewrites).toBe('none');
		expect(facts('nodeport', 'kube-proxy-a-to-web-1')).toMatchObject({ rewrites: 'destination-and-source', sourceNat: 'snat-to-node' });
		// The Pod on node-b sees node-a's address, not the client's.
		expect(hopContext(scenarios.nodeport, 2).sourceOut).toEqual({ origin: 'node', address: '10.0.1.11', machine: 'node-a', replaced: 'client' });
	});

	it('a load balancer that forwards packets, with `Local`: only the destination changes, kube-proxy leaves the source alone', () => {
		expect(facts('ingress-loadbalancer', 'load-balancer-to-nodeport-a')).toMatchObject({ rewrites: 'destination', loadBalancer: 'forwards-packets', trafficPolicy: 'Local' });
		expect(facts('ingress-loadbalancer', 'kube-proxy-a-to-traefik-1')).toMatchObject({ rewrites: 'destination', sourceNat: 'kept-local' });
	});

	it('an NLB with IP targets (AWS Load Balancer Controller) proxies connections straight to the controller Pod', () => {
		expect(facts('loadbalancer-per-api', 'lb-orders-to-traefik-orders-1')).toMatchObject({
			rewrites: 'new-connection',
			loadBalancer: 'proxies-connections',
			targetController: 'aws-load-balancer-controller',
			trafficPolicy: 'Cluster',
		});
	});

	it('a load balancer that targets Pods without AWS annotations is its provider’s controller', () => {
		const scenario = copyOf(scenarios['loadbalancer-per-api']);
		for (const service of scenario.services) delete service.annotations;
		const index = scenario.path.findIndex((h) => h.transform === 'load-balancer-to-pod');
		expect(hopFacts(scenario, index).targetController).toBe('provider');
	});

	it('proxies open new connections: the API server, the Ingress controller, the Gateway, the sidecars', () => {
		expect(facts('kubectl-proxy', 'kubectl-proxy-to-api-server').rewrites).toBe('new-connection');
		expect(facts('kubectl-proxy', 'api-server-to-web-1').rewrites).toBe('new-connection');
		expect(facts('ingress-nodeport', 'traefik-1-to-api-1').rewrites).toBe('new-connection');
		expect(facts('gateway-api', 'envoy-1-to-api-1').rewrites).toBe('new-connection');
		expect(facts('service-mesh', 'frontend-to-frontend-sidecar').rewrites).toBe('destination');
		expect(facts('service-mesh', 'frontend-sidecar-to-api-sidecar').rewrites).toBe('new-connection');
	});
});

describe('X-Forwarded-For', () => {
	it('Ingress behind a NodePort with `Cluster`: the controller writes node-a’s address, lost to the SNAT before it', () => {
		expect(facts('ingress-nodeport', 'traefik-1-to-api-1').header).toEqual({ name: 'X-Forwarded-For', value: { origin: 'node', address: '10.0.1.11', machine: 'node-a', replaced: 'client' } });
	});

	it('behind a load balancer that forwards packets with `Local`: the client’s own address', () => {
		expect(facts('ingress-loadbalancer', 'traefik-1-to-api-1').header?.value).toEqual({ origin: 'client', address: '198.51.100.23' });
		expect(facts('gateway-api', 'envoy-1-to-api-1').header?.value).toEqual({ origin: 'client', address: '198.51.100.23' });
	});

	it('behind a proxying NLB: the load balancer’s private address', () => {
		expect(facts('loadbalancer-per-api', 'traefik-orders-1-to-payments-1').header?.value).toEqual({ origin: 'load-balancer', address: '10.0.0.48' });
	});

	it('only HTTP proxies that route add it', () => {
		for (const hop of ['kube-proxy-a-to-web-1', 'client-to-nodeport-a']) expect(facts('nodeport', hop).header, hop).toBeUndefined();
		expect(facts('kubectl-proxy', 'api-server-to-web-1').header).toBeUndefined();
	});
});

describe('externalTrafficPolicy', () => {
	it('applies to NodePort and LoadBalancer Services only, with `Cluster` as the default', () => {
		expect(facts('loadbalancer', 'load-balancer-to-nodeport-a').trafficPolicy).toBe('Cluster');
		// The backends behind an Ingress controller or a Gateway are ClusterIP Services: no policy at all.
		expect(facts('ingress-loadbalancer', 'traefik-1-to-api-1').trafficPolicy).toBeUndefined();
		expect(facts('kubectl-proxy', 'api-server-to-web-1').trafficPolicy).toBeUndefined();
	});
});
