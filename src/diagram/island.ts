/*
 * The diagram island: a custom element that enhances the server-rendered figure. It never redraws:
 * it finds hops by `data-hop` and steps by their `<li id>`, and moves one "active step" between them.
 * All words come from the markup (rendered from the locale tables), so the island holds no strings.
 */
import { select } from 'd3-selection';

const PLAY_INTERVAL_MS = 2600;
const PACKET_MS = 900;

function parseTexts(element: Element | null): string[] {
	try {
		const value: unknown = JSON.parse(element?.getAttribute('data-texts') ?? '[]');
		return Array.isArray(value) ? value.map(String) : [];
	} catch {
		return [];
	}
}

export class KpDiagram extends HTMLElement {
	#steps: HTMLLIElement[] = [];
	#index = 0;
	#timer: number | undefined;
	#packetFrame: number | undefined;
	#counters: string[] = [];
	#announcements: string[] = [];
	#live: HTMLElement | null = null;
	#stage: HTMLElement | null = null;
	#canvas: HTMLElement | null = null;
	#caption: HTMLElement | null = null;
	#copyReset: number | undefined;
	#reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	/**
	 * Writes a part of the caption: replaced here; the explorer's redraw (explorer/redraw.ts, loaded only
	 * where a diagram is redrawn) sets a writer that changes only what differs.
	 */
	writeCaption = (target: Element, nodes: readonly Node[]): void => target.replaceChildren(...nodes.map((node) => node.cloneNode(true)));
	/**
	 * Where the caption reads a step's words: its card here; the explorer's redraw hands over the words
	 * of a card it has not written yet (its list is off the screen), so that no card is laid out for them.
	 */
	captionSource = (step: HTMLLIElement): ParentNode => step;

	connectedCallback() {
		const figure = this.querySelector<HTMLElement>('figure[data-scenario]');
		if (!figure || this.dataset['ready']) return;
		this.dataset['ready'] = '';
		this.#steps = [...figure.querySelectorAll<HTMLLIElement>('ol.kp-steps > li[id]')];
		if (this.#steps.length === 0) return;

		// The controls and the first step's state are in the markup already (Diagram.astro), the buttons
		// disabled until now: from here on the island only writes what changes, so opening the page
		// restyles three buttons and repaints nothing else. show() sets Previous and Next.
		for (const action of ['play', 'copy']) this.querySelector(`[data-action="${action}"]`)?.removeAttribute('disabled');
		for (const button of this.querySelectorAll('[data-whatif], [data-whatif-send]')) button.removeAttribute('disabled');
		this.#counters = parseTexts(figure.querySelector('.kp-counter'));
		this.#live = figure.querySelector<HTMLElement>('[aria-live]');
		this.#announcements = parseTexts(this.#live);
		this.#stage = figure.querySelector<HTMLElement>('.kp-stage');
		this.#canvas = figure.querySelector<HTMLElement>('.kp-canvas');
		this.#caption = figure.querySelector<HTMLElement>('.kp-caption');
		this.#canvas?.setAttribute('tabindex', '0');

		figure.addEventListener('click', (event) => this.#onClick(event));
		// "What if" switches (Diagram.astro): the model and the drawing load on the first press only.
		this.querySelector('.kp-whatif')?.addEventListener('click', (event) => {
			const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-whatif], button[data-whatif-send]') : null;
			if (button?.dataset['whatif']) void import('../explorer/whatif.ts').then(({ toggleWhatIf }) => toggleWhatIf(this, button));
			else if (button) void import('../explorer/whatif.ts').then(({ sendRequests }) => sendRequests(this));
		});
		this.addEventListener('keydown', (event) => this.#onKey(event));
		window.addEventListener('hashchange', () => this.#fromHash(false));
		this.#fromHash(true);
	}

	disconnectedCallback() {
		this.#stop();
	}

	/**
	 * Takes in steps someone else replaced (the explorer redraws the figure for another setup): the
	 * step list, the counters and the announcements are read again, and the reader stays on the same
	 * step where it still exists, else goes back to the first.
	 */
	refresh() {
		const figure = this.querySelector<HTMLElement>('figure[data-scenario]');
		if (!figure || this.dataset['ready'] === undefined) return;
		this.#stop();
		const current = this.#steps[this.#index]?.id ?? '';
		this.#steps = [...figure.querySelectorAll<HTMLLIElement>('ol.kp-steps > li[id]')];
		this.#counters = parseTexts(figure.querySelector('.kp-counter'));
		this.#announcements = parseTexts(this.#live);
		if (this.#steps.length === 0) return;
		const index = Math.max(0, this.#indexOf(current));
		// The caption is refilled even when the index is the same: its step may have new words.
		this.#index = -1;
		this.show(index, { updateHash: false, announce: false, animate: false, reveal: 'none' });
	}

	#indexOf(id: string): number {
		return this.#steps.findIndex((li) => li.id === id);
	}

	/** Shows the step named by the URL hash if it belongs to this diagram; else the first step. */
	#fromHash(initial: boolean) {
		const id = decodeURIComponent(window.location.hash.slice(1));
		const index = this.#indexOf(id);
		// The page opening on a step shows it still: the packet moves when the reader moves. A link to a
		// step lands on the picture (the browser itself scrolled to the step's card).
		if (index >= 0) this.show(index, { updateHash: false, announce: !initial, animate: !initial, reveal: 'stage' });
		else if (initial) this.show(0, { updateHash: false, announce: false, animate: false, reveal: 'none' });
	}

	/** Whether the caption panel shows the active step (stacked layout), or the list beside the picture does. */
	#captionShown(): boolean {
		return this.#caption !== null && this.#caption.offsetParent !== null;
	}

	/**
	 * Keeps what the reader needs on screen: the active hop in the canvas's view (the canvas scrolls
	 * where the picture is taller than its room), the step's card where the list is the caption, and
	 * with `stage`, the picture itself (a link to a step, a click in the list below it).
	 */
	#reveal(active: HTMLLIElement, stage: boolean, smooth: boolean) {
		const behavior: ScrollBehavior = smooth && !this.#reducedMotion.matches ? 'smooth' : 'instant';
		const canvas = this.#canvas;
		const hop = canvas?.querySelector(`[data-hop="${CSS.escape(active.id)}"]`);
		if (canvas && hop && canvas.scrollHeight > canvas.clientHeight + 1) {
			const view = canvas.getBoundingClientRect();
			// The hop with its label and number; where that is taller than the view, its line alone.
			let box = hop.getBoundingClientRect();
			const line = hop.querySelector('.kp-hop-line')?.getBoundingClientRect();
			if (box.height > view.height && line) box = line;
			if (box.top < view.top || box.bottom > view.bottom) {
				// Centred; a line taller than the view shows its end, where the packet arrives (its number, the box it
				// reaches). A line a few pixels too tall is still centred: its ends pass under the canvas's borders,
				// where showing the end would hide more of its start.
				const top = canvas.scrollTop + (box.height > view.height + 4 ? box.bottom - view.bottom + 8 : box.top - view.top - (view.height - box.height) / 2);
				canvas.scrollTo({ top, behavior });
			}
		}
		// The top of the reader's view: under Starlight's bars (its scroll-padding-top), plus an element's own margin.
		const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
		if (stage && this.#stage) {
			const margin = padding + (parseFloat(getComputedStyle(this.#stage).scrollMarginTop) || 0);
			const box = this.#stage.getBoundingClientRect();
			if (box.top < margin - 1 || box.bottom > window.innerHeight + 1) this.#stage.scrollIntoView({ block: 'start', behavior });
		}
		if (!this.#captionShown()) {
			const box = active.getBoundingClientRect();
			const margin = padding + (parseFloat(getComputedStyle(active).scrollMarginTop) || 0);
			if (box.top < margin - 1 || box.bottom > window.innerHeight + 1) active.scrollIntoView({ block: 'nearest', behavior });
		}
	}

	/** The caption panel shows the active step: its words are copied from the step's card. */
	#fillCaption(active: HTMLLIElement, number: number) {
		const caption = this.#caption;
		if (!caption) return;
		const source = this.captionSource(active);
		// A part the step does not have (what the application sees, on all but the last step) empties the caption's.
		// A part that already shows the same nodes is left as it is (the explorer refreshes the caption after
		// every change, most of which leave the active step's words alone).
		const copy = (to: string, from: string) => {
			const target = caption.querySelector(to);
			if (!target) return;
			const nodes = [...(source.querySelector(from)?.childNodes ?? [])];
			const shown = target.childNodes;
			if (nodes.length === shown.length && nodes.every((node, i) => node.isEqualNode(shown[i] ?? null))) return;
			this.writeCaption(target, nodes);
		};
		const numberEl = caption.querySelector('.kp-caption-number');
		if (numberEl && numberEl.textContent !== String(number)) numberEl.textContent = String(number);
		copy('.kp-caption-text', '.kp-step-title-text');
		copy('.kp-caption-where', '.kp-step-where');
		copy('.kp-caption-body', '.kp-step-body');
		copy('.kp-caption-src', '.kp-packet-source dd');
		copy('.kp-caption-dst', '.kp-packet-destination dd');
		copy('.kp-caption-changes', '.kp-packet-changes ul');
		copy('.kp-caption-app', '.kp-packet-app ul');
	}

	show(index: number, options: { updateHash?: boolean; announce?: boolean; animate?: boolean; reveal?: 'none' | 'hop' | 'stage' } = {}) {
		const { updateHash = true, announce = true, animate = true, reveal = 'hop' } = options;
		const changed = this.#index !== Math.max(0, Math.min(this.#steps.length - 1, index));
		const count = this.#steps.length;
		this.#index = Math.max(0, Math.min(count - 1, index));
		const active = this.#steps[this.#index];
		if (!active) return;

		this.#steps.forEach((li, i) => {
			if (i !== this.#index) li.removeAttribute('aria-current');
			else if (li.getAttribute('aria-current') !== 'step') li.setAttribute('aria-current', 'step');
			li.classList.toggle('is-done', i < this.#index);
		});
		const order = new Map(this.#steps.map((li, i) => [li.id, i]));
		const activeOrder = order.get(active.id) ?? 0;
		// `toggle(name, force)` writes nothing when the class is already as asked (`add` always rewrites
		// the attribute, and a redraw in the explorer would restyle every hop for nothing).
		for (const hop of this.querySelectorAll<SVGGElement>('[data-hop]')) {
			const id = hop.dataset['hop'] ?? '';
			hop.classList.toggle('is-active', id === active.id);
			hop.classList.toggle('is-done', (order.get(id) ?? -1) < activeOrder);
		}
		// A marker that the island runs (the tests wait for it); no style depends on it.
		this.classList.toggle('is-live', true);
		// Fades between steps are animated once the reader moves, not when the page opens.
		if (animate) this.classList.toggle('is-stepping', true);

		const counter = this.querySelector('.kp-counter');
		const counterText = this.#counters[this.#index] ?? '';
		if (counter && counter.textContent !== counterText) counter.textContent = counterText;
		const previous = this.querySelector<HTMLButtonElement>('[data-action="previous"]');
		const next = this.querySelector<HTMLButtonElement>('[data-action="next"]');
		// Disabling the focused button would drop keyboard focus to <body>: hand it to the one that still works.
		if (this.#index === count - 1 && next && document.activeElement === next) previous?.focus();
		if (this.#index === 0 && previous && document.activeElement === previous) next?.focus();
		previous?.toggleAttribute('disabled', this.#index === 0);
		next?.toggleAttribute('disabled', this.#index === count - 1);
		if (announce && this.#live) this.#live.textContent = this.#announcements[this.#index] ?? '';
		if (updateHash && window.location.hash !== `#${active.id}`) {
			// replaceState: stepping through a diagram must not fill the Back button's history.
			history.replaceState(history.state, '', `#${active.id}`);
		}
		if (changed) this.#fillCaption(active, this.#index + 1);
		if (reveal !== 'none') this.#reveal(active, reveal === 'stage', animate);
		this.#animatePacket(active.id, animate);
	}

	#animatePacket(hopId: string, animate: boolean) {
		if (this.#packetFrame !== undefined) cancelAnimationFrame(this.#packetFrame);
		const svg = this.querySelector<SVGSVGElement>('svg.kp-svg');
		const line = svg?.querySelector<SVGPathElement>(`[data-hop="${CSS.escape(hopId)}"] .kp-hop-line`);
		select(svg).selectAll('.kp-packet').remove();
		if (!svg || !line || !animate || this.#reducedMotion.matches) return;
		const length = line.getTotalLength();
		const packet = select(svg).append('circle').attr('class', 'kp-packet').attr('r', 5.5);
		const start = performance.now();
		const frame = (now: number) => {
			const t = Math.min(1, (now - start) / PACKET_MS);
			const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
			const point = line.getPointAtLength(eased * length);
			packet.attr('cx', point.x).attr('cy', point.y);
			this.#packetFrame = t < 1 ? requestAnimationFrame(frame) : undefined;
		};
		this.#packetFrame = requestAnimationFrame(frame);
	}

	#onClick(event: MouseEvent) {
		const target = event.target instanceof Element ? event.target : null;
		const button = target?.closest<HTMLButtonElement>('button[data-action]');
		if (button) {
			const action = button.dataset['action'];
			if (action === 'previous') this.#step(-1);
			else if (action === 'next') this.#step(1);
			else if (action === 'play') this.#togglePlay();
			else if (action === 'copy') void this.#copyLink(button);
			return;
		}
		const link = target?.closest<HTMLAnchorElement>('a.kp-step-title');
		const id = link?.hash.slice(1);
		if (link && id !== undefined && this.#indexOf(id) >= 0) {
			event.preventDefault();
			this.#stop();
			// From the list below a stacked picture, go up to it: that is where the step now shows.
			this.show(this.#indexOf(id), { reveal: 'stage' });
			return;
		}
		// A click or a tap on a hop (its line, number or label) shows its step.
		const hop = target?.closest<SVGGElement>('[data-hop]')?.dataset['hop'];
		if (hop !== undefined && this.#indexOf(hop) >= 0) {
			this.#stop();
			this.show(this.#indexOf(hop));
		}
	}

	#onKey(event: KeyboardEvent) {
		if (event.altKey || event.ctrlKey || event.metaKey) return;
		const moves: Record<string, () => void> = {
			ArrowRight: () => this.#step(1),
			ArrowDown: () => this.#step(1),
			ArrowLeft: () => this.#step(-1),
			ArrowUp: () => this.#step(-1),
			Home: () => this.show(0),
			End: () => this.show(this.#steps.length - 1),
		};
		const move = moves[event.key];
		if (!move) return;
		event.preventDefault();
		this.#stop();
		move();
	}

	#step(delta: number) {
		this.#stop();
		this.show(this.#index + delta);
	}

	#togglePlay() {
		if (this.#timer !== undefined) return this.#stop();
		if (this.#index === this.#steps.length - 1) this.show(0);
		this.#setPlaying(true);
		this.#timer = window.setInterval(() => {
			if (this.#index >= this.#steps.length - 1) return this.#stop();
			this.show(this.#index + 1);
		}, PLAY_INTERVAL_MS);
	}

	#stop() {
		if (this.#timer !== undefined) window.clearInterval(this.#timer);
		this.#timer = undefined;
		this.#setPlaying(false);
	}

	#setPlaying(playing: boolean) {
		const button = this.querySelector<HTMLButtonElement>('[data-action="play"]');
		if (!button) return;
		const label = (playing ? button.dataset['labelPause'] : button.dataset['labelPlay']) ?? '';
		if (button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
		if (button.title !== label) button.title = label;
		button.classList.toggle('is-playing', playing);
	}

	async #copyLink(button: HTMLButtonElement) {
		const url = new URL(window.location.href);
		url.hash = this.#steps[this.#index]?.id ?? '';
		try {
			await navigator.clipboard.writeText(url.href);
			const done = button.dataset['labelDone'] ?? '';
			if (this.#live) this.#live.textContent = done;
			// The button says it too, for a moment, in its own words (not only to screen readers).
			const label = button.querySelector('span');
			const text = button.dataset['label'] ?? label?.textContent ?? '';
			button.dataset['label'] = text;
			if (label) label.textContent = done;
			button.classList.add('is-done');
			window.clearTimeout(this.#copyReset);
			this.#copyReset = window.setTimeout(() => {
				if (label) label.textContent = text;
				button.classList.remove('is-done');
			}, 2000);
		} catch {
			// No clipboard (permissions, insecure context): put the link in the address bar instead.
			history.replaceState(history.state, '', url.hash);
		}
	}
}

if (!customElements.get('kp-diagram')) customElements.define('kp-diagram', KpDiagram);
