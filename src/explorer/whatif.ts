/*
 * The "what if" switches of an atlas diagram (Diagram.astro): loaded by the diagram island on the
 * first press, so an atlas page's JavaScript on load stays what it was. A press toggles its switch;
 * the preset is built again with every switch that is on (presets.ts `whatIfScenario`) and the diagram
 * redrawn in place, the outcome said to screen readers. With every switch off, the page's own setup.
 */
import { isLocale, messages } from '../i18n/index.ts';
import { figureContent, stepFailsOf } from '../components/figure.ts';
import { isPresetId, whatIfParams, whatIfScenario, WHAT_IF_IDS, type WhatIfId } from '../model/presets.ts';
import { checkAnchor } from '../model/troubleshoot.ts';
import { pageHref } from '../site/pages.ts';
import { formatQuery } from './query.ts';
import { plainText } from '../model/text.ts';
import { redrawFigure } from './redraw.ts';
import { outcomeSentence } from './view.ts';
import type { KpDiagram } from '../diagram/island.ts';

const isWhatIf = (value: unknown): value is WhatIfId => typeof value === 'string' && (WHAT_IF_IDS as readonly string[]).includes(value);

export function toggleWhatIf(diagram: KpDiagram, button: HTMLButtonElement): void {
	const id = diagram.dataset['preset'] ?? diagram.querySelector<HTMLElement>('figure')?.dataset['scenario'];
	const lang = document.documentElement.lang;
	if (!isPresetId(id) || !isLocale(lang)) return;
	// The atlas page's own id, kept once: the figure's `data-scenario` stays the page's, switched or not.
	diagram.dataset['preset'] = id;
	button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
	const on = [...diagram.querySelectorAll<HTMLButtonElement>('[data-whatif][aria-pressed="true"]')].map((b) => b.dataset['whatif']).filter(isWhatIf);
	const scenario = whatIfScenario(id, on);
	const motion = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
	// Each step's "if it fails here", as the page built it (Diagram.astro) for its own setup; for a
	// switched one, the explorer with the switched parameters, and no check of the guide (it has the page's setup).
	const query = on.length === 0 ? `?preset=${id}` : formatQuery({ preset: undefined, params: whatIfParams(id, on) });
	const explore = `${pageHref(lang, 'explore')}${query}`;
	const guide = pageHref(lang, 'troubleshoot');
	const fails = stepFailsOf(scenario, {
		explore: (mode) => `${explore}&fail=${mode}`,
		...(on.length === 0 ? { checks: (mode, symptom) => `${guide}#${checkAnchor(symptom, id, mode)}` } : {}),
	});
	redrawFigure(diagram, { ...figureContent(scenario, lang), fails }, lang, motion);
	const live = diagram.querySelector('figure [aria-live]');
	if (live) live.textContent = messages[lang].explorer.nowOutcome(plainText(outcomeSentence(scenario, lang)));
}
