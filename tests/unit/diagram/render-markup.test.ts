import { describe, expect, it } from 'vitest';
import { renderDiagram as render } from '../../../src/diagram/render.ts';
import { diagramLabels } from '../../../src/i18n/diagram.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/** The diagram in one language, with the words Diagram.astro hands in. */
const renderDiagram = (scenario: Scenario, locale: 'en' | 'fr') => render(scenario, diagramLabels(scenario, locale));

/*
 * The SVG markup the build writes, element by element, for the NodePort diagram: every box, zone and
 * hop of its layout drawn where the layout put it, words centred in their box on 15-unit lines, the
 * hop number in a 10-unit circle, classes and data attributes that the stylesheet and the island
 * select by.
 */
/* Rendered inside each test, not at collection: Stryker then knows which tests reach which code. */
const nodeport = () => renderDiagram(scenarios.nodeport, 'en');

describe('the NodePort diagram’s markup', () => {
	it('an SVG as large as its layout', () => {
		const { svg, layout } = nodeport();
		expect(
			svg.startsWith(
				`<svg class="kp-svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="kp-nodeport-title" aria-describedby="kp-nodeport-desc" xmlns="http://www.w3.org/2000/svg">`,
			),
		).toBe(true);
		expect(svg.endsWith('</g></svg>')).toBe(true);
	});

	it('zones: moved to their place, a rounded rectangle from there and the title 8 units in, its literal name beside it', () => {
		const { svg } = nodeport();
		expect(svg).toContain(
			'<g class="kp-zones"><g class="kp-zone kp-zone--user-machine" data-zone="office" transform="translate(2 2)"><rect width="304" height="74" rx="9"/><text class="kp-zone-label" x="8" y="16">Your machine</text></g>',
		);
		expect(svg).toContain(
			'<g class="kp-zone kp-zone--worker-node" data-zone="node-a" transform="translate(8 112)"><rect width="292" height="179" rx="9"/><text class="kp-zone-label" x="8" y="16">Node <tspan class="kp-zone-name">node-a</tspan></text></g>',
		);
	});

	it('boxes: moved to their place; the kind and the name centred in them on 15-unit lines; the path’s boxes marked; kube-proxy’s note', () => {
		const { svg, layout } = nodeport();
		expect(svg).toContain(
			'<g class="kp-node kp-node--client kp-node--on-path" data-node="client" transform="translate(158 26)"><rect width="136" height="44" rx="7"/><text class="kp-node-kind" text-anchor="middle"><tspan x="68" y="18">Client</tspan></text><text class="kp-node-name" text-anchor="middle"><tspan x="68" y="33">curl</tspan></text></g>',
		);
		expect(svg).toContain(
			'<g class="kp-node kp-node--node-port kp-node--on-path" data-node="nodeport-a" transform="translate(158 174)"><rect width="136" height="29" rx="7"/><text class="kp-node-kind" text-anchor="middle"><tspan x="68" y="18">NodePort</tspan></text></g>',
		);
		// kube-proxy's note, on the second line of its box: 274 units down the picture, as before boxes were moved to their place.
		const proxy = layout.nodes.find((node) => node.id === 'kube-proxy-a')!;
		expect(svg).toContain(`data-node="kube-proxy-a" transform="translate(158 ${proxy.y})">`);
		expect(svg).toContain(`<text class="kp-node-note" text-anchor="middle"><tspan x="68" y="${274 - proxy.y}">in the kernel</tspan></text>`);
		// Off the path, in a row as tall as its neighbour: the one line centred in 44 units.
		expect(svg).toContain(
			'<g class="kp-node kp-node--node-port" data-node="nodeport-b" transform="translate(14 365)"><rect width="136" height="44" rx="7"/><text class="kp-node-kind" text-anchor="middle"><tspan x="68" y="25.5">NodePort</tspan></text></g>',
		);
		// The Service, which no hop visits, below the nodes (node-b ends at 303 + 168 = 471; a 12-unit gap),
		// so the first hop into the cluster goes straight down into node-a instead of past it.
		expect(svg).toContain('<g class="kp-node kp-node--service" data-node="service" transform="translate(14 483)">');
		expect(svg).toContain('data-zone="cluster" transform="translate(2 88)"><rect width="304" height="445"');
	});

	it('hops: a hit area, the line, the arrowhead, the numbered badge and the protocol over the destination', () => {
		const { svg, layout } = nodeport();
		const hop = layout.hops[1]!;
		expect(svg).toContain(
			`<g class="kp-hop" data-hop="nodeport-a-to-kube-proxy-a"><path class="kp-hop-hit" d="${hop.d}"/><path class="kp-hop-line" d="${hop.d}"/><path class="kp-hop-arrow" d="${hop.arrow}"/>` +
				`<circle class="kp-hop-badge" cx="${hop.badge.x}" cy="${hop.badge.y}" r="10"/><text class="kp-hop-number" x="${hop.badge.x}" y="${hop.badge.y + 4}" text-anchor="middle">2</text>` +
				`<text class="kp-hop-label" x="${hop.label.x}" y="${hop.label.y}" text-anchor="end"><tspan class="kp-hop-protocol">TCP</tspan><tspan class="kp-hop-destination" x="${hop.label.x}" dy="14">10.0.1.11:30080</tspan></text></g>`,
		);
		expect(svg).toContain('<g class="kp-hop is-active" data-hop="client-to-nodeport-a">');
		expect(svg).toContain('</g><g class="kp-nodes">');
		expect(svg).toContain('</g><g class="kp-hops">');
	});
});

