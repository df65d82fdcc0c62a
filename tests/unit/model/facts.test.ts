import { describe, expect, it } from 'vitest';
import { comparisonRows } from '../../../src/i18n/compare.ts';
import { layerOf, tlsOf } from '../../../src/model/path-facts.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The comparison's layer and "where TLS ends" are derived from the path. The expectations are written
 * by hand, from what each way in really does: who reads HTTP, who holds the certificate.
 */
const EXPECTED: Record<Exclude<ScenarioId, 'service-mesh'>, { layer: 'L4' | 'L7'; tls: string; inExample: boolean }> = {
	// kubectl proxy reads the request, the API server ends the TLS of the hop from kubectl proxy.
	'kubectl-proxy': { layer: 'L7', tls: 'api-server', inExample: true },
	// A TCP tunnel: the API server and the kubelet relay a stream they do not read. Their TLS is the
	// tunnel's; the client's own TLS, if the application serves it, goes through to the Pod.
	'port-forward': { layer: 'L4', tls: 'pod', inExample: true },
	nodeport: { layer: 'L4', tls: 'pod', inExample: true },
	loadbalancer: { layer: 'L4', tls: 'pod', inExample: true },
	// The example Ingress has no `tls` section: plain HTTP, and TLS would end at the controller.
	'ingress-nodeport': { layer: 'L7', tls: 'ingress-controller', inExample: false },
	'ingress-loadbalancer': { layer: 'L7', tls: 'ingress-controller', inExample: true },
	'loadbalancer-per-api': { layer: 'L7', tls: 'ingress-controller', inExample: true },
	'gateway-api': { layer: 'L7', tls: 'gateway', inExample: true },
};

describe('the layer and where TLS ends come from the path', () => {
	it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('`%s`', (id) => {
		const scenario = scenarios[id];
		const tls = tlsOf(scenario);
		expect({ layer: layerOf(scenario), tls: tls.at, inExample: tls.inExample }, `scenario \`${id}\``).toEqual(EXPECTED[id]);
	});

	it('says in the table when the example sends plain HTTP', () => {
		const row = comparisonRows('en').find((r) => r.id === 'ingress-nodeport')!;
		expect(row.tlsEnds).toBe('Ingress controller (none here: the example sends plain HTTP)');
		expect(comparisonRows('fr').find((r) => r.id === 'ingress-nodeport')!.tlsEnds).toBe('Contrôleur d’Ingress (aucun ici\u00a0: l’exemple envoie du HTTP en clair)');
	});

	it('moves with the path: an HTTPS hop into the Pod leaves TLS to the Pod', () => {
		const changed = copyOf(scenarios['gateway-api']);
		changed.path[4]!.protocol = 'HTTPS';
		expect(tlsOf(changed)).toEqual({ at: 'pod', inExample: true });
	});

	it('words the source cell with its conditions, and the client only where the path keeps it', () => {
		const cells = Object.fromEntries(comparisonRows('en').map((row) => [row.id, row.sourceIp]));
		expect(cells['nodeport']).toBe('A node’s address (SNAT). The client’s with externalTrafficPolicy: Local');
		expect(cells['ingress-nodeport']).toBe('The proxy’s Pod IP; X-Forwarded-For carries a node’s address. The client’s with externalTrafficPolicy: Local');
		expect(cells['ingress-loadbalancer']).toBe('The proxy’s Pod IP; the client’s is in X-Forwarded-For');
		expect(cells['loadbalancer-per-api']).toBe(
			'The proxy’s Pod IP; X-Forwarded-For carries the load balancer’s private address. The client’s only with client IP preservation or the PROXY protocol',
		);
	});
});
