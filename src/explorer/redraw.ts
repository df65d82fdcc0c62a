/*
 * Redraws a live diagram (<kp-diagram>) in place for another scenario: the picture through the D3
 * joins (draw.ts), the steps with their packets, the counters and announcements, `data-scenario` and
 * `data-outcome`; then the diagram island takes the new steps in. The explorer and the atlas pages'
 * "what if" switches both use it.
 */
import { stepParts, type FigureContent } from '../components/figure.ts';
import { drawDiagram } from './draw.ts';
import { idle, writeAttributes } from './dom.ts';
import { patchChildren, patchHtml } from '../diagram/patch.ts';
import type { Locale } from '../i18n/index.ts';
import type { KpDiagram } from '../diagram/island.ts';

/** What each step's `<li>` was last given: a step that did not change is left alone (no new layout). */
const written = new WeakMap<Element, string>();
/** What a step waits to be given: its list was away from the screen when it was redrawn. */
const waiting = new WeakMap<Element, string>();
/** The step lists seen on the screen (their observer's last word), and the lists with steps waiting. */
const onScreen = new WeakSet<Element>();
const behind = new Set<Element>();
let idleAsked = false;

function writeStep(li: Element, inner: string): void {
	waiting.delete(li);
	if (written.get(li) === inner) return;
	patchHtml(li, inner);
	written.set(li, inner);
}

/** Writes every step of `list` that waits, and says the list is no longer busy. */
function flushList(list: Element): void {
	behind.delete(list);
	for (const li of list.children) {
		const inner = waiting.get(li);
		if (inner !== undefined) writeStep(li, inner);
	}
	list.removeAttribute('aria-busy');
}

let observer: IntersectionObserver | undefined;
const watched = new WeakSet<Element>();
/**
 * Follows whether a step list is on the screen; a list that comes onto it gets its waiting steps at
 * once. Called by the first redraw, or earlier (the explorer's engine, when it loads) so that the
 * first change already knows.
 */
export function watchSteps(list: Element): void {
	if (watched.has(list)) return;
	watched.add(list);
	// Until the observer first answers, the list counts as seen: nothing waits on a guess.
	onScreen.add(list);
	if (typeof IntersectionObserver !== 'function') return;
	observer ??= new IntersectionObserver((entries) => {
		for (const { target, isIntersecting } of entries) {
			if (!isIntersecting) {
				onScreen.delete(target);
				continue;
			}
			onScreen.add(target);
			if (behind.has(target)) flushList(target);
		}
	});
	observer.observe(list);
}

/** A step's words for the caption: its card, or the markup it waits for, parsed aside (nothing laid out). */
function captionSource(step: HTMLLIElement): ParentNode {
	const inner = waiting.get(step);
	if (inner === undefined) return step;
	const parsed = document.createElement('template');
	parsed.innerHTML = inner;
	return parsed.content;
}

/**
 * The step list, keyed by step id: unchanged steps stay, changed ones are rewritten, the rest come and
 * go. Where the list is away from the screen (under the picture on a phone, or on a stacked desktop
 * column, a screen below it), the steps keep their place and ids at once but their words are written
 * when the list comes onto the screen or when the browser is idle, whichever is first. For a change
 * that alters mostly the steps (`etp`, `via`), laying out cards the reader could not see was most of
 * its style and layout: 11-13 ms at 4x, 1.4-3 ms without them. The caption reads a waiting card's
 * words from their markup (`captionSource`), not from the card.
 */
function updateSteps(list: Element, content: FigureContent, locale: Locale): void {
	watchSteps(list);
	const steps = content.steps.map((_, i) => stepParts(content, i, locale)).filter((parts) => parts !== undefined);
	const ids = new Set(steps.map((parts) => parts.id));
	const now = onScreen.has(list);
	const old = new Map<string, Element>();
	// The steps that go leave first: a step that stays then sits where it belongs, and is not moved
	// (moving an element rebuilds the browser's layout of all it holds) past the ones that go.
	for (const li of [...list.children]) {
		if (ids.has(li.id)) old.set(li.id, li);
		else li.remove();
	}
	let previous: Element | null = null;
	let deferred = false;
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
		if (now) writeStep(li, parts.inner);
		else if (written.get(li) === parts.inner) waiting.delete(li);
		else {
			waiting.set(li, parts.inner);
			deferred = true;
		}
		const at: Element | null = previous ? previous.nextElementSibling : list.firstElementChild;
		if (li !== at) list.insertBefore(li, at);
		previous = li;
	});
	if (!deferred) {
		if (behind.delete(list)) list.removeAttribute('aria-busy');
		return;
	}
	behind.add(list);
	if (list.getAttribute('aria-busy') !== 'true') list.setAttribute('aria-busy', 'true');
	if (idleAsked) return;
	idleAsked = true;
	idle(() => {
		idleAsked = false;
		for (const waitingList of [...behind]) flushList(waitingList);
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
	// The caption follows the new step with its words changed in place, not rebuilt (patch.ts), read from
	// the markup of a card that waits.
	diagram.writeCaption = patchChildren;
	diagram.captionSource = captionSource;
	diagram.refresh();
}
