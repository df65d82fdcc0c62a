/*
 * What the search dialog (src/components/Search.astro) shows for a query, from Pagefind's answer: pure
 * functions, run in the browser and by the unit tests (tests/unit/site/search-results.test.ts).
 *
 * Pagefind groups a page's matches under the headings that carry an `id`. A diagram's steps are not
 * headings: each is an `<li id="<from>-to-<to>">` (the public step anchor, README "Links"), so a term only
 * a step explains ("SNAT", "healthCheckNodePort") would land on "The path of a request", the heading above
 * the whole list. Pagefind records every element with an `id` as an anchor; here the steps' anchors open
 * sections of their own, so such a term offers the step itself, linked to `#<step>`.
 */

/** The part of a Pagefind result's `data()` used here (Pagefind 1.x, `PagefindSearchFragment`). */
export interface PagefindFragment {
	readonly url: string;
	/** The page's indexed text, words separated by white space; `locations` count words in it. */
	readonly content: string;
	readonly meta: { readonly title?: string };
	readonly anchors: ReadonlyArray<{ readonly element: string; readonly id: string; readonly text?: string; readonly location: number }>;
	readonly weighted_locations: ReadonlyArray<{ readonly weight: number; readonly balanced_score: number; readonly location: number }>;
}

/** A run of the excerpt: `mark` when it is a word the query matched. */
export interface ExcerptPart {
	readonly text: string;
	readonly mark: boolean;
}

export interface Section {
	readonly title: string;
	readonly url: string;
	readonly kind: 'page' | 'heading' | 'step';
	readonly score: number;
	readonly excerpt: readonly ExcerptPart[];
}

/** A diagram step's anchor: the `#<from>-to-<to>` contract on the step's `<li>`. */
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*-to-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADING = /^h[1-6]$/i;

export const isStepAnchor = (anchor: { element: string; id: string }) => anchor.element.toLowerCase() === 'li' && STEP_ID.test(anchor.id);
/** The empty element <Diagram> puts right after its step list (`<scenario>-steps-end`): where the last step ends. */
const isStepsEnd = (anchor: { element: string; id: string }) => anchor.element.toLowerCase() === 'span' && anchor.id.endsWith('-steps-end');

/**
 * The query as typed, and as a French reader without a ligature key means it: "noeud" for « nœud »,
 * "coeur" for « cœur ». Pagefind folds accents itself (`equilibreur` finds « équilibreur »), not
 * ligatures, which are letters of their own in Unicode. Both are searched and the results merged, so a
 * word really spelled with "oe" ("coefficient") is still found.
 */
export function queryVariants(term: string): string[] {
	const typed = term.trim();
	if (typed === '') return [];
	const ligatures = typed.replace(/oe/g, 'œ').replace(/OE/g, 'Œ').replace(/Oe/g, 'Œ').replace(/ae/g, 'æ').replace(/AE/g, 'Æ');
	return ligatures === typed ? [typed] : [typed, ligatures];
}

/** `count` words around the best match in [start, end), the matched words marked. */
function excerpt(words: readonly string[], matches: readonly number[], best: number, start: number, end: number, count: number): ExcerptPart[] {
	const from = Math.max(start, Math.min(best - Math.floor(count / 3), end - count));
	const to = Math.min(end, from + count);
	const marked = new Set(matches);
	const parts: ExcerptPart[] = [];
	if (from > start) parts.push({ text: '… ', mark: false });
	for (let i = from; i < to; i++) {
		const word = words[i];
		if (word === undefined) break;
		const mark = marked.has(i);
		const previous = parts.at(-1);
		const space = i < to - 1 ? ' ' : '';
		if (mark) parts.push({ text: word, mark: true }, { text: space, mark: false });
		else if (previous && !previous.mark) parts[parts.length - 1] = { text: previous.text + word + space, mark: false };
		else parts.push({ text: word + space, mark: false });
	}
	if (to < end) parts.push({ text: ' …', mark: false });
	return parts.filter((part) => part.text !== '');
}

