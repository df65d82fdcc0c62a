/*
 * What a setup implies beyond its one request: where other connections would be dropped, how the
 * traffic spreads, whose address the application logs, what the platform must provide. Each is a typed
 * fact derived from the built scenario (its Services, its Pods, its path); the explorer words them in
 * the reader's language as short notes. The model decides; the locale tables only say it.
 */
import { endpointsOf, findNode, machineOf, sourceSeenByPod, trafficPolicyOf } from './resolve.ts';
import type { SourceOrigin } from './kinds.ts';
import type { Scenario, ServiceSpec } from './types.ts';

export type Consequence =
	/** `Local`: nodes that run no ready endpoint drop what reaches them; a load balancer that health-checks `healthCheckNodePort` stops sending there. */
	| { readonly kind: 'local-drops'; readonly service: string; readonly nodes: readonly string[]; readonly healthChecked: boolean }
	/** `Local` behind a load balancer that spreads over the healthy nodes: each node takes an equal share, whatever its number of Pods. */
	| { readonly kind: 'local-uneven'; readonly service: string; readonly shares: readonly { readonly node: string; readonly pods: number }[] }
	/** `Local`: no second hop and no SNAT, so the Pod sees the address that reached the node. */
	| { readonly kind: 'local-keeps-source'; readonly service: string }
	/** `Cluster`: kube-proxy picks among every ready endpoint of the cluster, and rewrites the source to the node's address. */
	| { readonly kind: 'cluster-snat'; readonly service: string; readonly node: string; readonly across: boolean; readonly endpoints: number }
	/** The NodePort is open on every node, those without a Pod too. */
	| { readonly kind: 'node-port-everywhere'; readonly service: string; readonly port: number; readonly nodes: number }
	/** The load balancer proxies: the client's address stops there (with `Local` the Pod sees the load balancer's, with `Cluster` a node's); only the PROXY protocol carries it. */
	| { readonly kind: 'lb-proxies'; readonly address: string }
	/** The load balancer targets Pod IPs: no NodePort, no kube-proxy hop, `externalTrafficPolicy` plays no part. */
	| { readonly kind: 'lb-targets-pods'; readonly service: string }
	/** No implementation of `type: LoadBalancer`: `EXTERNAL-IP` stays `<pending>`; the node port is already open. */
	| { readonly kind: 'lb-pending'; readonly service: string; readonly nodePort: number | undefined }
	/** The Gateway's Service has `Local`, Envoy Gateway's default for the Services it creates (an EnvoyProxy changes it). */
	| { readonly kind: 'gateway-local-default'; readonly service: string }
	/** `kubectl port-forward service/…` picks one Pod when it starts, and sends every connection there. */
	| { readonly kind: 'port-forward-one-pod'; readonly service: string; readonly endpoints: number }
	/** The API server's service proxy: who may use it is decided by RBAC on `services/proxy`. */
	| { readonly kind: 'api-proxy-rbac'; readonly service: string; readonly namespace: string }
	/**
	 * `sessionAffinity: ClientIP`: each node's rules keep a source address on the endpoint they chose for
	 * it; `shared`: every connection arrives from one address (a proxying load balancer's), so each node
	 * sends them all to one Pod; `nodes`: how many nodes keep their own memory of it.
	 */
	| { readonly kind: 'client-affinity'; readonly service: string; readonly shared: string | undefined; readonly nodes: number }
	/** Behind a proxy, the backend Pod's peer is the proxy; `X-Forwarded-For` carries the address the proxy saw. */
	| { readonly kind: 'routed-source'; readonly forwardedFor: SourceOrigin };

export type ConsequenceKind = Consequence['kind'];

/** The Service the client's traffic enters: the one the builder lists first. */
function entryServiceOf(scenario: Scenario): ServiceSpec | undefined {
	return scenario.services[0];
}

