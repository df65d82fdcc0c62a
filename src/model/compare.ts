/*
 * The comparison table's facts: one row per scenario that is a way into the cluster, every cell a typed
 * value derived from the scenario (its path, its Services). The layer, where TLS ends and the source the
 * Pod sees come from the path itself (`pathFacts`), the same values the step texts and the sessions
 * use, so the table cannot drift from the diagrams. The words are chosen in `src/i18n/compare.ts`.
 */
import { STREAM_TRANSFORMS, type CostDriver, type Layer, type ProductionUse, type Reach, type SourceOrigin, type TransformKind } from './kinds.ts';
import { pathFacts, type TlsFact } from './path-facts.ts';
import { destinationOf, formatEndpoint } from './resolve.ts';
import { SCENARIO_IDS, scenarios, type ScenarioId } from './scenarios/index.ts';
import type { Scenario } from './types.ts';

/**
 * The table's columns after the scenario's name, in order; their headers live in the locale tables.
 * What decides comes first (who can connect, whether it is fit for production, the layer, what the Pod
 * sees, where TLS ends, what costs), the details of the example's path last.
 */
export const COMPARISON_COLUMNS = ['reach', 'production', 'layer', 'sourceIp', 'tlsEnds', 'cost', 'entry', 'ports', 'hops'] as const;
export type ComparisonColumn = (typeof COMPARISON_COLUMNS)[number];

/** The "source IP the Pod sees" cell, as facts. */
export interface SourceIpFact {
	/** Whose address is the peer of the Pod's connection. */
	readonly peer: SourceOrigin;
	/** Whose address the last proxy wrote into `X-Forwarded-For`, if one did. */
	readonly forwardedFor: SourceOrigin | undefined;
	/** `externalTrafficPolicy: Local` would have kept the client's address. */
	readonly keptWithLocal: boolean;
	/** The client's address was lost at a load balancer: only client IP preservation or the PROXY protocol keep it. */
	readonly keptWithPreservation: boolean;
}

export interface ComparisonFacts {
	readonly id: ScenarioId;
	readonly scenario: Scenario;
	/** `host:port` the client connects to. */
	readonly entry: string;
	readonly reach: Reach;
	readonly ports: string;
	readonly layer: Layer;
	/** The way in carries TCP and nothing else: the stream of `kubectl port-forward` has no room for UDP. */
	readonly tcpOnly: boolean;
	readonly tls: TlsFact;
	readonly sourceIp: SourceIpFact;
	readonly cost: CostDriver;
	readonly production: ProductionUse;
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

export function comparisonFacts(): ComparisonFacts[] {
	return SCENARIO_IDS.flatMap((id) => {
		const scenario: Scenario = scenarios[id];
		const facts = scenario.facts;
		if (!facts) return [];
		const entry = destinationOf(scenario, 0);
		const derived = pathFacts(scenario);
		const { source, forwardedFor, lostToClusterPolicy } = derived.source;
		return [
			{
				id,
				scenario,
				entry: entry ? formatEndpoint(entry) : '',
				reach: facts.reach,
				ports: portsAlong(scenario),
				layer: derived.layer,
				tcpOnly: scenario.path.some((hop) => (STREAM_TRANSFORMS as readonly TransformKind[]).includes(hop.transform)),
				tls: derived.tls,
				sourceIp: {
					peer: source.origin,
					forwardedFor: forwardedFor?.origin,
					keptWithLocal: lostToClusterPolicy,
					keptWithPreservation: source.origin === 'load-balancer' || forwardedFor?.origin === 'load-balancer',
				},
				cost: facts.cost,
				production: facts.production,
				hops: scenario.path.length,
			},
		];
	});
}
