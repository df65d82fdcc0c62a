/*
 * The generative model: `buildScenario(params)` builds a complete scenario (Services, zones, nodes,
 * the request's path, the routing and the outcome) from a description of an exposure (params.ts).
 * Names and addresses follow one policy (naming.ts). The atlas pages are presets of it (presets.ts).
 *
 * The builder decides what Kubernetes decides: which node the connection reaches, which Pod the rules
 * or the proxy choose, and where the request stops when it cannot go on. A parameter set that is
 * possible but fails is not an error: the scenario's `outcome` says how it ends, and its path stops at
 * that hop.
 */
import { clientAddress, CONTROL_PLANE_ADDRESS, LOAD_BALANCER, awsLoadBalancerHostname, nodeAddress, nodeName, nodePortFor, podAddress, podName, NODE_LETTERS } from './naming.ts';
import { broken, failuresOf } from './failures.ts';
import { hasLoadBalancer, ParamError, resolveParams, type ExposureParams, type ResolvedParams } from './params.ts';
import type { Protocol, TransformKind } from './kinds.ts';
import type { Hop, Outcome, RouteRule, Routing, Scenario, ScenarioFacts, ServiceSpec, TopologyNode, Zone } from './types.ts';

/** A Service's identity: what a page may name differently from the policy (the per-group pattern's `traefik-orders`). */
export interface ServiceName {
	readonly name: string;
	readonly namespace: string;
	readonly clusterIP: string;
}

/** What only one page needs: its id and section, and names that differ from the policy's. */
export interface BuildOptions {
	readonly id?: string;
	readonly section?: Scenario['section'];
	/** Overrides the comparison facts derived from the parameters (a pattern's cost). */
	readonly facts?: Partial<ScenarioFacts>;
	/** The application of an entry without routing. */
	readonly app?: ServiceName;
	/** The Ingress controller's Service. */
	readonly controller?: ServiceName;
	/** The routed backends, in route order, with their paths. */
	readonly backends?: readonly (ServiceName & { readonly path: string })[];
	readonly routing?: { readonly name: string; readonly namespace: string; readonly host: string; readonly tlsSecret: string; readonly className: string };
	/** The load balancer's node id, its public and private addresses, and the DNS name in its status. */
	readonly loadBalancer?: { readonly node: string; readonly public: string; readonly private: string; readonly hostname?: string };
	/** What the page draws beside the path (the per-group pattern's other group): Services, and nodes each placed after a node of the built scenario. */
	readonly beside?: { readonly services: readonly ServiceSpec[]; readonly nodes: readonly { readonly after: string; readonly node: TopologyNode }[] };
}

/** The example applications, by route: one backend is `web` at `/`; two add `api` at `/api`; three add `static`. */
const APPS = {
	web: { name: 'web', namespace: 'default', clusterIP: '10.96.41.7', path: '/' },
	api: { name: 'api', namespace: 'default', clusterIP: '10.96.52.3', path: '/api' },
	static: { name: 'static', namespace: 'default', clusterIP: '10.96.63.5', path: '/static' },
} as const;
const ROUTED_APPS = [[APPS.web], [APPS.api, APPS.web], [APPS.api, APPS.static, APPS.web]] as const;

const TRAEFIK = { name: 'traefik', namespace: 'traefik', clusterIP: '10.96.200.10' } as const;
/**
 * Envoy Gateway names the Service and the Deployment it creates for a Gateway
 * `envoy-<gateway namespace>-<gateway name>-<hash>`, the hash being the first 8 hex digits of
 * SHA-256("gateway/web-gateway").
 */
