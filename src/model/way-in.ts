/*
 * What the comparison table says about one way in, derived from its scenario: who can reach it, its
 * layer, where TLS ends, the source the Pod sees, what it costs. The atlas table (compare.ts) has one
 * row per page; the explorer shows the row of the reader's own setup. No scenario table is imported
 * here, so the browser can load it without building every atlas page.
 */
import { STREAM_TRANSFORMS, type CostDriver, type Layer, type ProductionUse, type Reach, type SourceOrigin, type TransformKind } from './kinds.ts';
import { pathFacts, type TlsFact } from './path-facts.ts';
import { destinationOf, formatEndpoint } from './resolve.ts';
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

export interface WayInFacts {
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

/** The facts of a way in; undefined for a scenario that is not one (a mesh's east-west path has no `facts`). */
export function wayInFacts(scenario: Scenario): WayInFacts | undefined {
	const facts = scenario.facts;
	if (!facts) return undefined;
	const entry = destinationOf(scenario, 0);
	const derived = pathFacts(scenario);
	const { source, forwardedFor, lostToClusterPolicy } = derived.source;
	return {
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
	};
}
