/*
 * Writes to the page only what changes, and when. Each write is a mutation the browser restyles for,
 * and some lay out again, even when the value is the same: setting a picture's `viewBox` again to its
 * own value costs a 3–4 ms layout at 4x here, and a form control is restyled for every write of its
 * state. What the reader does not need in the frame of a change waits: for the task after that frame
 * (`AfterFrame`), or for the browser's idle time (`idle`).
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

/** Runs `fn` when the browser is idle, at the latest after a second. */
export const idle = (fn: () => void): void => void (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 100));

/**
 * One write kept for the task after the next frame: asked again before then, the latest wins, and
 * `flush()` does it at once. What it took is stamped on `host` as `data-<stamp>-ms`, for the bench.
 */
export class AfterFrame {
	#pending: (() => void) | undefined;
	readonly #host: HTMLElement;
	readonly #stamp: string;

	constructor(host: HTMLElement, stamp: string) {
		this.#host = host;
		this.#stamp = stamp;
	}

	get pending(): boolean {
		return this.#pending !== undefined;
	}

	later(write: () => void): void {
		const waiting = this.pending;
		this.#pending = write;
		if (!waiting) requestAnimationFrame(() => setTimeout(() => this.flush(), 0));
	}

	flush(): void {
		const write = this.#pending;
		if (!write) return;
		this.#pending = undefined;
		const started = performance.now();
		write();
		this.#host.dataset[this.#stamp] = (performance.now() - started).toFixed(2);
	}
}
