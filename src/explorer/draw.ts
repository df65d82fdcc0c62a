/*
 * The explorer's picture, redrawn in place with D3 joins: zones, boxes and hops are keyed by their
 * ids (`data-zone`, `data-node`, `data-hop`), so a box that stays moves to its new place, a new Pod
 * fades in and one that is gone fades out, and the build's first picture is taken over as it is. Each
 * element's markup comes from the same parts as the build's render (src/diagram/render.ts): one
 * drawing, two places. Without motion (the reader's `prefers-reduced-motion`), everything snaps.
 */
import { select, type Selection } from 'd3-selection';
import { layoutScenario } from '../diagram/layout.ts';
import { writeAttributes } from './dom.ts';
import { patchHtml } from '../diagram/patch.ts';
import { hopParts, nodeParts, stopNodeOf, svgIds, zoneParts, type ElementParts } from '../diagram/render.ts';
import type { DiagramLabels } from '../diagram/labels.ts';
import type { Scenario } from '../model/types.ts';

const MOVE_MS = 320;
/** The markup each element was last given. */
const drawn = new WeakMap<Element, string>();
const FADE_MS = 220;

interface Placed {
	readonly id: string;
	readonly x: number;
	readonly y: number;
}

/** Where an element was drawn: a zone's or a box's group is moved to its place (`translate(x y)`, as render.ts writes it); a hop is where its badge is. */
function placeOf(element: Element): { x: number; y: number } | undefined {
	const translate = /^translate\((-?[\d.]+) (-?[\d.]+)\)$/.exec(element.getAttribute('transform') ?? '');
	if (translate) return { x: Number(translate[1]), y: Number(translate[2]) };
	const badge = element.querySelector('circle');
	if (!badge) return undefined;
	const x = Number(badge.getAttribute('cx'));
	const y = Number(badge.getAttribute('cy'));
	return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : undefined;
}

function join<T extends Placed>(group: Selection<SVGGElement, unknown, null, undefined>, items: readonly T[], key: string, parts: (item: T) => ElementParts, motion: boolean) {
	const attribute = `data-${key}`;
	group
		.selectAll<SVGGElement, T | undefined>(`:scope > g[${attribute}]`)
		// The build's elements carry no data yet: their key is their id attribute.
		.data<T>([...items], function (this: SVGGElement | SVGGElement[] | ArrayLike<SVGGElement>, d: T | undefined) {
			return d ? d.id : this instanceof Element ? (this.getAttribute(attribute) ?? '') : '';
		})
		.join(
			(enter) =>
				enter.append('g').each(function () {
					if (motion) this.animate([{ opacity: 0 }, { opacity: 1 }], { duration: FADE_MS, easing: 'ease-out' });
				}),
			(update) => update,
			(exit) =>
				exit.each(function () {
					// Leaving: no longer one of the picture's boxes for anything that selects them.
					this.removeAttribute(attribute);
					if (!motion) return this.remove();
					this.animate([{ opacity: 1 }, { opacity: 0 }], { duration: FADE_MS, easing: 'ease-in' }).onfinish = () => this.remove();
				}),
		)
		.each(function (item) {
			const before = placeOf(this);
			const { attrs, frame, inner } = parts(item);
			writeAttributes(this, attrs);
			if (frame) {
				// The frame is the group's first element: resized in place; the rest is written again only if it changed.
				let rect = this.firstElementChild;
				if (rect?.tagName !== 'rect') this.prepend((rect = document.createElementNS(this.namespaceURI, 'rect')));
				writeAttributes(rect, frame);
				if (drawn.get(this) !== inner) patchHtml(this, inner, 1);
			} else if ((drawn.get(this) ?? this.innerHTML) !== inner) patchHtml(this, inner);
			// What was last written, kept beside the element: reading `innerHTML` back would serialize the subtree.
			drawn.set(this, inner);
			// Where it is now: the item's own place (a box's corner, a hop's badge), as its parts just wrote it.
			const after = { x: item.x, y: item.y };
			// A box that stays slides from where it was, drawn at its new place at once. A group placed by
			// its transform slides between its two places (the animation's transform stands in for the
			// attribute while it runs); a hop slides from its offset to none.
			if (motion && before && (before.x !== after.x || before.y !== after.y)) {
				const frames = attrs.some(([name]) => name === 'transform')
					? [{ transform: `translate(${before.x}px, ${before.y}px)` }, { transform: `translate(${after.x}px, ${after.y}px)` }]
					: [{ transform: `translate(${before.x - after.x}px, ${before.y - after.y}px)` }, { transform: 'none' }];
				this.animate(frames, { duration: MOVE_MS, easing: 'ease-out' });
			}
		});
}

/** Redraws `svg` (a picture rendered by renderDiagram, or by an earlier call) for `scenario`. */
export function drawDiagram(svg: SVGSVGElement, scenario: Scenario, words: DiagramLabels, motion: boolean): void {
	const layout = layoutScenario(scenario, words.layout);
	const root = select(svg);
	const ids = svgIds(scenario);
	// Written only where they change (dom.ts): the viewBox set again would lay the whole picture out again.
	writeAttributes(svg, [
		['viewBox', `0 0 ${layout.width} ${layout.height}`],
		['width', String(layout.width)],
		['height', String(layout.height)],
		['aria-labelledby', ids.title],
		['aria-describedby', ids.desc],
	]);
	writeAttributes(svg.querySelector(':scope > title'), [['id', ids.title]], words.title);
	writeAttributes(svg.querySelector(':scope > desc'), [['id', ids.desc]], words.desc);
	const stop = stopNodeOf(scenario);
	join(root.select<SVGGElement>('g.kp-zones'), layout.zones, 'zone', (zone) => zoneParts(zone, words), motion);
	join(root.select<SVGGElement>('g.kp-nodes'), layout.nodes, 'node', (node) => nodeParts(node, words, node.id === stop), motion);
	join(
		root.select<SVGGElement>('g.kp-hops'),
		layout.hops.map((hop) => ({ ...hop, x: hop.badge.x, y: hop.badge.y })),
		'hop',
		(hop) => hopParts(hop),
		motion,
	);
	// The joins keep each group in data order: outer zones under inner ones, as the build draws them.
	for (const name of ['zones', 'nodes', 'hops']) root.select<SVGGElement>(`g.kp-${name}`).selectAll<SVGGElement, unknown>(':scope > g').order();
}
