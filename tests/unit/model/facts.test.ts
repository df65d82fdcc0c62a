import { describe, expect, it } from 'vitest';
import { findNode, machineOf, sourceSeenByPod } from '../../../src/model/resolve.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';

/*
 * The comparison facts are words chosen per scenario; these checks tie them to what the path itself
 * says, so a scenario edited without its facts fails here, naming it.
 */
const withFacts = SCENARIO_IDS.filter((id) => (scenarios[id] as Scenario).facts !== undefined);

describe('scenario facts agree with the path', () => {
	it.each(withFacts)('`%s`: the source IP fact matches the source the last Pod sees', (id) => {
		const scenario: Scenario = scenarios[id];
		const { source, forwardedFor } = sourceSeenByPod(scenario);
		const client = findNode(scenario, scenario.path[0]!.from)?.address;
		const nodeAddresses = scenario.zones.filter((z) => z.kind === 'worker-node').map((z) => z.address);
		switch (scenario.facts!.sourceIp) {
			case 'proxy':
				expect(forwardedFor, `${id}: a proxy fact needs a proxy hop that sets X-Forwarded-For`).toBeDefined();
				break;
			case 'api-server': {
				const api = scenario.nodes.find((n) => n.kind === 'api-server')!;
				expect(source).toBe(machineOf(scenario, api)?.address);
				break;
			}
			case 'node-or-client':
				expect(nodeAddresses, `${id}: with externalTrafficPolicy: Cluster the Pod sees a node`).toContain(source);
				break;
			case 'client':
				expect(source).toBe(client);
				break;
		}
	});

	it.each(withFacts)('`%s`: where TLS ends matches the routing', (id) => {
		const scenario: Scenario = scenarios[id];
		const tls = scenario.facts!.tlsEnds;
		if (tls === 'ingress-controller') expect(scenario.routing?.kind).toBe('Ingress');
		if (tls === 'gateway') expect(scenario.routing?.kind).toBe('HTTPRoute');
		if (scenario.routing?.tlsSecret) expect(['ingress-controller', 'gateway']).toContain(tls);
	});

	it.each(withFacts)('`%s`: L7 exactly when something on the path reads HTTP', (id) => {
		const scenario: Scenario = scenarios[id];
		const readsHttp = scenario.routing !== undefined || scenario.path.some((hop) => hop.transform === 'api-authenticated-proxy');
		expect(scenario.facts!.layer).toBe(readsHttp ? 'L7' : 'L4');
	});
});
