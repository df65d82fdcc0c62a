/*
 * The description of an exposure that `buildScenario` turns into a scenario: a few parameters, each
 * with a fixed set of values. Impossible combinations are rejected here, each with one sentence that
 * names the parameter and its value, says why, and what to choose instead. A combination that is
 * possible but fails (`Local` on a node with no Pod) is not rejected: the scenario's outcome says so.
 *
 * Values are lower-case words, as the explorer's URL writes them.
 */
import { FAILURE_IDS, type FailureId } from './failures.ts';
import { MAX_NODES, MAX_PODS_PER_NODE } from './naming.ts';

export const ENTRIES = ['kubectl-proxy', 'port-forward', 'nodeport', 'loadbalancer', 'ingress', 'gateway'] as const;
export type Entry = (typeof ENTRIES)[number];

/** How an Ingress controller's or a Gateway's proxies are exposed. */
export const FRONTS = ['nodeport', 'loadbalancer'] as const;
export type Front = (typeof FRONTS)[number];

export const TRAFFIC_POLICIES = ['cluster', 'local'] as const;
export type TrafficPolicyParam = (typeof TRAFFIC_POLICIES)[number];

/**
 * How the load balancer passes a connection on: `forward` (its packets, the client's address kept),
 * `proxy` (a connection of its own, from its own address), or `none`: no controller implements
 * `type: LoadBalancer` in this cluster (bare metal without MetalLB), and the Service waits.
 */
export const LB_MODES = ['forward', 'proxy', 'none'] as const;
export type LoadBalancerParam = (typeof LB_MODES)[number];

/** What the load balancer sends to: every node's NodePort, or the Pod IPs (`allocateLoadBalancerNodePorts: false`). */
export const LB_TARGETS = ['nodes', 'pods'] as const;
export type TargetsParam = (typeof LB_TARGETS)[number];

/** Where the client's TLS ends: nowhere (plain HTTP), at the load balancer, at the Ingress controller or Gateway (`edge`), or at the Pod. */
export const TLS_MODES = ['none', 'lb', 'edge', 'pod'] as const;
export type TlsParam = (typeof TLS_MODES)[number];

/**
 * The entry Service's `sessionAffinity`: `none` (the API's default), or `clientip`: kube-proxy's rules
 * on each node send a source address to the endpoint they chose for it the first time (for 3 hours,
 * `sessionAffinityConfig.clientIP.timeoutSeconds`' default).
 */
export const AFFINITIES = ['none', 'clientip'] as const;
export type AffinityParam = (typeof AFFINITIES)[number];

export const MAX_ROUTES = 3;

export interface ExposureParams {
	readonly entry: Entry;
	/** For `ingress` and `gateway`: how the proxies in front are exposed. */
	readonly front?: Front;
	/** Worker nodes, 1 to 5. */
	readonly nodes?: number;
	/**
	 * Pods per node (0 to 5 each) of the Service the client's traffic enters: the application for
	 * `kubectl-proxy`, `port-forward`, `nodeport` and `loadbalancer`; the Ingress controller or the
	 * Gateway's proxies for `ingress` and `gateway`.
	 */
	readonly pods?: readonly number[];
	/** For `ingress` and `gateway`: Pods per node of each routed backend, in route order. */
	readonly backends?: readonly (readonly number[])[];
	/** The node (from 1) the connection reaches first, where the client or the load balancer chooses it. */
	readonly via?: number;
	/** The node (from 1) whose Pod serves this request, where a choice among several is made. */
	readonly pick?: number;
	readonly etp?: TrafficPolicyParam;
	readonly lb?: LoadBalancerParam;
	readonly targets?: TargetsParam;
	readonly tls?: TlsParam;
	/** For `ingress` and `gateway`: backends routed by path, 1 to 3. */
	readonly routes?: number;
	/** Where kube-proxy chooses the entry Service's endpoint: whether it keeps each source address on one. */
	readonly affinity?: AffinityParam;
	/** One hop broken, by a failure mode of the catalogue (failures.ts), where it can happen in this setup. */
	readonly fail?: FailureId;
}

