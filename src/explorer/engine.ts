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
import { redrawFigure, watchSteps } from './redraw.ts';
import { formModel, settle, CHOICES, type FormModel } from './form.ts';
import { formatQuery, parseQuery, parseSimulation, SIMULATION_PARAMS, withSimulation, type ExplorerState, type IgnoredParam } from './query.ts';
import { numberFormats, shareHops, simulateState, simulationHtml } from './simulation-view.ts';
import type { SimulationParams } from '../model/simulate.ts';
import { explorerView, scenarioOf, type ExplorerView } from './view.ts';
import type { ExposureParams, ParamName } from '../model/params.ts';
import type { KpDiagram } from '../diagram/island.ts';
import { manifestsHtml, type Stringify } from './manifests-html.ts';
import { AfterFrame, idle, set, writeAttributes } from './dom.ts';
import { patchHtml } from '../diagram/patch.ts';

let yaml: Promise<Stringify> | undefined;
/** The YAML serializer, once: imported on first use, in its own chunk. */
const loadYaml = () => (yaml ??= import('yaml').then((module) => module.stringify as Stringify));

/**
 * The sections below the picture (the notes, the comparison row, the manifests, the session): far
 * from the screen after a change, so each is written when it comes near it, or when the browser is
 * idle, whichever is first. Until then it says `aria-busy="true"`.
 */
const LATER = ['.kp-explorer-notes', '.kp-explorer-row', '.kp-explorer-manifests', '.kp-explorer-session code', '.kp-sim-result'] as const;
/** Where a section is seen and said busy: a <code> by its <pre> (an inline box has no area to intersect). */
const busy = (section: Element) => section.closest('pre') ?? section;

export class ExplorerEngine {
	readonly #host: HTMLElement;
	#locale: Locale = 'en';
	#state: ExplorerState = { preset: undefined, params: { entry: 'nodeport' } };
	#outcome = '';
	#reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
	#stringify: Stringify | undefined;
	#started = 0;
	/** The simulation's parameters once the reader (or the link, with `requests`) ran it: it then follows every change. */
	#simulation: SimulationParams | undefined;
	#view: ExplorerView | undefined;
	/** What each section was last given, so that nothing is read back (`innerHTML` serializes). */
	#written = new WeakMap<Element, string>();
	/** The sections near the screen (within a screen of it), written at once. */
	#near = new Set<Element>();
	/** The sections that are behind, with what they are to show. */
	#pending = new Map<Element, () => string>();
	#idle = false;
	/** The manifests of a change made before the YAML serializer arrived. */
	#pendingYaml: (() => string) | undefined;
	/** The URL, and the form's other controls, still to write (`data-url-ms`, `data-form-ms`). */
	readonly #url: AfterFrame;
	readonly #formSync: AfterFrame;