const ENVOY = { name: 'envoy-gateway-web-gateway-b52444e4', namespace: 'envoy-gateway-system', clusterIP: '10.96.210.4' } as const;
/** The local port of the example's `kubectl port-forward service/web 8080:80`. */
export const PORT_FORWARD_LOCAL_PORT = 8080;
const SHOP = { name: 'shop', namespace: 'default', host: 'shop.example.com', tlsSecret: 'shop-example-com-tls' } as const;
const TRAEFIK_CONTROLLER = 'traefik.io/ingress-controller';
const ENVOY_CONTROLLER = 'gateway.envoyproxy.io/gatewayclass-controller';
const GATEWAY = { name: 'web-gateway', namespace: 'gateway' } as const;
/** A certificate in AWS Certificate Manager, for a load balancer that ends TLS (account id from AWS's documentation range). */
const ACM_CERTIFICATE = 'arn:aws:acm:eu-west-1:111122223333:certificate/3f9b2c71-5d4e-4a8f-9c06-2b7e1d8a4f53';

/** One Pod of a Service, where it runs, and the number it is known by (`web-1` is the one that serves the request). */
interface PlacedPod {
	readonly node: number;
	readonly k: number;
}

function placePods(counts: readonly number[]): PlacedPod[] {
	return counts.flatMap((count, node) => Array.from({ length: count }, (_, k) => ({ node, k })));
}

/** The Pod the request goes to, among `candidates`: on `pick`'s node if given, else on `prefer`'s, else the first. */
function choose(candidates: readonly PlacedPod[], pick: number | undefined, prefer: number | undefined): PlacedPod | undefined {
	if (pick !== undefined) return candidates.find((pod) => pod.node === pick);
	return candidates.find((pod) => pod.node === prefer) ?? candidates[0];
}

/**
 * The nodes of a Service's Pods: `<app>-1` is the chosen one (the request goes to it), the others are
 * numbered in node order, so a link to the step that reaches `web-1` survives adding Pods elsewhere.
 */
function podNodes(service: ServiceSpec, kind: TopologyNode['kind'], pods: readonly PlacedPod[], chosen: PlacedPod | undefined, block: number, network: 'overlay' | 'cloud'): TopologyNode[] {
	const ordered = chosen ? [chosen, ...pods.filter((pod) => pod !== chosen)] : pods;
	const numbers = new Map(ordered.map((pod, i) => [pod, i + 1]));
	return pods.map((pod) => {
		const n = numbers.get(pod)!;
		return {
			id: `${service.app}-${n}`,
			kind,
			zone: nodeName(pod.node),
			name: podName(service.name, n - 1),
			service: service.name,
			address: podAddress(pod.node, block, pod.k, network),
		};
	});
}

const idOf = (pod: PlacedPod | undefined, nodes: readonly TopologyNode[], pods: readonly PlacedPod[]) => (pod === undefined ? undefined : nodes[pods.indexOf(pod)]?.id);

function derivedFacts(p: ResolvedParams): ScenarioFacts {
	switch (p.entry) {
		case 'kubectl-proxy':
		case 'port-forward':
			return { reach: 'this-machine', cost: 'none', production: 'never' };
		case 'nodeport':
			return { reach: 'node-network', cost: 'node-ports', production: 'limited' };
		case 'loadbalancer':
			return { reach: 'internet', cost: 'load-balancer-per-service', production: 'yes' };
		case 'ingress':
		case 'gateway':
			return p.front === 'nodeport' ? { reach: 'node-network', cost: 'node-ports', production: 'limited' } : { reach: 'internet', cost: 'one-load-balancer', production: 'yes' };
	}
}

/** A scenario id that says what the parameters say, for a scenario built outside the atlas. */
export function builtId(p: ResolvedParams): string {
	return p.entry === 'ingress' || p.entry === 'gateway' ? `${p.entry}-${p.front}` : p.entry;
}

/**
 * Builds the scenario a parameter set describes; throws a `ParamError` naming every bad parameter.
 * With `fail`, the setup is built whole, then broken at the hop the failure mode names (failures.ts).
 */
