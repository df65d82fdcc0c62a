/*
 * The network decisions of one hop, as typed facts: what the hop rewrites, what happens to TLS, which
 * header a proxy adds, which policy and which controller are in force. The locale tables only choose
 * the words for these values; they never look at the raw topology to decide anything themselves, so
 * French and English cannot disagree about the network.
 */
import { FORWARDING_TRANSFORMS, findNode, findService, hopContext, listenOf, trafficPolicyOf, type HopContext, type SeenAddress } from './resolve.ts';
import type { Protocol, TransformKind } from './kinds.ts';
import type { Scenario } from './types.ts';

/**
 * What the hop changes in the packets it carries. `new-connection`: a proxy accepted the previous
 * connection and opens its own (new source address and port, new destination). `destination`: a DNAT
 * (kube-proxy's rules, a load balancer that forwards packets, a sidecar's redirect). `none`: the packets
 * go where their sender addressed them (the client's own connection, a rule that only matches).
 */
export const REWRITES = ['none', 'destination', 'destination-and-source', 'new-connection'] as const;
export type Rewrite = (typeof REWRITES)[number];

/**
 * What happens to TLS on this hop, at its sender: `starts` (the sender encrypts what arrived in clear,
 * or the client opens TLS), `ends` (the sender decrypted what arrived and sends it on in clear),
 * `passes` (encrypted bytes go on unread), `restarts` (a proxy decrypted what arrived and opens a TLS
 * connection of its own to the next hop: the API server to a kubelet), `none` (no TLS on either side).
 */
export const HOP_TLS = ['none', 'starts', 'ends', 'passes', 'restarts'] as const;
export type HopTls = (typeof HOP_TLS)[number];

/** `externalTrafficPolicy`, with the API's default (`Cluster`) applied (see `trafficPolicyOf`). */
export type TrafficPolicy = NonNullable<ReturnType<typeof trafficPolicyOf>>;

/** How a load balancer passes a connection on: forwarding the client's packets, or opening its own connection. */
export type LoadBalancerMode = 'forwards-packets' | 'proxies-connections';

/** Which controller programs a load balancer that targets Pod IPs. */
export type TargetController = 'aws-load-balancer-controller' | 'provider';

/** What kube-proxy's DNAT does to the source of external traffic. */
export type SourceNat =
	/** `Cluster`: rewritten to the node's address (the reply must come back through this node). */
	| 'snat-to-node'
	/** `Local`: left as it arrived. */
	| 'kept-local'
	| 'none';

/** A header a proxy adds to the request, and the address it writes (the source the proxy itself saw). */
export interface AddedHeader {
	readonly name: 'X-Forwarded-For';
	readonly value: SeenAddress;
}

/** For a hop of `kubectl port-forward`: the one Pod it forwards to, chosen when the command started, and the port it reaches in that Pod. */
export interface ForwardTarget {
	readonly pod: string;
	readonly namespace: string;
	readonly port: number;
}

export interface HopFacts {
	readonly rewrites: Rewrite;
	readonly tls: HopTls;
	/**
	 * The certificate that ends the client's TLS at this hop's sender: a Secret named by an Ingress or a
	 * Gateway listener, or the provider's certificate a load balancer's annotation names (an ACM ARN).
	 */
	readonly certificate: string | undefined;
	/** The hop carries encrypted bytes. */
	readonly encrypted: boolean;
	readonly header: AddedHeader | undefined;
	/** The `externalTrafficPolicy` in force for the hop's Service (undefined without one, or for a `ClusterIP` Service). */
	readonly trafficPolicy: TrafficPolicy | undefined;
	readonly sourceNat: SourceNat;
	/** The hop arrives at a node that runs no endpoint of its Service (traffic is sent on to another node). */
	readonly noLocalEndpoint: boolean;
	/** For a load balancer's hop into the cluster. */
	readonly loadBalancer: LoadBalancerMode | undefined;
	/** For a load balancer that targets Pod IPs. */
	readonly targetController: TargetController | undefined;
	/** The hop's receiver decrypts the client's TLS: the next hop's `tls` is `ends`. */
	readonly receiverEndsTls: boolean;
	/** The address the hop is sent to does not exist yet (a LoadBalancer Service nobody implements). */
	readonly addressPending: boolean;
	/** For the hops of `kubectl port-forward`. */
	readonly forwardTo: ForwardTarget | undefined;
}

/** Everything a step template may word about one hop: its context and its facts. */
export interface StepContext extends HopContext {
	readonly facts: HopFacts;
}

const ENCRYPTED: readonly Protocol[] = ['HTTPS', 'mTLS'];
const isEncrypted = (protocol: Protocol | undefined) => protocol !== undefined && ENCRYPTED.includes(protocol);

