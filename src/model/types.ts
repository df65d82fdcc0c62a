import type { ResolvedParams } from './params.ts';
import type { FailureId } from './failures.ts';
import type { CostDriver, NodeKind, OutcomeKind, OutcomeReason, ProductionUse, Protocol, Reach, Symptom, TransformKind, ZoneKind } from './kinds.ts';

/** An IP address (or a placeholder such as `<NodeIP>`) and a port. */
export interface Endpoint {
	readonly host: string;
	readonly port: number;
}

/**
 * The Kubernetes `Service` a scenario exposes. Ports live here and only here: node addresses, hop
 * destinations, step texts and manifests are all derived from it.
 */
export interface ServiceSpec {
	readonly name: string;
	readonly namespace: string;
	readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
	readonly clusterIP: string;
	/** Name of the Service port, used in `kubectl proxy` URLs (`web:http`). */
	readonly portName: string;
	readonly port: number;
	readonly targetPort: number;
	readonly nodePort?: number;
	/** Value of the `app` label the Service selects and the Pods carry. */
	readonly app: string;
	/**
	 * For `LoadBalancer`: the public address clients connect to, `status.loadBalancer.ingress[0].ip`, or,
	 * when the status carries a `hostname` instead, one of the addresses that name resolves to.
	 */
	readonly loadBalancerIP?: string;
	/** For `LoadBalancer`: the DNS name some providers (AWS) put in the status instead of an address. */
	readonly loadBalancerHostname?: string;
	/**
	 * The address the load balancer's own connections come from, when it does not pass the client's on:
	 * a load balancer that proxies connections, or an AWS NLB with IP targets over TCP, whose
	 * `preserve_client_ip` is off by default. Absent: the load balancer forwards packets and the client's
	 * address survives it.
	 */
	readonly loadBalancerSource?: string;
	/**
	 * Ports the Service has besides the one on the path (a controller's `web` port next to its
	 * `websecure` one): shown in `kubectl` output, not drawn.
	 */
	readonly otherPorts?: readonly { readonly name: string; readonly port: number; readonly targetPort: number; readonly nodePort?: number }[];
	/** `false` when the load balancer targets Pod IPs and needs no NodePort. */
	readonly allocateLoadBalancerNodePorts?: boolean;
	/** Cloud-specific annotations the load balancer controller reads. */
	readonly annotations?: Readonly<Record<string, string>>;
	/**
	 * Who creates the Pods behind it: the reader's own `Deployment` (`app`, the default), or an
	 * Ingress controller / Gateway implementation installed with its Helm chart.
	 */
	readonly role?: 'app' | 'ingress-controller' | 'gateway';
	readonly externalTrafficPolicy?: 'Cluster' | 'Local';
	/** `ClientIP`: kube-proxy keeps each source address on the endpoint it chose for it. Absent: `None`, the default. */
	readonly sessionAffinity?: 'ClientIP';
}

/** One rule of an Ingress or an HTTPRoute: requests for `host` + `path` go to `service`. */
export interface RouteRule {
	readonly path: string;
	readonly service: string;
}

/**
 * L7 routing in front of the Services: an `Ingress` read by an Ingress controller, or an `HTTPRoute`
 * attached to a `Gateway`. Manifests and step texts are built from it.
 */
export interface Routing {
	readonly kind: 'Ingress' | 'HTTPRoute';
	readonly name: string;
	readonly namespace: string;
	/** The IngressClass, or the GatewayClass of the Gateway. */
	readonly className: string;
	/** The controller that implements the class (`k8s.io/ingress-nginx`, `gateway.envoyproxy.io/gatewayclass-controller`). */
	readonly controller: string;
	/** For HTTPRoute: the Gateway it attaches to. */
	readonly gateway?: { readonly name: string; readonly namespace: string };
	readonly host: string;
	/** Secret holding the certificate; TLS ends at the controller or Gateway when set. */
	readonly tlsSecret?: string;
	readonly rules: readonly RouteRule[];
}

export interface Zone {
	readonly id: string;
	readonly kind: ZoneKind;
	/** A literal name shown under the zone's label (a node name such as `node-a`), never translated. */
	readonly name?: string;
	/** The zone that contains this one; top-level zones have none. */
	readonly parent?: string;
	/** For a `worker-node` or `control-plane` zone: the node's IP address; for a `pod` zone: the Pod IP. */
	readonly address?: string;
}

export interface TopologyNode {
	readonly id: string;
	readonly kind: NodeKind;
	readonly zone: string;
	/** A literal name (Pod name, binary, …) shown in code font, never translated. */
	readonly name?: string;
	/** Id of the `Service` this node belongs to or implements (Pods, NodePorts, kube-proxy rules, the Service). */
	readonly service?: string;
	/** The node's own address where it has one (a Pod IP, the API server's address). */
	readonly address?: string;
	/** The port it listens on when it is not derived from a Service (`kubectl proxy --port`). */
	readonly port?: number;
}

/** One movement of the request, from one node to the next. */
export interface Hop {
	readonly from: string;
	readonly to: string;
	/**
	 * The node whose address the packet carries, when it is not the node it reaches: an application
	 * connects to a Service's ClusterIP and its sidecar receives it.
	 */
	readonly addressedTo?: string;
	readonly protocol: Protocol;
	readonly transform: TransformKind;
}

/**
 * What a reader compares between scenarios that the path cannot tell (worded in the locale tables).
 * The layer, where TLS ends and the source the Pod sees are derived from the path (`pathFacts`).
 */
export interface ScenarioFacts {
	readonly reach: Reach;
	readonly cost: CostDriver;
	readonly production: ProductionUse;
}

/**
 * How the request of a scenario ends. Absent on a scenario: `delivered`, at the last hop. Otherwise the
 * path stops at hop `atHop` (an index into `path`, its last hop): the step that shows it says why.
 */
export interface Outcome {
	readonly kind: Exclude<OutcomeKind, 'delivered'>;
	readonly atHop: number;
	/** Why: a reason of the setup itself, or the failure mode broken in it (`fail`, failures.ts). */
	readonly reason: OutcomeReason | FailureId;
	/** What the client sees. */
	readonly symptom: Symptom;
	/** For a broken hop: the line the client prints (the catalogue's). */
	readonly client?: string;
}

export interface Scenario {
	/** Also the page slug under `/exposure/` and the diagram's `data-scenario`. */
	readonly id: string;
	readonly services: readonly ServiceSpec[];
	readonly zones: readonly Zone[];
	readonly nodes: readonly TopologyNode[];
	/** The ordered path of the request: each hop starts where the previous one ended. */
	readonly path: readonly Hop[];
	/** L7 routing (Ingress or HTTPRoute), when the scenario has some. */
	readonly routing?: Routing;
	/** Where the page lives: `/<locale>/<section>/<id>/`. */
	readonly section: 'exposure' | 'patterns' | 'beyond';
	/** What the comparison table shows; absent for scenarios that are not a way in (a mesh's east-west path). */
	readonly facts?: ScenarioFacts;
	/** How the request ends when it does not reach the application (see `Outcome`). */
	readonly outcome?: Outcome;
	/** For a scenario `buildScenario` built: the parameters it was built from, with their defaults (the explorer's starting point). */
	readonly params?: ResolvedParams;
}