	constructor(host: HTMLElement) {
		this.#host = host;
		this.#url = new AfterFrame(host, 'urlMs');
		this.#formSync = new AfterFrame(host, 'formMs');
		const lang = host.dataset['locale'];
		this.#locale = isLocale(lang) ? lang : 'en';
		const form = this.#form();
		if (!form) return;
		const { state, ignored } = parseQuery(window.location.search);
		const simulation = parseSimulation(window.location.search);
		this.#state = state;
		this.#showIgnored([...ignored, ...simulation.ignored]);
		this.#fillSimulationForm(simulation.simulation);
		if (simulation.run) this.#simulation = simulation.simulation;
		const query = formatQuery(state);
		this.#outcome = this.querySelector('.kp-explorer-outcome')?.textContent ?? '';
		const observer = new IntersectionObserver(
			(entries) => {
				for (const entry of entries) {
					const section = entry.target.matches('pre') ? entry.target.querySelector('code') : entry.target;
					if (!section) continue;
					if (entry.isIntersecting) {
						this.#near.add(section);
						this.#flush(section);
					} else this.#near.delete(section);
				}
			},
			{ rootMargin: '100% 0px' },
		);
		for (const selector of LATER) {
			const section = this.querySelector(selector);
			if (section) observer.observe(busy(section));
		}
		// Whether the steps are on the screen is known before the first change (redraw.ts).
		const steps = this.querySelector('kp-diagram ol.kp-steps');
		if (steps) watchSteps(steps);
		// The build drew the default setup; a link with another one is drawn now, without motion.
		if (query !== host.dataset['initial'] || ignored.length > 0) {
			this.#started = performance.now();
			this.#render(false, false);
		} else if (this.#simulation) {
			// The build's own setup, with a simulation to run: the link asked for it.
			this.#view = explorerView(scenarioOf(state), this.#locale);
			this.#showSimulation(this.#view, false);
		}
		// The simulation's number formats, made before the reader's first "Send" rather than during it.
		if (this.querySelector('form.kp-sim-form')) idle(() => numberFormats(this.#locale));
		void loadYaml().then((stringify) => {
			this.#stringify = stringify;
			if (this.#pendingYaml) this.#later('.kp-explorer-manifests', this.#pendingYaml);
			this.#pendingYaml = undefined;
		});
	}

	/** The page's elements, found once: the engine writes into them but never replaces one. */
	#found = new Map<string, Element | null>();
	#foundAll = new Map<string, Element[]>();

	querySelector<E extends Element = Element>(selector: string): E | null {
		if (!this.#found.has(selector)) this.#found.set(selector, this.#host.querySelector(selector));
		return (this.#found.get(selector) ?? null) as E | null;
	}

	#all<E extends Element = Element>(selector: string): readonly E[] {
		let found = this.#foundAll.get(selector);
		if (!found) this.#foundAll.set(selector, (found = [...this.#host.querySelectorAll(selector)]));
		return found as E[];
	}

	#form(): HTMLFormElement | null {
		return this.querySelector<HTMLFormElement>('form.kp-explorer-form');
	}

	/** A control changed: the setup follows, the changed parameter winning over the ones it no longer fits. */
	onChange(event: Event) {
		this.#started = performance.now();
		const target = event.target;
		if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement) || !this.#form()) return;
		// A change before the last one's form was set (in the task after its frame): set now, then the
		// control the reader just changed given back its new value, so the form read is whole.
		if (this.#formSync.pending) {
			const value = target.value;
			const checked = target instanceof HTMLInputElement && target.checked;
			this.#formSync.flush();
			if (target instanceof HTMLInputElement && target.type === 'radio') target.checked = checked;
			else target.value = value;
		}
		if (target.name === 'preset') {
			const id = target.value;
			this.#state = isPresetId(id) ? { preset: id, params: PRESETS[id].params } : { preset: undefined, params: this.#state.params };
		} else {
			const read = this.#readForm();
			this.#state = { preset: undefined, params: settle(read, target.name as ParamName).params };
		}
		this.#render(!this.#reducedMotion.matches, true);
	}

	/** The parameters the form says, from the controls that apply (the others are disabled). */
	#readForm(): ExposureParams {
		const value = (name: string) => {
			const checked = this.#all<HTMLInputElement>(`form input[name="${name}"]`).find((input) => input.checked && !input.disabled);
			if (checked) return checked.value;
			const select = this.querySelector<HTMLSelectElement>(`form select[name="${name}"]`);
			return select && !select.disabled && select.value !== '' ? select.value : undefined;
		};
		const entry = (value('entry') ?? 'nodeport') as ExposureParams['entry'];
		const nodes = Number(value('nodes') ?? 2);
		const counts = (inputs: Iterable<HTMLInputElement>) => [...inputs].slice(0, nodes).map((input) => Math.max(0, Math.min(5, Math.trunc(Number(input.value)) || 0)));
		const params: Record<string, unknown> = { entry, nodes, pods: counts(this.#all<HTMLInputElement>('form input[name="pods"]')) };
		for (const name of CHOICES) if (name !== 'entry' && value(name) !== undefined) params[name] = value(name);
		const routed = entry === 'ingress' || entry === 'gateway';
		if (routed) {
			const routes = Number(value('routes') ?? 2);
			params['routes'] = routes;
			params['backends'] = this.#all<HTMLFieldSetElement>('form fieldset[data-route]')
				.slice(0, routes)
				.map((set) => counts(this.#all<HTMLInputElement>(`form fieldset[data-route="${set.dataset['route']}"] input[name="backends"]`)));
		}
		for (const name of ['via', 'pick']) if (value(name) !== undefined) params[name] = Number(value(name));
		if (value('fail') !== undefined) params['fail'] = value('fail');
		return params as unknown as ExposureParams;
	}

	#render(motion: boolean, announce: boolean) {
		const scenario = scenarioOf(this.#state);
		const view = explorerView(scenario, this.#locale);
		const hash = window.location.hash;
		const keep = hash.length > 1 && view.figure.steps.some((step) => `#${step.id}` === hash) ? hash : '';
		this.#writeUrl(`${window.location.pathname}${withSimulation(formatQuery(this.#state), this.#simulation)}${keep}`);
		// The control the reader changed already shows its value; the others follow in the task after the
		// frame, as the URL does (the form's model builds a setup per value it offers). A link's setup is
		// set at once: the page opens with its form whole.
		const state = this.#state;
		const sync = () => this.#syncForm(formModel(state.params, scenario), view, state);
		if (announce) this.#formSync.later(sync);
		else sync();
		this.#drawFigure(view, motion);
		const outcome = this.querySelector<HTMLElement>('.kp-explorer-outcome');
		if (outcome) {
			writeAttributes(outcome, [['data-outcome', view.figure.outcome]]);
			this.#write(outcome, inlineHtml(view.outcome));
		}
		this.#later('.kp-explorer-notes', () => view.notes);
		this.#later('.kp-explorer-row', () => view.row);
		this.#later('.kp-explorer-session code', () => view.session);
		// Written once the serializer is here (it is loaded with the engine, in its own chunk).
		const yaml = () => (this.#stringify ? manifestsHtml(view.manifests, this.#stringify) : '');
		if (this.#stringify) this.#later('.kp-explorer-manifests', yaml);
		else this.#pendingYaml = yaml;
		const sentence = outcome?.textContent ?? '';
		if (announce && sentence !== this.#outcome) {
			const live = this.querySelector('.kp-explorer-live');
			if (live) live.textContent = messages[this.#locale].explorer.nowOutcome(sentence);
		}
		this.#outcome = sentence;
		this.#view = view;
		// A simulation the reader ran follows the setup, like the sections below the picture: written when near or idle.
		if (this.#simulation) this.#later('.kp-sim-result', () => this.#simulationHtml(view));
		// For the bench (scripts/bench-explorer.mjs): from the change to everything near the screen written.
		this.#host.dataset['updateMs'] = (performance.now() - this.#started).toFixed(2);
	}

	/** "Send the requests": the simulation's form, checked by the browser's own validation (its fields' `min` and `max`). */
	simulate() {
		const form = this.querySelector<HTMLFormElement>('form.kp-sim-form');
		if (!form) return;
		if (!form.checkValidity()) {
			form.reportValidity();
			return;
		}
		const read = (name: string) => Number(form.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value);
		this.#simulation = { requests: read('requests'), clients: read('clients'), seed: read('seed') };
		this.#view ??= explorerView(scenarioOf(this.#state), this.#locale);
		this.#showSimulation(this.#view, true);
		this.#writeUrl(this.#urlOf(this.#view));
	}

	/** The page's address for a view: the setup, the simulation, and the step in the hash if it still exists. */
	#urlOf(view: ExplorerView): string {
		const hash = window.location.hash;
		const keep = hash.length > 1 && view.figure.steps.some((step) => `#${step.id}` === hash) ? hash : '';
		return `${window.location.pathname}${withSimulation(formatQuery(this.#state), this.#simulation)}${keep}`;
	}

	#fillSimulationForm(simulation: SimulationParams) {
		for (const name of SIMULATION_PARAMS) {
			const input = this.querySelector<HTMLInputElement>(`form.kp-sim-form input[name="${name}"]`);
			// A field the reader already typed in (before the engine arrived) keeps what they typed.
			if (input && input.value === input.defaultValue) set(input, 'value', String(simulation[name]));
		}
	}

	/** Runs the simulation now and writes its result (the reader asked for it). */
	#showSimulation(view: ExplorerView, announce: boolean) {
		const target = this.querySelector<HTMLElement>('.kp-sim-result');
		if (!target) return;
		this.#pending.delete(target);
		this.#write(target, this.#simulationHtml(view));
		busy(target).removeAttribute('aria-busy');
		const live = this.querySelector('.kp-explorer-live');
		if (announce && live) live.textContent = target.querySelector('.kp-sim-summary')?.textContent ?? '';
	}

	/**
	 * Runs the model's simulation for the setup shown and returns its result's markup; gives each hop of
	 * the diagram its share.
	 */
	#simulationHtml(view: ExplorerView): string {
		const simulation = this.#simulation;
		const target = this.querySelector<HTMLElement>('.kp-sim-result');
		if (!simulation || !target) return '';
		const started = performance.now();
		const result = simulateState(this.#state, view.scenario, simulation);
		const html = simulationHtml(result, view.scenario, view.figure.steps, this.#locale);
		set(target, 'hidden', false);
		shareHops(this.querySelector('kp-diagram'), result);
		// For the bench (scripts/bench-simulation.mjs): the simulation run and its result made; the caller writes it.
		queueMicrotask(() => (this.#host.dataset['simMs'] = (performance.now() - started).toFixed(2)));
		return html;
	}

	/**
	 * The URL, once the page has been drawn: `replaceState` costs Chromium a few milliseconds even on a
	 * laid-out page (and a whole forced layout after writes), none of which the reader sees. The task
	 * after the next frame writes it; the copy button asks for it at once (`flushUrl`).
	 */
	#writeUrl(url: string) {
		this.#url.later(() => {
			if (`${window.location.pathname}${window.location.search}${window.location.hash}` !== url) history.replaceState(history.state, '', url);
		});
	}

	flushUrl() {
		this.#url.flush();
	}

	/** Writes markup into an element unless it already shows it, changing only what differs (patch.ts). */
	#write(element: Element, html: string) {
		if ((this.#written.get(element) ?? element.innerHTML) !== html) patchHtml(element, html);
		this.#written.set(element, html);
	}

	/** A section below the picture: written now if it is near the screen, else when it comes near or the browser is idle. */
	#later(selector: string, html: () => string) {
		const section = this.querySelector(selector);
		if (!section) return;
		this.#pending.set(section, html);
		if (this.#near.has(section)) return this.#flush(section);
		writeAttributes(busy(section), [['aria-busy', 'true']]);
		if (this.#idle) return;
		this.#idle = true;
		idle(() => {
			this.#idle = false;
			const started = performance.now();
			for (const waiting of [...this.#pending.keys()]) this.#flush(waiting);
			// For the bench: what the sections far from the screen took, written while the browser was idle.
			this.#host.dataset['laterMs'] = (performance.now() - started).toFixed(2);
		});
	}

	#flush(section: Element) {
		const html = this.#pending.get(section);
		if (!html) return;
		this.#pending.delete(section);
		this.#write(section, html());
		busy(section).removeAttribute('aria-busy');
	}

	#drawFigure(view: ExplorerView, motion: boolean) {
		const diagram = this.querySelector<KpDiagram>('kp-diagram');
		if (diagram) redrawFigure(diagram, view.figure, this.#locale, motion);
	}

	/** Sets every control from the model: values, which options build, which groups apply. */
	#syncForm(model: FormModel, view: ExplorerView, state: ExplorerState) {
		const form = this.#form();
		if (!form) return;
		const words = messages[this.#locale].explorer;
		const preset = this.querySelector<HTMLSelectElement>('form select[name="preset"]');
		if (preset) set(preset, 'value', state.preset ?? '');
		const presetNote = this.querySelector<HTMLElement>('.kp-explorer-preset');
		if (presetNote) {
			const link = state.preset && this.querySelector<HTMLAnchorElement>(`.kp-explorer-pages a[data-preset="${state.preset}"]`);
			set(presetNote, 'hidden', !link);
			const anchor = presetNote.querySelector('a');
			if (link && anchor) {
				if (anchor.href !== link.href) anchor.href = link.href;
				const text = words.presetOf(link.textContent ?? '');
				if (anchor.textContent !== text) anchor.textContent = text;
			}
		}
		for (const name of CHOICES) {
			const state = model.choices[name];
			const group = this.querySelector<HTMLFieldSetElement>(`form [data-control="${name}"]`);
			if (group) set(group, 'disabled', !state.applies);
			for (const input of this.#all<HTMLInputElement>(`form input[name="${name}"]`)) {
				set(input, 'checked', state.applies && input.value === state.value);
				set(input, 'disabled', !state.applies || !state.allowed.includes(input.value));
			}
		}
		for (const name of ['nodes', 'routes', 'via', 'pick'] as const) {
			const state = model.numbers[name];
			const select = this.querySelector<HTMLSelectElement>(`form select[name="${name}"]`);
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
			const field = this.querySelector<HTMLElement>(`form [data-control="${name}"]`);
			if (field && field.hasAttribute('data-inapplicable') === state.applies) field.toggleAttribute('data-inapplicable', !state.applies);
		}
		const fail = this.querySelector<HTMLSelectElement>('form select[name="fail"]');
		if (fail) {
			set(fail, 'disabled', !model.fail.applies);
			for (const option of fail.options) if (option.value !== '') set(option, 'disabled', !model.fail.allowed.includes(option.value));
			set(fail, 'value', model.fail.value);
		}
		this.#all<HTMLInputElement>('form input[name="pods"]').forEach((input, i) => {
			set(input, 'value', String(model.pods[i] ?? 0));
			const field = input.closest<HTMLElement>('.kp-count');
			if (field) set(field, 'hidden', i >= model.nodes);
			set(input, 'disabled', i >= model.nodes);
		});
		const podsLegend = this.querySelector('form [data-legend="pods"]');
		const kind = state.params.entry === 'ingress' ? 'ingress' : state.params.entry === 'gateway' ? 'gateway' : 'app';
		if (podsLegend && podsLegend.textContent !== words.legend.pods[kind]) podsLegend.textContent = words.legend.pods[kind];
		const routes = this.querySelector<HTMLFieldSetElement>('form [data-control="backends"]');
		if (routes) set(routes, 'disabled', !model.routed);
		const routeControls = this.querySelector<HTMLElement>('form .kp-routes');
		if (routeControls) set(routeControls, 'hidden', !model.routed);
		const unrouted = this.querySelector<HTMLElement>('form [data-when="unrouted"]');
		if (unrouted) set(unrouted, 'hidden', model.routed);
		const rules = view.scenario.routing?.rules ?? [];
		this.#all<HTMLFieldSetElement>('form fieldset[data-route]').forEach((group, r) => {
			set(group, 'hidden', r >= model.routes);
			const legend = this.querySelector(`form fieldset[data-route="${r}"] > legend`);
			const rule = rules[r];
			const text = rule ? inlineHtml(words.legend.backend(r + 1, rule.path, rule.service)) : '';
			if (legend && rule) this.#write(legend, text);
			this.#all<HTMLInputElement>(`form fieldset[data-route="${r}"] input[name="backends"]`).forEach((input, i) => {
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
