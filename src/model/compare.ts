/*
 * The comparison table: one row per scenario that is a way into the cluster, every cell derived from
 * the scenario (its path, its Services) or worded from its facts by the locale table. The layer, where
 * TLS ends and the source the Pod sees come from the path itself (`pathFacts`), the same values the
 * step texts and the sessions use, so the table cannot drift from the diagrams.
 */
import { messages, type Locale } from '../i18n/index.ts';
import { pathFacts } from './path-facts.ts';
import { destinationOf, formatEndpoint } from './resolve.ts';
import { SCENARIO_IDS, scenarioPath, scenarios, type ScenarioId } from './scenarios/index.ts';
import type { Scenario } from './types.ts';

/** The table's columns after the scenario's name, in order; their headers live in the locale tables. */
export const COMPARISON_COLUMNS = ['entry', 'reach', 'ports', 'layer', 'tlsEnds', 'sourceIp', 'cost', 'production', 'hops'] as const;
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
		const derived = pathFacts(scenario);
		const { source, forwardedFor, lostToClusterPolicy } = derived.source;
		const sourceWords = words.facts.sourceIp;
		const sourceIp = [
			forwardedFor ? sourceWords.withForwarded(sourceWords.peer[source.origin], sourceWords.forwardedFor[forwardedFor.origin]) : sourceWords.peer[source.origin],
			lostToClusterPolicy ? sourceWords.withLocal : '',
			[source.origin, forwardedFor?.origin].includes('load-balancer') ? sourceWords.withPreservation : '',
		].filter(Boolean);
		return [
			{
				id,
				href: scenarioPath(scenario, locale),
				title: words.scenario[id].title,
				entry: entry ? formatEndpoint(entry) : '',
				reach: words.facts.reach[facts.reach],
				ports: portsAlong(scenario),
				layer: words.facts.layer[derived.layer],
				tlsEnds: words.facts.tlsEnds[derived.tls.at] + (derived.tls.inExample ? '' : ` ${words.facts.tlsNotInExample}`),
				sourceIp: sourceIp.join('. '),
				cost: words.facts.cost[facts.cost],
				production: words.facts.production[facts.production],
				hops: scenario.path.length,
			},
		];
	});
}
