/*
 * Writes to the page only what changes. Each write is a mutation the browser restyles for, and some
 * lay out again, even when the value is the same: setting a picture's `viewBox` again to its own value
 * costs a 3–4 ms layout at 4x here, and a form control is restyled for every write of its state.
 */

/** Sets a form control's or an element's property only when it differs. */
export function set<E extends HTMLElement, K extends keyof E & ('checked' | 'disabled' | 'hidden' | 'value')>(element: E, key: K, value: E[K]): void {
	if (element[key] !== value) element[key] = value;
}

/** Sets attributes, as `[name, value]` pairs, and the text if given, only where they differ. */
export function writeAttributes(element: Element | null, attrs: Iterable<readonly [string, string]>, text?: string): void {
	if (!element) return;
	for (const [name, value] of attrs) if (element.getAttribute(name) !== value) element.setAttribute(name, value);
	if (text !== undefined && element.textContent !== text) element.textContent = text;
}