export function buildScenario(params: ExposureParams, options: BuildOptions = {}): Scenario {
	if (params.fail === undefined) return buildWhole(params, options);
	resolveParams(params);
	const { fail, ...rest } = params;
	// A load balancer nobody implements is the setup's own `lb=none`: no address anywhere, the manifests and session say so.
	if (fail === 'load-balancer-pending' && hasLoadBalancer(rest)) {
		const pending = buildWhole({ ...rest, lb: 'none' }, options);
		return { ...pending, outcome: { ...pending.outcome!, reason: fail }, params: { ...pending.params!, fail } };
	}
	// `Local` on a node without a Pod: the client is sent to the first such node, and the rules there drop it.
	// Whether it can happen is asked of the setup where the client picks the node, whichever it is given.
	if (fail === 'local-no-endpoint') {
		const { via: _given, pick: _pick, ...free } = rest;
		const pods = resolveParams(free).pods;
		const empty = pods.indexOf(0);
		const served = pods.findIndex((count) => count > 0);
		// Asked of the setup with the client on a node that runs a Pod, where the request arrives.
		const working = served === -1 ? free : { ...free, via: served + 1 };
		if (empty !== -1 && failuresOf(buildWhole(working, options)).some((mode) => mode.id === fail)) {
			const dropped = buildWhole({ ...free, via: empty + 1 }, options);
			return { ...dropped, outcome: { ...dropped.outcome!, reason: fail }, params: { ...dropped.params!, fail } };
		}
	}
	const whole = buildWhole(rest, options);
	const result = broken(whole, fail);
	if (!result) {
		const modes = failuresOf(whole).map((mode) => `\`${mode.id}\``);
		throw new ParamError([
			{
				param: 'fail',
				value: fail,
				message: `\`fail=${fail}\`: this failure cannot happen in this setup${whole.outcome ? ', whose request already stops' : ''}. ${modes.length > 0 ? `Choose one of ${modes.join(', ')}, or leave \`fail\` out.` : 'Leave `fail` out.'}`,
			},
		]);
	}
	return { ...result, params: { ...result.params!, fail } };
}

function buildWhole(params: ExposureParams, options: BuildOptions): Scenario {
	const p = resolveParams(params);
	const routed = p.entry === 'ingress' || p.entry === 'gateway';
	const lbPresent = p.lb !== undefined;
	const lbTargetsPods = p.targets === 'pods';
	const aws = lbPresent && (lbTargetsPods || p.tls === 'lb');
	const lbPending = p.lb === 'none';
	const network: 'overlay' | 'cloud' = lbTargetsPods ? 'cloud' : 'overlay';
	const id = options.id ?? builtId(p);

	// The zones: where the client is, the provider's network when a load balancer is on the path, the cluster and its nodes.
	const onLaptop = p.entry === 'kubectl-proxy' || p.entry === 'port-forward';
	const clientZone = onLaptop ? 'laptop' : lbPresent ? 'internet' : 'office';
	const zones: Zone[] = [
		onLaptop ? { id: 'laptop', kind: 'user-machine' } : lbPresent ? { id: 'internet', kind: 'internet' } : { id: 'office', kind: 'user-machine' },
		...(lbPresent ? [{ id: 'cloud', kind: 'cloud-network' } as const] : []),
		{ id: 'cluster', kind: 'cluster' },
		...(onLaptop ? [{ id: 'control-plane', kind: 'control-plane', parent: 'cluster', name: 'control-plane', address: CONTROL_PLANE_ADDRESS } as const] : []),
		...Array.from({ length: p.nodes }, (_, i): Zone => ({ id: nodeName(i), kind: 'worker-node', parent: 'cluster', name: nodeName(i), address: nodeAddress(i) })),
	];
	const client: TopologyNode = {
		id: 'client',
		kind: 'client',
		zone: clientZone,
		name: 'curl',
		...(onLaptop ? {} : { address: clientAddress(0, lbPresent) }),
	};

	// The Service the client's traffic enters, and the backends behind a controller or a Gateway.
	const policy = p.etp === undefined ? (p.entry === 'gateway' ? 'Local' : undefined) : p.etp === 'local' ? 'Local' : 'Cluster';
	const type: ServiceSpec['type'] = p.entry === 'nodeport' || p.front === 'nodeport' ? 'NodePort' : lbPresent ? 'LoadBalancer' : 'ClusterIP';
	const lbAddresses = options.loadBalancer ?? { node: 'load-balancer', ...(p.entry === 'loadbalancer' ? LOAD_BALANCER.app : p.entry === 'gateway' ? LOAD_BALANCER.gateway : LOAD_BALANCER.ingress) };
	const needsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && !lbTargetsPods);
	const annotations: Record<string, string> = {};
	if (aws) {
		annotations['service.beta.kubernetes.io/aws-load-balancer-type'] = 'external';
		annotations['service.beta.kubernetes.io/aws-load-balancer-nlb-target-type'] = lbTargetsPods ? 'ip' : 'instance';
		annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'] = 'internet-facing';
		// The defaults: client IP preservation is on for instance targets, off for IP targets.
		if (lbTargetsPods && p.lb === 'forward') annotations['service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'] = 'preserve_client_ip.enabled=true';
		if (!lbTargetsPods && p.lb === 'proxy') annotations['service.beta.kubernetes.io/aws-load-balancer-target-group-attributes'] = 'preserve_client_ip.enabled=false';
		if (p.tls === 'lb') {
			annotations['service.beta.kubernetes.io/aws-load-balancer-ssl-cert'] = ACM_CERTIFICATE;
			annotations['service.beta.kubernetes.io/aws-load-balancer-ssl-ports'] = '443';
		}
	}
	const external = (port: number): Partial<ServiceSpec> => ({
		...(needsNodePorts ? { nodePort: nodePortFor(port) } : {}),
		...(policy !== undefined && type !== 'ClusterIP' ? { externalTrafficPolicy: policy } : {}),
		...(type === 'LoadBalancer' && !lbPending ? { loadBalancerIP: lbAddresses.public } : {}),
		...(type === 'LoadBalancer' && aws && !lbPending ? { loadBalancerHostname: lbAddresses.hostname ?? awsLoadBalancerHostname(entryName.namespace, entryName.name) } : {}),
		...(type === 'LoadBalancer' && p.lb === 'proxy' ? { loadBalancerSource: lbAddresses.private } : {}),
		...(type === 'LoadBalancer' && lbTargetsPods ? { allocateLoadBalancerNodePorts: false } : {}),
		...(Object.keys(annotations).length > 0 ? { annotations } : {}),
		...(p.affinity === 'clientip' ? { sessionAffinity: 'ClientIP' as const } : {}),
	});

	const entryName: ServiceName = routed ? (p.entry === 'ingress' ? (options.controller ?? TRAEFIK) : ENVOY) : (options.app ?? APPS.web);
	const lbListensTls = p.tls === 'lb';
	let entryService: ServiceSpec;
	if (p.entry === 'ingress') {
		const web = { name: 'web', port: 80, targetPort: 8000 };
		const websecure = { name: 'websecure', port: 443, targetPort: 8443 };
		// TLS ended at the load balancer: its 443 listener sends plain HTTP on to the controller's `web` entry point.
		const main = p.tls === 'edge' ? websecure : lbListensTls ? { ...websecure, targetPort: 8000 } : web;
		const other = main.name === 'web' ? websecure : web;
		entryService = {
			...entryName,
			type,
			portName: main.name,
			port: main.port,
			targetPort: main.targetPort,
			// The chart's Service has both entry points; the one this site renders itself for a provider's annotations (`controllerServiceFor`) only the one in use.
			...(aws ? {} : { otherPorts: [{ name: other.name, port: other.port, targetPort: other.targetPort, ...(needsNodePorts ? { nodePort: nodePortFor(other.port) } : {}) }] }),
			app: entryName.name,
			role: 'ingress-controller',
			...external(main.port),
		};
	} else if (p.entry === 'gateway') {
		// Envoy Gateway maps a listener's privileged port to the container port + 10000, and names the Service
		// port after protocol and port. TLS ended at the load balancer: an HTTP listener on 443.
		const port = p.tls === 'none' ? 80 : 443;
		const portName = p.tls === 'pod' ? 'tls-443' : p.tls === 'edge' ? 'https-443' : `http-${port}`;
		entryService = { ...entryName, type, portName, port, targetPort: port + 10000, app: 'envoy', role: 'gateway', ...external(port) };
	} else {
		const port = p.tls === 'none' ? 80 : 443;
		const targetPort = p.tls === 'pod' ? 8443 : 8080;
		const { name, namespace, clusterIP } = entryName;
		entryService = { name, namespace, clusterIP, type, portName: p.tls === 'pod' ? 'https' : 'http', port, targetPort, app: name, ...external(port) };
	}

	const backendNames: readonly (ServiceName & { path: string })[] = routed ? (options.backends ?? ROUTED_APPS[p.routes - 1]!) : [];
	const backendServices: ServiceSpec[] = backendNames.map((b) => ({
		name: b.name,
		namespace: b.namespace,
		type: 'ClusterIP',
		clusterIP: b.clusterIP,
		portName: p.tls === 'pod' ? 'https' : 'http',
		port: p.tls === 'pod' ? 443 : 80,
		targetPort: p.tls === 'pod' ? 8443 : 8080,
		app: b.name,
	}));

	// Where the connection enters the cluster, and which Pod of the entry Service it goes to.
	const entryPods = placePods(p.pods);
	const local = policy === 'Local';
	const entersThroughNode = needsNodePorts && !lbPending;
	const pick = p.pick === undefined ? undefined : p.pick - 1;
	let via: number | undefined;
	if (entersThroughNode) {
		// With `Local`, a load balancer's health checks (`healthCheckNodePort`) keep it on nodes that run a Pod.
		const healthy = entryPods.find((pod) => pod.node === pick) ?? entryPods[0];
		via = p.via !== undefined ? p.via - 1 : type === 'LoadBalancer' && local && healthy ? healthy.node : 0;
	} else if (lbTargetsPods) {
		via = p.via !== undefined ? p.via - 1 : p.pick !== undefined ? p.pick - 1 : undefined;
	}
	if (local && pick !== undefined && via !== undefined && pick !== via)
		throw new ParamError([
			{
				param: 'pick',
				value: String(p.pick),
				message: `\`pick=${p.pick}\`: with \`etp=local\` the rules on node ${via + 1}, where the connection arrives, only choose a Pod on that node. Choose \`pick=${via + 1}\`, or \`etp=cluster\`.`,
			},
		]);
	if (lbTargetsPods && pick !== undefined && via !== undefined && pick !== via)
		throw new ParamError([
			{
				param: 'pick',
				value: String(p.pick),
				message: `\`pick=${p.pick}\`: a load balancer that targets Pod IPs sends the connection to a Pod on the node it chose (\`via=${via + 1}\`). Give them the same node.`,
			},
		]);
	const candidates = local && via !== undefined ? entryPods.filter((pod) => pod.node === via) : entryPods;
	const chosen = choose(candidates, pick ?? (lbTargetsPods ? via : undefined), via);
	const entryKind: TopologyNode['kind'] = p.entry === 'ingress' ? 'ingress-controller' : p.entry === 'gateway' ? 'gateway-proxy' : 'pod';
	const entryBlock = routed ? 3 : 0;
	const entryPodNodes = podNodes(entryService, entryKind, entryPods, chosen, entryBlock, network);

	const backendPods = backendServices.map((_, i) => placePods(p.backends[i] ?? []));
	const backendChosen = backendPods[0] && choose(backendPods[0], undefined, undefined);
	const backendPodNodes = backendServices.map((service, i) => {
		// Blocks 0-2: `web` keeps block 0 wherever it is routed, so its Pods have the same addresses on every page.
		const block = service.name === 'web' ? 0 : service.name === 'api' ? 1 : service.name === 'static' ? 2 : i;
		return podNodes(service, 'pod', backendPods[i]!, i === 0 ? backendChosen : undefined, block, network);
	});

	// The nodes, grouped by where they run: the client, the load balancer, then each worker node's own.
	const nodes: TopologyNode[] = [client];
	if (p.entry === 'kubectl-proxy') nodes.push({ id: 'kubectl-proxy', kind: 'kubectl-proxy', zone: 'laptop' });
	// Started as `kubectl port-forward service/web 8080:80`: local port 8080, the Service's port.
	if (p.entry === 'port-forward') nodes.push({ id: 'port-forward', kind: 'kubectl-port-forward', zone: 'laptop', service: entryService.name, port: PORT_FORWARD_LOCAL_PORT });
	if (lbPresent) nodes.push({ id: lbAddresses.node, kind: 'cloud-load-balancer', zone: 'cloud', service: entryService.name });
	// The Service's own box, beside the path, where no load balancer stands for it.
	if (!routed && !lbPresent) nodes.push({ id: 'service', kind: 'service', zone: 'cluster', name: entryService.name, service: entryService.name });
	if (onLaptop) nodes.push({ id: 'api-server', kind: 'api-server', zone: 'control-plane', name: 'kube-apiserver' });
	for (let node = 0; node < p.nodes; node++) {
		const letter = NODE_LETTERS[node]!;
		if (needsNodePorts) nodes.push({ id: `nodeport-${letter}`, kind: 'node-port', zone: nodeName(node), service: entryService.name });
		if (needsNodePorts && node === via) nodes.push({ id: `kube-proxy-${letter}`, kind: 'kube-proxy', zone: nodeName(node), service: entryService.name });
		// The kubelet of the chosen Pod's node carries the port-forward stream.
		if (p.entry === 'port-forward' && chosen?.node === node) nodes.push({ id: 'kubelet', kind: 'kubelet', zone: nodeName(node) });
		nodes.push(...entryPodNodes.filter((pod) => pod.zone === nodeName(node)));
		for (const group of backendPodNodes) nodes.push(...group.filter((pod) => pod.zone === nodeName(node)));
	}

	// The path, hop by hop, until the request arrives or stops.
	const protocolIn: Protocol = p.tls === 'none' ? (routed ? 'HTTP' : 'TCP') : 'HTTPS';
	/** What the entry Service's Pods receive: TLS ended at the load balancer leaves plain bytes. */
	const protocolInside: Protocol = p.tls === 'lb' ? (routed ? 'HTTP' : 'TCP') : protocolIn;
	const path: Hop[] = [];
	const hop = (from: string, to: string, protocol: Protocol, transform: TransformKind) => path.push({ from, to, protocol, transform });
	let outcome: Outcome | undefined;
	const stop = (kind: Outcome['kind'], reason: Outcome['reason'], symptom: Outcome['symptom']) => {
		outcome = { kind, atHop: path.length - 1, reason, symptom };
	};
	const entryTarget = idOf(chosen, entryPodNodes, entryPods);

	if (p.entry === 'kubectl-proxy') {
		hop('client', 'kubectl-proxy', 'HTTP', 'loopback-http');
		hop('kubectl-proxy', 'api-server', 'HTTPS', 'api-authenticated-proxy');
		// No ready endpoint: the API server answers 503 itself.
		if (entryTarget === undefined) stop('refused', 'no-endpoints', 'http-503');
		else hop('api-server', entryTarget, 'HTTP', 'api-service-proxy');
	} else if (p.entry === 'port-forward') {
		// `kubectl port-forward service/web` reads the Service once, picks one running Pod and streams to it
		// through the API server and that Pod's kubelet. Without one, kubectl exits before it listens.
		hop('client', 'port-forward', 'TCP', 'port-forward-listen');
		if (entryTarget === undefined) stop('refused', 'no-endpoints', 'connection-refused');
		else {
			hop('port-forward', 'api-server', 'HTTPS', 'port-forward-stream');
			hop('api-server', 'kubelet', 'HTTPS', 'kubelet-stream');
			hop('kubelet', entryTarget, 'TCP', 'pod-loopback-dial');
		}
	} else {
		let from = 'client';
		if (lbPresent) {
			hop('client', lbAddresses.node, protocolIn, 'load-balancer-connect');
			from = lbAddresses.node;
			if (lbPending) stop('pending', 'no-load-balancer-implementation', 'no-address');
		}
		if (!outcome) {
			if (lbTargetsPods) {
				// No ready Pod registered as a target: the load balancer has nowhere to send the connection.
				if (entryTarget === undefined) stop('dropped', 'no-endpoints', 'timeout');
				else hop(from, entryTarget, protocolInside, 'load-balancer-to-pod');
			} else {
				const letter = NODE_LETTERS[via ?? 0]!;
				hop(from, `nodeport-${letter}`, protocolInside, lbPresent ? 'load-balancer-to-node' : 'node-port-connect');
				hop(`nodeport-${letter}`, `kube-proxy-${letter}`, protocolInside, 'netfilter-match');
				// No endpoint anywhere: kube-proxy rejects the connection. None on this node under `Local`: it drops the packets.
				if (entryPods.length === 0) stop('refused', 'no-endpoints', 'connection-refused');
				else if (entryTarget === undefined) stop('dropped', 'no-local-endpoint', 'timeout');
				else hop(`kube-proxy-${letter}`, entryTarget, protocolInside, 'endpoint-dnat');
			}
		}
		if (!outcome && routed && entryTarget !== undefined) {
			const backendTarget = backendChosen && backendPodNodes[0] ? idOf(backendChosen, backendPodNodes[0], backendPods[0]!) : undefined;
			// No ready endpoint behind the route. Traefik leaves out a router whose Service has no endpoint
			// (`allowEmptyServices` is off by default), so nothing matches: 404. Envoy Gateway keeps the route
			// and has no upstream to send it to: 503.
			if (backendTarget === undefined) stop('refused', 'no-endpoints', p.entry === 'ingress' ? 'http-404' : 'http-503');
			else hop(entryTarget, backendTarget, p.tls === 'pod' ? 'HTTPS' : 'HTTP', p.entry === 'ingress' ? 'ingress-route' : 'gateway-route');
		}
	}

	for (const { after, node } of options.beside?.nodes ?? []) {
		const at = nodes.findIndex((n) => n.id === after);
		nodes.splice(at === -1 ? nodes.length : at + 1, 0, node);
	}
	const services = [entryService, ...(options.beside?.services ?? []), ...backendServices];
	let routing: Routing | undefined;
	if (routed) {
		const names = options.routing ?? { ...SHOP, className: p.entry === 'ingress' ? TRAEFIK.name : 'eg' };
		const rules: RouteRule[] = backendServices.map((service, i) => ({ path: backendNames[i]!.path, service: service.name }));
		routing = {
			kind: p.entry === 'ingress' ? 'Ingress' : 'HTTPRoute',
			name: names.name,
			namespace: names.namespace,
			className: names.className,
			controller: p.entry === 'ingress' ? TRAEFIK_CONTROLLER : ENVOY_CONTROLLER,
			...(p.entry === 'gateway' ? { gateway: GATEWAY } : {}),
			host: names.host,
			...(p.tls === 'edge' ? { tlsSecret: names.tlsSecret } : {}),
			rules,
		};
	}

	return {
		id,
		section: options.section ?? 'exposure',
		services,
		zones,
		nodes,
		path,
		...(routing ? { routing } : {}),
		facts: { ...derivedFacts(p), ...options.facts },
		...(outcome ? { outcome } : {}),
		params: p,
	};
}
