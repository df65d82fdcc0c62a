/*
 * The explorer's engine, loaded by its island (island.ts) when the reader first reaches for the form,
 * or at once for a link that names a setup: reads the setup from the URL, redraws the figure, the
 * steps, the notes, the comparison row, the manifests and the session when a control changes, and
 * writes the URL back (`history.replaceState`, so the Back button is not filled). Every decision is
 * the model's, run here as at build time; every word is the page's locale table, through the same
 * view (view.ts) that rendered the page. The YAML serializer loads in its own chunk.
 */
import { messages, isLocale, type Locale } from '../i18n/index.ts';
import { PRESETS, isPresetId } from '../model/presets.ts';
import { inlineHtml } from '../components/figure.ts';
import { redrawFigure } from './redraw.ts';
import { formModel, settle, CHOICES, type FormModel } from './form.ts';
import { formatQuery, parseQuery, type ExplorerState, type IgnoredParam } from './query.ts';
import { explorerView, scenarioOf, type ExplorerView } from './view.ts';
import type { ExposureParams, ParamName } from '../model/params.ts';
import type { Manifest } from '../model/manifests.ts';
import type { KpDiagram } from '../diagram/island.ts';
import { manifestsHtml, type Stringify } from './manifests-html.ts';

let yaml: Promise<Stringify> | undefined;
/** The YAML serializer, once: imported on first use, in its own chunk. */
const loadYaml = () => (yaml ??= import('yaml').then((module) => module.stringify as Stringify));

/** Writes a property only when it changes: each write of a form control restyles it, even to the same value. */
function set<E extends HTMLElement, K extends keyof E & ('checked' | 'disabled' | 'hidden' | 'value')>(element: E, key: K, value: E[K]): void {
	if (element[key] !== value) element[key] = value;
}

export class ExplorerEngine {
	readonly #host: HTMLElement;
	#locale: Locale = 'en';
	#state: ExplorerState = { preset: undefined, params: { entry: 'nodeport' } };
	#outcome = '';
	#reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	#manifests: readonly Manifest[] = [];
	#started = 0;

	constructor(host: HTMLElement) {
		this.#host = host;
		const lang = host.dataset['locale'];
		this.#locale = isLocale(lang) ? lang : 'en';
		const form = this.#form();
		if (!form) return;
		const { state, ignored } = parseQuery(window.location.search);
		this.#state = state;
		this.#showIgnored(ignored);
		const query = formatQuery(state);
		this.#outcome = this.querySelector('.kp-explorer-outcome')?.textContent ?? '';
		// The build drew the default setup; a link with another one is drawn now, without motion.
		if (query !== host.dataset['initial'] || ignored.length > 0) this.#render(false, false);
		else this.#manifests = explorerView(scenarioOf(state), this.#locale).manifests;
		void loadYaml();
	}

	querySelector<E extends Element = Element>(selector: string): E | null {
		return this.#host.querySelector<E>(selector);
	}