/**
 * Where each section ends. A heading's runs to the next heading; a step's to the next step, or to the
 * end marker <Diagram> puts after its list (the prose under the diagram follows, and belongs to the
 * heading above the list). A list without the marker (a page built before it) gives its last step the
 * length of the longest step before it, and a half more (120 words for a list of one).
 */
function extents(bounds: readonly PagefindFragment['anchors'][number][], total: number): number[] {
	return bounds.map((anchor, i) => {
		const next = bounds[i + 1]?.location ?? total;
		// The marker holds nothing: what follows it is the heading's.
		if (isStepsEnd(anchor)) return anchor.location;
		// A heading encloses the steps after it.
		if (!isStepAnchor(anchor)) return bounds.slice(i + 1).find((b) => !isStepAnchor(b) && !isStepsEnd(b))?.location ?? total;
		if (bounds[i + 1] && (isStepAnchor(bounds[i + 1]!) || isStepsEnd(bounds[i + 1]!))) return next;
		let longest = 0;
		for (let j = i - 1; j >= 0 && isStepAnchor(bounds[j]!); j--) longest = Math.max(longest, bounds[j + 1]!.location - bounds[j]!.location);
		return Math.min(next, anchor.location + (longest > 0 ? Math.ceil(longest * 1.5) : 120));
	});
}

/**
 * The sections of one page that hold matches, best first: the page itself (matches before its first
 * heading), each heading with an `id`, and each diagram step.
 */
export function sections(fragment: PagefindFragment, excerptWords = 24): Section[] {
	const words = fragment.content.split(/\s+/);
	const pageTitle = fragment.meta.title ?? fragment.url;
	const bounds = fragment.anchors
		.filter((anchor) => isStepAnchor(anchor) || isStepsEnd(anchor) || (HEADING.test(anchor.element) && /\S/.test(anchor.text ?? '')))
		.toSorted((a, b) => a.location - b.location);
	const ends = extents(bounds, words.length);
	const found = new Map<number, { matches: number[]; best: number; score: number }>();
	for (const { location, balanced_score } of fragment.weighted_locations) {
		// The innermost section holding the word; -1: before the first one, the page's own.
		let index = -1;
		for (let i = 0; i < bounds.length && bounds[i]!.location <= location; i++) index = i;
		while (index >= 0 && location >= ends[index]!) index--;
		const section = found.get(index) ?? { matches: [], best: location, score: 0 };
		section.matches.push(location);
		if (balanced_score > section.score) {
			section.score = balanced_score;
			section.best = location;
		}
		found.set(index, section);
	}
	const base = fragment.url.split('#')[0]!;
	return [...found]
		.map(([index, { matches, best, score }]): Section => {
			const anchor = bounds[index];
			const start = anchor?.location ?? 0;
			// A step's excerpt stays in the step; a heading's, before the next heading; the page's, before the first.
			const end = anchor ? ends[index]! : (bounds[0]?.location ?? words.length);
			const text = excerpt(words, matches, best, start, end, excerptWords);
			if (!anchor || anchor.id === '_top') return { title: pageTitle, url: fragment.url, kind: 'page', score, excerpt: text };
			return { title: (anchor.text ?? '').trim() || pageTitle, url: `${base}#${anchor.id}`, kind: isStepAnchor(anchor) ? 'step' : 'heading', score, excerpt: text };
		})
		.toSorted((a, b) => b.score - a.score);
}

/** Merges the result lists of the query's variants: one entry per page, its best score. */
export function mergeResults<T extends { readonly id: string; readonly score: number }>(lists: ReadonlyArray<readonly T[]>): T[] {
	const best = new Map<string, T>();
	for (const list of lists) for (const result of list) if ((best.get(result.id)?.score ?? -Infinity) < result.score) best.set(result.id, result);
	return [...best.values()].toSorted((a, b) => b.score - a.score);
}
