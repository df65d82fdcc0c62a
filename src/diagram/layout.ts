/*
 * Layout: scenario → coordinates and SVG path strings. Pure and deterministic (no DOM, no randomness,
 * numbers rounded), so the build-time render and any browser code get the same geometry, and tests
 * can snapshot it. The geometry does not depend on the language: only the words drawn on it do.
 *
 * The picture is a vertical "spine": the nodes the request passes through sit in column 1, in path
 * order, so every hop reads top to bottom and its address fits to its right. Nodes off the path
 * (the Service, other Pods, other nodes' NodePorts) sit in column 0, beside the spine, in the zone
 * they belong to. Zones are horizontal bands nested by depth: a zone's band holds its own nodes, then
 * its child zones in the order the path enters them.
 */
import { linkVertical } from 'd3-shape';
import { findNode, hopId, destinationOf, formatEndpoint } from '../model/resolve.ts';
import type { Scenario, TopologyNode, Zone } from '../model/types.ts';
import type { NodeKind, Protocol, ZoneKind } from '../model/kinds.ts';

export const LAYOUT = {
	margin: 4,
	nodeWidth: 136,
	nodeHeight: 44,
	/** Vertical room between two rows: the hop label (protocol + address) sits there. */
	rowGap: 46,
	/** Horizontal room between the two columns. */
	columnGap: 18,
	/** Room to the right of the spine for hop labels. */
	labelSpace: 62,
	/** Height of a zone's title strip. */
	zoneHeader: 26,
	/** Inset of a zone inside its parent, on each side. */
	zonePad: 9,
	/** Vertical room between two sibling zones. */
	zoneGap: 26,
	arrowSize: 6,
} as const;