	#form(): HTMLFormElement | null {
		return this.querySelector<HTMLFormElement>('form.kp-explorer-form');
	}

	/** A control changed: the setup follows, the changed parameter winning over the ones it no longer fits. */
	onChange(event: Event) {
		const target = event.target;
		if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
		const form = this.#form();
		if (!form) return;
		if (target.name === 'preset') {
			const id = target.value;
			this.#state = isPresetId(id) ? { preset: id, params: PRESETS[id].params } : { preset: undefined, params: this.#state.params };
		} else {
			const read = this.#readForm(form);
			this.#state = { preset: undefined, params: settle(read, target.name as ParamName).params };
		}
		this.#render(!this.#reducedMotion.matches, true);
	}

	/** The parameters the form says, from the controls that apply (the others are disabled). */
	#readForm(form: HTMLFormElement): ExposureParams {
		const value = (name: string) => {
			const checked = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked:not(:disabled)`);
			if (checked) return checked.value;
			const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]:not(:disabled)`);
			return select && select.value !== '' ? select.value : undefined;
		};
		const entry = (value('entry') ?? 'nodeport') as ExposureParams['entry'];
		const nodes = Number(value('nodes') ?? 2);
		const counts = (inputs: Iterable<HTMLInputElement>) => [...inputs].slice(0, nodes).map((input) => Math.max(0, Math.min(5, Math.trunc(Number(input.value)) || 0)));
		const params: Record<string, unknown> = { entry, nodes, pods: counts(form.querySelectorAll<HTMLInputElement>('input[name="pods"]')) };
		for (const name of CHOICES) if (name !== 'entry' && value(name) !== undefined) params[name] = value(name);
		const routed = entry === 'ingress' || entry === 'gateway';
		if (routed) {
			const routes = Number(value('routes') ?? 2);
			params['routes'] = routes;
			params['backends'] = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-route]')]
				.slice(0, routes)
				.map((set) => counts(set.querySelectorAll<HTMLInputElement>('input[name="backends"]')));
		}
		for (const name of ['via', 'pick']) if (value(name) !== undefined) params[name] = Number(value(name));
		return params as unknown as ExposureParams;
	}

	#render(motion: boolean, announce: boolean) {
		const started = performance.now();
		this.#started = started;
		const scenario = scenarioOf(this.#state);
		const view = explorerView(scenario, this.#locale);
		// The URL first, while the page is still laid out: Chromium lays the page out to save the history
		// entry's scroll position, which after the writes below would be a whole forced layout.
		const hash = window.location.hash;
		const keep = hash.length > 1 && view.figure.steps.some((step) => `#${step.id}` === hash) ? hash : '';
		history.replaceState(history.state, '', `${window.location.pathname}${formatQuery(this.#state)}${keep}`);
		this.#syncForm(formModel(this.#state.params, scenario), view);
		this.#drawFigure(view, motion);
		const set = (selector: string, html: string) => {
			const element = this.querySelector(selector);
			if (element && element.innerHTML !== html) element.innerHTML = html;
		};
		const outcome = this.querySelector<HTMLElement>('.kp-explorer-outcome');
		if (outcome) outcome.dataset['outcome'] = view.figure.outcome;
		set('.kp-explorer-outcome', inlineHtml(view.outcome));
		set('.kp-explorer-notes', view.notes);
		set('.kp-explorer-row', view.row);
		set('.kp-explorer-session code', view.session);
		this.#manifests = view.manifests;
		void this.#renderManifests();
		const sentence = this.querySelector('.kp-explorer-outcome')?.textContent ?? '';
		if (announce && sentence !== this.#outcome) {
			const live = this.querySelector('.kp-explorer-live');
			if (live) live.textContent = messages[this.#locale].explorer.nowOutcome(sentence);
		}
		this.#outcome = sentence;
	}

	async #renderManifests() {
		const target = this.querySelector('.kp-explorer-manifests');
		if (!target) return;
		const manifests = this.#manifests;
		const stringify = await loadYaml();
		// A later change may have come while the serializer loaded: only the last one is written.
		if (manifests !== this.#manifests) return;
		const html = manifestsHtml(manifests, stringify);
		if (target.innerHTML !== html) target.innerHTML = html;
		// For the bench (scripts/bench-explorer.mjs): from the change to everything written, YAML included.
		this.#host.dataset['updateMs'] = (performance.now() - this.#started).toFixed(2);
	}

	#drawFigure(view: ExplorerView, motion: boolean) {
		const diagram = this.querySelector<KpDiagram>('kp-diagram');
		if (diagram) redrawFigure(diagram, view.figure, this.#locale, motion);
	}

	/** Sets every control from the model: values, which options build, which groups apply. */
	#syncForm(model: FormModel, view: ExplorerView) {
		const form = this.#form();
		if (!form) return;
		const words = messages[this.#locale].explorer;
		const preset = form.querySelector<HTMLSelectElement>('select[name="preset"]');
		if (preset) preset.value = this.#state.preset ?? '';
		const presetNote = this.querySelector<HTMLElement>('.kp-explorer-preset');
		if (presetNote) {
			const link = this.#state.preset && this.querySelector<HTMLAnchorElement>(`.kp-explorer-pages a[data-preset="${this.#state.preset}"]`);
			presetNote.hidden = !link;
			const anchor = presetNote.querySelector('a');
			if (link && anchor) {
				anchor.href = link.href;
				anchor.textContent = words.presetOf(link.textContent ?? '');
			}
		}
		for (const name of CHOICES) {
			const state = model.choices[name];
			const group = form.querySelector<HTMLFieldSetElement>(`[data-control="${name}"]`);
			if (group) set(group, 'disabled', !state.applies);
			for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
				set(input, 'checked', state.applies && input.value === state.value);
				set(input, 'disabled', !state.applies || !state.allowed.includes(input.value));
			}
		}
		for (const name of ['nodes', 'routes', 'via', 'pick'] as const) {
			const state = model.numbers[name];
			const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
			if (!select) continue;
			set(select, 'disabled', !state.applies);
			for (const option of select.options) {
				if (option.value === '') continue;
				// Nodes beyond the cluster are not offered; those that do not build are offered disabled.
				const hidden = (name === 'via' || name === 'pick') && Number(option.value) > model.nodes;
				set(option, 'hidden', hidden);
				set(option, 'disabled', hidden || !state.allowed.includes(option.value));
			}
			set(select, 'value', state.applies ? state.value : '');
			form.querySelector<HTMLElement>(`[data-control="${name}"]`)?.toggleAttribute('data-inapplicable', !state.applies);
		}
		const pods = [...form.querySelectorAll<HTMLInputElement>('input[name="pods"]')];
		pods.forEach((input, i) => {
			set(input, 'value', String(model.pods[i] ?? 0));
			const field = input.closest<HTMLElement>('.kp-count');
			if (field) set(field, 'hidden', i >= model.nodes);
			set(input, 'disabled', i >= model.nodes);
		});
		const podsLegend = form.querySelector('[data-legend="pods"]');
		const kind = this.#state.params.entry === 'ingress' ? 'ingress' : this.#state.params.entry === 'gateway' ? 'gateway' : 'app';
		if (podsLegend) podsLegend.textContent = words.legend.pods[kind];
		const routes = form.querySelector<HTMLFieldSetElement>('[data-control="backends"]');
		if (routes) set(routes, 'disabled', !model.routed);
		const routeControls = form.querySelector<HTMLElement>('.kp-routes');
		if (routeControls) set(routeControls, 'hidden', !model.routed);
		const unrouted = form.querySelector<HTMLElement>('[data-when="unrouted"]');
		if (unrouted) set(unrouted, 'hidden', model.routed);
		const rules = view.scenario.routing?.rules ?? [];
		form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-route]').forEach((group, r) => {
			set(group, 'hidden', r >= model.routes);
			const legend = group.querySelector('legend');
			const rule = rules[r];
			const text = rule ? inlineHtml(words.legend.backend(r + 1, rule.path, rule.service)) : '';
			if (legend && rule && legend.innerHTML !== text) legend.innerHTML = text;
			group.querySelectorAll<HTMLInputElement>('input[name="backends"]').forEach((input, i) => {
				set(input, 'value', String(model.backends[r]?.[i] ?? 0));
				const field = input.closest<HTMLElement>('.kp-count');
				if (field) set(field, 'hidden', i >= model.nodes);
				set(input, 'disabled', !model.routed || i >= model.nodes || r >= model.routes);
			});
		});
	}

	#showIgnored(ignored: readonly IgnoredParam[]) {
		const box = this.querySelector<HTMLElement>('.kp-explorer-ignored');
		const list = box?.querySelector('ul');
		if (!box || !list) return;
		const words = messages[this.#locale].explorer;
		list.innerHTML = ignored.map((item) => `<li>${inlineHtml(words.ignored(item.param, item.value, item.allowed))}</li>`).join('');
		box.hidden = ignored.length === 0;
	}
}
