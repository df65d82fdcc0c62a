/*
 * The "what if" switches of an atlas diagram (Diagram.astro): loaded by the diagram island on the
 * first press, so an atlas page's JavaScript on load stays what it was. A press toggles its switch;
 * the preset is built again with every switch that is on (presets.ts `whatIfScenario`) and the diagram
 * redrawn in place, the outcome said to screen readers. With every switch off, the page's own setup.
 * "Send 1,000 requests" beside them runs the model's simulation of the setup shown, and again after
 * each switch.
 */
import { isLocale, messages, type Locale } from '../i18n/index.ts';
import { figureContent } from '../components/figure.ts';
import { isPresetId, PRESETS, whatIfScenario, WHAT_IF_IDS, type PresetId, type WhatIfId } from '../model/presets.ts';
import { DEFAULT_SIMULATION, simulate } from '../model/simulate.ts';
import { shareHops, simulationHtml } from './simulation-view.ts';
import { atlasStepFails } from './atlas-fails.ts';
import { plainText } from '../model/text.ts';
import { redrawFigure } from './redraw.ts';
import { outcomeSentence } from './view.ts';
import type { KpDiagram } from '../diagram/island.ts';

const isWhatIf = (value: unknown): value is WhatIfId => typeof value === 'string' && (WHAT_IF_IDS as readonly string[]).includes(value);

/** The atlas page's preset and its language; its id is kept once: the figure's `data-scenario` stays the page's, switched or not. */
function pageOf(diagram: KpDiagram): { id: PresetId; lang: Locale } | undefined {
	const id = diagram.dataset['preset'] ?? diagram.querySelector<HTMLElement>('figure')?.dataset['scenario'];
	const lang = document.documentElement.lang;
	if (!isPresetId(id) || !isLocale(lang)) return undefined;
	diagram.dataset['preset'] = id;
	return { id, lang };
}

const switchesOn = (diagram: KpDiagram) => [...diagram.querySelectorAll<HTMLButtonElement>('[data-whatif][aria-pressed="true"]')].map((b) => b.dataset['whatif']).filter(isWhatIf);

/**
 * "Send 1,000 requests": the model's simulation (the explorer's defaults: 1,000 requests from 10
 * clients, seed 1) of the setup shown, its result under the diagram and the hops' shares on it.
 */
export function sendRequests(diagram: KpDiagram, announce = true): void {
	const page = pageOf(diagram);
	const target = diagram.nextElementSibling;
	if (!page || !(target instanceof HTMLElement) || !target.classList.contains('kp-whatif-result')) return;
	const { id, lang } = page;
	const scenario = whatIfScenario(id, switchesOn(diagram));
	const result = simulate(scenario, DEFAULT_SIMULATION, { ...PRESETS[id].options, id });
	target.innerHTML = simulationHtml(result, scenario, figureContent(scenario, lang).steps, lang, { compact: true });
	target.hidden = false;
	diagram.dataset['simulated'] = '';
	shareHops(diagram, result);
	const live = diagram.querySelector('figure [aria-live]');
	if (!announce) return;
	if (live) live.textContent = plainText(target.querySelector('.kp-sim-summary')?.textContent ?? '');
	// The result is under the diagram and its steps: the reader who asked for it is brought to it.
	const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	target.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'instant' });
}

export function toggleWhatIf(diagram: KpDiagram, button: HTMLButtonElement): void {
	const page = pageOf(diagram);
	if (!page) return;
	const { id, lang } = page;
	button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
	const on = switchesOn(diagram);
	const scenario = whatIfScenario(id, on);
	const motion = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	// Each step's "if it fails here", as the page built it (Diagram.astro) for its own setup.
	const fails = atlasStepFails(id, on, scenario, lang);
	redrawFigure(diagram, { ...figureContent(scenario, lang), fails }, lang, motion);
	// Requests sent before: sent again to the switched setup (the hops were drawn anew, without their shares).
	if (diagram.dataset['simulated'] !== undefined) sendRequests(diagram, false);
	const live = diagram.querySelector('figure [aria-live]');
	if (live) live.textContent = messages[lang].explorer.nowOutcome(plainText(outcomeSentence(scenario, lang)));
}
