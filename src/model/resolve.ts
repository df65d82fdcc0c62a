/*
 * Derived facts. Nothing here is stored in a scenario: hop ids, destinations and the parameters of the
 * step templates are computed from the topology, so that one change in the model (a port, a node)
 * moves the diagram, the walkthrough and the manifests together.
 */
import type { Endpoint, Hop, RouteRule, Routing, Scenario, ServiceSpec, TopologyNode, Zone } from './types.ts';
import { ENDPOINT_KINDS, type Protocol, type SourceOrigin, type TransformKind } from './kinds.ts';

/** `kubectl proxy` listens here unless `--address` / `--port` say otherwise. */
export const KUBECTL_PROXY_DEFAULT: Endpoint = { host: '127.0.0.1', port: 8001 };
/** The secure port `kube-apiserver` serves on by default (`--secure-port`). */
export const API_SERVER_PORT = 6443;
/** The kubelet's HTTPS port (`--port`), where the API server opens port-forward, exec and log streams. */
export const KUBELET_PORT = 10250;
/**
 * The IPv4 loopback address. `kubectl port-forward` listens on it (and on `::1`) unless `--address`
 * says otherwise, and the container runtime dials the forwarded port on the Pod's own loopback, so
 * the application sees its connections coming from it.
 */
export const LOOPBACK = '127.0.0.1';

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

/** The worker node whose NodePort the path reaches first (where a client or a load balancer enters the cluster), if any. */
export function enteredNode(scenario: Scenario): Zone | undefined {
	const hop = scenario.path.find((h) => findNode(scenario, h.to)?.kind === 'node-port');
	const nodePort = hop && findNode(scenario, hop.to);
	return nodePort && findZone(scenario, nodePort.zone);
}

/** A node's Pod IP: its own `address`, or that of the `pod` zone it sits in (containers of one Pod share it). */
export function podAddressOf(scenario: Scenario, node: TopologyNode): string | undefined {
	if (node.address !== undefined) return node.address;
	const zone = findZone(scenario, node.zone);
	return zone?.kind === 'pod' ? zone.address : undefined;
}

/** The nodes that are endpoints of a Service (its Pods, whatever runs in them). */
export function endpointsOf(scenario: Scenario, service: string): TopologyNode[] {
	return scenario.nodes.filter((node) => node.service === service && (ENDPOINT_KINDS as readonly string[]).includes(node.kind));
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
		case 'kubectl-port-forward': {
			// `kubectl port-forward service/web 8080:80` listens on 8080; given one port only, on the Service's own.
			const port = node.port ?? service?.port;
			return port === undefined ? undefined : { host: node.address ?? LOOPBACK, port };
		}
		case 'kubelet':
			return machine?.address === undefined ? undefined : { host: machine.address, port: node.port ?? KUBELET_PORT };
		case 'node-port':
			return machine?.address === undefined || service?.nodePort === undefined ? undefined : { host: machine.address, port: service.nodePort };
		case 'service':
			return service === undefined ? undefined : { host: service.clusterIP, port: service.port };
		case 'pod':
		case 'ingress-controller':
		case 'gateway-proxy':
		case 'sidecar-proxy':
		case 'container': {
			// A Pod (or a container or proxy in it) receives on the Pod IP and the Service's targetPort.
			const host = podAddressOf(scenario, node);
			return host === undefined || service === undefined ? undefined : { host, port: node.port ?? service.targetPort };
		}
		case 'cloud-load-balancer':
			return service?.loadBalancerIP === undefined ? undefined : { host: service.loadBalancerIP, port: service.port };
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
	const current = scenario.path[index];
	if (current?.transform === 'pod-loopback-dial') {
		// The runtime dials inside the Pod's network namespace: its loopback, on the port the Pod listens on.
		const to = findNode(scenario, current.to);
		const port = to && listenOf(scenario, to)?.port;
		return port === undefined ? undefined : { host: LOOPBACK, port };
	}
	for (let i = index; i >= 0; i--) {
		const hop = scenario.path[i];
		const to = hop && findNode(scenario, hop.addressedTo ?? hop.to);
		const endpoint = to && listenOf(scenario, to);
		if (endpoint) return endpoint;
	}
	return undefined;
}

