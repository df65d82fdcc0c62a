import { describe, expect, it } from 'vitest';
import { layoutScenario, type LayoutNode } from '../../../src/diagram/layout.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

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
			  "height": 579,
			  "hops": [
			    [
			      "client-to-nodeport-a",
			      "10.0.1.11:30080",
			      "M244,74C244,148,244,148,244,222",
			    ],
			    [
			      "nodeport-a-to-kube-proxy-a",
			      "10.0.1.11:30080",
			      "M244,272C244,292,244,292,244,312",
			    ],
			    [
			      "kube-proxy-a-to-web-1",
			      "10.244.2.7:8080",
			      "M244,362C244,389.5,244,389.5,244,417",
			    ],
			  ],
			  "width": 396,
			}
		`);
	});

	it('labels each hop with the destination the model derives', () => {
		const changed = copyOf(scenarios.nodeport);
		changed.services[0]!.nodePort = 32000;
		expect(layoutScenario(changed).hops.map((h) => h.destination)).toEqual(['10.0.1.11:32000', '10.0.1.11:32000', '10.244.2.7:8080']);
	});
});
