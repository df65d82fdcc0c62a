/*
 * The search dialog's behaviour (markup and look: src/components/Search.astro). Pagefind's own library,
 * `/pagefind/pagefind.js` (written by Starlight's build next to the index), is imported the first time the
 * dialog opens, never on page load; it picks the index of the page's `<html lang>`, so a French page
 * finds French pages. The results are drawn here, with the page's own words (src/i18n, `search`), and
 * a diagram step is a result of its own (src/site/search-results.ts).
 */
import { pagefindUserConfig } from 'virtual:starlight/pagefind-config';
import { mergeResults, queryVariants, sections, type ExcerptPart, type PagefindFragment } from './search-results.ts';

interface PagefindResult {
	readonly id: string;
	readonly score: number;
	data(): Promise<PagefindFragment>;
}
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** The dialog's words, as the component serialised them into `data-strings` (src/i18n, `search`). */
export interface SearchStrings {
	readonly loading: string;
	readonly unavailable: string;
	readonly results: { readonly one: string; readonly other: string };
	readonly noResults: string;
	readonly devWarning: string;
}

/** Pages drawn at first, and added by each "More results". */
const PAGE_SIZE = 5;
/** Sections shown under a page, besides the page itself. */
const SUB_RESULTS = 3;

/** True when a keystroke belongs to a text field, so `/` must type a slash there, not open search. */
const isEditing = (target: EventTarget | null) =>
	target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null);

/** `{count}` and `{term}` in a string the component rendered from the locale table. */
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);

function excerptNode(parts: readonly ExcerptPart[]): HTMLParagraphElement {
	const p = document.createElement('p');
	p.className = 'kp-search-excerpt';
	for (const part of parts) {
		if (part.mark) p.append(Object.assign(document.createElement('mark'), { textContent: part.text }));
		else p.append(part.text);
	}
	return p;
}

function link(href: string, title: string): HTMLAnchorElement {
	return Object.assign(document.createElement('a'), { href, textContent: title });
}

export class KpSearch extends HTMLElement {
	#pagefind: Promise<Pagefind> | undefined;
	#ready = false;
	#generation = 0;
	#results: PagefindResult[] = [];
	#shown = 0;

	connectedCallback() {
		const strings = JSON.parse(this.dataset['strings'] ?? '{}') as SearchStrings;
		const open = this.querySelector<HTMLButtonElement>('button[data-open-modal]')!;
		const dialog = this.querySelector('dialog')!;
		const input = dialog.querySelector('input')!;
		const clear = dialog.querySelector<HTMLButtonElement>('button[data-clear]')!;
		const status = dialog.querySelector<HTMLElement>('[role="status"]')!;
		const list = dialog.querySelector<HTMLOListElement>('ol')!;
		const more = dialog.querySelector<HTMLButtonElement>('button[data-more]')!;

		const show = () => {
			if (dialog.open) return;
			dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
			input.focus();
			// The first opening fetches Pagefind, so that the first keystroke does not wait for it.
			this.#load().catch(() => (status.textContent = import.meta.env.DEV ? strings.devWarning : strings.unavailable));
		};
		const hide = () => dialog.close();

		open.addEventListener('click', show);
		open.disabled = false;
		dialog.querySelector('button[data-close-modal]')!.addEventListener('click', hide);
		dialog.addEventListener('close', () => document.body.toggleAttribute('data-search-modal-open', false));
		// A click on the backdrop lands on the <dialog> itself; one on a result follows the link and closes.
		dialog.addEventListener('click', (event) => {
			if (event.target === dialog || (event.target instanceof Element && event.target.closest('a'))) hide();
		});
		// Ctrl/⌘+K toggles the dialog, as in Starlight; `/` opens it, outside text fields.
		window.addEventListener('keydown', (event) => {
			if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
				if (dialog.open) hide();
				else show();
				event.preventDefault();
			} else if (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !dialog.open && !isEditing(event.target)) {
				show();
				event.preventDefault();
			}
		});

