/*
 * What Starlight's table of contents shows on a page that has not scrolled yet, rendered with it.
 *
 * Its script (`starlight-toc`, and `mobile-starlight-toc` for the bar above the content on small
 * screens) marks the entry of the section being read with `aria-current="true"`, and the mobile bar
 * repeats that entry's text. At the top of a page that entry is the page title (`#_top`). The script
 * waits for the reader's first interaction (src/site/after-paint.ts), so its first job is done here,
 * when the page is rendered (`astro dev` and `astro build` alike): our overrides of Starlight's
 * `TableOfContents` and `MobileTableOfContents` (src/components/TableOfContents.astro,
 * MobileTableOfContents.astro) render Starlight's own component and pass its HTML through
 * `markTableOfContentsStart`. The script takes over from the marked link (it starts from
 * `a[aria-current="true"]`).
 *
 * The same function tags the component's own `<script type="module" src>` (Astro renders a
 * component's script where the component is rendered) with `data-kp-after="interaction"`, so that
 * the after-paint loader knows it can wait, without knowing the bundle's name.
 *
 * What it relies on in Starlight's markup, and fails on, naming it, when an upgrade changes it:
 * - `<starlight-toc>` / `<mobile-starlight-toc>` wraps the list;
 * - the list's first link is `<a href="#_top"><span>title</span></a>`;
 * - the mobile bar has an empty `<span class="display-current">` for the current entry's text.
 * tests/unit/site/toc-start.test.ts covers the function; the build checks every built page
 * (src/site/after-paint.ts, `checkBuiltPage`); tests/e2e/after-paint.spec.ts checks the result in
 * the browser.
 */
import { applyEdits, attribute, elements, innerSource, offsets, parseWithOffsets, type Edit, type Element } from './html-parse.ts';

/** The attribute that sends a module script to the after-paint loader's `interaction` list. */
export const WAIT_ATTRIBUTE = 'data-kp-after';
export const WAIT_VALUE = 'interaction';

export type TableOfContentsElement = 'starlight-toc' | 'mobile-starlight-toc';

const changed = (what: string, file: string) => new Error(`${file}: Starlight changed its table of contents: ${what}. Update src/site/toc-start.ts (and its test) to the new markup.`);

/**
 * Starlight's rendered table of contents (`html`, the component's whole output) with the `#_top` entry
 * marked current, the mobile bar showing it, and the component's module scripts tagged to wait for
 * the reader's first interaction. Runs once: an entry already marked is left as it is.
 */
export function markTableOfContentsStart(html: string, tag: TableOfContentsElement, file = 'page'): string {
	const root = parseWithOffsets(html, { fragment: true });
	const all = [...elements(root)];
	const toc = all.find((element) => element.tagName === tag);
	if (!toc) throw changed(`its component rendered no <${tag}>`, file);
	const inside = [...elements(toc)];
	const top = inside.find((element) => element.tagName === 'a' && attribute(element, 'href') === '#_top');
	if (!top) throw changed(`<${tag}> has no <a href="#_top"> (the page title's entry)`, file);
	const title = [...elements(top)].find((element) => element.tagName === 'span');
	if (!title) throw changed(`<${tag}>'s <a href="#_top"> has no <span> with the title`, file);
	const edits: Edit[] = [];
	const insertAttribute = (element: Element, text: string) => {
		// Right after the tag name: `<a` + ` aria-current="true"` + the attributes as they were.
		const at = offsets(element, file).start + 1 + element.tagName.length;
		edits.push({ start: at, end: at, text });
	};
	if (attribute(top, 'aria-current') === undefined) insertAttribute(top, ' aria-current="true"');
	if (tag === 'mobile-starlight-toc') {
		const display = inside.find((element) => element.tagName === 'span' && (attribute(element, 'class') ?? '').split(/\s+/).includes('display-current'));
		if (!display) throw changed('<mobile-starlight-toc> has no <span class="display-current"> for the current entry', file);
		if (innerSource(html, display, file) === '') {
			const at = offsets(display, file).startTagEnd;
			edits.push({ start: at, end: at, text: innerSource(html, title, file) });
		}
	}
	for (const script of all.filter(isExternalModuleScript)) if (attribute(script, WAIT_ATTRIBUTE) === undefined) insertAttribute(script, ` ${WAIT_ATTRIBUTE}="${WAIT_VALUE}"`);
	return applyEdits(html, edits);
}

/** `<script type="module" src="…">`: the form Astro gives a component's bundled script. */
export function isExternalModuleScript(element: Element): boolean {
	return element.tagName === 'script' && (attribute(element, 'type') ?? '').trim().toLowerCase() === 'module' && attribute(element, 'src') !== undefined;
}
