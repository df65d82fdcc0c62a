/*
 * What the comparison table says about a way in, derived from its path: the layer it works at, where
 * TLS ends, and which address the application sees. These used to be declared beside each scenario,
 * and one of them contradicted its own page; derived, they cannot, and the step texts and the sessions
 * read the same values (`sourceSeenByPod`).
 */
import { L7_NODE_KINDS, STREAM_TRANSFORMS, TLS_END_OF_KIND, type Layer, type NodeKind, type TlsEnd, type TransformKind } from './kinds.ts';
import { hopTls } from './hop-facts.ts';
import { findNode, sourceSeenByPod, type SourceSeenByPod } from './resolve.ts';
import type { Scenario } from './types.ts';

export interface TlsFact {
	/** The component that decrypts, or would decrypt, the client's TLS. */
	readonly at: TlsEnd;
	/** `false` when the example itself sends plain HTTP, so `at` is where TLS would end once configured. */
	readonly inExample: boolean;
}

export interface PathFacts {
	readonly layer: Layer;
	readonly tls: TlsFact;
	readonly source: SourceSeenByPod;
}

const isL7 = (kind: NodeKind) => (L7_NODE_KINDS as readonly NodeKind[]).includes(kind);
const tlsEndOf = (kind: NodeKind): TlsEnd | undefined => (TLS_END_OF_KIND as Partial<Record<NodeKind, TlsEnd>>)[kind];

/**
 * L7 when a node before the last one accepts the connection and reads the request; L4 otherwise. A node
 * that receives the bytes inside a stream (the API server under `kubectl port-forward`) relays them unread.
 */
export function layerOf(scenario: Scenario): Layer {
	const readers = scenario.path
		.slice(0, -1)
		.filter((hop) => !(STREAM_TRANSFORMS as readonly TransformKind[]).includes(hop.transform))
		.map((hop) => findNode(scenario, hop.to)?.kind);
	return readers.some((kind) => kind !== undefined && isL7(kind)) ? 'L7' : 'L4';
}

/**
 * TLS ends at the first node that receives HTTPS and sends something else on: the sender of the first
 * hop whose `tls` fact is `ends` (hop-facts.ts). A path that stays HTTPS, or carries TCP the way-in
 * never reads, leaves it to the Pod. A path that is plain HTTP from
 * the client on (an Ingress without a `tls` section) has no TLS: the cell names the proxy where it would end.
 */
export function tlsOf(scenario: Scenario): TlsFact {
	const { path } = scenario;
	for (let i = 1; i < path.length; i++) {
		// The hop's own TLS fact. A sidecar that ends a mesh's mutual TLS has no `TlsEnd` kind and is passed over.
		if (hopTls(path[i - 1]!.protocol, path[i]!.protocol) === 'ends') {
			const kind = findNode(scenario, path[i]!.from)?.kind;
			const at = kind && tlsEndOf(kind);
			if (at) return { at, inExample: true };
		}
	}
	if (!path.some((hop) => hop.protocol === 'HTTPS') && path[0]?.protocol === 'HTTP') {
		const proxy = path.map((hop) => findNode(scenario, hop.to)?.kind).find((kind) => kind !== undefined && tlsEndOf(kind) !== undefined);
		const at = proxy && tlsEndOf(proxy);
		if (at) return { at, inExample: false };
	}
	return { at: 'pod', inExample: true };
}

export function pathFacts(scenario: Scenario): PathFacts {
	return { layer: layerOf(scenario), tls: tlsOf(scenario), source: sourceSeenByPod(scenario) };
}
