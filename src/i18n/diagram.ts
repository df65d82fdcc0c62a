/*
 * The words of a diagram, from the locale tables, for src/diagram (which imports no locale table):
 * the reader's language for what is drawn, every language for the room the layout gives titles.
 */
import { LOCALES, messages, type Locale } from './index.ts';
import { plainText } from '../model/text.ts';
import { routeSummary, scenarioTitle } from './steps.ts';
import type { DiagramLabels, LayoutLabels } from '../diagram/labels.ts';
import type { Scenario } from '../model/types.ts';

/** Box and zone titles of every locale, in `LOCALES` order. */
export const LAYOUT_LABELS: LayoutLabels = LOCALES.map((locale) => ({ node: messages[locale].node, zone: messages[locale].zone }));

export function diagramLabels(scenario: Scenario, locale: Locale): DiagramLabels {
	const words = messages[locale];
	return {
		node: words.node,
		zone: words.zone,
		title: plainText(words.diagram.title(scenarioTitle(scenario, locale))),
		desc: plainText(routeSummary(scenario, locale)),
		noAddress: words.diagram.noAddress,
		layout: LAYOUT_LABELS,
	};
}
