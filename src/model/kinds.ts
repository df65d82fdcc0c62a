/*
 * The vocabulary of the topology model, declared once as `as const` tables: the union types are
 * derived from them, so adding a kind is one line here plus its strings in every locale table
 * (the French table is typed against the English one, so a missing string does not compile).
 */

/** Things a request passes through or that a diagram shows beside the path. */
export const NODE_KINDS = [
	'client',
	'kubectl-proxy',
	'api-server',
	'cloud-load-balancer',
	'node-port',
	'kube-proxy',
	'service',
	'ingress-controller',
	'gateway-proxy',
	'pod',
	'container',
	'sidecar-proxy',
	/** `kubectl port-forward`, running on your machine: a local TCP listener whose connections it tunnels to one Pod. */
	'kubectl-port-forward',
	/** The node agent: its HTTPS port (`10250`) serves the API server's streaming requests (port-forward, exec, logs). */
	'kubelet',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Node kinds that are a Service's endpoints: they carry a Pod IP and receive on the `targetPort`. */
export const ENDPOINT_KINDS = ['pod', 'ingress-controller', 'gateway-proxy', 'sidecar-proxy'] as const satisfies readonly NodeKind[];

/** Areas drawn around nodes: where a thing runs decides who can reach it. */
export const ZONE_KINDS = ['user-machine', 'internet', 'cloud-network', 'cluster', 'control-plane', 'worker-node', 'pod'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** Wire protocol of a hop, as seen by the receiver. */
export const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'mTLS'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/**
 * What really happens on a hop. Each kind has a title and an explanation template in every locale,
 * filled with the hop's parameters (see `src/i18n/`).
 */
export const TRANSFORM_KINDS = [
	/** Plain HTTP on the loopback interface to `kubectl proxy`. */
	'loopback-http',
	/** `kubectl proxy` re-sends the request over HTTPS with the user's credentials. */
	'api-authenticated-proxy',
	/** The API server's service proxy picks a ready endpoint and dials the Pod itself. */
	'api-service-proxy',
	/** A client connects to a port opened on every node for a `NodePort` Service. */
	'node-port-connect',
	/** The kernel matches the packet against the rules kube-proxy wrote; no process accepts it. */
	'netfilter-match',
	/** Destination NAT to a Pod chosen among the ready endpoints (and SNAT when it leaves the node). */
	'endpoint-dnat',
	/** A client on the internet connects to the public address of a cloud load balancer. */
	'load-balancer-connect',
	/** The load balancer picks a healthy node and forwards the connection to the Service's NodePort. */
	'load-balancer-to-node',
	/** The load balancer sends the connection straight to a Pod IP (IP / container-native target mode). */
	'load-balancer-to-pod',
	/** An Ingress controller (a reverse proxy) matches Host and path, then opens a connection to a Pod. */
	'ingress-route',
	/** A Gateway's data plane matches an HTTPRoute, then opens a connection to a Pod. */
	'gateway-route',
	/** The application's outgoing connection is redirected to its own sidecar. */
	'sidecar-outbound',
	/** Sidecar to sidecar, over mutual TLS, with the mesh's routing policy. */
	'mesh-mtls',
	/** The receiving sidecar hands the request to the application on the Pod's loopback. */
	'sidecar-inbound',
	/** A client connects to the local port `kubectl port-forward` listens on, on the loopback interface. */
	'port-forward-listen',
	/** kubectl carries the connection's bytes to the API server in a stream upgraded from HTTPS (WebSocket since Kubernetes 1.31, SPDY before). */
	'port-forward-stream',
	/** The API server opens its own HTTPS stream to the kubelet of the Pod's node, on the kubelet's port. */
	'kubelet-stream',
	/** The container runtime, asked by the kubelet, connects to the port inside the Pod's network namespace, on its loopback. */
	'pod-loopback-dial',
] as const;
export type TransformKind = (typeof TRANSFORM_KINDS)[number];

/*
 * Facts that a reader compares between scenarios. Values are codes; their wording lives in the locale
 * tables, so the comparison table and the pages say the same thing in both languages.
 */
export const REACH_KINDS = ['this-machine', 'node-network', 'internet'] as const;
export type Reach = (typeof REACH_KINDS)[number];

export const LAYERS = ['L4', 'L7'] as const;
export type Layer = (typeof LAYERS)[number];

export const TLS_ENDS = ['api-server', 'pod', 'load-balancer', 'ingress-controller', 'gateway'] as const;
export type TlsEnd = (typeof TLS_ENDS)[number];

export const COST_DRIVERS = ['none', 'node-ports', 'load-balancer-per-service', 'one-load-balancer', 'load-balancer-per-group'] as const;
export type CostDriver = (typeof COST_DRIVERS)[number];

export const PRODUCTION_USES = ['never', 'limited', 'yes'] as const;
export type ProductionUse = (typeof PRODUCTION_USES)[number];

/**
 * Whose address a packet carries as its source at some point of the path: the client's, a node's (after
 * SNAT), the load balancer's (when it does not keep the client's), the API server's, an HTTP proxy's
 * (Ingress controller, Gateway), a mesh sidecar's, or the Pod's own loopback address (a connection the
 * container runtime opens inside the Pod, for `kubectl port-forward`). Derived hop by hop (`sourcesAlong`), never declared.
 */
export const SOURCE_ORIGINS = ['client', 'node', 'load-balancer', 'api-server', 'proxy', 'sidecar', 'loopback'] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];

/**
 * Node kinds that accept the connection and read the HTTP request before they send it on: a path
 * through one of them is an L7 path, and its protocol may change there (TLS ends).
 */
export const L7_NODE_KINDS = ['kubectl-proxy', 'api-server', 'ingress-controller', 'gateway-proxy', 'sidecar-proxy'] as const satisfies readonly NodeKind[];

/**
 * Transforms that carry the client's bytes inside a stream (`kubectl port-forward`): their receiver
 * relays the bytes without reading them, so it does not make the path an L7 one, whatever its kind.
 * The stream carries TCP connections only: a path through one forwards no UDP.
 */
export const STREAM_TRANSFORMS = ['port-forward-stream', 'kubelet-stream'] as const satisfies readonly TransformKind[];

/** Where TLS ends, by the kind of node that receives HTTPS and sends something else on. */
export const TLS_END_OF_KIND = {
	'api-server': 'api-server',
	'cloud-load-balancer': 'load-balancer',
	'ingress-controller': 'ingress-controller',
	'gateway-proxy': 'gateway',
} as const satisfies Partial<Record<NodeKind, TlsEnd>>;

/** The range the API server allocates `nodePort` values from unless `--service-node-port-range` changes it. */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/**
 * How a request ends. `delivered`: it reaches the application. `dropped`: a hop discards its packets
 * without answer (the client times out), for example `externalTrafficPolicy: Local` on a node with no
 * ready local endpoint. `refused`: something on the path answers with a reset or an error (connection
 * refused, an HTTP 404 or 503). `pending`: the request never starts, because the way in does not exist
 * yet (a LoadBalancer Service nobody implements: `EXTERNAL-IP` stays `<pending>`).
 */
export const OUTCOMES = ['delivered', 'dropped', 'refused', 'pending'] as const;
export type OutcomeKind = (typeof OUTCOMES)[number];

/** Why a request does not arrive, as a code the locale tables word. */
export const OUTCOME_REASONS = [
	/** `externalTrafficPolicy: Local` and the node the packet reached runs no ready endpoint of the Service. */
	'no-local-endpoint',
	/** The Service selects no ready Pod: no endpoint, kube-proxy rejects the connection. */
	'no-endpoints',
	/** No controller implements `type: LoadBalancer` in this cluster. */
	'no-load-balancer-implementation',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/**
 * What the client sees when the request does not arrive: its connection times out (packets dropped),
 * is refused (a reset, or an ICMP port unreachable), an HTTP error from a proxy or the API server on the
 * path, a TLS certificate it does not trust, or no address to connect to at all.
 */
export const SYMPTOMS = ['timeout', 'connection-refused', 'empty-reply', 'http-403', 'http-404', 'http-502', 'http-503', 'http-504', 'tls-untrusted', 'no-address'] as const;
export type Symptom = (typeof SYMPTOMS)[number];
