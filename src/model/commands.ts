/*
 * "Try it": the commands a reader runs to build a scenario and follow its path, with the output they
 * should see (shortened where kubectl prints columns that do not matter here). Generated from the
 * model, so names, addresses and ports in the terminal are the ones in the diagram. The example
 * application (`traefik/whoami`) answers with its Pod name and the address it sees the request from.
 */
import { manifestsFor } from './manifests.ts';
import { packetsOf } from './packet.ts';
import { endpointsOf, findNode, findService, formatEndpoint, listenOf, machineOf, podAddressOf, sourceSeenByPod } from './resolve.ts';
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
const externalAddress = (service: ServiceSpec | undefined) => service?.loadBalancerHostname ?? service?.loadBalancerIP;

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
	return {
		command: `kubectl get pods${ns(service)} -l ${selector} -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName`,
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
function installFor(service: ServiceSpec): TerminalCommand[] {
	if (service.role === 'ingress-controller' && !service.annotations) {
		// The chart's Service takes everything under `service.spec` as is; its default type is LoadBalancer.
		const values = [`service.spec.type=${service.type}`];
		if (service.nodePort !== undefined) values.push(`ports.${service.portName}.nodePort=${service.nodePort}`);
		if (service.externalTrafficPolicy === 'Local') values.push('service.spec.externalTrafficPolicy=Local');
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
	const last = scenario.path.at(-1);
	const target = last && findNode(scenario, last.to);
	const backend = findService(scenario, target?.service);
	const first = scenario.path[0];
	const entry = first && findNode(scenario, first.to);
	const entryAddress = entry && listenOf(scenario, entry);
	if (!backend || !target || !entry || !entryAddress) return [];

	const session: TerminalCommand[] = [];
	const entryService = findService(scenario, entry.service);
	if (entryService) session.push(...installFor(entryService));
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

	const targetZone = scenario.zones.find((zone) => zone.id === target.zone);
	const podName = (targetZone?.kind === 'pod' ? targetZone.name : target.name) ?? target.id;
	const path = routing?.rules.find((rule) => rule.service === backend.name)?.path.replace(/\/?$/, '/') ?? '/';
	let request: string;
	if (entry.kind === 'kubectl-proxy') {
		session.push({ command: 'kubectl proxy &', output: [`Starting to serve on ${formatEndpoint(entryAddress)}`] });
		request = `curl -s http://${formatEndpoint(entryAddress)}/api/v1/namespaces/${backend.namespace}/services/${backend.name}:${backend.portName}/proxy/`;
	} else if (insideMesh) {
		// The example image has no shell or curl to exec into; the mesh page shows the call in its prose.
		return session;
	} else if (routing?.tlsSecret) {
		request = `curl -s https://${routing.host}${path} --resolve ${routing.host}:${entryAddress.port}:${entryAddress.host}`;
	} else if (routing) {
		request = `curl -s -H 'Host: ${routing.host}' http://${formatEndpoint(entryAddress)}${path}`;
	} else {
		request = `curl -s http://${formatEndpoint(entryAddress)}/`;
	}
	const answer = whoami(scenario, podName);
	session.push({ command: `${request} | ${answer.filter}`, output: answer.output });
	return session;
}

/** The session as one shell transcript: `$ command`, then its output. */
export function transcript(session: readonly TerminalCommand[]): string {
	return session.map((step) => [`$ ${step.command}`, ...step.output].join('\n')).join('\n\n');
}
