/*
 * What breaks, hop by hop: a typed catalogue of the ways a request fails to reach its Pod. Each mode
 * names the kind of hop it breaks (the box where the request stops), the way-ins it can happen in,
 * how the request ends and what the client sees (the exact `curl` line or HTTP status line), and the
 * command that shows the cause, with what it prints when all is well and when this mode is the cause.
 * Names, addresses and ports come from the setup, so the commands are the reader's own.
 *
 * The facts live here; the locale tables word each mode's title, cause and fix (the French table is
 * typed against the English one). The troubleshooting guide and the explorer's "break a hop" read
 * this catalogue.
 */
import { columns, CURL_FAILS } from './commands.ts';
import { SYMPTOMS, type NodeKind, type OutcomeKind, type Symptom } from './kinds.ts';
import { listenOf, endpointsOf, enteredNode, formatEndpoint, findNode, findZone } from './resolve.ts';
import type { Scenario, ServiceSpec } from './types.ts';

export const FAILURE_IDS = [
	/** The Service's selector matches no Pod's labels: it has no endpoint at all. */
	'selector-matches-nothing',
	/** The Pods run but fail their readiness probe: their endpoints are not ready, nothing is sent to them. */
	'no-ready-pod',
	/** The Service's `targetPort` is not the port the container listens on. */
	'wrong-target-port',
	/** A firewall or security group drops the node port. */
	'node-port-blocked',
	/** `externalTrafficPolicy: Local` and the client reached a node with no ready Pod. */
	'local-no-endpoint',
	/** Nothing implements `type: LoadBalancer`: `EXTERNAL-IP` stays `<pending>`. */
	'load-balancer-pending',
	/** The Ingress names a class no running controller watches (or none, with no default class). */
	'no-ingress-class',
	/** No rule of the Ingress or the HTTPRoute matches the request's host or path. */
	'no-matching-rule',
	/** The Ingress's TLS Secret does not exist in its namespace. */
	'tls-secret-missing',
	/** The HTTPRoute is not accepted by the Gateway: a `parentRef` or the listener's `allowedRoutes` does not let it attach. */
	'route-not-accepted',
	/** A NetworkPolicy on the backend's namespace lets nothing in from the controller's or Gateway's Pods. */
	'network-policy-denies-proxy',
	/** `kubectl proxy`'s user may not use the `services/proxy` subresource. */
	'proxy-rbac-forbidden',
	/** In a sidecar mesh, an AuthorizationPolicy on the called workload does not admit the caller: its sidecar answers 403. */
	'authorization-policy-denies',
] as const;
export type FailureId = (typeof FAILURE_IDS)[number];

/** What the client sees: the model's symptoms (kinds.ts), the catalogue's and the builder's alike. */
export const FAILURE_SYMPTOMS = SYMPTOMS;
export type FailureSymptom = Symptom;

/** The command that shows a mode's cause, and its output when all is well and when this mode is why. */
export interface FailureCheck {
	readonly command: string;
	readonly healthy: readonly string[];
	readonly broken: readonly string[];
}

export interface FailureEffect {
	readonly kind: Exclude<OutcomeKind, 'delivered'>;
	readonly symptom: FailureSymptom;
	/** The box where the request stops: the first of its kind on the path (a Pod: the last one). */
	readonly at: NodeKind;
	/** The last box of that kind instead: in a mesh, the called Pod's sidecar, not the caller's. */
	readonly last?: true;
	/** What the client prints (`curl -sS -i -m 10 …`); none when it has no address to try. */
	readonly client: string | undefined;
}

export interface FailureMode {
	readonly id: FailureId;
	/** The kinds of box it can break (where the request stops, by way in): where a reader looks. */
	readonly hops: readonly NodeKind[];
	/** Whether it can happen in this setup. */
	readonly appliesTo: (scenario: Scenario) => boolean;
	/** How the request ends in this setup. */
	readonly effect: (scenario: Scenario) => FailureEffect;
	readonly check: (scenario: Scenario) => FailureCheck;
}

