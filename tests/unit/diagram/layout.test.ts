import { describe, expect, it } from 'vitest';
import { estimateWidth, LAYOUT, layoutScenario as layout, nameLines, TEXT_EM, type LayoutNode } from '../../../src/diagram/layout.ts';
import { LAYOUT_LABELS } from '../../../src/i18n/diagram.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

/** The layout with the titles of every language, as Diagram.astro gives it. */
const layoutScenario = (scenario: Scenario) => layout(scenario, LAYOUT_LABELS);

const overlaps = (a: LayoutNode, b: LayoutNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutScenario', () => {
	it.each(SCENARIO_IDS)('is deterministic for `%s`', (id) => {
		expect(JSON.stringify(layoutScenario(scenarios[id]))).toBe(JSON.stringify(layoutScenario(copyOf(scenarios[id]))));
	});

	it.each(SCENARIO_IDS)('places every node of `%s` once, inside its zone, without overlap', (id) => {
		const scenario = scenarios[id];
		const layout = layoutScenario(scenario);
		expect(layout.nodes.map((n) => n.id).sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
		for (const node of layout.nodes) {
			const zone = layout.zones.find((z) => z.id === scenario.nodes.find((n) => n.id === node.id)!.zone)!;
			expect(node.x).toBeGreaterThanOrEqual(zone.x);
			expect(node.y).toBeGreaterThanOrEqual(zone.y);
			expect(node.x + node.width).toBeLessThanOrEqual(zone.x + zone.width);
			expect(node.y + node.height).toBeLessThanOrEqual(zone.y + zone.height);
			for (const other of layout.nodes) if (other !== node) expect(overlaps(node, other), `${node.id} overlaps ${other.id}`).toBe(false);
		}
		for (const zone of layout.zones) {
			expect(zone.x + zone.width).toBeLessThanOrEqual(layout.width);
			expect(zone.y + zone.height).toBeLessThanOrEqual(layout.height);
		}
	});

	it('puts the path on one column, top to bottom, so every hop points down', () => {
		const layout = layoutScenario(scenarios.nodeport);
		const spine = layout.nodes.filter((n) => n.onPath);
		expect(new Set(spine.map((n) => n.x)).size).toBe(1);
		for (const hop of layout.hops) {
			const from = layout.nodes.find((n) => n.id === hop.from)!;
			const to = layout.nodes.find((n) => n.id === hop.to)!;
			expect(to.y).toBeGreaterThan(from.y);
			expect(hop.d).toMatch(/^M[\d.]+,[\d.]+C/);
		}
	});

	it('snapshots the nodeport geometry (numbers rounded to 0.1)', () => {
		const layout = layoutScenario(scenarios.nodeport);
		expect({ width: layout.width, height: layout.height, hops: layout.hops.map((h) => [h.id, h.destination, h.d]) }).toMatchInlineSnapshot(`
			{
			  "height": 535,
			  "hops": [
			    [
			      "client-to-nodeport-a",
			      "10.0.1.11:30080",
			      "M226,70C226,119,226,119,226,168",
			    ],
			    [
			      "nodeport-a-to-kube-proxy-a",
			      "10.0.1.11:30080",
			      "M226,203C226,219,226,219,226,235",
			    ],
			    [
			      "kube-proxy-a-to-web-1",
			      "10.244.2.10:8080",
			      "M226,285C226,322,226,322,226,359",
			    ],
			  ],
			  "width": 308,
			}
		`);
	});

	it('labels each hop with the destination the model derives', () => {
		const changed = copyOf(scenarios.nodeport);
		changed.services[0]!.nodePort = 32000;
		expect(layoutScenario(changed).hops.map((h) => h.destination)).toEqual(['10.0.1.11:32000', '10.0.1.11:32000', '10.244.2.10:8080']);
	});

	it.each(SCENARIO_IDS)('draws `%s` narrow enough to read at 1:1 on a 360 px phone, every word at least 12 units', (id) => {
		// A 360 px screen leaves Starlight's content column about 322 px: at 320 units or less, 1 unit ≥ 1 CSS px.
		expect(layoutScenario(scenarios[id]).width).toBeLessThanOrEqual(320);
		expect(Math.min(LAYOUT.font.text, LAYOUT.font.title)).toBeGreaterThanOrEqual(12);
	});

	it.each(SCENARIO_IDS)('keeps every hop label of `%s` off zone borders, zone titles and boxes', (id) => {
		const layout = layoutScenario(scenarios[id]);
		for (const hop of layout.hops) {
			// The label is right-aligned at label.x: the protocol's baseline at label.y, the address one line below.
			const width = Math.max(estimateWidth(hop.protocol, TEXT_EM.sans), estimateWidth(hop.destination, TEXT_EM.mono));
			const box = { left: hop.label.x - width, right: hop.label.x, top: hop.label.y - 12, bottom: hop.label.y + LAYOUT.line + 3 };
			for (const zone of layout.zones) {
				const inside = box.left >= zone.x && box.right <= zone.x + zone.width && box.top >= zone.y && box.bottom <= zone.y + zone.height;
				const outside = box.right <= zone.x || box.left >= zone.x + zone.width || box.bottom <= zone.y || box.top >= zone.y + zone.height;
				expect(inside || outside, `${hop.id}'s label crosses the border of zone ${zone.id}`).toBe(true);
				const header = zone.y + LAYOUT.zoneHeader + (zone.nameBelow ? LAYOUT.line : 0);
				if (inside) expect(box.top, `${hop.id}'s label is in the title strip of zone ${zone.id}`).toBeGreaterThanOrEqual(header);
			}
			for (const node of layout.nodes) {
				const apart = box.right <= node.x || box.left >= node.x + node.width || box.bottom <= node.y || box.top >= node.y + node.height;
				expect(apart, `${hop.id}'s label overlaps box ${node.id}`).toBe(true);
			}
			// And the label sits left of its own line, clear of the number badge.
			expect(box.right).toBeLessThan(hop.badge.x - 10);
		}
	});

	it('says which is which where a zone has two boxes of one kind: each load balancer names its own Service', () => {
		// Each LoadBalancer Service gets its own cloud load balancer: the two boxes belong to traefik-orders and traefik-catalog.
		const layout = layoutScenario(scenarios['loadbalancer-per-api']);
		const balancers = layout.nodes.filter((n) => n.kind === 'cloud-load-balancer');
		expect(balancers.map((n) => n.name).sort()).toEqual(['traefik-catalog', 'traefik-orders']);
		// A box alone of its kind keeps no such line.
		expect(layoutScenario(scenarios.loadbalancer).nodes.find((n) => n.kind === 'cloud-load-balancer')?.name).toBeUndefined();
	});

	it('breaks a long Pod name after a hyphen into even lines that fit, never inside a word', () => {
		expect(nameLines('web-z6jrr-gq98h', 126)).toEqual(['web-z6jrr-gq98h']);
		expect(nameLines('traefik-catalog-4fw9m-tmhr9', 126)).toEqual(['traefik-catalog-', '4fw9m-tmhr9']);
		expect(nameLines('payments-htdk9-5gqfp', 126)).toEqual(['payments-', 'htdk9-5gqfp']);
	});
});