		let timer: ReturnType<typeof setTimeout> | undefined;
		input.addEventListener('input', () => {
			clear.hidden = input.value === '';
			clearTimeout(timer);
			timer = setTimeout(() => void this.#search(input.value, strings, status, list, more), 120);
		});
		clear.addEventListener('click', () => {
			input.value = '';
			clear.hidden = true;
			void this.#search('', strings, status, list, more);
			input.focus();
		});
		more.addEventListener('click', () => void this.#draw(list, more, PAGE_SIZE));
		// The form is there for the field's `role="search"` landmark and Enter: nothing is sent anywhere.
		dialog.querySelector('form')!.addEventListener('submit', (event) => event.preventDefault());
	}

	/** Imports Pagefind once; a failed import (offline, or `astro dev`, which has no index) is retried on the next opening. */
	#load(): Promise<Pagefind> {
		this.#pagefind ??= (async () => {
			const base = import.meta.env.BASE_URL.replace(/\/$/, '');
			const pagefind = (await import(/* @vite-ignore */ `${base}/pagefind/pagefind.js`)) as Pagefind;
			// Starlight's `pagefind` settings (its ranking weights), as its own search applies them.
			const { ranking } = pagefindUserConfig as { ranking?: unknown };
			await pagefind.options({ baseUrl: import.meta.env.BASE_URL, ...(ranking ? { ranking } : {}) });
			await pagefind.init();
			this.#ready = true;
			return pagefind;
		})();
		this.#pagefind.catch(() => (this.#pagefind = undefined));
		return this.#pagefind;
	}

	async #search(term: string, strings: SearchStrings, status: HTMLElement, list: HTMLOListElement, more: HTMLButtonElement) {
		const generation = ++this.#generation;
		const variants = queryVariants(term);
		if (variants.length === 0) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = '';
			return;
		}
		let pagefind: Pagefind;
		try {
			// Said once, while Pagefind arrives; not on every keystroke, which a screen reader would repeat.
			if (!this.#ready) status.textContent = strings.loading;
			pagefind = await this.#load();
		} catch {
			status.textContent = import.meta.env.DEV ? strings.devWarning : strings.unavailable;
			return;
		}
		const answers = await Promise.all(variants.map((variant) => pagefind.search(variant)));
		if (generation !== this.#generation) return; // the reader typed on meanwhile
		this.#results = mergeResults(answers.map((answer) => answer?.results ?? []));
		this.#shown = 0;
		list.replaceChildren();
		await this.#draw(list, more, PAGE_SIZE, generation);
		if (generation !== this.#generation) return;
		// Said once the results are there, so that what is announced is what is shown.
		const count = this.#results.length;
		const values = { count: count.toLocaleString(document.documentElement.lang), term: term.trim() };
		const plural = new Intl.PluralRules(document.documentElement.lang).select(count) === 'one' ? 'one' : 'other';
		status.textContent = count === 0 ? fill(strings.noResults, values) : fill(strings.results[plural], values);
	}

	/** Adds `count` pages to the list, each with its best sections (headings and diagram steps). */
	async #draw(list: HTMLOListElement, more: HTMLButtonElement, count: number, generation = this.#generation) {
		const batch = this.#results.slice(this.#shown, this.#shown + count);
		this.#shown += batch.length;
		const fragments = await Promise.all(batch.map((result) => result.data()));
		if (generation !== this.#generation) return;
		for (const fragment of fragments) {
			const found = sections(fragment);
			const page = found.find((section) => section.kind === 'page');
			const item = document.createElement('li');
			item.className = 'kp-search-result';
			item.append(link(fragment.url, fragment.meta.title ?? fragment.url));
			if (page) item.append(excerptNode(page.excerpt));
			const nested = found.filter((section) => section.kind !== 'page').slice(0, SUB_RESULTS);
			if (nested.length > 0) {
				const sub = document.createElement('ul');
				for (const section of nested) {
					const entry = document.createElement('li');
					entry.className = `kp-search-sub kp-search-${section.kind}`;
					entry.append(link(section.url, section.title), excerptNode(section.excerpt));
					sub.append(entry);
				}
				item.append(sub);
			}
			list.append(item);
		}
		more.hidden = this.#shown >= this.#results.length;
	}
}

customElements.define('kp-search', KpSearch);
