/*
 * Redraws a live diagram (<kp-diagram>) in place for another scenario: the picture through the D3
 * joins (draw.ts), the steps with their packets, the counters and announcements, `data-scenario` and
 * `data-outcome`; then the diagram island takes the new steps in. The explorer and the atlas pages'
 * "what if" switches both use it.
 */
import { stepParts, type FigureContent } from '../components/figure.ts';
import { drawDiagram } from './draw.ts';
import { writeAttributes } from './dom.ts';
import type { Locale } from '../i18n/index.ts';
import type { KpDiagram } from '../diagram/island.ts';

/** What each step's `<li>` was last given: a step that did not change is left alone (no new layout). */
const written = new WeakMap<Element, string>();

/** The step list, keyed by step id: unchanged steps stay, changed ones are rewritten, the rest come and go. */
function updateSteps(list: Element, content: FigureContent, locale: Locale): void {
	const steps = content.steps.map((_, i) => stepParts(content, i, locale)).filter((parts) => parts !== undefined);
	const ids = new Set(steps.map((parts) => parts.id));
	const old = new Map<string, Element>();
	// The steps that go leave first: a step that stays then sits where it belongs, and is not moved
	// (moving an element rebuilds the browser's layout of all it holds) past the ones that go.
	for (const li of [...list.children]) {
		if (ids.has(li.id)) old.set(li.id, li);
		else li.remove();
	}
	let previous: Element | null = null;
	steps.forEach((parts) => {
		let li = old.get(parts.id);
		if (!li) {
			li = document.createElement('li');
			li.id = parts.id;
		}
		for (const [name, value] of [
			['data-src', parts.src],
			['data-dst', parts.dst],
		] as const) {
			if (value === undefined) li.removeAttribute(name);
			else if (li.getAttribute(name) !== value) li.setAttribute(name, value);
		}
		if (written.get(li) !== parts.inner) {
			li.innerHTML = parts.inner;
			written.set(li, parts.inner);
		}
		const at: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
		if (li !== at) list.insertBefore(li, at);
		previous = li;
	});
}

export function redrawFigure(diagram: KpDiagram, content: FigureContent, locale: Locale, motion: boolean): void {
	const figure = diagram.querySelector<HTMLElement>('figure');
	const svg = figure?.querySelector<SVGSVGElement>('svg.kp-svg');
	if (!figure || !svg) return;
	writeAttributes(figure, [
		['data-scenario', content.scenario.id],
		['data-outcome', content.outcome],
	]);
	drawDiagram(svg, content.scenario, content.labels, motion);
	const list = figure.querySelector('ol.kp-steps');
	if (list) updateSteps(list, content, locale);
	writeAttributes(figure.querySelector('.kp-counter'), [['data-texts', JSON.stringify(content.counters)]]);
	writeAttributes(figure.querySelector('[aria-live]'), [['data-texts', JSON.stringify(content.announcements)]]);
	diagram.refresh();
}