/** The source address of the packets at one point of the path, and whose address it is. */
export interface SeenAddress {
	readonly origin: SourceOrigin;
	/** Undefined where the model has no address for it (a laptop on its own network). */
	readonly address: string | undefined;
	/** For a node's address: the node's name (`node-a`). */
	readonly machine?: string | undefined;
	/** For a node's address after SNAT: whose address it replaced (the client's, or a load balancer's that had replaced it first). */
	readonly replaced?: SourceOrigin;
}

/**
 * The source of the packets as each hop's receiver sees it (index `i`: what `path[i].to` sees), hop by
 * hop from the client: kube-proxy's SNAT under `externalTrafficPolicy: Cluster` gives a node's address,
 * a load balancer that does not keep the client's (`loadBalancerSource`) its own, an HTTP proxy (the API
 * server, an Ingress controller, a Gateway) its own Pod or node address, a mesh sidecar `127.0.0.6`, and
 * the container runtime behind `kubectl port-forward` the Pod's loopback, `127.0.0.1`.
 * The comparison table, the step texts and the sessions all read this one list.
 */
export function sourcesAlong(scenario: Scenario): SeenAddress[] {
	let source = entrySourceOf(scenario);
	return scenario.path.map((hop, index) => {
		const from = findNode(scenario, hop.from);
		const to = findNode(scenario, hop.to);
		const machine = from && machineOf(scenario, from);
		switch (hop.transform) {
			case 'loopback-http':
				source = { origin: 'client', address: KUBECTL_PROXY_DEFAULT.host };
				break;
			case 'port-forward-listen':
				// A client on the same machine connects to a loopback address from the loopback interface.
				source = { origin: 'client', address: LOOPBACK };
				break;
			case 'api-authenticated-proxy':
			case 'port-forward-stream':
				// kubectl connects from your machine, whose address the model does not know.
				source = { origin: 'client', address: undefined };
				break;
			case 'api-service-proxy':
			case 'kubelet-stream':
				source = { origin: 'api-server', address: machine?.address, machine: machine?.name };
				break;
			case 'pod-loopback-dial':
				// The runtime's connection starts inside the Pod's network namespace, from its loopback.
				source = { origin: 'loopback', address: LOOPBACK };
				break;
			case 'load-balancer-to-node':
			case 'load-balancer-to-pod': {
				const service = findService(scenario, from?.service ?? to?.service);
				if (service?.loadBalancerSource !== undefined) source = { origin: 'load-balancer', address: service.loadBalancerSource };
				break;
			}
			case 'endpoint-dnat':
				if (snatOn(scenario, index)) source = { origin: 'node', address: machine?.address, machine: machine?.name, replaced: source.origin };
				break;
			case 'ingress-route':
			case 'gateway-route':
				source = { origin: 'proxy', address: from && podAddressOf(scenario, from) };
				break;
			case 'mesh-mtls':
				source = { origin: 'sidecar', address: from && podAddressOf(scenario, from) };
				break;
			case 'sidecar-inbound':
				// Istio's sidecar binds inbound passthrough connections to this address.
				source = { origin: 'sidecar', address: '127.0.0.6' };
				break;
			default:
				break;
		}
		return source;
	});
}

/**
 * The source of the client's own packets: its address, or the Pod IP of the Pod it runs in (an
 * application calling another Service through its sidecar).
 */
export function entrySourceOf(scenario: Scenario): SeenAddress {
	const first = scenario.path[0] && findNode(scenario, scenario.path[0].from);
	return { origin: 'client', address: first && podAddressOf(scenario, first) };
}

/** Transforms whose receiver is an HTTP proxy that writes the address it saw into `X-Forwarded-For`. */
export const FORWARDING_TRANSFORMS: readonly TransformKind[] = ['ingress-route', 'gateway-route'];

