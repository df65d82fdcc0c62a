import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.ts';
import { hopContext } from '../../../src/model/resolve.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { routeSummary, stepsFor } from '../../../src/i18n/steps.ts';
import { copyOf } from '../fixtures.ts';

describe('stepsFor', () => {
	it.each(SCENARIO_IDS)('gives `%s` one step per hop, with the same ids in every language', (id) => {
		const [en, ...others] = LOCALES.map((locale) => stepsFor(scenarios[id], locale));
		expect(en).toHaveLength(scenarios[id].path.length);
		for (const steps of others) expect(steps.map((s) => s.id)).toEqual(en!.map((s) => s.id));
	});

	it('derives step ids from the hop, not from its position', () => {
		expect(stepsFor(scenarios['kubectl-proxy'], 'en').map((s) => s.id)).toEqual(['client-to-kubectl-proxy', 'kubectl-proxy-to-api-server', 'api-server-to-web-1']);
		expect(stepsFor(scenarios.nodeport, 'fr').map((s) => s.id)).toEqual(['client-to-nodeport-a', 'nodeport-a-to-kube-proxy-a', 'kube-proxy-a-to-web-1']);
	});

	it('words each step in its language, with the derived destination', () => {
		const [en1, en2, en3] = stepsFor(scenarios.nodeport, 'en');
		const [fr1, , fr3] = stepsFor(scenarios.nodeport, 'fr');
		expect(en1!.destination).toBe('10.0.1.11:30080');
		expect(en1!.body).toContain('`10.0.1.11:30080`');
		expect(en1!.body).toContain('even this one, which runs no Pod of the Service');
		expect(fr1!.body).toContain('même celle-ci, qui n’héberge aucun Pod du Service');
		// kube-proxy has no address of its own: the packet is still addressed to the NodePort.
		expect(en2!.destination).toBe('10.0.1.11:30080');
		expect(en3!.destination).toBe('10.244.2.10:8080');
		expect(en3!.body).toContain('the Pod sees `10.0.1.11`, an address of `node-a`, not the client’s');
		expect(fr3!.title).toBe('Réécrit vers un Pod sur `node-b`');
	});

	it('follows the model: change the nodePort and the step text changes with it', () => {
		const changed = copyOf(scenarios.nodeport);
		changed.services[0]!.nodePort = 31234;
		const [first] = stepsFor(changed, 'en');
		expect(first!.destination).toBe('10.0.1.11:31234');
		expect(first!.body).toContain('node port, 31234, taken from the `30000-32767` range');
	});

	it('drops the SNAT sentence when externalTrafficPolicy is Local', () => {
		const local = copyOf(scenarios.nodeport);
		local.services[0]!.externalTrafficPolicy = 'Local';
		expect(hopContext(local, 2).snat).toBe(false);
		expect(stepsFor(local, 'en')[2]!.body).not.toContain('externalTrafficPolicy: Cluster');
	});

	it('says in kubectl-proxy that the API server dials the Pod, not the ClusterIP', () => {
		const last = stepsFor(scenarios['kubectl-proxy'], 'en').at(-1)!;
		expect(last.destination).toBe('10.244.1.10:8080');
		expect(last.body).toContain('picks one of the 2 ready endpoints');
		expect(last.body).toContain('The ClusterIP and kube-proxy’s rules are not on this path');
	});

	it('words a single endpoint and the article before a protocol properly', () => {
		const ingress = stepsFor(scenarios['ingress-nodeport'], 'en');
		expect(ingress.at(-1)!.body).toContain('it picks the only ready endpoint of the Service');
		expect(ingress[0]!.body).toContain('opens an HTTP connection');
		expect(stepsFor(scenarios.nodeport, 'en')[0]!.body).toContain('opens a TCP connection');
		expect(stepsFor(scenarios['ingress-nodeport'], 'fr').at(-1)!.body).toContain('il choisit le seul endpoint prêt du Service');
	});

	it('uses French typography: a non-breaking space before a colon', () => {
		const summary = routeSummary(scenarios.nodeport, 'fr');
		expect(summary).toMatch(/^La requête passe par 3 étapes\u00a0: /);
		expect(summary).not.toMatch(/ :/);
	});
});