/** The consequences of a built setup, in reading order: the path's ground first, then the source, then the platform. */
export function consequencesOf(scenario: Scenario): Consequence[] {
	const params = scenario.params;
	const entry = entryServiceOf(scenario);
	if (params === undefined || entry === undefined) return [];
	const out: Consequence[] = [];
	const workers = scenario.zones.filter((zone) => zone.kind === 'worker-node');
	const endpoints = endpointsOf(scenario, entry.name);
	const podsOn = (zone: string) => endpoints.filter((node) => machineOf(scenario, node)?.id === zone).length;
	const pending = params.lb === 'none';
	const hasLoadBalancer = entry.type === 'LoadBalancer';
	const targetsPods = hasLoadBalancer && entry.allocateLoadBalancerNodePorts === false;
	const throughNodes = entry.nodePort !== undefined && !targetsPods && !pending;
	const policy = trafficPolicyOf(entry);
	const proxies = entry.loadBalancerSource !== undefined && !targetsPods;

	if (params.entry === 'kubectl-proxy') out.push({ kind: 'api-proxy-rbac', service: entry.name, namespace: entry.namespace });
	if (params.entry === 'port-forward' && endpoints.length > 0) out.push({ kind: 'port-forward-one-pod', service: entry.name, endpoints: endpoints.length });
	if (pending) out.push({ kind: 'lb-pending', service: entry.name, nodePort: entry.nodePort });
	if (targetsPods) out.push({ kind: 'lb-targets-pods', service: entry.name });
	if (throughNodes && entry.nodePort !== undefined) out.push({ kind: 'node-port-everywhere', service: entry.name, port: entry.nodePort, nodes: workers.length });

	if (throughNodes && policy === 'Local' && endpoints.length > 0) {
		const without = workers.filter((zone) => podsOn(zone.id) === 0).map((zone) => zone.name ?? zone.id);
		if (without.length > 0) out.push({ kind: 'local-drops', service: entry.name, nodes: without, healthChecked: hasLoadBalancer });
		const shares = workers.filter((zone) => podsOn(zone.id) > 0).map((zone) => ({ node: zone.name ?? zone.id, pods: podsOn(zone.id) }));
		if (hasLoadBalancer && new Set(shares.map((share) => share.pods)).size > 1) out.push({ kind: 'local-uneven', service: entry.name, shares });
		if (!proxies) out.push({ kind: 'local-keeps-source', service: entry.name });
	}
	if (throughNodes && policy === 'Cluster' && endpoints.length > 0) {
		// Where the connection met kube-proxy's rules, and where the Pod they chose runs.
		const rules = scenario.path.find((hop) => findNode(scenario, hop.to)?.kind === 'kube-proxy');
		const rulesNode = rules && findNode(scenario, rules.to);
		const dnat = scenario.path.find((hop) => hop.transform === 'endpoint-dnat');
		const pod = dnat && findNode(scenario, dnat.to);
		const at = rulesNode && machineOf(scenario, rulesNode);
		if (at) out.push({ kind: 'cluster-snat', service: entry.name, node: at.name ?? at.id, across: pod !== undefined && machineOf(scenario, pod)?.id !== at.id, endpoints: endpoints.length });
	}
	if (throughNodes && entry.sessionAffinity === 'ClientIP')
		out.push({ kind: 'client-affinity', service: entry.name, shared: proxies ? entry.loadBalancerSource : undefined, nodes: hasLoadBalancer ? workers.length : 1 });
	if (params.entry === 'gateway' && policy === 'Local' && throughNodes) out.push({ kind: 'gateway-local-default', service: entry.name });
	if (proxies && entry.loadBalancerSource !== undefined) out.push({ kind: 'lb-proxies', address: entry.loadBalancerSource });

	const delivered = scenario.outcome === undefined;
	const routed = scenario.path.some((hop) => hop.transform === 'ingress-route' || hop.transform === 'gateway-route');
	const forwardedFor = sourceSeenByPod(scenario).forwardedFor;
	if (delivered && routed && forwardedFor) out.push({ kind: 'routed-source', forwardedFor: forwardedFor.origin });
	return out;
}