const ns = (thing: { readonly namespace: string }) => (thing.namespace === 'default' ? '' : ` -n ${thing.namespace}`);
const entryOf = (scenario: Scenario): ServiceSpec => scenario.services[0]!;
/** East-west in a sidecar mesh (its atlas page): the calling application's own sidecar catches its call. */
const inMesh = (scenario: Scenario) => scenario.path[0]?.transform === 'sidecar-outbound';
/** The Service whose Pods answer: the routed backend, the Service a mesh's caller calls, or the entry Service itself. */
const appOf = (scenario: Scenario): ServiceSpec => {
	const called = inMesh(scenario) ? findNode(scenario, scenario.path[0]?.addressedTo ?? '')?.service : scenario.routing?.rules[0]?.service;
	return (called !== undefined ? scenario.services.find((service) => service.name === called) : undefined) ?? entryOf(scenario);
};
const entryKind = (scenario: Scenario) => scenario.params?.entry;
const routed = (scenario: Scenario) => scenario.routing !== undefined;
const throughNodePort = (scenario: Scenario) => {
	const entry = entryOf(scenario);
	return entry.nodePort !== undefined && entry.allocateLoadBalancerNodePorts !== false && scenario.params?.lb !== 'none';
};
/** Where the client connects: the load balancer's address, a node's node port, the local port. */
function target(scenario: Scenario): string {
	const first = scenario.path[0];
	const to = first && findNode(scenario, first.to);
	const endpoint = to && listenOf(scenario, to);
	return endpoint ? formatEndpoint(endpoint) : '';
}
const host = (scenario: Scenario) => target(scenario).replace(/:\d+$/, '');
const port = (scenario: Scenario) => target(scenario).replace(/^.*:/, '');
const statusLine = (code: number, reason: string) => `HTTP/1.1 ${code} ${reason}`;
/** curl's lines, as the setups' sessions print them (curl 8; older versions say `Connection refused` for the second). */
const CURL = {
	timeout: () => CURL_FAILS.timeout(),
	refused: (s: Scenario) => CURL_FAILS.refused(host(s), port(s)),
	emptyReply: () => CURL_FAILS.emptyReply(),
	untrusted: () => 'curl: (60) SSL certificate problem: self-signed certificate',
} as const;

/** The proxy's answer when the backend cannot be reached: Traefik 502 (refused) or 504 (timed out), Envoy 503 either way. */
function proxyError(scenario: Scenario, timedOut: boolean): Pick<FailureEffect, 'symptom' | 'client'> {
	if (scenario.routing?.kind === 'Ingress') return timedOut ? { symptom: 'http-504', client: statusLine(504, 'Gateway Timeout') } : { symptom: 'http-502', client: statusLine(502, 'Bad Gateway') };
	return { symptom: 'http-503', client: statusLine(503, 'Service Unavailable') };
}

/** No endpoint for the Service the request goes to last: each way in answers it its own way. */
function noEndpoint(scenario: Scenario): FailureEffect {
	const entry = entryKind(scenario);
	// The caller's sidecar has no healthy endpoint for the called Service, and Envoy answers itself: `no healthy upstream`.
	if (inMesh(scenario)) return { kind: 'refused', symptom: 'http-503', at: 'sidecar-proxy', client: statusLine(503, 'Service Unavailable') };
	if (routed(scenario))
		return scenario.routing?.kind === 'Ingress'
			? { kind: 'refused', symptom: 'http-404', at: 'ingress-controller', client: statusLine(404, 'Not Found') }
			: { kind: 'refused', symptom: 'http-503', at: 'gateway-proxy', client: statusLine(503, 'Service Unavailable') };
	if (entry === 'kubectl-proxy') return { kind: 'refused', symptom: 'http-503', at: 'api-server', client: statusLine(503, 'Service Unavailable') };
	if (entry === 'port-forward') return { kind: 'refused', symptom: 'connection-refused', at: 'kubectl-port-forward', client: CURL.refused(scenario) };
	if (scenario.params?.targets === 'pods') return { kind: 'dropped', symptom: 'timeout', at: 'cloud-load-balancer', client: CURL.timeout() };
	return { kind: 'refused', symptom: 'connection-refused', at: 'kube-proxy', client: CURL.refused(scenario) };
}