export interface LayoutZone {
	readonly id: string;
	readonly kind: ZoneKind;
	readonly name: string | undefined;
	readonly depth: number;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

export interface LayoutNode {
	readonly id: string;
	readonly kind: NodeKind;
	readonly name: string | undefined;
	readonly onPath: boolean;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
}

export interface LayoutHop {
	readonly id: string;
	readonly number: number;
	readonly from: string;
	readonly to: string;
	readonly protocol: Protocol;
	readonly destination: string;
	/** The line the packet travels along (the island animates along it). */
	readonly d: string;
	/** The arrowhead at the end of the line. */
	readonly arrow: string;
	readonly badge: { readonly x: number; readonly y: number };
	readonly label: { readonly x: number; readonly y: number };
}

export interface Layout {
	readonly width: number;
	readonly height: number;
	readonly zones: readonly LayoutZone[];
	readonly nodes: readonly LayoutNode[];
	readonly hops: readonly LayoutHop[];
}

type Point = [number, number];
const round = (n: number) => Math.round(n * 10) / 10;
/** One decimal in the path string, as `round` gives elsewhere, so snapshots and the two renders match. */
const vertical = linkVertical<unknown, { source: Point; target: Point }, Point>().digits(1);

/** The first path position at which the request enters a zone or any zone inside it. */
function firstVisit(scenario: Scenario, zone: Zone): number {
	const inside = (node: TopologyNode): boolean => {
		let id: string | undefined = node.zone;
		while (id !== undefined) {
			if (id === zone.id) return true;
			id = scenario.zones.find((z) => z.id === id)?.parent;
		}
		return false;
	};
	const order = [scenario.path[0]?.from, ...scenario.path.map((hop) => hop.to)];
	const index = order.findIndex((id) => {
		const node = id === undefined ? undefined : findNode(scenario, id);
		return node !== undefined && inside(node);
	});
	return index === -1 ? Number.POSITIVE_INFINITY : index;
}

function childZones(scenario: Scenario, parent: string | undefined): Zone[] {
	return scenario.zones
		.map((zone, declared) => ({ zone, declared, visit: firstVisit(scenario, zone) }))
		.filter(({ zone }) => zone.parent === parent)
		.sort((a, b) => a.visit - b.visit || a.declared - b.declared)
		.map(({ zone }) => zone);
}

function depthOf(scenario: Scenario, zone: Zone): number {
	let depth = 0;
	let parent = zone.parent;
	while (parent !== undefined && depth < scenario.zones.length) {
		depth++;
		parent = scenario.zones.find((z) => z.id === parent)?.parent;
	}
	return depth;
}

export function layoutScenario(scenario: Scenario): Layout {
	const L = LAYOUT;
	const maxDepth = Math.max(0, ...scenario.zones.map((zone) => depthOf(scenario, zone)));
	const inset = (depth: number) => L.margin + depth * L.zonePad;
	const column0 = inset(maxDepth + 1);
	const column1 = column0 + L.nodeWidth + L.columnGap;
	const width = column1 + L.nodeWidth + L.labelSpace + (maxDepth + 1) * L.zonePad + L.margin;
	const pathOrder = [scenario.path[0]?.from, ...scenario.path.map((hop) => hop.to)].filter((id): id is string => id !== undefined);

	const zones: LayoutZone[] = [];
	const nodes = new Map<string, LayoutNode>();
	let cursor = L.margin;

	const placeZone = (zone: Zone, depth: number) => {
		const top = cursor;
		cursor += L.zoneHeader;
		const own = scenario.nodes.filter((node) => node.zone === zone.id);
		const spine = own.filter((node) => pathOrder.includes(node.id)).sort((a, b) => pathOrder.indexOf(a.id) - pathOrder.indexOf(b.id));
		const aside = own.filter((node) => !pathOrder.includes(node.id));
		const rows = Math.max(spine.length, aside.length);
		for (let row = 0; row < rows; row++) {
			if (row > 0) cursor += L.rowGap;
			for (const [node, x] of [[spine[row], column1], [aside[row], column0]] as const) {
				if (node) nodes.set(node.id, { id: node.id, kind: node.kind, name: node.name, onPath: node === spine[row], x, y: cursor, width: L.nodeWidth, height: L.nodeHeight });
			}
			cursor += L.nodeHeight;
		}
		const children = childZones(scenario, zone.id);
		children.forEach((child, i) => {
			if (i > 0 || rows > 0) cursor += rows > 0 && i === 0 ? L.rowGap / 2 : L.zoneGap;
			placeZone(child, depth + 1);
		});
		cursor += L.zonePad;
		const x = inset(depth);
		zones.push({ id: zone.id, kind: zone.kind, name: zone.name, depth, x, y: top, width: width - 2 * x, height: round(cursor - top) });
	};

	childZones(scenario, undefined).forEach((zone, i) => {
		if (i > 0) cursor += L.zoneGap;
		placeZone(zone, 0);
	});
	const height = cursor + L.margin;

	const anchors = (a: LayoutNode, b: LayoutNode): { source: Point; target: Point } =>
		b.y >= a.y + a.height
			? { source: [a.x + a.width / 2, a.y + a.height], target: [b.x + b.width / 2, b.y] }
			: b.y + b.height <= a.y
				? { source: [a.x + a.width / 2, a.y], target: [b.x + b.width / 2, b.y + b.height] }
				: a.x < b.x
					? { source: [a.x + a.width, a.y + a.height / 2], target: [b.x, b.y + b.height / 2] }
					: { source: [a.x, a.y + a.height / 2], target: [b.x + b.width, b.y + b.height / 2] };

	const hops: LayoutHop[] = [];
	scenario.path.forEach((hop, index) => {
		const a = nodes.get(hop.from);
		const b = nodes.get(hop.to);
		if (!a || !b) return;
		const { source, target } = anchors(a, b);
		const down = target[1] > source[1];
		const s = L.arrowSize;
		// The line stops at the arrowhead's base so the head's tip touches the node.
		const base: Point = [target[0], target[1] + (down ? -s : s)];
		const d = vertical({ source, target: base }) ?? '';
		const arrow = `M${round(target[0])},${round(target[1])}L${round(base[0] - s)},${round(base[1])}L${round(base[0] + s)},${round(base[1])}Z`;
		const mid: Point = [(source[0] + base[0]) / 2, (source[1] + base[1]) / 2];
		const destination = destinationOf(scenario, index);
		hops.push({
			id: hopId(hop),
			number: index + 1,
			from: hop.from,
			to: hop.to,
			protocol: hop.protocol,
			destination: destination ? formatEndpoint(destination) : '',
			d,
			arrow,
			badge: { x: round(mid[0]), y: round(mid[1]) },
			label: { x: round(mid[0] + 15), y: round(mid[1]) },
		});
	});

	return {
		width: round(width),
		height: round(height),
		// Outer zones first, so inner ones are drawn on top.
		zones: zones.sort((a, b) => a.depth - b.depth),
		nodes: [...nodes.values()],
		hops,
	};
}
