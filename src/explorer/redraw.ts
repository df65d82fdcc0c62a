/*
 * Redraws a live diagram (<kp-diagram>) in place for another scenario: the picture through the D3
 * joins (draw.ts), the steps with their packets, the counters and announcements, `data-scenario` and
 * `data-outcome`; then the diagram island takes the new steps in. The explorer and the atlas pages'
 * "what if" switches both use it.
 */
import { stepsHtml, type FigureContent } from '../components/figure.ts';
import { drawDiagram } from './draw.ts';
import type { Locale } from '../i18n/index.ts';
import type { KpDiagram } from '../diagram/island.ts';

export function redrawFigure(diagram: KpDiagram, content: FigureContent, locale: Locale, motion: boolean): void {
	const figure = diagram.querySelector<HTMLElement>('figure');
	const svg = figure?.querySelector<SVGSVGElement>('svg.kp-svg');
	if (!figure || !svg) return;
	figure.dataset['scenario'] = content.scenario.id;
	figure.dataset['outcome'] = content.outcome;
	drawDiagram(svg, content.scenario, content.labels, motion);
	const list = figure.querySelector('ol.kp-steps');
	if (list) list.innerHTML = stepsHtml(content, locale);
	figure.querySelector('.kp-counter')?.setAttribute('data-texts', JSON.stringify(content.counters));
	figure.querySelector('[aria-live]')?.setAttribute('data-texts', JSON.stringify(content.announcements));
	diagram.refresh();
}
