import { describe, expect, it } from 'vitest';
import { layerOf, pathFacts, tlsOf } from '../../../src/model/path-facts.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The layer of a way in and where the client's TLS ends, on paths the atlas does not draw but a
 * reader could build: what Kubernetes and the proxies do decides each expectation (facts.test.ts
 * covers the atlas pages themselves).
 */
describe('the layer: who reads the request before the application', () => {
	it('an NLB whose path ends at the Ingress controller Pod: nothing before it reads HTTP, the way in is L4', () => {
		const scenario = copyOf(scenarios['loadbalancer-per-api']);
		scenario.path = scenario.path.slice(0, 2);
		expect(layerOf(scenario)).toBe('L4');
		// With the controller's hop to the backend, the controller reads the request: L7.
		expect(layerOf(scenarios['loadbalancer-per-api'])).toBe('L7');
	});

	it('the mesh is L7: the sidecars read every request', () => {
		expect(layerOf(scenarios['service-mesh'])).toBe('L7');
	});

	it('a hop to a node the model lacks reads nothing (and does not throw)', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.path[1]!.to = 'ghost';
		expect(layerOf(scenario)).toBe('L4');
	});
});

describe('where the client’s TLS ends', () => {
	it('the mesh: the receiving sidecar ends the mesh’s own mutual TLS, not a client’s; any TLS of the application ends in its Pod', () => {
		expect(tlsOf(scenarios['service-mesh'])).toEqual({ at: 'pod', inExample: true });
	});

	it('kubectl proxy to an `https:` Service port: the API server re-encrypts to the Pod, which ends TLS', () => {
		const scenario = copyOf(scenarios['kubectl-proxy']);
		scenario.path[2]!.protocol = 'HTTPS';
		expect(tlsOf(scenario)).toEqual({ at: 'pod', inExample: true });
	});

	it('a Gateway listener on plain HTTP, reached on its NodePort: TLS would end at the Gateway, not in this example', () => {
		const scenario = copyOf(scenarios['gateway-api']);
		scenario.path = [{ from: 'client', to: 'nodeport-a', protocol: 'HTTP', transform: 'node-port-connect' }, ...scenario.path.slice(2)];
		for (const hop of scenario.path) hop.protocol = 'HTTP';
		expect(tlsOf(scenario)).toEqual({ at: 'gateway', inExample: false });
	});

	it('plain HTTP through a cloud load balancer to a Pod: TLS would end at the load balancer', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		for (const hop of scenario.path) hop.protocol = 'HTTP';
		expect(tlsOf(scenario)).toEqual({ at: 'load-balancer', inExample: false });
	});

	it('plain HTTP to a NodePort, with no proxy that could hold a certificate: only the Pod could end TLS', () => {
		const scenario = copyOf(scenarios.nodeport);
		for (const hop of scenario.path) hop.protocol = 'HTTP';
		expect(tlsOf(scenario)).toEqual({ at: 'pod', inExample: true });
	});

	it('a hop from a node the model lacks ends no TLS it can name, and an empty path leaves TLS to the Pod', () => {
		const scenario = copyOf(scenarios['ingress-loadbalancer']);
		scenario.path[4]!.from = 'ghost';
		scenario.path[4]!.to = 'ghost-2';
		expect(tlsOf(scenario)).toEqual({ at: 'pod', inExample: true });
		const plain = copyOf(scenarios['ingress-nodeport']);
		plain.path[3]!.to = 'ghost';
		expect(tlsOf(plain)).toEqual({ at: 'ingress-controller', inExample: false });
		const empty: Scenario = { ...scenarios.nodeport, path: [] };
		expect(pathFacts(empty)).toMatchObject({ layer: 'L4', tls: { at: 'pod', inExample: true } });
	});
});