export interface SourceSeenByPod {
	/** The peer of the last Pod's connection (`RemoteAddr`). */
	readonly source: SeenAddress;
	/** What the last HTTP proxy on the path wrote into `X-Forwarded-For`: the source it saw itself. */
	readonly forwardedFor: SeenAddress | undefined;
	/**
	 * The client's address was replaced by the SNAT of `externalTrafficPolicy: Cluster`, on a path where
	 * it had survived until then: with `Local` it would have reached the next receiver.
	 */
	readonly lostToClusterPolicy: boolean;
}

/** The addresses the last Pod sees (see `sourcesAlong`). */
export function sourceSeenByPod(scenario: Scenario): SourceSeenByPod {
	const sources = sourcesAlong(scenario);
	const entry = entrySourceOf(scenario);
	const arriving = (index: number) => (index === 0 ? entry : sources[index - 1]!);
	let forwardedFor: SeenAddress | undefined;
	let lostToClusterPolicy = false;
	scenario.path.forEach((hop, index) => {
		if (FORWARDING_TRANSFORMS.includes(hop.transform)) forwardedFor = arriving(index);
		if (snatOn(scenario, index) && arriving(index).origin === 'client') lostToClusterPolicy = true;
	});
	return { source: sources.at(-1) ?? entry, forwardedFor, lostToClusterPolicy };
}

/** Hop `index` is kube-proxy's DNAT of external traffic under `externalTrafficPolicy: Cluster`, which also rewrites the source. */
function snatOn(scenario: Scenario, index: number): boolean {
	const hop = scenario.path[index];
	if (hop?.transform !== 'endpoint-dnat') return false;
	const to = findNode(scenario, hop.to);
	const from = findNode(scenario, hop.from);
	const service = findService(scenario, to?.service) ?? findService(scenario, from?.service);
	return trafficPolicyOf(service) === 'Cluster';
}

/**
 * The `externalTrafficPolicy` in force for a Service, with the API's default (`Cluster`) applied. It
 * only exists for `NodePort` and `LoadBalancer` Services: undefined for a `ClusterIP` one, or none.
 */
export function trafficPolicyOf(service: ServiceSpec | undefined): 'Cluster' | 'Local' | undefined {
	if (service === undefined || service.type === 'ClusterIP') return undefined;
	return service.externalTrafficPolicy ?? 'Cluster';
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
	/** The source of the packets this hop carries, as they arrive at its sender (see `sourcesAlong`). */
	readonly sourceIn: SeenAddress;
	/** Their source as the hop's receiver sees it, after what the hop did. */
	readonly sourceOut: SeenAddress;
	/** The node the request first entered, if it entered through one (NodePort, load balancer target). */
	readonly entryMachine: NodeView | undefined;
	/** The protocol of the hop before this one (`HTTPS` arriving, `HTTP` leaving: TLS ended here). */
	readonly incomingProtocol: Protocol | undefined;
	/** The Ingress / HTTPRoute of the scenario, and the rule that sends this hop to its Service. */
	readonly routing: Routing | undefined;
	readonly rule: RouteRule | undefined;
	/** The port the reached node itself listens on (a sidecar's `15001`), which may differ from the destination's. */
	readonly toPort: number | undefined;
	/** The Service the packet was addressed to when it is not the one reached (a sidecar hop). */
	readonly addressedService: ServiceSpec | undefined;
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
	const podsOfService = service ? endpointsOf(scenario, service.name) : [];
	const toListen = listenOf(scenario, to);
	const sources = sourcesAlong(scenario);
	const entry = scenario.path.map((h) => findNode(scenario, h.to)).find((node) => node?.kind === 'node-port');
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
		snat: snatOn(scenario, index),
		sourceIn: index === 0 ? entrySourceOf(scenario) : sources[index - 1]!,
		sourceOut: sources[index]!,
		entryMachine: entry ? viewOf(scenario, entry) : undefined,
		incomingProtocol: scenario.path[index - 1]?.protocol,
		routing: scenario.routing,
		rule: scenario.routing?.rules.find((rule) => rule.service === to.service),
		toPort: toListen?.port,
		addressedService: hop.addressedTo === undefined ? undefined : findService(scenario, findNode(scenario, hop.addressedTo)?.service),
	};
}
