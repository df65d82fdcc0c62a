/*
 * Many requests instead of one: `simulate` sends N requests from M clients through a built setup and
 * decides each one as the components on its path would, then counts where they went.
 *
 * - The client: request `i` comes from client `i mod M`, each client an address of its own.
 * - A load balancer in front of nodes spreads connections evenly over the nodes its health checks pass:
 *   with `externalTrafficPolicy: Local` the `healthCheckNodePort` answers 200 only on nodes that run a
 *   ready endpoint, so the others get nothing (when none passes, most providers' load balancers send to
 *   every node, as they do when all their targets fail). With `Cluster` every node passes. One that
 *   targets Pod IPs spreads over the ready Pods. Without a load balancer the client connects to the one
 *   node it was given (`via`).
 * - kube-proxy (iptables and nftables modes) picks an endpoint at random among the ready ones, every
 *   one in the cluster with `Cluster`, only the node's own with `Local` (none: the packets are dropped).
 *   With `sessionAffinity: ClientIP` each node's rules remember the endpoint they chose for a source
 *   address and send that address there again.
 * - The API server's service proxy picks a ready endpoint at random for each request; `kubectl
 *   port-forward` picked one Pod when it started and sends everything there.
 * - An Ingress controller or a Gateway sends each request on to an endpoint of the route's Service
 *   itself (it reads the EndpointSlices): Traefik in weighted round robin (equal weights: each of its
 *   Pods in turn), Envoy Gateway with Least Request, which, when requests come one after another and
 *   none is in flight, is a random pick.
 *
 * What each path does to the request (where it stops, the source the Pod sees) is not decided here:
 * each distinct path is built by `buildScenario` with that node and that Pod, and read like the page's
 * own scenario. The same setup, the same numbers and the same seed give the same counts, in the build
 * and in every browser.
 */
import { buildScenario, type BuildOptions } from './build.ts';
import { remembered } from './memo.ts';
import type { FailureId } from './failures.ts';
import { clientAddress, NODE_LETTERS, nodeName } from './naming.ts';
import { outcomeOf } from './outcome.ts';
import type { ExposureParams, ParamProblem } from './params.ts';
import { endpointsOf, enteredNode, hopId, machineOf, sourceSeenByPod, type SeenAddress } from './resolve.ts';
import { ENDPOINT_KINDS, type NodeKind, type OutcomeKind, type OutcomeReason, type SourceOrigin, type Symptom } from './kinds.ts';
import type { Scenario, ServiceSpec, TopologyNode } from './types.ts';

export const MAX_REQUESTS = 10_000;
export const MAX_CLIENTS = 100;
export const MAX_SEED = 2 ** 32 - 1;

export interface SimulationParams {
	/** Requests to send, 1 to 10,000. */
	readonly requests: number;
	/** Client addresses they come from, 1 to 100. */
	readonly clients: number;
	/** The seed of the random choices, a whole number from 0 to 2³² − 1: the same seed, the same counts. */
	readonly seed: number;
}

export const DEFAULT_SIMULATION: SimulationParams = { requests: 1000, clients: 10, seed: 1 };

export type SimulationParamName = keyof SimulationParams;

/** Every problem of a simulation's parameters, worded like the builder's (`ParamProblem`). */
export function simulationProblems(params: SimulationParams): (Omit<ParamProblem, 'param'> & { readonly param: SimulationParamName })[] {
	const problems: (Omit<ParamProblem, 'param'> & { readonly param: SimulationParamName })[] = [];
	const check = (param: SimulationParamName, min: number, max: number, what: string) => {
		const value = params[param];
		if (!Number.isInteger(value) || value < min || value > max)
			problems.push({ param, value: String(value), message: `\`${param}=${value}\`: ${what} Choose a whole number from ${min} to ${max}.` });
	};
	check('requests', 1, MAX_REQUESTS, `send 1 to ${MAX_REQUESTS} requests.`);
	check('clients', 1, MAX_CLIENTS, `send them from 1 to ${MAX_CLIENTS} client addresses.`);
	check('seed', 0, MAX_SEED, 'the seed of the random choices is a 32-bit whole number.');
	return problems;
}

/** A small, fast, seeded generator (mulberry32): uniform in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** How many requests one source address accounts for. */
export interface SourceCount {
	readonly address: string | undefined;
	readonly origin: SourceOrigin;
	readonly count: number;
}