/** The worker node the client's connection reaches first (its node port), or the first node. */
const reachedNode = (scenario: Scenario) => enteredNode(scenario) ?? scenario.zones.find((zone) => zone.kind === 'worker-node');

/** kubectl's ENDPOINTS column: the first three addresses, then how many more. */
function endpointsColumn(addresses: readonly string[]): string {
	if (addresses.length === 0) return '<unset>';
	return addresses.length <= 3 ? addresses.join(',') : `${addresses.slice(0, 3).join(',')} + ${addresses.length - 3} more...`;
}

function endpointSlices(service: ServiceSpec, endpoints: string): FailureCheck['healthy'] {
	return columns([
		['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
		[`${service.name}-7xk2p`, 'IPv4', endpoints === '<unset>' ? '<unset>' : String(service.targetPort), endpoints, '5m'],
	]);
}

/**
 * The Pods behind a Service's endpoints: name, address and containers (a mesh draws a Pod as a zone
 * around its containers, the application's and the sidecar).
 */
const podsBehind = (scenario: Scenario, service: ServiceSpec) =>
	endpointsOf(scenario, service.name).map((endpoint) => {
		const zone = findZone(scenario, endpoint.zone);
		if (zone?.kind !== 'pod') return { name: endpoint.name ?? endpoint.id, address: endpoint.address, containers: 1 };
		return { name: zone.name ?? zone.id, address: zone.address, containers: scenario.nodes.filter((node) => node.zone === zone.id).length };
	});

const podAddresses = (scenario: Scenario, service: ServiceSpec) =>
	endpointsColumn(
		podsBehind(scenario, service)
			.map((pod) => pod.address ?? '')
			.filter(Boolean),
	);

export const FAILURES: readonly FailureMode[] = [
	{
		id: 'selector-matches-nothing',
		hops: ['kube-proxy', 'api-server', 'kubectl-port-forward', 'cloud-load-balancer', 'ingress-controller', 'gateway-proxy', 'sidecar-proxy'],
		appliesTo: (s) => endpointsOf(s, appOf(s).name).length > 0,
		effect: noEndpoint,
		check: (s) => {
			const app = appOf(s);
			return {
				command: `kubectl get endpointslices${ns(app)} -l kubernetes.io/service-name=${app.name}`,
				healthy: endpointSlices(app, podAddresses(s, app)),
				broken: endpointSlices(app, '<unset>'),
			};
		},
	},
	{
		id: 'no-ready-pod',
		hops: ['kube-proxy', 'api-server', 'kubectl-port-forward', 'cloud-load-balancer', 'ingress-controller', 'gateway-proxy', 'sidecar-proxy'],
		appliesTo: (s) => endpointsOf(s, appOf(s).name).length > 0,
		effect: noEndpoint,
		check: (s) => {
			const app = appOf(s);
			// READY counts containers: the application's fails its probe, a sidecar beside it stays ready.
			const rows = (failing: number) =>
				columns([['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...podsBehind(s, app).map((pod) => [pod.name, `${pod.containers - failing}/${pod.containers}`, 'Running', '0', '5m'])]);
			return { command: `kubectl get pods${ns(app)} -l app=${app.app}`, healthy: rows(0), broken: rows(1) };
		},
	},
	{
		id: 'wrong-target-port',
		hops: ['pod', 'container'],
		appliesTo: (s) => endpointsOf(s, appOf(s).name).length > 0,
		effect: (s) => {
			if (routed(s)) return { kind: 'refused', at: 'pod', ...proxyError(s, false) };
			// The called Pod's sidecar takes the connection in, and its own to the application is refused:
			// Envoy answers 503 (`upstream connect error or disconnect/reset before headers`).
			if (inMesh(s)) return { kind: 'refused', symptom: 'http-503', at: 'container', client: statusLine(503, 'Service Unavailable') };
			// `kubectl port-forward service/…` forwards to the Service's `targetPort` too (a number is taken as
			// it is, a name is looked up among the Pod's container ports). The runtime's dial on the Pod's
			// loopback is refused; kubectl prints the error, closes the local connection it had accepted, and
			// stops forwarding.
			if (entryKind(s) === 'port-forward') return { kind: 'refused', symptom: 'empty-reply', at: 'pod', client: CURL.emptyReply() };
			if (entryKind(s) === 'kubectl-proxy') return { kind: 'refused', symptom: 'http-503', at: 'pod', client: statusLine(503, 'Service Unavailable') };
			return { kind: 'refused', symptom: 'connection-refused', at: 'pod', client: CURL.refused(s) };
		},
		check: (s) => {
			const app = appOf(s);
			const command = `kubectl get service ${app.name}${ns(app)} -o jsonpath='{.spec.ports[0].targetPort}{"\\n"}' && kubectl get pods${ns(app)} -l app=${app.app} -o jsonpath='{.items[0].spec.containers[0].ports[0].containerPort}{"\\n"}'`;
			return { command, healthy: [String(app.targetPort), String(app.targetPort)], broken: [String(app.targetPort + 1), String(app.targetPort)] };
		},
	},
	{
		id: 'node-port-blocked',
		hops: ['node-port'],
		appliesTo: throughNodePort,
		effect: () => ({ kind: 'dropped', symptom: 'timeout', at: 'node-port', client: CURL.timeout() }),
		check: (s) => {
			const entry = entryOf(s);
			const node = reachedNode(s);
			const address = node?.address ?? '';
			const nodePort = String(entry.nodePort ?? '');
			// Debian's netcat (OpenBSD's), from where the clients or the load balancer are.
			return {
				command: `nc -vz -w 3 ${address} ${nodePort}`,
				healthy: [`Connection to ${address} ${nodePort} port [tcp/*] succeeded!`],
				broken: [`nc: connect to ${address} port ${nodePort} (tcp) timed out: Operation now in progress`],
			};
		},
	},
	{
		id: 'local-no-endpoint',
		hops: ['kube-proxy'],
		// A client that picks a node (a NodePort): a load balancer's health checks keep it away from such nodes.
		appliesTo: (s) => {
			const entry = entryOf(s);
			if (!throughNodePort(s) || entry.type !== 'NodePort' || entry.externalTrafficPolicy !== 'Local') return false;
			const pods = endpointsOf(s, entry.name);
			return s.zones.some((zone) => zone.kind === 'worker-node' && !pods.some((pod) => pod.zone === zone.id));
		},
		effect: () => ({ kind: 'dropped', symptom: 'timeout', at: 'kube-proxy', client: CURL.timeout() }),
		check: (s) => {
			const entry = entryOf(s);
			const pods = endpointsOf(s, entry.name);
			const empty = s.zones.find((zone) => zone.kind === 'worker-node' && !pods.some((pod) => pod.zone === zone.id));
			// The ready endpoints on the node the client reaches: one address when it runs a Pod, nothing when it runs none.
			return {
				command: `kubectl get endpointslices${ns(entry)} -l kubernetes.io/service-name=${entry.name} -o jsonpath='{range .items[*].endpoints[?(@.nodeName=="${empty?.name ?? ''}")]}{.addresses[0]}{"\\n"}{end}'`,
				healthy: [pods[0]?.address ?? ''],
				broken: [],
			};
		},
	},
	{
		id: 'load-balancer-pending',
		hops: ['cloud-load-balancer'],
		// A load balancer that ends TLS is a provider's, set up by its annotations: the bare cluster with no implementation has none.
		appliesTo: (s) => entryOf(s).type === 'LoadBalancer' && s.params?.tls !== 'lb',
		effect: () => ({ kind: 'pending', symptom: 'no-address', at: 'cloud-load-balancer', client: undefined }),
		check: (s) => {
			const entry = entryOf(s);
			const row = (external: string) =>
				columns([
					['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
					[entry.name, 'LoadBalancer', entry.clusterIP, external, `${entry.port}${entry.nodePort ? `:${entry.nodePort}` : ''}/TCP`, '5m'],
				]);
			return { command: `kubectl get service ${entry.name}${ns(entry)}`, healthy: row(entry.loadBalancerHostname ?? entry.loadBalancerIP ?? ''), broken: row('<pending>') };
		},
	},
	{
		id: 'no-ingress-class',
		hops: ['ingress-controller'],
		appliesTo: (s) => s.routing?.kind === 'Ingress',
		effect: () => ({ kind: 'refused', symptom: 'http-404', at: 'ingress-controller', client: statusLine(404, 'Not Found') }),
		check: (s) => {
			const r = s.routing!;
			const row = (cls: string, address: string) =>
				columns([
					['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
					[r.name, cls, r.host, address, r.tlsSecret ? '80, 443' : '80', '5m'],
				]);
			const entry = entryOf(s);
			return { command: `kubectl get ingress ${r.name}${ns(r)}`, healthy: row(r.className, entry.loadBalancerHostname ?? entry.loadBalancerIP ?? ''), broken: row('<none>', '') };
		},
	},
	{
		id: 'no-matching-rule',
		hops: ['ingress-controller', 'gateway-proxy'],
		appliesTo: routed,
		effect: (s) => ({ kind: 'refused', symptom: 'http-404', at: s.routing?.kind === 'Ingress' ? 'ingress-controller' : 'gateway-proxy', client: statusLine(404, 'Not Found') }),
		check: (s) => {
			const r = s.routing!;
			const kind = r.kind === 'Ingress' ? 'ingress' : 'httproute';
			const field = r.kind === 'Ingress' ? '{.spec.rules[*].host}' : '{.spec.hostnames[*]}';
			return { command: `kubectl get ${kind} ${r.name}${ns(r)} -o jsonpath='${field}{"\\n"}'`, healthy: [r.host], broken: [r.host.replace(/^[^.]+/, 'www')] };
		},
	},
	{
		id: 'tls-secret-missing',
		hops: ['ingress-controller'],
		appliesTo: (s) => s.routing?.kind === 'Ingress' && s.routing.tlsSecret !== undefined,
		// Traefik then presents its own default certificate, which no client trusts.
		effect: () => ({ kind: 'refused', symptom: 'tls-untrusted', at: 'ingress-controller', client: CURL.untrusted() }),
		check: (s) => {
			const r = s.routing!;
			return {
				command: `kubectl get secret ${r.tlsSecret ?? ''}${ns(r)}`,
				healthy: columns([
					['NAME', 'TYPE', 'DATA', 'AGE'],
					[r.tlsSecret ?? '', 'kubernetes.io/tls', '2', '5m'],
				]),
				broken: [`Error from server (NotFound): secrets "${r.tlsSecret ?? ''}" not found`],
			};
		},
	},
	{
		id: 'route-not-accepted',
		hops: ['gateway-proxy'],
		appliesTo: (s) => s.routing?.kind === 'HTTPRoute',
		effect: () => ({ kind: 'refused', symptom: 'http-404', at: 'gateway-proxy', client: statusLine(404, 'Not Found') }),
		check: (s) => {
			const r = s.routing!;
			return {
				command: `kubectl get httproute ${r.name}${ns(r)} -o jsonpath='{.status.parents[0].conditions[?(@.type=="Accepted")].reason}{"\\n"}'`,
				healthy: ['Accepted'],
				broken: ['NotAllowedByListeners'],
			};
		},
	},
	{
		id: 'network-policy-denies-proxy',
		hops: ['pod', 'sidecar-proxy'],
		appliesTo: (s) => (routed(s) || inMesh(s)) && endpointsOf(s, appOf(s).name).length > 0,
		// The proxy's connection to the Pod gets no answer: it waits for its dial timeout, then answers itself.
		// In a mesh the proxy is the caller's sidecar (Istio's `connectTimeout`, 10 s by default), and the Pod is reached where its own sidecar takes the connection in.
		effect: (s) => (inMesh(s) ? { kind: 'refused', at: 'sidecar-proxy', last: true, ...proxyError(s, true) } : { kind: 'refused', at: 'pod', ...proxyError(s, true) }),
		check: (s) => {
			const app = appOf(s);
			return {
				command: `kubectl get networkpolicy${ns(app)}`,
				healthy: [`No resources found in ${app.namespace} namespace.`],
				broken: columns([
					['NAME', 'POD-SELECTOR', 'AGE'],
					['default-deny-ingress', '<none>', '5m'],
				]),
			};
		},
	},
	{
		id: 'proxy-rbac-forbidden',
		hops: ['api-server'],
		appliesTo: (s) => entryKind(s) === 'kubectl-proxy',
		effect: () => ({ kind: 'refused', symptom: 'http-403', at: 'api-server', client: statusLine(403, 'Forbidden') }),
		check: (s) => {
			const entry = entryOf(s);
			return { command: `kubectl auth can-i get services/proxy -n ${entry.namespace}`, healthy: ['yes'], broken: ['no'] };
		},
	},
	{
		id: 'authorization-policy-denies',
		hops: ['sidecar-proxy'],
		appliesTo: (s) => inMesh(s) && endpointsOf(s, appOf(s).name).length > 0,
		// The called Pod's sidecar checks the caller's mTLS identity against the policies and answers itself (its body: `RBAC: access denied`).
		effect: () => ({ kind: 'refused', symptom: 'http-403', at: 'sidecar-proxy', last: true, client: statusLine(403, 'Forbidden') }),
		check: (s) => {
			const app = appOf(s);
			// Istio's CRD prints each policy's action. Without any policy, a workload admits every caller; with an ALLOW one, only those it names.
			return {
				command: `kubectl get authorizationpolicy${ns(app)}`,
				healthy: [`No resources found in ${app.namespace} namespace.`],
				broken: columns([
					['NAME', 'ACTION', 'AGE'],
					[`${app.name}-allow-ingress`, 'ALLOW', '5m'],
				]),
			};
		},
	},
];

export function failureMode(id: FailureId): FailureMode {
	return FAILURES.find((mode) => mode.id === id)!;
}

/**
 * The modes that can break a setup whose request arrives, in the catalogue's order. A setup that
 * already fails has its own outcome (src/model/outcome.ts): nothing further on its path is reached.
 */
export function failuresOf(scenario: Scenario): FailureMode[] {
	if (scenario.outcome !== undefined) return [];
	return FAILURES.filter((mode) => mode.appliesTo(scenario));
}

/**
 * The step of the setup's path where a mode stops the request: the first hop into a box of the kind
 * where it stops (a Pod is reached last: the last hop into one; so is a mode's `last` box, a mesh's
 * called sidecar); -1 where the path reaches none.
 */
export function stopStep(scenario: Scenario, mode: FailureMode): number {
	const { at, last } = mode.effect(scenario);
	const kinds = scenario.path.map((hop) => findNode(scenario, hop.to)?.kind);
	return at === 'pod' || last ? kinds.lastIndexOf(at) : kinds.indexOf(at);
}

/** Per step of the path, the modes that stop the request there, in the catalogue's order: each step's "if it fails here". */
export function failuresByStep(scenario: Scenario): FailureMode[][] {
	const steps: FailureMode[][] = scenario.path.map(() => []);
	for (const mode of failuresOf(scenario)) steps[stopStep(scenario, mode)]?.push(mode);
	return steps;
}

export function isFailureId(value: unknown): value is FailureId {
	return typeof value === 'string' && (FAILURE_IDS as readonly string[]).includes(value);
}

/**
 * A setup with one of its hops broken: the path up to the box where the request stops, and the
 * outcome the mode gives (its id as the reason, what the client sees). Undefined where the mode
 * cannot happen in this setup (`failuresOf`).
 */
export function broken(scenario: Scenario, id: FailureId): Scenario | undefined {
	const mode = failureMode(id);
	if (!failuresOf(scenario).includes(mode)) return undefined;
	const effect = mode.effect(scenario);
	const atHop = stopStep(scenario, mode);
	if (atHop === -1) return undefined;
	return {
		...scenario,
		path: scenario.path.slice(0, atHop + 1),
		outcome: { kind: effect.kind, atHop, reason: id, symptom: effect.symptom, ...(effect.client === undefined ? {} : { client: effect.client }) },
	};
}
