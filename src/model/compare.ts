/*
 * The comparison table: one row per scenario that is a way into the cluster, every cell derived from
 * the scenario (its path, its Services) or worded from its facts by the locale table. Nothing here is
 * typed by hand, so the table cannot drift from the diagrams.
 */
import { messages, type Locale } from '../i18n/index.ts';
import { destinationOf, formatEndpoint } from './resolve.ts';
import { SCENARIO_IDS, scenarioPath, scenarios, type ScenarioId } from './scenarios/index.ts';
import type { Scenario } from './types.ts';

/**
 * The table's columns after the scenario's name, in order; their headers live in the locale tables.
 * What decides comes first (who can connect, whether it is fit for production, the layer, what the Pod
 * sees, where TLS ends, what costs), the details of the example's path last.
 */
export const COMPARISON_COLUMNS = ['reach', 'production', 'layer', 'sourceIp', 'tlsEnds', 'cost', 'entry', 'ports', 'hops'] as const;
export type ComparisonColumn = (typeof COMPARISON_COLUMNS)[number];

export interface ComparisonRow {
	readonly id: ScenarioId;
	readonly href: string;
	readonly title: string;
	readonly entry: string;
	readonly reach: string;
	readonly ports: string;
	readonly layer: string;
	readonly tlsEnds: string;
	readonly sourceIp: string;
	readonly cost: string;
	readonly production: string;
	readonly hops: number;
}

/** The ports a request is addressed to along its path, each once, in order: `443 → 31443 → 8443 → 8080`. */
export function portsAlong(scenario: Scenario): string {
	const ports: number[] = [];
	scenario.path.forEach((_, index) => {
		const port = destinationOf(scenario, index)?.port;
		if (port !== undefined && ports.at(-1) !== port) ports.push(port);
	});
	return ports.join(' → ');
}

export function comparisonRows(locale: Locale): ComparisonRow[] {
	const words = messages[locale];
	return SCENARIO_IDS.flatMap((id) => {
		const scenario: Scenario = scenarios[id];
		const facts = scenario.facts;
		if (!facts) return [];
		const entry = destinationOf(scenario, 0);
		return [
			{
				id,
				href: scenarioPath(scenario, locale),
				title: words.scenario[id].title,
				entry: entry ? formatEndpoint(entry) : '',
				reach: words.facts.reach[facts.reach],
				ports: portsAlong(scenario),
				layer: words.facts.layer[facts.layer],
				tlsEnds: words.facts.tlsEnds[facts.tlsEnds],
				sourceIp: words.facts.sourceIp[facts.sourceIp],
				cost: words.facts.cost[facts.cost],
				production: words.facts.production[facts.production],
				hops: scenario.path.length,
			},
		];
	});
}
