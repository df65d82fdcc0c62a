/*
 * Rendering: layout + words → SVG markup. A string, not DOM calls, so it runs in Astro at build time
 * with no document at all; the atlas island never redraws, it only selects what is here by
 * `data-hop` / `data-node`. Each element's parts (`zoneParts`, `nodeParts`, `hopParts`) are also what
 * the explorer's D3 join writes (src/explorer/draw.ts), so both draw the same picture. Every colour is a CSS class styled with custom properties
 * (src/styles/diagram.css), so light and dark themes need no second render.
 */
import type { Scenario } from '../model/types.ts';
import type { DiagramLabels } from './labels.ts';
import { estimateWidth, LAYOUT, layoutScenario, TEXT_EM, titleLines, type Layout, type LayoutHop, type LayoutNode, type LayoutZone } from './layout.ts';

/** Text or an attribute value written into SVG markup: `& < > "` as references (also used by src/site/preview.ts). */
export const escapeXml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Squeezes a line a little with `textLength` where the estimate says it may overflow its room (layout.ts wraps anything longer). */
function fit(text: string, em: number, room: number): string {
	return estimateWidth(text, em) > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : '';
}

/** The mark on the box where the request stops: a cross in a disc, a shape that needs no colour to be read (in the box's own coordinates). */
function stopMarkup(node: LayoutNode): string {
	const cx = node.width - 2;
	const cy = 2;
	const r = 8;
	const d = 3.5;
	return `<g class="kp-stop" aria-hidden="true"><circle cx="${cx}" cy="${cy}" r="${r}"/><path d="M${cx - d},${cy - d}L${cx + d},${cy + d}M${cx + d},${cy - d}L${cx - d},${cy + d}"/></g>`;
}

/**
 * Where a zone or a box is drawn: its group is moved there, and what it holds is drawn from its own
 * top-left corner. A box that only moves keeps its markup, so the explorer's redraw changes one
 * attribute instead of parsing the box again (most of a control change's drawing, measured).
 */
const placedAt = (x: number, y: number): readonly [string, string] => ['transform', `translate(${x} ${y})`];

type Attributes = readonly (readonly [string, string])[];

/**
 * One element of the picture: its attributes (class first) and what it holds, for a string render or a
 * DOM join alike. A zone or a box also has its frame, the rounded rectangle it holds first: apart from
 * the rest, so a redraw that only resizes it sets its size instead of parsing the group again.
 */
export interface ElementParts {
	readonly attrs: Attributes;
	readonly frame?: Attributes;
	readonly inner: string;
}

const attributes = (attrs: Attributes) => attrs.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('');

/** `<g …>…</g>` of a part. */
export function groupMarkup(parts: ElementParts): string {
	return `<g${attributes(parts.attrs)}>${parts.frame ? `<rect${attributes(parts.frame)}/>` : ''}${parts.inner}</g>`;
}

export function nodeParts(node: LayoutNode, words: DiagramLabels, stop = false): ElementParts {
	const cx = node.width / 2;
	const room = node.width - 2 * LAYOUT.boxPad;
	const titles = titleLines(words.node[node.kind], room);
	const note = node.name === undefined && node.kind === 'kube-proxy' ? words.noAddress : undefined;
	const subs = note !== undefined ? [note] : node.nameLines;
	// The block of lines, centred in the box (a row is as tall as its tallest box).
	const lines = titles.length + subs.length;
	const first = (node.height - lines * LAYOUT.line) / 2 + 11;
	const tspans = (texts: readonly string[], from: number, em: number) =>
		texts.map((text, i) => `<tspan x="${cx}" y="${round(first + (from + i) * LAYOUT.line)}"${fit(text, em, room)}>${escapeXml(text)}</tspan>`).join('');
	return {
		attrs: [['class', `kp-node kp-node--${node.kind}${node.onPath ? ' kp-node--on-path' : ''}${stop ? ' kp-node--stop' : ''}`], ['data-node', node.id], placedAt(node.x, node.y)],
		frame: [
			['width', String(node.width)],
			['height', String(node.height)],
			['rx', '7'],
		],
		inner:
			`<text class="kp-node-kind" text-anchor="middle">${tspans(titles, 0, TEXT_EM.sans)}</text>` +
			(subs.length === 0
				? ''
				: `<text class="${note !== undefined ? 'kp-node-note' : 'kp-node-name'}" text-anchor="middle">${tspans(subs, titles.length, note !== undefined ? TEXT_EM.sans : TEXT_EM.mono)}</text>`) +
			(stop ? stopMarkup(node) : ''),
	};
}

