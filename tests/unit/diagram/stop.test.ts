/* The diagram of a request that does not arrive marks the box where it stops, and says so in words. */
import { describe, expect, it } from 'vitest';
import { renderDiagram } from '../../../src/diagram/render.ts';
import { diagramLabels } from '../../../src/i18n/diagram.ts';
import { buildScenario } from '../../../src/model/build.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';

describe('where the request stops', () => {
	it('marks kube-proxy’s rules on node-a when Local drops the packets there, in both languages', () => {
		// NodePort, externalTrafficPolicy: Local, the client entering node-a, which runs no Pod.
		const scenario = buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 1], via: 1, etp: 'local' });
		const en = renderDiagram(scenario, diagramLabels(scenario, 'en')).svg;
		expect(en).toMatch(/<g class="kp-node kp-node--kube-proxy kp-node--on-path kp-node--stop" data-node="kube-proxy-a" transform="translate\([\d.]+ [\d.]+\)">/);
		expect(en.match(/kp-node--stop/g)).toHaveLength(1);
		expect(en).toMatch(/<g class="kp-stop" aria-hidden="true"><circle /);
		expect(en).toMatch(/It is dropped at [^<]+\.<\/desc>/);
		const fr = renderDiagram(scenario, diagramLabels(scenario, 'fr')).svg;
		expect(fr).toMatch(/Elle est abandonnée à [^<]+\.<\/desc>/);
	});

	it('marks the load balancer of a Service nobody implements, which has no address yet', () => {
		const scenario = buildScenario({ entry: 'loadbalancer', lb: 'none' });
		const svg = renderDiagram(scenario, diagramLabels(scenario, 'en')).svg;
		expect(svg).toMatch(/kp-node--stop" data-node="load-balancer"/);
		expect(svg).toContain('It cannot start:');
	});

	it('marks nothing on an atlas page, where every request arrives', () => {
		for (const scenario of Object.values(scenarios)) expect(renderDiagram(scenario, diagramLabels(scenario, 'en')).svg).not.toContain('kp-node--stop');
	});
});
