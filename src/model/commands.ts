/*
 * "Try it": the commands a reader runs to build a scenario and follow its path, with the output they
 * should see (shortened where kubectl prints columns that do not matter here). Generated from the
 * model, so names, addresses and ports in the terminal are the ones in the diagram. The example
 * application (`traefik/whoami`) answers with its Pod name and the address it sees the request from.
 */
import { manifestsFor } from './manifests.ts';
import { packetsOf } from './packet.ts';
import { endpointsOf, findNode, findService, formatEndpoint, listenOf, LOOPBACK, machineOf, podAddressOf, sourceSeenByPod } from './resolve.ts';
import { outcomeOf, type OutcomeView } from './outcome.ts';
import type { Scenario, ServiceSpec } from './types.ts';

export interface TerminalCommand {
	readonly command: string;
	readonly output: readonly string[];
}

/** Pads columns the way kubectl does: each as wide as its widest cell, three spaces apart. */
export function columns(rows: readonly (readonly string[])[]): string[] {
	const widths: number[] = [];
	for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map((row) =>
		row
			.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
			.join('')
			.trimEnd(),
	);
}

const ns = (service: { namespace: string }) => (service.namespace === 'default' ? '' : ` -n ${service.namespace}`);

function servicePorts(service: ServiceSpec): string {
	const all = [{ port: service.port, nodePort: service.nodePort }, ...(service.otherPorts ?? [])].sort((a, b) => a.port - b.port);
	return all.map(({ port, nodePort }) => (nodePort === undefined ? `${port}/TCP` : `${port}:${nodePort}/TCP`)).join(',');
}

/** What `EXTERNAL-IP` (and an Ingress's or a Gateway's `ADDRESS`) shows: the status's hostname when it has one, else its IP. */
const externalAddress = (service: ServiceSpec | undefined) => service?.loadBalancerHostname ?? service?.loadBalancerIP ?? (service?.type === 'LoadBalancer' ? '<pending>' : undefined);

/**
 * The labels Envoy Gateway puts on the Service and the Pods it creates for a Gateway. The Service's
 * name ends in a hash of the Gateway's namespace and name, so a reader selects it by these instead.
 */
export function owningGatewayLabels(gateway: { readonly name: string; readonly namespace: string }): string {
	return `gateway.envoyproxy.io/owning-gateway-namespace=${gateway.namespace},gateway.envoyproxy.io/owning-gateway-name=${gateway.name}`;
}