/** The parameters with every default applied: what the builder reads. */
export interface ResolvedParams {
	readonly entry: Entry;
	readonly front: Front | undefined;
	readonly nodes: number;
	readonly pods: readonly number[];
	readonly backends: readonly (readonly number[])[];
	readonly via: number | undefined;
	readonly pick: number | undefined;
	readonly etp: TrafficPolicyParam | undefined;
	readonly lb: LoadBalancerParam | undefined;
	readonly targets: TargetsParam | undefined;
	readonly tls: TlsParam;
	readonly routes: number;
	readonly affinity: AffinityParam | undefined;
	readonly fail: FailureId | undefined;
}

export type ParamName = keyof ExposureParams;

export interface ParamProblem {
	readonly param: ParamName;
	readonly value: string;
	readonly message: string;
}

export class ParamError extends Error {
	readonly problems: readonly ParamProblem[];
	constructor(problems: readonly ParamProblem[]) {
		super(`These parameters describe no exposure:\n- ${problems.map((p) => p.message).join('\n- ')}`);
		this.name = 'ParamError';
		this.problems = problems;
	}
}

const show = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));
const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

/** The entries whose traffic goes through a load balancer, given the front. */
export function hasLoadBalancer(params: Pick<ExposureParams, 'entry' | 'front'>): boolean {
	return params.entry === 'loadbalancer' || ((params.entry === 'ingress' || params.entry === 'gateway') && (params.front ?? 'loadbalancer') === 'loadbalancer');
}

/** The entries whose Service is a NodePort or a LoadBalancer, where `externalTrafficPolicy` exists. */
function hasExternalService(params: Pick<ExposureParams, 'entry'>): boolean {
	return params.entry !== 'kubectl-proxy' && params.entry !== 'port-forward';
}

const isRouted = (entry: Entry) => entry === 'ingress' || entry === 'gateway';

