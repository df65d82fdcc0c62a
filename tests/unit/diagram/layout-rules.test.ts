import { describe, expect, it } from 'vitest';
import { estimateWidth, LAYOUT, layoutScenario as layout, nameLines, splitInTwo, TEXT_EM, titleLines, type Layout, type LayoutNode } from '../../../src/diagram/layout.ts';
import { LAYOUT_LABELS } from '../../../src/i18n/diagram.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/** The layout with the titles of every language, as Diagram.astro gives it. */
const layoutScenario = (scenario: Scenario) => layout(scenario, LAYOUT_LABELS);

/*
 * The rules the layout states (src/diagram/layout.ts), checked on every atlas diagram with numbers
 * worked out from LAYOUT: zones nested 6 units per level inside a 2-unit margin; two 136-unit
 * columns 8 units apart, the path in the right one; each hop line from the bottom middle of its
 * sender to a 6-unit arrowhead whose tip touches the top middle of its receiver; the hop's number in
 * the middle of the 38-unit band above the receiver, its label 15 units left of it.
 */
const L = LAYOUT;
const box = (layout: Layout, id: string): LayoutNode => {
	const found = layout.nodes.find((node) => node.id === id);
	if (!found) throw new Error(`no box \`${id}\``);
	return found;
};

describe('text measures', () => {
	it('estimates a line as characters × size × the font’s advance', () => {
		expect(estimateWidth('abcd', 0.5, 10)).toBe(20);
		expect(estimateWidth('abcd', TEXT_EM.mono)).toBeCloseTo(4 * 12 * 0.61);
		expect(TEXT_EM).toEqual({ sans: 0.56, mono: 0.61 });
	});

	it('splits a label at the space nearest its middle, the first of two equally near', () => {
		expect(splitInTwo('Cloud load balancer')).toEqual(['Cloud load', 'balancer']);
		expect(splitInTwo('Équilibreur de charge cloud')).toEqual(['Équilibreur de', 'charge cloud']);
		expect(splitInTwo('abc d ef')).toEqual(['abc', 'd ef']);
		expect(splitInTwo('kube-proxy')).toEqual(['kube-proxy']);
	});

	it('keeps a title on one line up to 8 % wider than its room, and wraps it beyond', () => {
		// 19 characters at 12 × 0.56: 127.7 units, in a 126-unit room.
		expect(titleLines('Cloud load balancer', 126)).toEqual(['Cloud load balancer']);
		// 27 characters: 181.4 units, far beyond.
		expect(titleLines('Équilibreur de charge cloud', 126)).toEqual(['Équilibreur de', 'charge cloud']);
		expect(titleLines('Cloud load balancer', 100)).toEqual(['Cloud load', 'balancer']);
	});

	it('breaks a Pod name after hyphens into as many lines as it needs, and never inside a word', () => {
		// 11 monospace characters (80.5 units) fit a 76-unit room with the 8 % squeeze, 12 do not.
		expect(nameLines('aaaaaaaaaa-bbbbbbbbbb-cccccccccc', 76)).toEqual(['aaaaaaaaaa-', 'bbbbbbbbbb-', 'cccccccccc']);
		expect(nameLines('averyveryverylongpodname', 76)).toEqual(['averyveryverylongpodname']);
		// Two lines, the break moved to the hyphen that evens them out.
		expect(nameLines('ab-cdefghij-klmnopqrs', 90)).toEqual(['ab-cdefghij-', 'klmnopqrs']);
		expect(nameLines('envoy-gateway-web-gateway-b52444e4-dt48t-z824n', 126)).toEqual(['envoy-gateway-web-', 'gateway-b52444e4-', 'dt48t-z824n']);
	});
});