describe('words that need room', () => {
	it('a title a little too wide for its box is squeezed to the room, not wrapped', () => {
		const { svg } = renderDiagram(scenarios.loadbalancer, 'en');
		expect(svg).toContain('>Cloud load balancer</tspan>');
		expect(svg).toMatch(/<tspan x="[\d.]+" y="[\d.]+" textLength="126" lengthAdjust="spacingAndGlyphs">Cloud load balancer<\/tspan>/);
		expect(svg).toMatch(/<tspan x="[\d.]+" y="[\d.]+">Pod<\/tspan>/);
	});

	it('a zone name too long for the title line goes under it, at the title’s x', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones = scenario.zones.map((zone) => (zone.id === 'node-b' ? { ...zone, name: 'ip-10-0-1-12.eu-west-1.compute.internal' } : zone));
		const { svg, layout } = renderDiagram(scenario as Scenario, 'en');
		const zone = layout.zones.find((z) => z.id === 'node-b')!;
		expect(svg).toContain(`data-zone="node-b" transform="translate(${zone.x} ${zone.y})">`);
		expect(svg).toContain('<text class="kp-zone-label" x="8" y="16">Node<tspan class="kp-zone-name" x="8" dy="15">ip-10-0-1-12.eu-west-1.compute.internal</tspan></text>');
	});
});

describe('names on more than one line', () => {
	it('a Pod name on two lines: the second 15 units below the first, in the same text element', () => {
		const { svg } = renderDiagram(scenarios['loadbalancer-per-api'], 'en');
		const match = /<tspan x="([\d.]+)" y="([\d.]+)">payments-<\/tspan><tspan x="\1" y="([\d.]+)">htdk9-5gqfp<\/tspan><\/text>/.exec(svg);
		expect(match, 'the two lines of payments-htdk9-5gqfp').not.toBeNull();
		expect(Number(match![3]) - Number(match![2])).toBe(15);
	});

	it('a name line measured in the code font: 18 monospace characters are squeezed into the 126-unit room', () => {
		const { svg } = renderDiagram(scenarios['gateway-api'], 'en');
		expect(svg).toMatch(/<tspan x="[\d.]+" y="[\d.]+" textLength="126" lengthAdjust="spacingAndGlyphs">envoy-gateway-web-<\/tspan>/);
	});

	it('kube-proxy’s box shows its name when it has one, instead of the note', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.nodes.find((node) => node.id === 'kube-proxy-a')!.name = 'iptables';
		const { svg } = renderDiagram(scenario as Scenario, 'en');
		expect(svg).not.toContain('in the kernel');
		expect(svg).toMatch(/<text class="kp-node-name" text-anchor="middle"><tspan x="68" y="[\d.]+">iptables<\/tspan><\/text>/);
	});
});