/** Every problem of a parameter set; an empty list means `buildScenario` accepts it. */
export function paramProblems(params: ExposureParams): ParamProblem[] {
	const problems: ParamProblem[] = [];
	const add = (param: ParamName, value: unknown, why: string) => problems.push({ param, value: show(value), message: `\`${param}=${show(value)}\`: ${why}` });
	const entry = params.entry;
	if (!(ENTRIES as readonly string[]).includes(entry)) {
		add('entry', entry, `no such way in. Choose one of ${list(ENTRIES)}.`);
		return problems;
	}
	const routed = isRouted(entry);
	const nodes = params.nodes ?? 2;
	if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_NODES) add('nodes', params.nodes, `a cluster here has 1 to ${MAX_NODES} worker nodes. Choose a whole number in that range.`);
	const nodeCount = Number.isInteger(nodes) && nodes >= 1 && nodes <= MAX_NODES ? nodes : 2;

	const checkCounts = (param: 'pods' | 'backends', counts: readonly number[], what: string) => {
		if (counts.length !== nodeCount)
			add(param, counts, `${what} gives ${counts.length} counts for ${nodeCount} nodes. Give one count per node, comma-separated (\`${Array.from({ length: nodeCount }, () => 1).join(',')}\`).`);
		else if (counts.some((n) => !Number.isInteger(n) || n < 0 || n > MAX_PODS_PER_NODE))
			add(param, counts, `${what} must count 0 to ${MAX_PODS_PER_NODE} Pods on each node. Use whole numbers in that range.`);
	};
	if (params.pods !== undefined) checkCounts('pods', params.pods, 'pods');

	if (params.front !== undefined) {
		if (!routed) add('front', params.front, `only an Ingress controller or a Gateway has proxies to expose in front. Leave \`front\` out, or choose \`entry=ingress\` or \`entry=gateway\`.`);
		else if (!(FRONTS as readonly string[]).includes(params.front)) add('front', params.front, `choose ${list(FRONTS)}.`);
	}
	const lbPresent = hasLoadBalancer(params);

	if (params.routes !== undefined) {
		if (!routed) add('routes', params.routes, `routing by path needs an Ingress or an HTTPRoute. Leave \`routes\` out, or choose \`entry=ingress\` or \`entry=gateway\`.`);
		else if (!Number.isInteger(params.routes) || params.routes < 1 || params.routes > MAX_ROUTES) add('routes', params.routes, `route 1 to ${MAX_ROUTES} backends by path.`);
	}
	if (params.backends !== undefined) {
		if (!routed)
			add(
				'backends',
				params.backends.map((b) => b.join('+')),
				`only an Ingress or an HTTPRoute has backends. Use \`pods\` for this way in.`,
			);
		else {
			const routes = params.routes ?? 2;
			if (params.backends.length !== routes)
				add(
					'backends',
					params.backends.map((b) => b.join('+')),
					`${routes} routes need ${routes} backends. Give one list of counts per route.`,
				);
			params.backends.forEach((counts) => checkCounts('backends', counts, 'each backend'));
		}
	}

	if (params.etp !== undefined) {
		if (!(TRAFFIC_POLICIES as readonly string[]).includes(params.etp)) add('etp', params.etp, `choose ${list(TRAFFIC_POLICIES)}.`);
		else if (!hasExternalService(params))
			add(
				'etp',
				params.etp,
				`externalTrafficPolicy applies to NodePort and LoadBalancer Services, not to ${entry === 'kubectl-proxy' ? 'kubectl proxy' : 'kubectl port-forward'}. Leave it out, or choose \`entry=nodeport\` or \`entry=loadbalancer\`.`,
			);
		else if (params.targets === 'pods' && params.etp === 'local')
			add('etp', params.etp, 'a load balancer that targets Pod IPs sends no packet through a node, so `Local` changes nothing on this path. Leave `etp` out, or choose `targets=nodes`.');
	}

	if (params.lb !== undefined) {
		if (!(LB_MODES as readonly string[]).includes(params.lb)) add('lb', params.lb, `choose ${list(LB_MODES)}.`);
		else if (!lbPresent) add('lb', params.lb, `there is no load balancer on this path. Leave \`lb\` out, or choose \`entry=loadbalancer\` (or \`front=loadbalancer\`).`);
	}
	if (params.targets !== undefined) {
		if (!(LB_TARGETS as readonly string[]).includes(params.targets)) add('targets', params.targets, `choose ${list(LB_TARGETS)}.`);
		else if (!lbPresent) add('targets', params.targets, `only a load balancer has targets. Leave \`targets\` out, or choose \`entry=loadbalancer\` (or \`front=loadbalancer\`).`);
	}

	const tls = params.tls ?? 'none';
	if (!(TLS_MODES as readonly string[]).includes(tls)) add('tls', tls, `choose ${list(TLS_MODES)}.`);
	else if (tls === 'lb' && !lbPresent) add('tls', tls, 'there is no load balancer on this path to end TLS. Choose `tls=none` or `tls=pod`, or a way in with a load balancer.');
	else if (tls === 'lb' && params.lb !== 'proxy')
		add('tls', tls, 'a load balancer that ends TLS reads the bytes and opens its own connection: it proxies. Set `lb=proxy` with it, or choose another `tls`.');
	else if (tls === 'edge' && !routed)
		add('tls', tls, 'only an Ingress controller or a Gateway sits at the edge of the cluster to end TLS. Choose `tls=none`, `tls=lb` or `tls=pod`, or `entry=ingress` / `entry=gateway`.');
	else if (tls === 'pod' && entry === 'ingress')
		add('tls', tls, 'the Ingress API ends TLS at the controller (`spec.tls`) and has no passthrough. Choose `tls=edge`, or `entry=gateway` (a TLSRoute passes TLS through to the Pod).');
	else if (tls === 'pod' && entry === 'gateway') add('tls', tls, 'passing TLS through a Gateway takes a TLSRoute, which this site does not build yet. Choose `tls=edge` or `tls=lb`.');
	else if (tls === 'pod' && entry === 'kubectl-proxy')
		add('tls', tls, "this site shows the API server's service proxy dialling the Pod in plain HTTP (the `https:` port prefix is not modelled). Choose `tls=none`, or `entry=port-forward`.");

	if (params.affinity !== undefined) {
		if (!(AFFINITIES as readonly string[]).includes(params.affinity)) add('affinity', params.affinity, `choose ${list(AFFINITIES)}.`);
		else if (params.affinity === 'clientip' && entry !== 'nodeport' && entry !== 'loadbalancer')
			add(
				'affinity',
				params.affinity,
				`${
					entry === 'kubectl-proxy'
						? "the API server's service proxy picks an endpoint for each request and ignores `sessionAffinity`"
						: entry === 'port-forward'
							? '`kubectl port-forward` sends every connection to the one Pod it picked'
							: "an Ingress controller or a Gateway sends each request to an endpoint it chooses itself, without kube-proxy, so the backend Service's `sessionAffinity` plays no part (the proxy's own sticky sessions do)"
				}. Leave \`affinity\` out, or choose \`entry=nodeport\` or \`entry=loadbalancer\`.`,
			);
		else if (params.affinity === 'clientip' && params.targets === 'pods')
			add(
				'affinity',
				params.affinity,
				"a load balancer that targets Pod IPs chooses the Pod itself and no kube-proxy rule sees the connection: `sessionAffinity` plays no part. Use the load balancer's own stickiness, or choose `targets=nodes`.",
			);
	}

	// Whether the mode can happen in this setup is the builder's to say: it needs the setup built.
	if (params.fail !== undefined && !(FAILURE_IDS as readonly string[]).includes(params.fail)) add('fail', params.fail, `no such failure mode. Choose one of ${list(FAILURE_IDS)}.`);

	if (params.via !== undefined) {
		if (!hasExternalService(params))
			add(
				'via',
				params.via,
				`with ${entry === 'kubectl-proxy' ? 'kubectl proxy' : 'kubectl port-forward'} no client or load balancer chooses a node: the API server reaches the Pod. Leave \`via\` out.`,
			);
		else if (!Number.isInteger(params.via) || params.via < 1 || params.via > nodeCount) add('via', params.via, `name a node from 1 to ${nodeCount}.`);
		else if (params.targets === 'pods' && (params.pods?.[params.via - 1] ?? 1) === 0)
			add('via', params.via, `the load balancer targets Pod IPs, and node ${params.via} runs none of them. Choose a node that runs a Pod, or \`targets=nodes\`.`);
	}
	if (params.pick !== undefined) {
		if (!Number.isInteger(params.pick) || params.pick < 1 || params.pick > nodeCount) add('pick', params.pick, `name a node from 1 to ${nodeCount}.`);
		else if ((params.pods?.[params.pick - 1] ?? 1) === 0) add('pick', params.pick, `node ${params.pick} runs no Pod to serve the request. Choose a node that runs one.`);
	}
	return problems;
}

/** The parameters with their defaults, or a `ParamError` listing every problem. */
export function resolveParams(params: ExposureParams): ResolvedParams {
	const problems = paramProblems(params);
	if (problems.length > 0) throw new ParamError(problems);
	const routed = isRouted(params.entry);
	const nodes = params.nodes ?? 2;
	const lbPresent = hasLoadBalancer(params);
	const routes = routed ? (params.routes ?? (params.tls === 'pod' ? 1 : 2)) : 1;
	const lastNodeOnly = (count: number) => Array.from({ length: nodes }, (_, i) => (i === nodes - 1 ? count : 0));
	return {
		entry: params.entry,
		front: routed ? (params.front ?? 'loadbalancer') : undefined,
		nodes,
		pods: params.pods ?? Array.from({ length: nodes }, () => 1),
		backends: routed ? (params.backends ?? Array.from({ length: routes }, () => lastNodeOnly(1))) : [],
		via: params.via,
		pick: params.pick,
		etp: params.etp,
		lb: lbPresent ? (params.lb ?? 'forward') : undefined,
		targets: lbPresent ? (params.targets ?? 'nodes') : undefined,
		tls: params.tls ?? 'none',
		routes,
		affinity: params.affinity,
		fail: params.fail,
	};
}