/** Transforms whose sender accepts the connection and opens a new one. */
const PROXY_TRANSFORMS: readonly TransformKind[] = [
	'api-authenticated-proxy',
	'api-service-proxy',
	'ingress-route',
	'gateway-route',
	'mesh-mtls',
	'sidecar-inbound',
	'port-forward-stream',
	'kubelet-stream',
	'pod-loopback-dial',
];
/** The hops of `kubectl port-forward`, from the local listener to the Pod. */
const PORT_FORWARD_TRANSFORMS: readonly TransformKind[] = ['port-forward-listen', 'port-forward-stream', 'kubelet-stream', 'pod-loopback-dial'];
/** Annotation prefix of the AWS Load Balancer Controller (`service.beta.kubernetes.io/aws-load-balancer-…`). */
const AWS_LBC_ANNOTATION = 'aws-load-balancer';
/** The annotation that gives an AWS load balancer the certificate (an ACM ARN) to end TLS with. */
export const AWS_CERTIFICATE_ANNOTATION = 'service.beta.kubernetes.io/aws-load-balancer-ssl-cert';

/** `reconnects`: the hop's sender is a proxy that accepted the previous connection and opens its own. */
export function hopTls(previous: Protocol | undefined, current: Protocol, reconnects = false): HopTls {
	const before = isEncrypted(previous);
	const now = isEncrypted(current);
	if (before && now) return reconnects ? 'restarts' : 'passes';
	if (before) return 'ends';
	return now ? 'starts' : 'none';
}

function rewriteOf(transform: TransformKind, context: HopContext, loadBalancer: LoadBalancerMode | undefined): Rewrite {
	if (PROXY_TRANSFORMS.includes(transform)) return 'new-connection';
	switch (transform) {
		case 'endpoint-dnat':
			return context.snat ? 'destination-and-source' : 'destination';
		case 'load-balancer-to-node':
		case 'load-balancer-to-pod':
			return loadBalancer === 'proxies-connections' ? 'new-connection' : 'destination';
		case 'sidecar-outbound':
			return 'destination';
		default:
			return 'none';
	}
}

/** The facts of hop `index` of a scenario that passed `validateScenario`. */
export function hopFacts(scenario: Scenario, index: number, context: HopContext = hopContext(scenario, index)): HopFacts {
	const hop = scenario.path[index]!;
	const isLoadBalancerHop = hop.transform === 'load-balancer-to-node' || hop.transform === 'load-balancer-to-pod';
	const lbService = isLoadBalancerHop ? findService(scenario, findNode(scenario, hop.from)?.service ?? findNode(scenario, hop.to)?.service) : undefined;
	const loadBalancer: LoadBalancerMode | undefined = isLoadBalancerHop ? (lbService?.loadBalancerSource !== undefined ? 'proxies-connections' : 'forwards-packets') : undefined;
	const tls = hopTls(scenario.path[index - 1]?.protocol, hop.protocol, PROXY_TRANSFORMS.includes(hop.transform));
	const trafficPolicy = trafficPolicyOf(context.service);
	const sourceNat: SourceNat = hop.transform !== 'endpoint-dnat' ? 'none' : context.snat && context.from.machine !== undefined ? 'snat-to-node' : trafficPolicy === 'Local' ? 'kept-local' : 'none';
	return {
		rewrites: rewriteOf(hop.transform, context, loadBalancer),
		tls,
		certificate:
			tls !== 'ends'
				? undefined
				: FORWARDING_TRANSFORMS.includes(hop.transform)
					? context.routing?.tlsSecret
					: isLoadBalancerHop
						? lbService?.annotations?.[AWS_CERTIFICATE_ANNOTATION]
						: undefined,
		encrypted: isEncrypted(hop.protocol),
		header: FORWARDING_TRANSFORMS.includes(hop.transform) ? { name: 'X-Forwarded-For', value: context.sourceIn } : undefined,
		trafficPolicy,
		sourceNat,
		noLocalEndpoint: context.to.machine !== undefined && context.localEndpoints === 0,
		loadBalancer,
		targetController:
			hop.transform !== 'load-balancer-to-pod'
				? undefined
				: Object.keys(context.service?.annotations ?? {}).some((key) => key.includes(AWS_LBC_ANNOTATION))
					? 'aws-load-balancer-controller'
					: 'provider',
		receiverEndsTls: scenario.path[index + 1] !== undefined && hopTls(hop.protocol, scenario.path[index + 1]!.protocol) === 'ends',
		addressPending: context.destination === '' && scenario.outcome?.kind === 'pending',
		forwardTo: PORT_FORWARD_TRANSFORMS.includes(hop.transform) ? forwardTarget(scenario) : undefined,
	};
}

/** The Pod a `kubectl port-forward` path ends in: the one kubectl picked, and the port dialled inside it. */
function forwardTarget(scenario: Scenario): ForwardTarget | undefined {
	const last = scenario.path.at(-1);
	const pod = last && findNode(scenario, last.to);
	const service = findService(scenario, pod?.service);
	const port = pod && listenOf(scenario, pod)?.port;
	return pod === undefined || service === undefined || port === undefined ? undefined : { pod: pod.name ?? pod.id, namespace: service.namespace, port };
}

/** Hop `index` with its context and its facts: what the step templates receive. */
export function stepContext(scenario: Scenario, index: number): StepContext {
	const context = hopContext(scenario, index);
	return { ...context, facts: hopFacts(scenario, index, context) };
}