export function zoneParts(zone: LayoutZone, words: DiagramLabels): ElementParts {
	const name =
		zone.name === undefined
			? ''
			: zone.nameBelow
				? `<tspan class="kp-zone-name" x="8" dy="${LAYOUT.line}">${escapeXml(zone.name)}</tspan>`
				: ` <tspan class="kp-zone-name">${escapeXml(zone.name)}</tspan>`;
	return {
		attrs: [['class', `kp-zone kp-zone--${zone.kind}`], ['data-zone', zone.id], placedAt(zone.x, zone.y)],
		frame: [
			['width', String(zone.width)],
			['height', String(zone.height)],
			['rx', '9'],
		],
		inner: `<text class="kp-zone-label" x="8" y="16">${escapeXml(words.zone[zone.kind])}${name}</text>`,
	};
}

/**
 * A hop. The diagram opens on its first step, as the step list does: the island then has nothing to
 * change until the reader moves, so its arrival repaints nothing. The wide transparent line is where a
 * click or a tap on the hop lands (the island selects its step).
 */
export function hopParts(hop: LayoutHop): ElementParts {
	return {
		attrs: [
			['class', `kp-hop${hop.number === 1 ? ' is-active' : ''}`],
			['data-hop', hop.id],
		],
		inner:
			`<path class="kp-hop-hit" d="${hop.d}"/>` +
			`<path class="kp-hop-line" d="${hop.d}"/>` +
			`<path class="kp-hop-arrow" d="${hop.arrow}"/>` +
			`<circle class="kp-hop-badge" cx="${hop.badge.x}" cy="${hop.badge.y}" r="10"/>` +
			`<text class="kp-hop-number" x="${hop.badge.x}" y="${hop.badge.y + 4}" text-anchor="middle">${hop.number}</text>` +
			`<text class="kp-hop-label" x="${hop.label.x}" y="${hop.label.y}" text-anchor="end">` +
			`<tspan class="kp-hop-protocol">${hop.protocol}</tspan>` +
			`<tspan class="kp-hop-destination" x="${hop.label.x}" dy="${LAYOUT.line - 1}">${escapeXml(hop.destination)}</tspan>` +
			`</text>`,
	};
}

/** The node where the request stops, if it does not arrive: the box its last hop reaches. */
export function stopNodeOf(scenario: Scenario): string | undefined {
	return scenario.outcome && scenario.path[scenario.outcome.atHop]?.to;
}

/** The ids of the picture's title and description, from the scenario's id (unique on a page). */
export function svgIds(scenario: Scenario): { readonly title: string; readonly desc: string } {
	return { title: `kp-${scenario.id}-title`, desc: `kp-${scenario.id}-desc` };
}

const round = (n: number) => Math.round(n * 10) / 10;

export interface RenderedDiagram {
	readonly svg: string;
	readonly layout: Layout;
}

/** Draws a scenario with the words its caller hands in (`diagramLabels` in src/i18n/diagram.ts builds them). */
export function renderDiagram(scenario: Scenario, words: DiagramLabels): RenderedDiagram {
	const layout = layoutScenario(scenario, words.layout);
	const ids = svgIds(scenario);
	const stop = stopNodeOf(scenario);
	const svg =
		`<svg class="kp-svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ` +
		`role="img" aria-labelledby="${ids.title}" aria-describedby="${ids.desc}" xmlns="http://www.w3.org/2000/svg">` +
		`<title id="${ids.title}">${escapeXml(words.title)}</title>` +
		`<desc id="${ids.desc}">${escapeXml(words.desc)}</desc>` +
		`<g class="kp-zones">${layout.zones.map((zone) => groupMarkup(zoneParts(zone, words))).join('')}</g>` +
		`<g class="kp-nodes">${layout.nodes.map((node) => groupMarkup(nodeParts(node, words, node.id === stop))).join('')}</g>` +
		`<g class="kp-hops">${layout.hops.map((hop) => groupMarkup(hopParts(hop))).join('')}</g>` +
		`</svg>`;
	return { svg, layout };
}
