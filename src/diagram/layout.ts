/*
 * Layout: scenario → coordinates and SVG path strings. Pure and deterministic (no DOM, no randomness,
 * numbers rounded), so the build-time render and any browser code get the same geometry, and tests
 * can snapshot it. The geometry is the same in every language: where a box or a zone title needs room
 * for its words, it gets the room the longest language needs.
 *
 * The picture is a vertical "spine": the nodes the request passes through sit in column 1, in path
 * order, so every hop reads top to bottom. Nodes off the path (the Service, other Pods, other nodes'
 * NodePorts) sit in column 0, beside the spine, in the zone they belong to. Zones are horizontal bands
 * nested by depth: a zone's band holds its own nodes, then its child zones in the order the path
 * enters them.
 *
 * It is drawn to be read on a phone at 1:1: about 320 units wide (the content column of a 360 px
 * screen), every word at least 12 units. Each hop's label (protocol and address) sits in a band of
 * its own just above the box it reaches, inside that box's zone, left of the line: never over a zone
 * border, a zone title or a box.
 */
import { linkVertical } from 'd3-shape';
import { findNode, hopId, destinationOf, formatEndpoint } from '../model/resolve.ts';
import type { Scenario, TopologyNode, Zone } from '../model/types.ts';
import type { NodeKind, Protocol, ZoneKind } from '../model/kinds.ts';
import type { LayoutLabels } from './labels.ts';

export const LAYOUT = {
	margin: 2,
	nodeWidth: 136,
	/** Horizontal room between the two columns. */
	columnGap: 8,
	/** Inset of a zone inside its parent, on each side. */
	zonePad: 6,
	/** Height of a zone's title strip (one line); a second line when the zone's name does not fit beside its title. */
	zoneHeader: 24,
	/** Vertical room between two sibling zones, and between a zone's own rows and its first child zone. */
	zoneGap: 12,
	/** The band above a box that a hop reaches: the hop's number, protocol and address. */
	labelBand: 38,
	/** Vertical room between two rows that no hop label needs. */
	rowGap: 12,
	arrowSize: 6,
	/** Text sizes, in SVG units (1 unit = 1 CSS px at the width of a 360 px phone). */
	font: { title: 12, text: 12 },
	/** Line heights inside a box. */
	line: 15,
	/** Inner room of a box for its words, on each side. */
	boxPad: 5,
} as const;

/** Rough advance per character, in ems, to decide where words need a second line (real fonts measure about 10 % less). */
export const TEXT_EM = { sans: 0.56, mono: 0.61 } as const;
export const estimateWidth = (text: string, em: number, size: number = LAYOUT.font.text) => text.length * size * em;

/** Splits a label at the space closest to its middle. */
export function splitInTwo(text: string): string[] {
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
	if (spaces.length === 0) return [text];
	const middle = text.length / 2;
	const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
	return [text.slice(0, at), text.slice(at + 1)];
}

/** How much wider than its room a line may be before it wraps (it is then squeezed, by at most this much). */
const SQUEEZE = 1.08;

/** The lines of a box's title (its kind, in words): one, or two split at a space. */
export function titleLines(text: string, room: number): string[] {
	return estimateWidth(text, TEXT_EM.sans, LAYOUT.font.title) <= room * SQUEEZE ? [text] : splitInTwo(text);
}

/**
 * The lines of a literal name (a Pod name, in code font): one if it fits, else broken after hyphens
 * into as few, as even lines as fit (`traefik-catalog-` / `59b7d-h4kqw`).
 */
export function nameLines(name: string, room: number): string[] {
	const fits = (text: string) => estimateWidth(text, TEXT_EM.mono) <= room * SQUEEZE;
	if (fits(name)) return [name];
	const parts = name.split(/(?<=-)/);
	const lines: string[] = [];
	let current = '';
	for (const part of parts) {
		if (current && !fits(current + part)) {
			lines.push(current);
			current = part;
		} else current += part;
	}
	if (current) lines.push(current);
	// Even out two lines: move the break to the hyphen closest to the middle that still fits.
	if (lines.length === 2) {
		let best = lines;
		for (let i = 1; i < parts.length; i++) {
			const a = parts.slice(0, i).join('');
			const b = parts.slice(i).join('');
			if (fits(a) && fits(b) && Math.abs(a.length - b.length) < Math.abs(best[0]!.length - best[1]!.length)) best = [a, b];
		}
		return best;
	}
	return lines;
}

