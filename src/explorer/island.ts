/*
 * The explorer's island, what the page loads: it makes the server-rendered form live and loads the
 * engine (engine.ts: the model, the page's words, the drawing) when the reader first reaches for the
 * form (a pointer over it, focus in it), or at once when the URL names a setup. The default setup is
 * already on the page, drawn by the build, so nothing heavier runs until it is needed. A change made
 * while the engine loads is applied when it arrives. Holds no words: they come from the markup.
 */
import '../diagram/island.ts';
import type { ExplorerEngine } from './engine.ts';

class KpExplorer extends HTMLElement {
	#engine: Promise<ExplorerEngine> | undefined;
	#copyReset: number | undefined;

	connectedCallback() {
		if (this.dataset['ready'] !== undefined) return;
		this.dataset['ready'] = '';
		const form = this.querySelector<HTMLFormElement>('form.kp-explorer-form');
		if (!form) return;
		// Only the copy button waits for the island: the controls were rendered live, in the build's setup.
		for (const control of form.querySelectorAll('[data-until-ready]')) control.removeAttribute('disabled');
		form.addEventListener('submit', (event) => event.preventDefault());
		// A control changed before the island arrived (its change event went nowhere): applied now.
		const changed = [...form.elements].find(
			(control) =>
				(control instanceof HTMLInputElement && (control.type === 'radio' ? control.checked !== control.defaultChecked && control.checked : control.value !== control.defaultValue)) ||
				(control instanceof HTMLSelectElement && [...control.options].some((option) => option.selected !== option.defaultSelected)),
		);
		if (changed) void this.#load().then((engine) => engine.onChange({ target: changed } as unknown as Event));
		form.addEventListener('change', (event) => void this.#load().then((engine) => engine.onChange(event)));
		for (const type of ['pointerover', 'focusin', 'touchstart'] as const) form.addEventListener(type, () => void this.#load(), { once: true, passive: true });
		const simulation = this.querySelector<HTMLFormElement>('form.kp-sim-form');
		simulation?.addEventListener('submit', (event) => {
			event.preventDefault();
			void this.#load().then((engine) => engine.simulate());
		});
		for (const type of ['pointerover', 'focusin', 'touchstart'] as const) simulation?.addEventListener(type, () => void this.#load(), { once: true, passive: true });
		this.querySelector<HTMLButtonElement>('[data-action="copy-setup"]')?.addEventListener('click', (event) => void this.#copy(event.currentTarget as HTMLButtonElement));
		if (window.location.search.length > 1) void this.#load();
		this.classList.add('is-live');
	}

	#load(): Promise<ExplorerEngine> {
		this.#engine ??= import('./engine.ts').then(({ ExplorerEngine }) => {
			const engine = new ExplorerEngine(this);
			this.classList.add('has-engine');
			return engine;
		});
		return this.#engine;
	}

	async #copy(button: HTMLButtonElement) {
		// A change may be drawn and its URL not written yet (the engine writes it after the frame).
		(await this.#engine)?.flushUrl();
		const label = button.querySelector('span');
		const text = button.dataset['label'] ?? label?.textContent ?? '';
		button.dataset['label'] = text;
		try {
			await navigator.clipboard.writeText(window.location.href);
			const done = button.dataset['labelDone'] ?? '';
			const live = this.querySelector('.kp-explorer-live');
			if (live) live.textContent = done;
			if (label) label.textContent = done;
			window.clearTimeout(this.#copyReset);
			this.#copyReset = window.setTimeout(() => {
				if (label) label.textContent = text;
			}, 2000);
		} catch {
			// No clipboard (permissions, an insecure context): the address bar holds the link already.
		}
	}
}

if (!customElements.get('kp-explorer')) customElements.define('kp-explorer', KpExplorer);
