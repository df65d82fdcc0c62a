/*
 * The packet on each hop: protocol, source → destination with ports, and what the hop changed in it.
 * Nothing is decided twice here: the addresses come from `sourcesAlong` (whose source each receiver
 * sees) and `destinationOf` (where the packets are sent), what the hop does from `hopFacts` (rewrite,
 * TLS, the header a proxy adds). This module only adds what those leave out: the connections and their
 * source ports, and the comparison of each packet with the one before it.
 */
import { hopFacts, type HopTls } from './hop-facts.ts';
import { fnv1a } from './naming.ts';
import { destinationOf, hopContext, hopId, sourcesAlong } from './resolve.ts';
import type { Protocol, SourceOrigin } from './kinds.ts';
import type { Scenario } from './types.ts';

/** An address and a port of a packet. `host` undefined: the model has no address for it (your machine on its own network). */
export interface PacketEndpoint {
	readonly host: string | undefined;
	/** Undefined only for a destination the model cannot resolve (a load balancer that has no address yet). */
	readonly port: number | undefined;
}

/** The source of a packet, and whose address it is (see `SeenAddress`). */
export interface PacketSource extends PacketEndpoint {
	readonly origin: SourceOrigin;
}

/**
 * What a hop changed in the packet, compared with the packet on the hop before it.
 * - `opens`: the first hop, where the client opens the first connection.
 * - `new-connection`: a proxy accepted the previous connection and opened its own (new source port).
 * - `dnat`: the destination was rewritten (kube-proxy's rules, a load balancer that forwards packets).
 * - `redirect`: the connection was redirected to a local port (a sidecar catching an outgoing call);
 *   the original destination stays readable to the one that caught it.
 * - `snat`: the source address was rewritten (kube-proxy's masquerade under `externalTrafficPolicy:
 *   Cluster`); the port is kept, as the kernel's NAT keeps it unless it collides with another.
 * - `tls`: TLS starts, ends or passes unread at this hop's sender (`hopFacts`' `tls`).
 * - `header`: a proxy added `X-Forwarded-For` with the address it received the request from.
 */
export type PacketChange =
	| { readonly kind: 'opens' }
	| { readonly kind: 'new-connection' }
	| { readonly kind: 'dnat'; readonly from: PacketEndpoint; readonly to: PacketEndpoint }
	| { readonly kind: 'redirect'; readonly port: number }
	| { readonly kind: 'snat'; readonly from: string | undefined; readonly to: string | undefined }
	| { readonly kind: 'tls'; readonly tls: Exclude<HopTls, 'none'> }
	| { readonly kind: 'header'; readonly name: 'X-Forwarded-For'; readonly value: string | undefined; readonly origin: SourceOrigin };

export type PacketChangeKind = PacketChange['kind'];

/** What the application behind the last hop sees as its client. */
export interface ApplicationView {
	/** The peer of its connection: the last packet's source. */
	readonly remoteAddr: PacketSource;
	/**
	 * `X-Forwarded-For` as it arrives: one address per HTTP proxy that added one, in path order (each
	 * proxy appends the address it received the request from). Empty: no proxy on the path sets it.
	 */
	readonly forwardedFor: readonly (string | undefined)[];
}

export interface Packet {
	/** The hop's step id (`kube-proxy-a-to-web-1`). */
	readonly hop: string;
	readonly protocol: Protocol;
	readonly source: PacketSource;
	readonly destination: PacketEndpoint;
	/** Which connection of the path carries it, from 0 (the client's): it grows by one at each proxy. */
	readonly connection: number;
	/** Which fields differ from the packet on the hop before (all false on the first hop). */
	readonly changed: { readonly protocol: boolean; readonly source: boolean; readonly destination: boolean };
	readonly changes: readonly PacketChange[];
	/** On the last hop of a delivered request: what the application sees. */
	readonly application: ApplicationView | undefined;
}

/** The lowest and highest port Linux picks for an outgoing connection (`net.ipv4.ip_local_port_range`). */
export const EPHEMERAL_PORTS = { min: 32768, max: 60999 } as const;