export interface PodCount {
	/** The Pod's name (`web-7c5d8-x2kfq`), as `kubectl get pods` shows it. */
	readonly pod: string;
	/** Its node id in the setup's diagram (`web-1`). */
	readonly id: string;
	readonly address: string | undefined;
	/** The worker node it runs on (`node-a`). */
	readonly node: string;
	readonly service: string;
	/** Requests it received. */
	readonly count: number;
	/** The source addresses it saw (its logs' client addresses), most frequent first. */
	readonly sources: readonly SourceCount[];
}

export interface NodeCount {
	readonly node: string;
	/** Connections that entered the cluster on this node (through its NodePort, or to a Pod on it). */
	readonly entered: number;
	/** Requests served by Pods of the last Service on this node. */
	readonly served: number;
}

export interface DropCount {
	readonly kind: Exclude<OutcomeKind, 'delivered'>;
	readonly reason: OutcomeReason | FailureId;
	readonly symptom: Symptom;
	/** What stopped them: kube-proxy's rules, the load balancer, an Ingress controller, the API server… */
	readonly at: NodeKind | undefined;
	/** The worker node they stopped on, if on one. */
	readonly node: string | undefined;
	/** The last hop they took, in the paths they took (`nodeport-b-to-kube-proxy-b`), in path order. */
	readonly hops: readonly string[];
	readonly count: number;
}

export interface SimulationResult extends SimulationParams {
	readonly delivered: number;
	/** Requests that did not reach the application, whatever the reason (dropped, refused, never sent). */
	readonly failed: number;
	/** The Pods of each Service the requests pass through, in path order (a controller's, then the application's). */
	readonly pods: readonly PodCount[];
	/** Every worker node, in order. */
	readonly nodes: readonly NodeCount[];
	readonly drops: readonly DropCount[];
	/** For each hop of the setup's own path (its diagram), how many requests took it. */
	readonly hops: readonly { readonly hop: string; readonly count: number }[];
	/** The source addresses the application logged, most frequent first. */
	readonly sources: readonly SourceCount[];
}

const nodeIndexOf = (scenario: Scenario, node: TopologyNode): number => {
	const machine = machineOf(scenario, node);
	return machine?.name === undefined ? 0 : NODE_LETTERS.indexOf(machine.name.slice('node-'.length) as (typeof NODE_LETTERS)[number]);
};

/** The parameters of a built scenario, written back as the builder takes them (its defaults left out where they only apply elsewhere). */
function exposureOf(scenario: Scenario): ExposureParams {
	const p = scenario.params;
	if (p === undefined) throw new Error(`Scenario "${scenario.id}" was not built by buildScenario: it has no parameters to simulate from. Build it from a preset or a parameter set.`);
	const routed = p.entry === 'ingress' || p.entry === 'gateway';
	return {
		entry: p.entry,
		nodes: p.nodes,
		pods: p.pods,
		tls: p.tls,
		...(routed ? { routes: p.routes, backends: p.backends } : {}),
		...(p.front !== undefined ? { front: p.front } : {}),
		...(p.via !== undefined ? { via: p.via } : {}),
		...(p.pick !== undefined ? { pick: p.pick } : {}),
		...(p.etp !== undefined ? { etp: p.etp } : {}),
		...(p.lb !== undefined ? { lb: p.lb } : {}),
		...(p.targets !== undefined ? { targets: p.targets } : {}),
		...(p.affinity !== undefined ? { affinity: p.affinity } : {}),
		...(p.fail !== undefined ? { fail: p.fail } : {}),
	};
}

/** One distinct path requests took (the built path, the Pods chosen), with how many took it and, where the Pod sees clients' own addresses, from which client. */
interface Taken {
	readonly scenario: Scenario;
	readonly seen: SeenAddress;
	readonly entryPod: number | undefined;
	readonly backendPod: number | undefined;
	count: number;
	readonly perClient: Int32Array | undefined;
}

/** A path built for one node entered and one node of the Pod chosen, numbered in the order requests first took it. */
interface Variant {
	readonly scenario: Scenario;
	readonly index: number;
	readonly seen: SeenAddress;
	/** The application's Pods see each client's own address. */
	readonly clientSource: boolean;
	/** The path reaches the router (nothing stopped it first), which then chooses a backend. */
	readonly routes: boolean;
}

