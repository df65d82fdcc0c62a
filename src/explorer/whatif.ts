/*
 * The "what if" switches of an atlas diagram (Diagram.astro): loaded by the diagram island on the
 * first press, so an atlas page's JavaScript on load stays what it was. A press toggles its switch;
 * the preset is built again with every switch that is on (presets.ts `whatIfScenario`) and the diagram
 * redrawn in place, the outcome said to screen readers. With every switch off, the page's own setup.
 */
import { isLocale, messages } from '../i18n/index.ts';
import { figureContent } from '../components/figure.ts';
import { isPresetId, whatIfScenario, WHAT_IF_IDS, type WhatIfId } from '../model/presets.ts';
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
	redrawFigure(diagram, figureContent(scenario, lang), lang, motion);
	const live = diagram.querySelector('figure [aria-live]');
	if (live) live.textContent = messages[lang].explorer.nowOutcome(plainText(outcomeSentence(scenario, lang)));
}