/** The token `data-src` / `data-dst` carry where the model has no address or port (README, "Links into the site"). */
export const UNKNOWN_ADDRESS = 'unknown';

/** `host:port` as the DOM contract writes it, the same in every language. */
export function formatPacketEndpoint(endpoint: PacketEndpoint): string {
	return `${endpoint.host ?? UNKNOWN_ADDRESS}:${endpoint.port ?? UNKNOWN_ADDRESS}`;
}

/**
 * The source port of connection `connection` of a scenario: a plausible ephemeral port, derived from
 * the scenario id and the connection index, and different for every connection of one path.
 */
export function ephemeralPort(scenarioId: string, connection: number, taken: readonly number[] = []): number {
	const size = EPHEMERAL_PORTS.max - EPHEMERAL_PORTS.min + 1;
	// FNV-1a spreads the scenario id, so each page gets its own ports without randomness.
	let port = EPHEMERAL_PORTS.min + (fnv1a(`${scenarioId}#${connection}`) % size);
	while (taken.includes(port)) port = port === EPHEMERAL_PORTS.max ? EPHEMERAL_PORTS.min : port + 1;
	return port;
}

const sameEndpoint = (a: PacketEndpoint, b: PacketEndpoint) => a.host === b.host && a.port === b.port;

/**
 * The packet on every hop of the path, in order. Where the scenario has an outcome, the list stops at
 * its hop (`outcome.atHop`) and no application sees anything.
 */
export function packetsOf(scenario: Scenario): Packet[] {
	const count = scenario.outcome === undefined ? scenario.path.length : Math.min(scenario.path.length, scenario.outcome.atHop + 1);
	const sources = sourcesAlong(scenario);
	const ports: number[] = [];
	const forwardedFor: (string | undefined)[] = [];
	const packets: Packet[] = [];
	for (let index = 0; index < count; index++) {
		const hop = scenario.path[index]!;
		const context = hopContext(scenario, index);
		const facts = hopFacts(scenario, index, context);
		const previous = packets[index - 1];
		const opens = previous === undefined || facts.rewrites === 'new-connection';
		if (opens) ports.push(ephemeralPort(scenario.id, ports.length, ports));
		const seen = sources[index]!;
		const source: PacketSource = { host: seen.address, port: ports.at(-1)!, origin: seen.origin };
		const resolved = destinationOf(scenario, index);
		const destination: PacketEndpoint = { host: resolved?.host, port: resolved?.port };

		const changes: PacketChange[] = [];
		if (previous === undefined) changes.push({ kind: 'opens' });
		else if (opens) changes.push({ kind: 'new-connection' });
		else {
			if (!sameEndpoint(previous.destination, destination)) changes.push({ kind: 'dnat', from: previous.destination, to: destination });
			if (previous.source.host !== source.host) changes.push({ kind: 'snat', from: previous.source.host, to: source.host });
		}
		// A rewrite on the very first hop has no packet before it to differ from: the connection is
		// redirected to the port of the node it reaches (a sidecar's), its original destination kept.
		if (previous === undefined && facts.rewrites === 'destination' && context.toPort !== undefined && context.toPort !== destination.port) {
			changes.push({ kind: 'redirect', port: context.toPort });
		}
		if (facts.tls !== 'none') changes.push({ kind: 'tls', tls: facts.tls });
		if (facts.header) {
			changes.push({ kind: 'header', name: facts.header.name, value: facts.header.value.address, origin: facts.header.value.origin });
			forwardedFor.push(facts.header.value.address);
		}

		packets.push({
			hop: hopId(hop),
			protocol: hop.protocol,
			source,
			destination,
			connection: ports.length - 1,
			changed:
				previous === undefined
					? { protocol: false, source: false, destination: false }
					: { protocol: previous.protocol !== hop.protocol, source: !sameEndpoint(previous.source, source), destination: !sameEndpoint(previous.destination, destination) },
			changes,
			application: undefined,
		});
	}
	const last = packets.at(-1);
	if (last && scenario.outcome === undefined) packets[packets.length - 1] = { ...last, application: { remoteAddr: last.source, forwardedFor } };
	return packets;
}