describe('columns and zones', () => {
	it.each(SCENARIO_IDS)('`%s`: zones nested 6 units a level, the path in the right-hand column, the rest beside it', (id) => {
		const scenario: Scenario = scenarios[id];
		const layout = layoutScenario(scenario);
		const maxDepth = Math.max(...layout.zones.map((zone) => zone.depth));
		const column0 = L.margin + (maxDepth + 1) * L.zonePad;
		const column1 = column0 + L.nodeWidth + L.columnGap;
		expect(layout.width).toBe(column1 + L.nodeWidth + column0);
		for (const zone of layout.zones) {
			expect(zone.x, zone.id).toBe(L.margin + zone.depth * L.zonePad);
			expect(zone.width, zone.id).toBe(layout.width - 2 * zone.x);
		}
		// Outer zones first, so inner ones are drawn on top.
		expect(layout.zones.map((zone) => zone.depth)).toEqual([...layout.zones.map((zone) => zone.depth)].sort((a, b) => a - b));
		const onPath = new Set([scenario.path[0]!.from, ...scenario.path.map((hop) => hop.to)]);
		for (const node of layout.nodes) {
			expect(node.onPath, node.id).toBe(onPath.has(node.id));
			expect(node.x, node.id).toBe(node.onPath ? column1 : column0);
			expect(node.width).toBe(L.nodeWidth);
		}
		expect(layout.height).toBe(Math.max(...layout.zones.map((zone) => zone.y + zone.height)) + L.margin);
	});

	it('NodePort: the office on top, then the cluster with the Service, node-a (entered first) above node-b', () => {
		const layout = layoutScenario(scenarios.nodeport);
		const zone = (id: string) => layout.zones.find((z) => z.id === id)!;
		expect(layout.zones.map((z) => [z.id, z.depth])).toEqual([
			['office', 0],
			['cluster', 0],
			['node-a', 1],
			['node-b', 1],
		]);
		// The office: its title strip, the client's box (a title line and its name: 14 + 2 × 15), its padding.
		expect(zone('office')).toMatchObject({ y: 2, height: 24 + 44 + 6 });
		expect(zone('cluster').y).toBe(2 + 74 + 12);
		expect(zone('node-a').y).toBeLessThan(zone('node-b').y);
		expect(box(layout, 'client')).toMatchObject({ y: 26, height: 44 });
		// kube-proxy shows a note line even without a name.
		expect(box(layout, 'kube-proxy-a').height).toBe(14 + 2 * L.line);
		// The first box of node-a is reached by a hop: its label band lies between the zone's title and the box.
		expect(box(layout, 'nodeport-a').y).toBe(zone('node-a').y + L.zoneHeader + L.labelBand);
	});

	it('a zone whose name does not fit beside its title in some language puts it on a second line', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones = scenario.zones.map((zone) => (zone.id === 'node-b' ? { ...zone, name: 'ip-10-0-1-12.eu-west-1.compute.internal' } : zone));
		const layout = layoutScenario(scenario as Scenario);
		expect(layout.zones.find((zone) => zone.id === 'node-b')?.nameBelow).toBe(true);
		expect(layout.zones.find((zone) => zone.id === 'node-a')?.nameBelow).toBe(false);
		expect(layout.zones.find((zone) => zone.id === 'cluster')?.nameBelow).toBe(false);
		const pod = box(layout, 'web-1');
		expect(pod.y).toBe(layout.zones.find((zone) => zone.id === 'node-b')!.y + L.zoneHeader + L.line + L.labelBand);
	});
});

