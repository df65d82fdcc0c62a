/*
 * The walkthrough: one step per hop, worded from the locale's templates and the hop's facts
 * (`src/model/hop-facts.ts`). Step ids come from the hop (`client-to-kubectl-proxy`), never from the
 * language or the position, so a link to a step works in both languages and survives inserting a hop
 * before it. This module words the model; the model never imports it.
 */
import { messages, type Locale } from './index.ts';
import { stepContext } from '../model/hop-facts.ts';
import { findNode, type HopContext } from '../model/resolve.ts';
import { outcomeOf } from '../model/outcome.ts';
import type { Scenario, TopologyNode } from '../model/types.ts';
import type { ScenarioId } from '../model/scenarios/index.ts';

export interface Step {
	readonly id: string;
	/** 1-based position in the walkthrough. */
	readonly number: number;
	readonly title: string;
	/** Explanation; inline code between backticks (see `src/model/text.ts`). */
	readonly body: string;
	readonly protocol: HopContext['protocol'];
	readonly destination: string;
	readonly from: string;
	readonly to: string;
}

export function stepsFor(scenario: Scenario, locale: Locale): Step[] {
	const table = messages[locale];
	const outcome = outcomeOf(scenario);
	return scenario.path.map((hop, index) => {
		const context = stepContext(scenario, index);
		const template = table.transform[hop.transform];
		// The step where the request stops ends with why, and what the client sees.
		const stop = outcome.kind !== 'delivered' && index === outcome.atHop ? ` ${table.outcome(outcome)}` : '';
		return {
			id: context.id,
			number: index + 1,
			title: template.title(context),
			body: template.body(context) + stop,
			protocol: hop.protocol,
			destination: context.destination,
			from: hop.from,
			to: hop.to,
		};
	});
}

/** "Pod `web-1`": the node's kind in the reader's language, then its literal name if it has one. */
export function nodeLabel(node: TopologyNode, locale: Locale): string {
	const kind = messages[locale].node[node.kind];
	return node.name ? `${kind} \`${node.name}\`` : kind;
}

export function scenarioTitle(scenario: Scenario, locale: Locale): string {
	return messages[locale].scenario[scenario.id as ScenarioId]?.title ?? scenario.id;
}

/** One sentence that says the whole path, for the SVG `<desc>`: text alternatives must not need the picture. */
export function routeSummary(scenario: Scenario, locale: Locale): string {
	const steps = stepsFor(scenario, locale);
	const first = scenario.path[0] && findNode(scenario, scenario.path[0].from);
	const parts = [first ? nodeLabel(first, locale) : ''];
	for (const step of steps) {
		const node = findNode(scenario, step.to);
		if (node) parts.push(`${nodeLabel(node, locale)} (${step.destination})`);
	}
	const route = messages[locale].diagram.desc(steps.length, parts.join(' → '));
	const outcome = outcomeOf(scenario);
	const stop = outcome.kind === 'delivered' ? undefined : findNode(scenario, scenario.path[outcome.atHop]?.to ?? '');
	return stop && outcome.kind !== 'delivered' ? `${route} ${messages[locale].diagram.stops(outcome.kind, nodeLabel(stop, locale))}` : route;
}
