/*
 * Rendering: layout + words → SVG markup. A string, not DOM calls, so it runs in Astro at build time
 * with no document at all; the island in the browser never redraws, it only selects what is here by
 * `data-hop` / `data-node`. Every colour is a CSS class styled with custom properties
 * (src/styles/diagram.css), so light and dark themes need no second render.
 */
import { messages, type Locale } from '../i18n/index.ts';
import { plainText } from '../model/text.ts';
import { routeSummary, scenarioTitle } from '../i18n/steps.ts';
import type { Scenario } from '../model/types.ts';
import { LAYOUT, layoutScenario, type Layout, type LayoutNode } from './layout.ts';

const escapeXml = (text: string) =>
	text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Rough text widths, to squeeze a long label with `textLength` instead of letting it overflow its box. */
const SANS_EM = 0.56;
const MONO_EM = 0.61;
function fit(text: string, fontSize: number, em: number, room: number): string {
	const estimate = text.length * fontSize * em;
	return estimate > room ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : '';
}

/** Splits a label at the space closest to its middle. */
function splitInTwo(text: string): string[] {
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
	if (spaces.length === 0) return [text];
	const middle = text.length / 2;
	const at = spaces.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
	return [text.slice(0, at), text.slice(at + 1)];
}

function nodeMarkup(node: LayoutNode, locale: Locale): string {
	const words = messages[locale];
	const cx = node.x + node.width / 2;
	const kind = words.node[node.kind];
	const sub = node.name ?? (node.kind === 'kube-proxy' ? words.diagram.noAddress : undefined);
	const room = node.width - 12;
	const subClass = node.name === undefined ? 'kp-node-note' : 'kp-node-name';
	// A long kind label alone in its box takes two lines rather than being squeezed.
	const lines = sub === undefined && kind.length * 13 * SANS_EM > room ? splitInTwo(kind) : [kind];
	const kindY = sub !== undefined ? node.y + 18 : node.y + node.height / 2 + 4.5 - (lines.length - 1) * 7.5;
	const kindText =
		lines.length === 1
			? `<text class="kp-node-kind" x="${cx}" y="${kindY}" text-anchor="middle"${fit(kind, 13, SANS_EM, room)}>${escapeXml(kind)}</text>`
			: `<text class="kp-node-kind" x="${cx}" y="${kindY}" text-anchor="middle">${lines.map((line, i) => `<tspan x="${cx}"${i > 0 ? ' dy="15"' : ''}${fit(line, 13, SANS_EM, room)}>${escapeXml(line)}</tspan>`).join('')}</text>`;
	return (
		`<g class="kp-node kp-node--${node.kind}${node.onPath ? ' kp-node--on-path' : ''}" data-node="${escapeXml(node.id)}">` +
		`<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="7"/>` +
		kindText +
		(sub === undefined
			? ''
			: `<text class="${subClass}" x="${cx}" y="${node.y + 34}" text-anchor="middle"${fit(sub, 11, node.name === undefined ? SANS_EM : MONO_EM, room)}>${escapeXml(sub)}</text>`) +
		`</g>`
	);
}

export interface RenderedDiagram {
	readonly svg: string;
	readonly layout: Layout;
}

export function renderDiagram(scenario: Scenario, locale: Locale): RenderedDiagram {
	const words = messages[locale];
	const layout = layoutScenario(scenario);
	const ids = { title: `kp-${scenario.id}-title`, desc: `kp-${scenario.id}-desc` };
	const out: string[] = [];

	out.push(
		`<svg class="kp-svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" ` +
			`role="img" aria-labelledby="${ids.title}" aria-describedby="${ids.desc}" xmlns="http://www.w3.org/2000/svg">`,
		`<title id="${ids.title}">${escapeXml(plainText(words.diagram.title(scenarioTitle(scenario, locale))))}</title>`,
		`<desc id="${ids.desc}">${escapeXml(plainText(routeSummary(scenario, locale)))}</desc>`,
	);

	out.push('<g class="kp-zones">');
	for (const zone of layout.zones) {
		out.push(
			`<g class="kp-zone kp-zone--${zone.kind}" data-zone="${escapeXml(zone.id)}">` +
				`<rect x="${zone.x}" y="${zone.y}" width="${zone.width}" height="${zone.height}" rx="10"/>` +
				`<text class="kp-zone-label" x="${zone.x + 9}" y="${zone.y + 17}">${escapeXml(words.zone[zone.kind])}` +
				(zone.name ? ` <tspan class="kp-zone-name">${escapeXml(zone.name)}</tspan>` : '') +
				`</text></g>`,
		);
	}
	out.push('</g><g class="kp-nodes">');
	for (const node of layout.nodes) out.push(nodeMarkup(node, locale));
	out.push('</g><g class="kp-hops">');
	for (const hop of layout.hops) {
		out.push(
			// The diagram opens on its first step, as the step list does: the island then has nothing to
			// change until the reader moves, so its arrival repaints nothing.
			`<g class="kp-hop${hop.number === 1 ? ' is-active' : ''}" data-hop="${escapeXml(hop.id)}">` +
				`<path class="kp-hop-line" d="${hop.d}"/>` +
				`<path class="kp-hop-arrow" d="${hop.arrow}"/>` +
				`<circle class="kp-hop-badge" cx="${hop.badge.x}" cy="${hop.badge.y}" r="9.5"/>` +
				`<text class="kp-hop-number" x="${hop.badge.x}" y="${hop.badge.y + 4}" text-anchor="middle">${hop.number}</text>` +
				`<text class="kp-hop-label" x="${hop.label.x}" y="${hop.label.y - 3}">` +
				`<tspan class="kp-hop-protocol">${hop.protocol}</tspan>` +
				`<tspan class="kp-hop-destination" x="${hop.label.x}" dy="13"${fit(hop.destination, 11, MONO_EM, LAYOUT.labelSpace + LAYOUT.nodeWidth / 2 - 18)}>${escapeXml(hop.destination)}</tspan>` +
				`</text></g>`,
		);
	}
	out.push('</g></svg>');
	return { svg: out.join(''), layout };
}