describe('hops', () => {
	it.each(SCENARIO_IDS)('`%s`: each hop runs down the spine into an arrowhead touching its receiver, numbered in the band above it', (id) => {
		const scenario: Scenario = scenarios[id];
		const layout = layoutScenario(scenario);
		expect(layout.hops.map((hop) => hop.number)).toEqual(scenario.path.map((_, i) => i + 1));
		for (const hop of layout.hops) {
			const a = box(layout, hop.from);
			const b = box(layout, hop.to);
			const x = b.x + b.width / 2;
			expect(hop.arrow, hop.id).toBe(`M${x},${b.y}L${x - 6},${b.y - 6}L${x + 6},${b.y - 6}Z`);
			expect(hop.d, hop.id).toMatch(new RegExp(`^M${a.x + a.width / 2},${a.y + a.height}C.*,${x},${b.y - 6}$`));
			expect(hop.badge, hop.id).toEqual({ x, y: b.y - L.labelBand / 2 - 1 });
			expect(hop.label, hop.id).toEqual({ x: x - 15, y: b.y - L.labelBand / 2 - 4 });
		}
	});

	it('a hop back up (to a box drawn above its sender) leaves from the top and is numbered at its middle', () => {
		const scenario = copyOf(scenarios.nodeport);
		// web-1 answers through the Service object, drawn in the cluster zone above node-b.
		scenario.path.push({ from: 'web-1', to: 'service', protocol: 'TCP', transform: 'netfilter-match' });
		const layout = layoutScenario(scenario as Scenario);
		const hop = layout.hops.at(-1)!;
		const a = box(layout, 'web-1');
		const b = box(layout, 'service');
		expect(b.y + b.height).toBeLessThan(a.y);
		const x = b.x + b.width / 2;
		const bottom = b.y + b.height;
		expect(hop.arrow).toBe(`M${x},${bottom}L${x - 6},${bottom + 6}L${x + 6},${bottom + 6}Z`);
		expect(hop.d).toMatch(new RegExp(`^M${a.x + a.width / 2},${a.y}C`));
		expect(hop.badge).toEqual({ x, y: (a.y + bottom + 6) / 2 });
		expect(hop.label).toEqual({ x: x - 15, y: (a.y + bottom + 6) / 2 - 3 });
	});

	it('draws no line for a hop whose ends are not drawn', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.path[2]!.to = 'ghost';
		expect(layoutScenario(scenario as Scenario).hops.map((hop) => hop.id)).toEqual(['client-to-nodeport-a', 'nodeport-a-to-kube-proxy-a']);
	});
});

describe('edges of the measures', () => {
	it('a line exactly as wide as its room with the squeeze still fits', () => {
		// 9 sans characters at 12 units: 60.48, and 56 × 1.08 = 60.48.
		expect(titleLines('abcd efgh', 56)).toEqual(['abcd efgh']);
		const room = (5 * 12 * 0.61) / 1.08;
		expect(nameLines('aa-bb', room)).toEqual(['aa-bb']);
	});

	it('two lines are evened out, across more than one hyphen, and a tie keeps the first break found', () => {
		// 10 monospace characters fit 70 units: greedy gives `a-bbbb-cc-` / `ddddd`, the even break is one hyphen earlier.
		expect(nameLines('a-bbbb-cc-ddddd', 70)).toEqual(['a-bbbb-', 'cc-ddddd']);
		// 5 characters fit 36 units: `aa-b-` / `ccc` and `aa-` / `b-ccc` are as even; the first stays.
		expect(nameLines('aa-b-ccc', 36)).toEqual(['aa-b-', 'ccc']);
		// 8 characters fit 55 units: `aaa-` / `b-c-dd` and `aaa-b-` / `c-dd` are as even, both more than greedy's; the first wins.
		expect(nameLines('aaa-b-c-dd', 55)).toEqual(['aaa-', 'b-c-dd']);
	});
});