export interface LayoutZone {
	readonly id: string;
	readonly kind: ZoneKind;
	readonly name: string | undefined;
	readonly depth: number;
	readonly x: number;
	readonly y: number;
	readonly width: number;
	readonly height: number;
	/** The zone's name goes on a second line of its title strip (it does not fit beside the title in every language). */
	readonly nameBelow: boolean;
}

export interface LayoutNode {
	readonly id: string;
	readonly kind: NodeKind;
	/** The literal line under the box's title: the node's own name, or, for a box whose kind appears twice in its zone, the Service it belongs to. */
	readonly name: string | undefined;
	/** The name broken into the lines it is drawn on. */
	readonly nameLines: readonly string[];
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
	/** Where the label ends (it is right-aligned, left of the line) and the baseline of its first line. */
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

/**
 * The literal line of a box: its own name; else, where its kind appears more than once in its zone
 * (two load balancers side by side), the Service it belongs to, so each box says which it is.
 */
function nodeName(scenario: Scenario, node: TopologyNode): string | undefined {
	if (node.name !== undefined) return node.name;
	const twins = scenario.nodes.filter((other) => other.zone === node.zone && other.kind === node.kind);
	return twins.length > 1 ? node.service : undefined;
}

/** Lays out a scenario; `labels` are the box and zone titles of every language, each given the room the longest needs. */
export function layoutScenario(scenario: Scenario, labels: LayoutLabels): Layout {
	const L = LAYOUT;
	const maxDepth = Math.max(0, ...scenario.zones.map((zone) => depthOf(scenario, zone)));
	const inset = (depth: number) => L.margin + depth * L.zonePad;
	const column0 = inset(maxDepth + 1);
	const column1 = column0 + L.nodeWidth + L.columnGap;
	const width = column1 + L.nodeWidth + inset(maxDepth + 1);
	/** The x of every hop line: the middle of the spine. */
	const spineX = column1 + L.nodeWidth / 2;
	const room = L.nodeWidth - 2 * L.boxPad;
	const pathOrder = [scenario.path[0]?.from, ...scenario.path.map((hop) => hop.to)].filter((id): id is string => id !== undefined);
	const targets = new Set(scenario.path.map((hop) => hop.to));
	/**
	 * Nodes the path reaches after it has left their zone (an Ingress controller on node-b sending to a
	 * Pod on node-a, where the connection came in). Zones are bands in the order the path enters them,
	 * so such a node cannot sit on the spine without a line crossing it: it goes beside the spine, last
	 * in its zone, and its hop is drawn back up to it.
	 */
	const zoneOfNode = (id: string) => findNode(scenario, id)?.zone;
	const revisits = new Set(
		pathOrder.filter((id, i) => {
			const zones = pathOrder.slice(0, i).map(zoneOfNode);
			const last = zones.lastIndexOf(zoneOfNode(id));
			return last !== -1 && last < i - 1;
		}),
	);

	/** A box's height: its title's lines in the language that needs most, and its name's lines. */
	const boxHeight = (node: TopologyNode) => {
		const name = nodeName(scenario, node);
		const titles = Math.max(...labels.map((words) => titleLines(words.node[node.kind], room).length));
		const subs = name !== undefined ? nameLines(name, room).length : node.kind === 'kube-proxy' ? 1 : 0;
		return 14 + (titles + subs) * L.line;
	};
	/** Whether a zone's name goes below its title: the title and name would reach the hop line in some language. */
	const nameBelow = (zone: Zone, depth: number) =>
		zone.name !== undefined && labels.some((words) => inset(depth) + 8 + estimateWidth(`${words.zone[zone.kind]} `, TEXT_EM.sans) + estimateWidth(zone.name ?? '', TEXT_EM.mono) > spineX - 12);

	const zones: LayoutZone[] = [];
	const nodes = new Map<string, LayoutNode>();
	let cursor = L.margin;

	const placeZone = (zone: Zone, depth: number) => {
		const top = cursor;
		const below = nameBelow(zone, depth);
		cursor += L.zoneHeader + (below ? L.line : 0);
		const own = scenario.nodes.filter((node) => node.zone === zone.id);
		const spine = own.filter((node) => pathOrder.includes(node.id) && !revisits.has(node.id)).sort((a, b) => pathOrder.indexOf(a.id) - pathOrder.indexOf(b.id));
		const children = childZones(scenario, zone.id);
		const offPath = own.filter((node) => !pathOrder.includes(node.id));
		const back = own.filter((node) => revisits.has(node.id));
		// A box the path does not visit, in a zone that holds other zones (the Service beside port-forward's
		// path), goes below those zones unless a box of the spine sits beside it: above them, it would
		// lengthen the hop that comes down to them, and the active hop would no longer fit a phone's screen.
		const besideSpine = children.length > 0 ? Math.max(0, spine.length - back.length) : offPath.length;
		const aside = [...offPath.slice(0, besideSpine), ...back];
		const underZones = offPath.slice(besideSpine);
		const rows = Math.max(spine.length, aside.length);
		const placeRow = (pair: readonly (readonly [TopologyNode | undefined, number])[], onSpine: TopologyNode | undefined) => {
			const height = Math.max(...pair.map(([node]) => (node ? boxHeight(node) : 0)));
			for (const [node, x] of pair) {
				if (!node) continue;
				const name = nodeName(scenario, node);
				nodes.set(node.id, {
					id: node.id,
					kind: node.kind,
					name,
					nameLines: name === undefined ? [] : nameLines(name, room),
					onPath: node === onSpine || revisits.has(node.id),
					x,
					y: cursor,
					width: L.nodeWidth,
					height,
				});
			}
			cursor += height;
		};
		for (let row = 0; row < rows; row++) {
			const onSpine = spine[row];
			// A hop reaching this box needs its label band above it; other rows need only a gap.
			if (onSpine !== undefined && targets.has(onSpine.id)) cursor += L.labelBand;
			else if (row > 0) cursor += L.rowGap;
			placeRow(
				[
					[onSpine, column1],
					[aside[row], column0],
				],
				onSpine,
			);
		}
		// A hop back up to a node beside the spine is labelled inside that node's zone (below): room for it.
		if (aside.some((node) => revisits.has(node.id))) cursor += L.labelBand;
		children.forEach((child, i) => {
			if (i > 0 || rows > 0) cursor += L.zoneGap;
			placeZone(child, depth + 1);
		});
		underZones.forEach((node) => {
			cursor += L.zoneGap;
			placeRow([[node, column0]], undefined);
		});
		cursor += L.zonePad;
		const x = inset(depth);
		zones.push({ id: zone.id, kind: zone.kind, name: zone.name, depth, x, y: top, width: width - 2 * x, height: round(cursor - top), nameBelow: below });
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
		// A hop down the spine has its band above the box it reaches; any other is labelled at its middle.
		const band = down && b.onPath && target[0] === spineX;
		const badge: Point = band ? [spineX, b.y - L.labelBand / 2 - 1] : [(source[0] + base[0]) / 2, (source[1] + base[1]) / 2];
		// Back up to a node the path left the zone of: the middle of the line may sit on a zone's border,
		// so the label is kept inside the zone of the node it reaches, in the room left under its rows.
		if (revisits.has(hop.to)) {
			const zone = zones.find((z) => z.id === findNode(scenario, hop.to)?.zone);
			if (zone) badge[1] = Math.min(Math.max(badge[1], zone.y + L.zoneHeader + 16), zone.y + zone.height - L.line - 4);
		}
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
			badge: { x: round(badge[0]), y: round(badge[1]) },
			label: { x: round(badge[0] - 15), y: round(badge[1] - 3) },
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