function tally<K>(map: Map<K, number>, key: K, by = 1) {
	map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * An address as a key that sorts in numeric order (`198.51.100.23` before `198.51.100.100`). Kept: the
 * same hundred client addresses come back in every run, and the regular expression was a sixth of one.
 */
const addressKey = remembered(1024, (address: string) => address.replace(/\d+/g, (octet) => octet.padStart(3, '0')));
/** Most requests first; among equals, in address order (each key computed once). */
function bySize(sources: Iterable<SourceCount>): SourceCount[] {
	return [...sources]
		.map((source) => ({ source, key: addressKey(source.address ?? '') }))
		.sort((a, b) => b.source.count - a.source.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map(({ source }) => source);
}

/**
 * The paths a simulation builds, kept for the next run: a reader who sends requests again with
 * another seed or count, or changes the setup and comes back, has them built already. Scenarios are
 * never changed once built, so one can serve every run.
 */
const builtPath = remembered(256, ([params, options]: readonly [ExposureParams, BuildOptions]) => buildScenario(params, options));

/**
 * Sends `sim.requests` requests through the setup `scenario` was built from (`options`: the names only
 * its page uses, as given to `buildScenario`). Throws on parameters out of range, naming them.
 */
export function simulate(scenario: Scenario, sim: SimulationParams, options: BuildOptions = {}): SimulationResult {
	const problems = simulationProblems(sim);
	if (problems.length > 0) throw new Error(`These simulation parameters are out of range:\n- ${problems.map((p) => p.message).join('\n- ')}`);
	const params = exposureOf(scenario);
	const p = scenario.params!;
	const random = seededRandom(sim.seed);
	const pickOf = (n: number) => Math.min(n - 1, Math.floor(random() * n));
	const clientNode = scenario.nodes.find((node) => node.kind === 'client');
	const clientHasAddress = clientNode?.address !== undefined;
	const onInternet = scenario.zones.find((zone) => zone.id === clientNode?.zone)?.kind === 'internet';

	const entry: ServiceSpec = scenario.services[0]!;
	const entryPods = endpointsOf(scenario, entry.name);
	const entryNode = entryPods.map((pod) => nodeIndexOf(scenario, pod));
	const rule = scenario.routing?.rules[0];
	const backendPods = rule ? endpointsOf(scenario, rule.service) : [];
	const routed = rule !== undefined;
	const traefik = scenario.routing?.kind === 'Ingress';

	const pending = p.lb === 'none';
	const lbPresent = p.lb !== undefined;
	const targetsPods = p.targets === 'pods';
	const throughNodes = entry.nodePort !== undefined && !targetsPods && !pending;
	const local = entry.externalTrafficPolicy === 'Local';
	const affinity = entry.sessionAffinity === 'ClientIP' && throughNodes;
	const reached = enteredNode(scenario);
	const givenNode = Math.max(
		0,
		scenario.zones.filter((zone) => zone.kind === 'worker-node').findIndex((zone) => zone.id === reached?.id),
	);
	const healthyNodes = Array.from({ length: p.nodes }, (_, n) => n).filter((n) => !local || entryNode.includes(n));
	const spreadNodes = healthyNodes.length > 0 ? healthyNodes : Array.from({ length: p.nodes }, (_, n) => n);
	// `kubectl port-forward` chose its Pod once: the one the setup's own path reaches.
	const forwardedTo = p.entry === 'port-forward' ? entryPods.findIndex((pod) => scenario.path.some((hop) => hop.to === pod.id)) : -1;

	// The paths, each built once: keyed by the node the connection enters and the node of the Pod chosen
	// (7: none), so at most 8 × 8 of them.
	const variants: (Variant | undefined)[] = new Array<Variant | undefined>(64).fill(undefined);
	let variantCount = 0;
	const variant = (via: number, pick: number): Variant => {
		const changed: Record<string, unknown> = { ...params };
		delete changed['via'];
		delete changed['pick'];
		if (via !== 7) changed['via'] = via + 1;
		if (pick !== 7) changed['pick'] = pick + 1;
		const s = builtPath([changed as unknown as ExposureParams, { ...options, id: scenario.id, section: scenario.section }]);
		const seen = sourceSeenByPod(s).source;
		return (variants[via * 8 + pick] = { scenario: s, index: variantCount++, seen, clientSource: seen.origin === 'client' && clientHasAddress, routes: s.outcome === undefined });
	};

	// The endpoints kube-proxy chooses among on each node: all of them with `Cluster`, the node's own with `Local`.
	const candidatesOn = Array.from({ length: p.nodes }, (_, n) => entryPods.map((_, k) => k).filter((k) => !local || entryNode[k] === n));
	// `sessionAffinity: ClientIP`, per node: the Pod each source kube-proxy sees was sent to (-1: none yet).
	// The source is the client's own address, or one for all where a proxying load balancer opens the connections.
	const seenSources = entry.loadBalancerSource === undefined ? sim.clients : 1;
	const remembered = affinity ? new Int32Array(p.nodes * seenSources).fill(-1) : undefined;
	// An Ingress controller Pod's place in its own rotation over the endpoints (-1: not started).
	const turns = new Int32Array(entryPods.length).fill(-1);
	const taken = new Map<number, Taken>();
	const entered = new Int32Array(p.nodes);
	// How each request is sent, decided once (the loop below runs up to 10,000 times).
	const how = p.entry === 'kubectl-proxy' ? 'any-pod' : p.entry === 'port-forward' ? 'forwarded' : pending ? 'none' : targetsPods ? 'to-pod' : throughNodes ? 'via-node' : 'none';
	const spread = spreadNodes.length;
	const backends = routed && backendPods.length > 0 ? backendPods.length : 0;

	for (let i = 0; i < sim.requests; i++) {
		const client = i % sim.clients;
		let via = -1;
		let pod = -1;
		if (how === 'via-node') {
			via = lbPresent ? spreadNodes[pickOf(spread)]! : givenNode;
			const candidates = candidatesOn[via]!;
			if (candidates.length > 0) {
				// The source kube-proxy sees: the client's, or a proxying load balancer's own.
				const memo = remembered === undefined ? -1 : via * seenSources + (seenSources === 1 ? 0 : client);
				const kept = memo === -1 ? -1 : remembered![memo]!;
				pod = kept !== -1 ? kept : candidates[pickOf(candidates.length)]!;
				if (memo !== -1 && kept === -1) remembered![memo] = pod;
			}
		} else if (how === 'any-pod') pod = entryPods.length ? pickOf(entryPods.length) : -1;
		else if (how === 'to-pod') {
			pod = entryPods.length ? pickOf(entryPods.length) : -1;
			via = pod === -1 ? -1 : entryNode[pod]!;
		} else if (how === 'forwarded') pod = forwardedTo;
		if (via !== -1) entered[via]!++;
		const entering = via === -1 ? 7 : via;
		const pick = pod === -1 ? 7 : entryNode[pod]!;
		const built = variants[entering * 8 + pick] ?? variant(entering, pick);
		let backend = -1;
		if (backends > 0 && pod !== -1 && built.routes) {
			if (traefik) {
				// Each controller Pod keeps its own rotation over the endpoints, starting where the seed puts it.
				const turn = turns[pod] === -1 ? pickOf(backends) : turns[pod]!;
				backend = turn % backends;
				turns[pod] = turn + 1;
			} else backend = pickOf(backends);
		}
		// One number per distinct path and Pods: at most 64 paths, 25 Pods per Service.
		const key = (built.index * 32 + pod + 1) * 32 + backend + 1;
		let path = taken.get(key);
		if (!path) {
			path = {
				scenario: built.scenario,
				seen: built.seen,
				entryPod: pod === -1 ? undefined : pod,
				backendPod: backend === -1 ? undefined : backend,
				count: 0,
				perClient: built.clientSource ? new Int32Array(sim.clients) : undefined,
			};
			taken.set(key, path);
		}
		path.count++;
		if (path.perClient) path.perClient[client]!++;
	}

	// What each distinct path did, times the requests that took it. A hop is named by its two ends, a Pod
	// by its address: a path built for a node reaches that node's first Pod, the request the one it chose.
	const podCounts = new Map<TopologyNode, number>();
	const podSources = new Map<TopologyNode, Map<string, SourceCount>>();
	const drops = new Map<string, DropCount>();
	const hopCounts = new Map<string, number>();
	const byId = new Map<Scenario, Map<string, TopologyNode>>();
	const placeOf = (s: Scenario, id: string, entryChosen?: TopologyNode, backendChosen?: TopologyNode): string => {
		let nodes = byId.get(s);
		if (!nodes) byId.set(s, (nodes = new Map(s.nodes.map((n) => [n.id, n]))));
		const node = nodes.get(id);
		if (!node || !(ENDPOINT_KINDS as readonly string[]).includes(node.kind)) return id;
		const chosen = node.service === entry.name ? entryChosen : node.service === rule?.service ? backendChosen : undefined;
		return (chosen ?? node).address ?? id;
	};
	const ownHops = new Map(scenario.path.map((hop) => [`${placeOf(scenario, hop.from)}>${placeOf(scenario, hop.to)}`, hopId(hop)]));
	let delivered = 0;
	for (const t of taken.values()) {
		const s = t.scenario;
		const count = t.count;
		const entryChosen = t.entryPod === undefined ? undefined : entryPods[t.entryPod];
		const backendChosen = t.backendPod === undefined ? undefined : backendPods[t.backendPod];
		for (const hop of s.path) {
			const mine = ownHops.get(`${placeOf(s, hop.from, entryChosen, backendChosen)}>${placeOf(s, hop.to, entryChosen, backendChosen)}`);
			if (mine !== undefined) tally(hopCounts, mine, count);
		}
		if (s.outcome !== undefined) {
			const last = s.path[s.outcome.atHop];
			const hop = last ? hopId(last) : '';
			const { stoppedAt, machine } = outcomeOf(s);
			const dropKey = `${s.outcome.kind}|${s.outcome.reason}|${s.outcome.symptom}|${stoppedAt}|${machine}`;
			const before = drops.get(dropKey);
			const hops = before?.hops.includes(hop) ? before.hops : [...(before?.hops ?? []), hop].sort();
			drops.set(dropKey, { kind: s.outcome.kind, reason: s.outcome.reason, symptom: s.outcome.symptom, at: stoppedAt, node: machine, hops, count: (before?.count ?? 0) + count });
			continue;
		}
		delivered += count;
		if (entryChosen) tally(podCounts, entryChosen, count);
		if (routed && backendChosen) tally(podCounts, backendChosen, count);
		const served = routed ? backendChosen : entryChosen;
		if (!served) continue;
		// The source the path gives: each client's own address, or the controller Pod the request went through.
		const seen = t.seen;
		const sources = podSources.get(served) ?? new Map<string, SourceCount>();
		const add = (address: string | undefined, by: number) => {
			const sourceKey = `${seen.origin}|${address}`;
			sources.set(sourceKey, { address, origin: seen.origin, count: (sources.get(sourceKey)?.count ?? 0) + by });
		};
		if (t.perClient) t.perClient.forEach((by, c) => by > 0 && add(clientAddress(c, onInternet), by));
		else add(seen.origin === 'proxy' && entryChosen ? entryChosen.address : seen.address, count);
		podSources.set(served, sources);
	}

	const lastPods = routed ? backendPods : entryPods;
	const allPods = routed ? [...entryPods, ...backendPods] : entryPods;
	const pods: PodCount[] = allPods.map((node) => ({
		pod: node.name ?? node.id,
		id: node.id,
		address: node.address,
		node: machineOf(scenario, node)?.name ?? '',
		service: node.service ?? '',
		count: podCounts.get(node) ?? 0,
		sources: bySize(podSources.get(node)?.values() ?? []),
	}));
	const nodes: NodeCount[] = Array.from({ length: p.nodes }, (_, n) => {
		const name = nodeName(n);
		return {
			node: name,
			entered: entered[n]!,
			served: pods.filter((pod) => pod.node === name && lastPods.some((last) => last.id === pod.id)).reduce((sum, pod) => sum + pod.count, 0),
		};
	});
	const sources = new Map<string, SourceCount>();
	for (const pod of pods) {
		for (const source of pod.sources) {
			const sourceKey = `${source.origin}|${source.address}`;
			sources.set(sourceKey, { ...source, count: (sources.get(sourceKey)?.count ?? 0) + source.count });
		}
	}
	return {
		...sim,
		delivered,
		failed: sim.requests - delivered,
		pods,
		nodes,
		drops: [...drops.values()].sort((a, b) => b.count - a.count),
		hops: scenario.path.map((hop) => ({ hop: hopId(hop), count: hopCounts.get(hopId(hop)) ?? 0 })),
		sources: bySize(sources.values()),
	};
}