describe('where things go when the declarations are in another order', () => {
	const zoneY = (layout: Layout, id: string) => layout.zones.find((zone) => zone.id === id)!.y;

	it('zones follow the path, not the order they are declared in; zones the path never enters come last, as declared', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones = [
			scenario.zones[1]!,
			{ id: 'node-d', kind: 'worker-node', parent: 'cluster', name: 'node-d', address: '10.0.1.14' },
			{ id: 'node-c', kind: 'worker-node', parent: 'cluster', name: 'node-c', address: '10.0.1.13' },
			scenario.zones[3]!,
			scenario.zones[2]!,
			scenario.zones[0]!,
		];
		const layout = layoutScenario(scenario as Scenario);
		expect(zoneY(layout, 'office')).toBeLessThan(zoneY(layout, 'cluster'));
		expect(zoneY(layout, 'node-a')).toBeLessThan(zoneY(layout, 'node-b'));
		expect(zoneY(layout, 'node-b')).toBeLessThan(zoneY(layout, 'node-d'));
		expect(zoneY(layout, 'node-d')).toBeLessThan(zoneY(layout, 'node-c'));
	});

	it('a zone entered only through a zone inside it still comes first: the client on a laptop in the office', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones = [scenario.zones[1]!, scenario.zones[2]!, scenario.zones[3]!, scenario.zones[0]!, { id: 'laptop', kind: 'user-machine', parent: 'office' }];
		scenario.nodes[0]!.zone = 'laptop';
		const layout = layoutScenario(scenario as Scenario);
		expect(zoneY(layout, 'office')).toBeLessThan(zoneY(layout, 'cluster'));
	});

	it('a cluster with no box of its own: its first node right under its title, the next one a gap below', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.nodes = scenario.nodes.filter((node) => node.id !== 'service');
		const layout = layoutScenario(scenario as Scenario);
		const zone = (id: string) => layout.zones.find((z) => z.id === id)!;
		expect(zone('node-a').y).toBe(zone('cluster').y + L.zoneHeader);
		expect(zone('node-b').y).toBe(zone('node-a').y + zone('node-a').height + L.zoneGap);
	});

	it('boxes on the path follow the path, not the order they are declared in', () => {
		const scenario = copyOf(scenarios.nodeport);
		const [client, service, nodeportA, kubeProxyA, ...rest] = scenario.nodes;
		scenario.nodes = [client!, service!, kubeProxyA!, nodeportA!, ...rest];
		const layout = layoutScenario(scenario as Scenario);
		expect(box(layout, 'nodeport-a').y).toBeLessThan(box(layout, 'kube-proxy-a').y);
	});

	it('zones nested in a loop or under an unknown zone do not stop the layout', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones.push({ id: 'x', kind: 'cluster', parent: 'y' }, { id: 'y', kind: 'cluster', parent: 'x' }, { id: 'z', kind: 'cluster', parent: 'unknown' });
		expect(layoutScenario(scenario as Scenario).nodes).toHaveLength(scenario.nodes.length);
	});

	it('an empty path: every box beside the spine, no hop', () => {
		const layout = layoutScenario({ ...scenarios.nodeport, path: [] });
		expect(layout.hops).toEqual([]);
		expect(layout.nodes.every((node) => !node.onPath && node.x === LAYOUT.margin + 2 * LAYOUT.zonePad)).toBe(true);
	});

	it('a hop without an address is drawn with an empty label', () => {
		const scenario = copyOf(scenarios.nodeport);
		delete scenario.services[0]!.nodePort;
		expect(layoutScenario(scenario as Scenario).hops[0]!.destination).toBe('');
	});
});

describe('room for the words of both languages', () => {
	it('a box is as tall as its title needs in the language that needs most: the cloud load balancer takes two French lines', () => {
		// « Équilibreur de charge cloud » is 181 units wide; “Cloud load balancer” fits one line.
		expect(box(layoutScenario(scenarios.loadbalancer), 'load-balancer').height).toBe(14 + 2 * L.line);
	});

	it('a Pod name of 20 characters breaks in the 126 units a box leaves for words', () => {
		expect(box(layoutScenario(scenarios['loadbalancer-per-api']), 'payments-1').nameLines).toEqual(['payments-', 'htdk9-5gqfp']);
	});

	it('a zone name goes under its title when one language needs it: the French title of the provider’s network is longer', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		scenario.zones = scenario.zones.map((zone) => (zone.id === 'cloud' ? { ...zone, name: 'aws' } : zone));
		expect(layoutScenario(scenario as Scenario).zones.find((zone) => zone.id === 'cloud')?.nameBelow).toBe(true);
		// An unnamed zone never needs the second line.
		expect(layoutScenario(scenarios.loadbalancer).zones.find((zone) => zone.id === 'cloud')?.nameBelow).toBe(false);
	});

	it('the first child of a zone without boxes of its own starts right under its title; the next one a gap below', () => {
		const layout = layoutScenario(scenarios['service-mesh']);
		const zone = (id: string) => layout.zones.find((z) => z.id === id)!;
		expect(zone('frontend-pod').y).toBe(zone('node-a').y + L.zoneHeader);
		expect(zone('node-b').y).toBe(zone('node-a').y + zone('node-a').height + L.zoneGap);
	});
});