function getService(service: ServiceSpec, selector?: string): TerminalCommand {
	return {
		command: selector === undefined ? `kubectl get service ${service.name}${ns(service)}` : `kubectl get service${ns(service)} -l ${selector}`,
		output: columns([
			['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
			[service.name, service.type, service.clusterIP, externalAddress(service) ?? '<none>', servicePorts(service), '2m'],
		]),
	};
}

/** `kubectl get pods` for the Pods behind a Service, selected by `selector`, with their IP and node. */
function getPods(scenario: Scenario, service: ServiceSpec, selector: string): TerminalCommand {
	const command = `kubectl get pods${ns(service)} -l ${selector} -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName`;
	if (endpointsOf(scenario, service.name).length === 0) return { command, output: [`No resources found in ${service.namespace} namespace.`] };
	return {
		command,
		output: columns([
			['NAME', 'IP', 'NODE'],
			...endpointsOf(scenario, service.name).map((pod) => {
				const podZone = scenario.zones.find((zone) => zone.id === pod.zone);
				const name = podZone?.kind === 'pod' ? podZone.name : pod.name;
				return [name ?? pod.id, podAddressOf(scenario, pod) ?? '<none>', machineOf(scenario, pod)?.name ?? '<none>'];
			}),
		]),
	};
}

/** What `whoami` prints that matters here: which Pod answered, and who it thinks called. */
function whoami(scenario: Scenario, podName: string): { filter: string; output: string[] } {
	// The same derived values as the comparison table and the last step's text (`sourceSeenByPod`).
	const { source, forwardedFor } = sourceSeenByPod(scenario);
	// The port of the last connection, as the packet view of the last step shows it.
	const port = packetsOf(scenario).at(-1)?.source.port;
	// Only ask for X-Forwarded-For where a proxy on the path sets it, so the output shown is all there is.
	return {
		filter: `grep -E '^(Hostname|RemoteAddr${forwardedFor ? '|X-Forwarded-For' : ''}):'`,
		output: [`Hostname: ${podName}`, `RemoteAddr: ${source.address ?? '?'}:${port ?? '?'}`, ...(forwardedFor ? [`X-Forwarded-For: ${forwardedFor.address ?? '?'}`] : [])],
	};
}

/** curl 8's lines for a connection nobody answers (`-m 10`) and one refused at once; the failure catalogue says the same. */
export const CURL_FAILS = {
	timeout: () => 'curl: (28) Connection timed out after 10002 milliseconds',
	refused: (host: string, port: number | string) => `curl: (7) Failed to connect to ${host} port ${port} after 1 ms: Couldn't connect to server`,
	/** The connection was accepted, then closed before a byte of answer (kubectl port-forward when its dial in the Pod fails). */
	emptyReply: () => 'curl: (52) Empty reply from server',
} as const;

/**
 * What `curl` prints when the request does not arrive (curl 8's messages). `-sS` keeps the error
 * message that `-s` alone would hide; `-m 10` gives up on a connection nobody answers.
 */
function failedRequest(url: string, outcome: OutcomeView, entry: { host: string; port: number }, http2: boolean): TerminalCommand | undefined {
	const status = (code: number, reason: string) => `${http2 ? 'HTTP/2' : 'HTTP/1.1'} ${code}${http2 ? '' : ` ${reason}`}`;
	// A hop broken on purpose: the line the failure catalogue gives (the status line of an HTTP answer).
	if (outcome.client !== undefined) {
		const line = http2 ? outcome.client.replace(/^HTTP\/1\.1 (\d{3}) .*$/, 'HTTP/2 $1') : outcome.client;
		return { command: outcome.symptom === 'timeout' ? `curl -sS -m 10 ${url}` : `curl -sS -i ${url}`, output: [line] };
	}
	switch (outcome.symptom) {
		case 'timeout':
			return { command: `curl -sS -m 10 ${url}`, output: [CURL_FAILS.timeout()] };
		case 'connection-refused':
			return { command: `curl -sS ${url}`, output: [CURL_FAILS.refused(entry.host, entry.port)] };
		case 'http-404':
			// Traefik's own answer when no router matches.
			return {
				command: `curl -sS -i ${url}`,
				output: [status(404, 'Not Found'), 'content-type: text/plain; charset=utf-8', 'x-content-type-options: nosniff', 'content-length: 19', '', '404 page not found'],
			};
		case 'http-503':
			if (outcome.rule === undefined)
				// The API server's own answer: a Status object.
				return {
					command: `curl -sS ${url}`,
					output: [
						'{',
						'  "kind": "Status",',
						'  "apiVersion": "v1",',
						'  "metadata": {},',
						'  "status": "Failure",',
						`  "message": "no endpoints available for service \\"${outcome.service?.name ?? ''}\\"",`,
						'  "reason": "ServiceUnavailable",',
						'  "code": 503',
						'}',
					],
				};
			// Envoy's answer when a route has no healthy endpoint.
			return { command: `curl -sS -i ${url}`, output: [status(503, 'Service Unavailable'), 'content-length: 19', 'content-type: text/plain', '', 'no healthy upstream'] };
		case 'empty-reply':
		case 'http-403':
		case 'http-502':
		case 'http-504':
		case 'tls-untrusted':
		case 'no-address':
		case undefined:
			// Only a broken hop (above) ends this way; a pending load balancer has no address to try.
			return undefined;
	}
}

/**
 * `curl` to an address with no name of its own (a node, a load balancer, the local end of a port-forward).
 * Where the client speaks TLS (to the Pod, or to a load balancer that ends it), the certificate names a
 * host, not this address: `-k` accepts it, as a first test does.
 */
function plainRequest(scenario: Scenario, backend: ServiceSpec, entry: { host: string; port: number }): string {
	const tls = scenario.path[0]?.protocol === 'HTTPS' || backend.portName === 'https';
	return tls ? `curl -sk https://${formatEndpoint(entry)}/` : `curl -s http://${formatEndpoint(entry)}/`;
}

/**
 * The chart versions the sessions install. Pinned: the Gateway API CRDs an Envoy Gateway release
 * installs must match what it was built against (v1.9 → Gateway API v1.6.1), and a chart's defaults
 * change between major versions.
 */
export const CHARTS = {
	traefik: { repo: 'https://traefik.github.io/charts', version: '41.3.0' },
	envoyGateway: { chart: 'oci://docker.io/envoyproxy/gateway-helm', version: 'v1.9.0' },
} as const;

/** The first lines `helm install` prints; its release notes follow and are left out. */
function helmInstalled(release: string, namespace: string): string[] {
	return [`NAME: ${release}`, 'LAST DEPLOYED: Tue Dec  1 09:14:07 2026', `NAMESPACE: ${namespace}`, 'STATUS: deployed', 'REVISION: 1', 'TEST SUITE: None', 'NOTES:', '…'];
}

/** How the proxy in front is installed: its Helm chart, with the values this scenario's Service needs. */
function installFor(scenario: Scenario, service: ServiceSpec): TerminalCommand[] {
	if (service.role === 'ingress-controller' && !service.annotations) {
		// The chart's Service takes everything under `service.spec` as is; its default type is LoadBalancer.
		const values = [`service.spec.type=${service.type}`];
		if (service.nodePort !== undefined) values.push(`ports.${service.portName}.nodePort=${service.nodePort}`);
		if (service.externalTrafficPolicy === 'Local') values.push('service.spec.externalTrafficPolicy=Local');
		const replicas = endpointsOf(scenario, service.name).length;
		if (replicas !== 1) values.push(`deployment.replicas=${replicas}`);
		return [
			{ command: `helm repo add traefik ${CHARTS.traefik.repo}`, output: ['"traefik" has been added to your repositories'] },
			{
				command: `helm install ${service.name} traefik/traefik --version ${CHARTS.traefik.version} -n ${service.namespace} --create-namespace ${values.map((v) => `--set ${v}`).join(' ')}`,
				output: helmInstalled(service.name, service.namespace),
			},
		];
	}
	if (service.role === 'gateway') {
		return [
			{
				command: `helm install eg ${CHARTS.envoyGateway.chart} --version ${CHARTS.envoyGateway.version} -n ${service.namespace} --create-namespace`,
				output: helmInstalled('eg', service.namespace),
			},
		];
	}
	return [];
}

export function sessionFor(scenario: Scenario): TerminalCommand[] {
	const manifests = manifestsFor(scenario);
	const outcome = outcomeOf(scenario);
	const delivered = outcome.kind === 'delivered';
	const last = scenario.path.at(-1);
	const target = delivered ? last && findNode(scenario, last.to) : undefined;
	// The Service that serves the request: the last Pod's, or, where it stopped short, the one it was going to.
	const backend = delivered
		? findService(scenario, target?.service)
		: scenario.routing
			? findService(scenario, scenario.routing.rules[0]?.service)
			: scenario.services.find((service) => (service.role ?? 'app') === 'app');
	const first = scenario.path[0];
	const entry = first && findNode(scenario, first.to);
	const entryAddress = entry && listenOf(scenario, entry);
	if (!backend || !entry || (delivered && !target)) return [];

	const session: TerminalCommand[] = [];
	const entryService = findService(scenario, entry.service);
	if (entryService) session.push(...installFor(scenario, entryService));
	if (manifests.length > 0) {
		session.push({
			command: `kubectl apply ${manifests.map((m) => `-f ${m.file}`).join(' ')}`,
			output: manifests.map((m) => {
				const kind = String(m.object['kind']);
				const group =
					kind === 'Deployment'
						? 'deployment.apps'
						: kind === 'Ingress'
							? 'ingress.networking.k8s.io'
							: ['GatewayClass', 'Gateway', 'HTTPRoute'].includes(kind)
								? `${kind.toLowerCase()}.gateway.networking.k8s.io`
								: kind === 'EnvoyProxy'
									? 'envoyproxy.gateway.envoyproxy.io'
									: kind.toLowerCase();
				return `${group}/${String((m.object['metadata'] as { name: string }).name)} created`;
			}),
		});
	}

	const insideMesh = entry.kind === 'sidecar-proxy';
	const routing = scenario.routing;
	if (entryService && entryService !== backend && !insideMesh) {
		if (entryService.role === 'gateway' && routing?.gateway) {
			// Envoy Gateway names the Service and the Deployment after a hash: find them by the Gateway they serve.
			const selector = owningGatewayLabels(routing.gateway);
			session.push(getService(entryService, selector), getPods(scenario, entryService, selector));
		} else {
			session.push(getService(entryService));
		}
	}
	if (entryService?.loadBalancerHostname) {
		// A status with a hostname: the address curl needs is one of those the name resolves to.
		session.push({ command: `dig +short ${entryService.loadBalancerHostname}`, output: entryService.loadBalancerIP ? [entryService.loadBalancerIP] : [] });
	}
	session.push(getService(backend));
	session.push(getPods(scenario, backend, `app=${backend.app}`));

	if (routing?.kind === 'Ingress') {
		session.push({
			command: `kubectl get ingress ${routing.name}${ns(routing)}`,
			output: columns([
				['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
				[routing.name, routing.className, routing.host, externalAddress(entryService) ?? '', routing.tlsSecret ? '80, 443' : '80', '1m'],
			]),
		});
	} else if (routing?.kind === 'HTTPRoute' && routing.gateway) {
		session.push(
			{
				command: `kubectl get gateway ${routing.gateway.name} -n ${routing.gateway.namespace}`,
				output: columns([
					['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'],
					[routing.gateway.name, routing.className, externalAddress(entryService) ?? '', 'True', '2m'],
				]),
			},
			{
				command: `kubectl get httproute ${routing.name}${ns(routing)}`,
				output: columns([
					['NAME', 'HOSTNAMES', 'AGE'],
					[routing.name, `["${routing.host}"]`, '1m'],
				]),
			},
		);
	}

	// No address to connect to: the session ends with the Service that waits for one.
	if (!entryAddress) return session;
	const path = routing?.rules.find((rule) => rule.service === backend.name)?.path.replace(/\/?$/, '/') ?? '/';
	let request: string;
	let forwarded: string[] = [];
	if (entry.kind === 'kubectl-proxy') {
		session.push({ command: 'kubectl proxy &', output: [`Starting to serve on ${formatEndpoint(entryAddress)}`] });
		request = `curl -s http://${formatEndpoint(entryAddress)}/api/v1/namespaces/${backend.namespace}/services/${backend.name}:${backend.portName}/proxy/`;
	} else if (entry.kind === 'kubectl-port-forward') {
		// kubectl resolves the Service's port to the Pod's (its targetPort) and prints that one. It binds
		// the IPv6 loopback too, and says so; its note about each connection lands in the same terminal.
		const podPort = (target && listenOf(scenario, target)?.port) ?? backend.targetPort;
		const command = `kubectl port-forward${ns(backend)} service/${backend.name} ${entryAddress.port}:${backend.port} &`;
		// Without a running Pod, kubectl waits for one (`--pod-running-timeout`, a minute) and gives up, never listening.
		if (!target) session.push({ command, output: ['error: timed out waiting for the condition'] });
		else
			session.push({
				command,
				output: [`Forwarding from ${formatEndpoint(entryAddress)} -> ${podPort}`, ...(entryAddress.host === LOOPBACK ? [`Forwarding from [::1]:${entryAddress.port} -> ${podPort}`] : [])],
			});
		request = plainRequest(scenario, backend, entryAddress);
		forwarded = [`Handling connection for ${entryAddress.port}`];
	} else if (insideMesh) {
		// The example image has no shell or curl to exec into; the mesh page shows the call in its prose.
		return session;
	} else if (routing?.tlsSecret) {
		request = `curl -s https://${routing.host}${path} --resolve ${routing.host}:${entryAddress.port}:${entryAddress.host}`;
	} else if (routing) {
		request = `curl -s -H 'Host: ${routing.host}' http://${formatEndpoint(entryAddress)}${path}`;
	} else {
		request = plainRequest(scenario, backend, entryAddress);
	}
	if (!delivered || !target) {
		const url = request.replace(/^curl -sk? /, '');
		const failed = failedRequest(url, outcome, entryAddress, url.startsWith('https://'));
		if (failed) session.push(failed);
		return session;
	}
	const targetZone = scenario.zones.find((zone) => zone.id === target.zone);
	const podName = (targetZone?.kind === 'pod' ? targetZone.name : target.name) ?? target.id;
	const answer = whoami(scenario, podName);
	session.push({ command: `${request} | ${answer.filter}`, output: [...forwarded, ...answer.output] });
	return session;
}

/** The session as one shell transcript: `$ command`, then its output. */
export function transcript(session: readonly TerminalCommand[]): string {
	return session.map((step) => [`$ ${step.command}`, ...step.output].join('\n')).join('\n\n');
}
