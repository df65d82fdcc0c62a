/*
 * Derived facts. Nothing here is stored in a scenario: hop ids, destinations and the parameters of the
 * step templates are computed from the topology, so that one change in the model (a port, a node)
 * moves the diagram, the walkthrough and the manifests together.
 */
import type { Endpoint, Hop, Scenario, ServiceSpec, TopologyNode, Zone } from './types.ts';
import type { Protocol, TransformKind } from './kinds.ts';

/** `kubectl proxy` listens here unless `--address` / `--port` say otherwise. */
export const KUBECTL_PROXY_DEFAULT: Endpoint = { host: '127.0.0.1', port: 8001 };
/** The secure port `kube-apiserver` serves on by default (`--secure-port`). */
export const API_SERVER_PORT = 6443;

/** A step id: readable, the same in every language, and derived from the hop rather than its position. */
export function hopId(hop: Pick<Hop, 'from' | 'to'>): string {
	return `${hop.from}-to-${hop.to}`;
}

export function formatEndpoint(endpoint: Endpoint): string {
	return `${endpoint.host}:${endpoint.port}`;
}

export function findNode(scenario: Scenario, id: string): TopologyNode | undefined {
	return scenario.nodes.find((node) => node.id === id);
}

export function findZone(scenario: Scenario, id: string): Zone | undefined {
	return scenario.zones.find((zone) => zone.id === id);
}

export function findService(scenario: Scenario, id: string | undefined): ServiceSpec | undefined {
	return id === undefined ? undefined : scenario.services.find((service) => service.name === id);
}

/** The worker or control-plane zone a node runs on, if any (walking up the zone tree). */
export function machineOf(scenario: Scenario, node: TopologyNode): Zone | undefined {
	let zone = findZone(scenario, node.zone);
	const seen = new Set<string>();
	while (zone && !seen.has(zone.id)) {
		if (zone.kind === 'worker-node' || zone.kind === 'control-plane') return zone;
		seen.add(zone.id);
		zone = zone.parent === undefined ? undefined : findZone(scenario, zone.parent);
	}
	return undefined;
}

/**
 * Where a node accepts traffic, derived from the Service and the zone it lives in. Nodes that only
 * apply rules to packets in flight (kube-proxy) have no address of their own.
 */
export function listenOf(scenario: Scenario, node: TopologyNode): Endpoint | undefined {
	const service = findService(scenario, node.service);
	const machine = machineOf(scenario, node);
	switch (node.kind) {
		case 'kubectl-proxy':
			return { host: node.address ?? KUBECTL_PROXY_DEFAULT.host, port: node.port ?? KUBECTL_PROXY_DEFAULT.port };
		case 'api-server':
			return machine?.address === undefined ? undefined : { host: node.address ?? machine.address, port: node.port ?? API_SERVER_PORT };
		case 'node-port':
			return machine?.address === undefined || service?.nodePort === undefined
				? undefined
				: { host: machine.address, port: service.nodePort };
		case 'service':
			return service === undefined ? undefined : { host: service.clusterIP, port: service.port };
		case 'pod':
			return node.address === undefined || service === undefined ? undefined : { host: node.address, port: service.targetPort };
		case 'cloud-load-balancer':
		case 'ingress-controller':
			return node.address === undefined ? undefined : { host: node.address, port: node.port ?? service?.port ?? 80 };
		case 'client':
		case 'kube-proxy':
			return undefined;
	}
}

/**
 * The address:port a hop is sent to. A hop into a node without an address of its own (kube-proxy
 * rules) keeps the destination of the hop before it, which is exactly what the kernel sees.
 */
export function destinationOf(scenario: Scenario, index: number): Endpoint | undefined {
	for (let i = index; i >= 0; i--) {
		const hop = scenario.path[i];
		const to = hop && findNode(scenario, hop.to);
		const endpoint = to && listenOf(scenario, to);
		if (endpoint) return endpoint;
	}
	return undefined;
}

/** A node as the step templates see it. */
export interface NodeView {
	readonly id: string;
	readonly kind: TopologyNode['kind'];
	readonly name: string | undefined;
	/** Name of the worker or control-plane node it runs on (`node-a`). */
	readonly machine: string | undefined;
	readonly machineAddress: string | undefined;
}

/** Everything a step template may say about one hop, all derived from the model. */
export interface HopContext {
	readonly id: string;
	readonly transform: TransformKind;
	readonly protocol: Protocol;
	readonly from: NodeView;
	readonly to: NodeView;
	/** `host:port` the packet is addressed to on this hop. */
	readonly destination: string;
	/** The Service involved in this hop, if any. */
	readonly service: ServiceSpec | undefined;
	/** How many Pods back that Service in this scenario. */
	readonly endpointCount: number;
	/** How many of those Pods run on the machine this hop arrives at. */
	readonly localEndpoints: number;
	/** The packet leaves the node it arrived on. */
	readonly crossNode: boolean;
	/** The source address is rewritten to the node's (`externalTrafficPolicy: Cluster`). */
	readonly snat: boolean;
	/** The node the request first entered, if it entered through one (NodePort, load balancer target). */
	readonly entryMachine: NodeView | undefined;
}

function viewOf(scenario: Scenario, node: TopologyNode): NodeView {
	const machine = machineOf(scenario, node);
	return { id: node.id, kind: node.kind, name: node.name, machine: machine?.name, machineAddress: machine?.address };
}

/** Resolves hop `index` of a scenario that passed `validateScenario`. */
export function hopContext(scenario: Scenario, index: number): HopContext {
	const hop = scenario.path[index];
	if (!hop) throw new RangeError(`Scenario \`${scenario.id}\` has no hop at index ${index}.`);
	const from = findNode(scenario, hop.from);
	const to = findNode(scenario, hop.to);
	if (!from || !to) throw new Error(`Scenario \`${scenario.id}\`: hop \`${hopId(hop)}\` names a node that does not exist. Run validateScenario first.`);
	const service = findService(scenario, to.service) ?? findService(scenario, from.service);
	const destination = destinationOf(scenario, index);
	const fromMachine = machineOf(scenario, from);
	const toMachine = machineOf(scenario, to);
	const podsOfService = service ? scenario.nodes.filter((n) => n.kind === 'pod' && n.service === service.name) : [];
	const entry = scenario.path
		.map((h) => findNode(scenario, h.to))
		.find((node) => node?.kind === 'node-port');
	return {
		id: hopId(hop),
		transform: hop.transform,
		protocol: hop.protocol,
		from: viewOf(scenario, from),
		to: viewOf(scenario, to),
		destination: destination ? formatEndpoint(destination) : '',
		service,
		endpointCount: podsOfService.length,
		localEndpoints: podsOfService.filter((pod) => toMachine !== undefined && machineOf(scenario, pod)?.id === toMachine.id).length,
		crossNode: fromMachine !== undefined && toMachine !== undefined && fromMachine.id !== toMachine.id,
		snat: hop.transform === 'endpoint-dnat' && (service?.externalTrafficPolicy ?? 'Cluster') === 'Cluster',
		entryMachine: entry ? viewOf(scenario, entry) : undefined,
	};
}
