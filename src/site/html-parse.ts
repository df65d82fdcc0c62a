/*
 * Finding elements in HTML the way a browser parses it (parse5, the WHATWG parsing algorithm), and
 * editing the text in place: the build steps of src/site/after-paint.ts and src/site/toc-start.ts
 * change a few tags and leave every other byte of the page as Astro wrote it (the inline scripts and
 * `style` attributes the CSP hashes are untouched by construction). Nothing here re-serializes a tree.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

const isElement = (node: DefaultTreeAdapterTypes.Node): node is Element => 'tagName' in node;

/** The document (or fragment) parsed with each element's place in the text. */
export function parseWithOffsets(html: string, { fragment = false } = {}): ParentNode {
	return fragment ? parseFragment(html, { sourceCodeLocationInfo: true }) : parse(html, { sourceCodeLocationInfo: true });
}

/** The text between an element's tags, as written (character references and all). */
export function innerSource(html: string, element: Element, file: string): string {
	const { startTagEnd, endTagStart } = offsets(element, file);
	if (endTagStart === undefined) throw new Error(`${file}: <${element.tagName}> has no end tag.`);
	return html.slice(startTagEnd, endTagStart);
}

/** Every element under `root`, in document order (not inside <template>, whose content is inert). */
export function* elements(root: ParentNode): Generator<Element> {
	for (const node of root.childNodes) {
		if (!isElement(node)) continue;
		yield node;
		yield* elements(node);
	}
}

/** An attribute's value (`undefined` when absent); names are lower-cased by the parser. */
export const attribute = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;

/** An element's classes. */
export const classesOf = (element: Element): string[] => (attribute(element, 'class') ?? '').split(/\s+/);

/** An element's text, as `textContent` gives it (character references decoded by the parser). */
export const textOf = (element: Element): string =>
	element.childNodes.map((node) => (node.nodeName === '#text' && 'value' in node ? node.value : 'childNodes' in node ? textOf(node as Element) : '')).join('');

/** Where an element starts and ends in the text, and where its start and end tags end and start. */
export function offsets(element: Element, file: string) {
	const at = element.sourceCodeLocation;
	if (!at?.startTag) throw new Error(`${file}: <${element.tagName}> has no place in the source text (written by the parser, not the page?).`);
	return { start: at.startOffset, end: at.endOffset, startTagEnd: at.startTag.endOffset, endTagStart: at.endTag?.startOffset };
}

/** One change to the text: replace [start, end) by `text`. */
export interface Edit {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/** The text with the edits made (they must not overlap). */
export function applyEdits(html: string, edits: readonly Edit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	let out = '';
	let at = 0;
	for (const edit of sorted) {
		if (edit.start < at) throw new Error(`Overlapping edits at ${edit.start}: a bug in the caller.`);
		out += html.slice(at, edit.start) + edit.text;
		at = edit.end;
	}
	return out + html.slice(at);
}
