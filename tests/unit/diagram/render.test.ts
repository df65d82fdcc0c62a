import { describe, expect, it } from 'vitest';
import { renderDiagram as render } from '../../../src/diagram/render.ts';
import { diagramLabels } from '../../../src/i18n/diagram.ts';
import type { Locale } from '../../../src/i18n/index.ts';
import { LOCALES } from '../../../src/i18n/index.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { stepsFor } from '../../../src/i18n/steps.ts';
import type { Scenario } from '../../../src/model/types.ts';

/** The renderer with the words Diagram.astro hands it. */
const renderDiagram = (scenario: Scenario, locale: Locale) => render(scenario, diagramLabels(scenario, locale));

const hopIds = (svg: string) => [...svg.matchAll(/data-hop="([^"]+)"/g)].map((m) => m[1]);

describe('renderDiagram', () => {
	it.each(SCENARIO_IDS.flatMap((id) => LOCALES.map((locale) => [id, locale] as const)))('draws one data-hop per step for `%s` in %s', (id, locale) => {
		const { svg } = renderDiagram(scenarios[id], locale);
		expect(hopIds(svg)).toEqual(stepsFor(scenarios[id], locale).map((s) => s.id));
	});

	it.each(SCENARIO_IDS)('opens `%s` on its first step: that hop alone is active', (id) => {
		const { svg } = renderDiagram(scenarios[id], 'en');
		const active = [...svg.matchAll(/<g class="kp-hop is-active" data-hop="([^"]+)"/g)].map((m) => m[1]);
		expect(active).toEqual([stepsFor(scenarios[id], 'en')[0]?.id]);
		expect(svg.match(/class="kp-hop[ "]/g)).toHaveLength(stepsFor(scenarios[id], 'en').length);
	});

	it('gives the SVG an accessible name and a description that says the whole path', () => {
		const { svg } = renderDiagram(scenarios.nodeport, 'en');
		expect(svg).toMatch(/^<svg class="kp-svg" viewBox="0 0 [\d.]+ [\d.]+"/);
		expect(svg).toContain('role="img"');
		expect(svg).toContain('<title id="kp-nodeport-title">Request path: NodePort Service</title>');
		expect(svg).toContain(
			'<desc id="kp-nodeport-desc">The request takes 3 steps: Client curl → NodePort (10.0.1.11:30080) → kube-proxy rules (10.0.1.11:30080) → Pod web-z6jrr-gq98h (10.244.2.10:8080).</desc>',
		);
	});

	it('draws French words on the French diagram and the same geometry', () => {
		const en = renderDiagram(scenarios.nodeport, 'en');
		const fr = renderDiagram(scenarios.nodeport, 'fr');
		expect(fr.svg).toContain('>Règles de kube-proxy<');
		expect(fr.svg).toContain('>Nœud <tspan class="kp-zone-name">node-a</tspan>');
		expect(fr.svg).not.toContain('kube-proxy rules');
		expect(fr.layout).toEqual(en.layout);
	});

	it('escapes text it draws: names with & < > " come out as entities, in text and in attributes', () => {
		// The NodePort scenario with hostile names written in: a zone, the Service box, a Pod, the client.
		const hostile = 'a&b <i>"x"</i>';
		const scenario = {
			...scenarios.nodeport,
			zones: scenarios.nodeport.zones.map((zone) => (zone.id === 'node-a' ? { ...zone, name: `zone ${hostile}` } : zone)),
			nodes: scenarios.nodeport.nodes.map((node) => (node.id === 'service' || node.id === 'web-1' || node.id === 'client' ? { ...node, name: `${node.id} ${hostile}` } : node)),
		} as Scenario;
		const { svg } = renderDiagram(scenario, 'en');
		const escaped = 'a&amp;b &lt;i&gt;&quot;x&quot;&lt;/i&gt;';
		expect(svg).toContain(`zone ${escaped}`);
		expect(svg).toContain(`service ${escaped}`);
		expect(svg).toContain(`web-1 ${escaped}`);
		expect(svg).toContain(`client ${escaped}`);
		expect(svg, 'a raw <i> from a name reached the SVG').not.toContain('<i>');
		expect(svg, 'a raw " from a name reached the SVG').not.toContain('"x"');
		// Every & in the SVG starts an entity.
		expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
	});
});
