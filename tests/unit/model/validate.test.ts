import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import type { Messages } from '../../../src/i18n/messages.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { assertValidScenario, ModelError, validateScenario, validateTranslations } from '../../../src/model/validate.ts';
import { copyOf } from '../fixtures.ts';

describe('validateScenario', () => {
	it.each(SCENARIO_IDS)('accepts the shipped scenario `%s` in every locale', (id) => {
		expect(validateScenario(scenarios[id])).toEqual([]);
		expect(validateTranslations(scenarios[id], messages)).toEqual([]);
	});

	it('names the scenario, the hop and the fix when a hop goes to an unknown node', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.path[2]!.to = 'web-9';
		const problems = validateScenario(broken);
		expect(problems).toContain('Scenario `nodeport`: hop `kube-proxy-a-to-web-9` goes to unknown node `web-9`. Add it to the topology or fix the hop.');
	});

	it('reports a disconnected path with both ends named', () => {
		const broken = copyOf(scenarios['kubectl-proxy']);
		broken.path[1]!.from = 'client';
		const problems = validateScenario(broken).join('\n');
		expect(problems).toMatch(/hop `client-to-api-server` starts at `client` but the hop before it ends at `kubectl-proxy`: the path is disconnected/);
	});

	it('rejects a nodePort outside 30000-32767 and says which range to use', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.services[0]!.nodePort = 8080;
		expect(validateScenario(broken)).toContain('Scenario `nodeport`: Service `web` has `nodePort: 8080`, outside the default range 30000-32767. Pick a port in that range.');
	});

	it('rejects ports outside 1-65535', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.services[0]!.targetPort = 70000;
		expect(validateScenario(broken).join('\n')).toMatch(/`targetPort: 70000`, outside 1-65535/);
	});

	it('rejects a node in an unknown zone and a duplicated node id', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.nodes[2]!.zone = 'node-z';
		broken.nodes.push({ ...broken.nodes[0]! });
		const problems = validateScenario(broken).join('\n');
		expect(problems).toMatch(/node `nodeport-a` is in unknown zone `node-z`/);
		expect(problems).toMatch(/node id `client` is used twice/);
	});

	it('rejects zones nested in a loop', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.zones[1]!.parent = 'node-a';
		expect(validateScenario(broken).join('\n')).toMatch(/is inside itself/);
	});
});

describe('validateTranslations', () => {
	const withFrench = (change: (fr: Record<string, any>) => void): Record<string, Messages> => {
		const fr = { ...messages.fr, node: { ...messages.fr.node }, transform: { ...messages.fr.transform } } as Record<string, any>;
		change(fr);
		return { en: messages.en, fr: fr as Messages };
	};

	it('names the kind, the locale and the file when a French node label is missing', () => {
		const tables = withFrench((fr) => (fr['node']['node-port'] = ''));
		expect(validateTranslations(scenarios.nodeport, tables)).toEqual(["Scenario `nodeport`: node kind `node-port` has no FR text. Add `node['node-port']` to src/i18n/fr.ts."]);
	});

	it('names the hop when its step template is missing in one language', () => {
		const tables = withFrench((fr) => delete fr['transform']['endpoint-dnat']);
		expect(validateTranslations(scenarios.nodeport, tables)).toEqual([
			"Scenario `nodeport`: hop `kube-proxy-a-to-web-1` uses transform `endpoint-dnat`, which has no FR step template. Add `transform['endpoint-dnat']` with `title` and `body` to src/i18n/fr.ts.",
		]);
	});

	it('assertValidScenario throws one error listing every problem', () => {
		const broken = copyOf(scenarios.nodeport);
		broken.path[0]!.to = 'nowhere';
		broken.services[0]!.nodePort = 1;
		expect(() => assertValidScenario(broken, messages)).toThrow(ModelError);
		try {
			assertValidScenario(broken, messages);
		} catch (error) {
			expect((error as ModelError).problems.length).toBeGreaterThanOrEqual(3);
			expect((error as Error).message).toMatch(/^Scenario `nodeport` is not valid:\n- /);
		}
	});
});

describe('routing validation', () => {
	it('rejects a rule to a Service in another namespace, naming both', () => {
		const broken = copyOf(scenarios['ingress-nodeport']);
		broken.services[1]!.namespace = 'payments';
		expect(validateScenario(broken).join('\n')).toMatch(/Ingress `shop` in namespace `default` sends `\/api` to Service `api` in `payments`/);
	});

	it('rejects an Ingress hop to a Service no rule routes to', () => {
		const broken = copyOf(scenarios['ingress-nodeport']);
		broken.routing!.rules = broken.routing!.rules.filter((rule) => rule.service !== 'api');
		expect(validateScenario(broken).join('\n')).toMatch(/hop `traefik-1-to-api-1` reaches Service `api`, which no rule of Ingress `shop` routes to/);
	});

	it('requires a NodePort for a LoadBalancer unless node ports are turned off', () => {
		const broken = copyOf(scenarios.loadbalancer);
		delete broken.services[0]!.nodePort;
		expect(validateScenario(broken).join('\n')).toMatch(/Service `web` is of type `LoadBalancer` but has no `nodePort`/);
		expect(validateScenario(scenarios['loadbalancer-per-api'])).toEqual([]);
	});
});
