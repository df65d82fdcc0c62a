/*
 * "Try it": the commands a reader runs to build a scenario and follow its path, with the output they
 * should see (shortened where kubectl prints columns that do not matter here). Generated from the
 * model, so names, addresses and ports in the terminal are the ones in the diagram. The example
 * application (`traefik/whoami`) answers with its Pod name and the address it sees the request from.
 */
import { manifestsFor } from './manifests.ts';
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
	return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd());
}

const ns = (service: { namespace: string }) => (service.namespace === 'default' ? '' : ` -n ${service.namespace}`);

function servicePorts(service: ServiceSpec): string {
	const all = [{ port: service.port, nodePort: service.nodePort }, ...(service.otherPorts ?? [])].sort((a, b) => a.port - b.port);
	return all.map(({ port, nodePort }) => (nodePort === undefined ? `${port}/TCP` : `${port}:${nodePort}/TCP`)).join(',');
}

function getService(service: ServiceSpec): TerminalCommand {
	return {
		command: `kubectl get service ${service.name}${ns(service)}`,
		output: columns([
			['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
			[service.name, service.type, service.clusterIP, service.loadBalancerIP ?? '<none>', servicePorts(service), '2m'],
		]),
	};
}

/** What `whoami` prints that matters here: which Pod answered, and who it thinks called. */
function whoami(scenario: Scenario, podName: string): { filter: string; output: string[] } {
	const { source, forwardedFor } = sourceSeenByPod(scenario);
	// Only ask for X-Forwarded-For where a proxy on the path sets it, so the output shown is all there is.
	return {
		filter: `grep -E '^(Hostname|RemoteAddr${forwardedFor ? '|X-Forwarded-For' : ''}):'`,
		output: [`Hostname: ${podName}`, `RemoteAddr: ${source ?? '?'}:41822`, ...(forwardedFor ? [`X-Forwarded-For: ${forwardedFor}`] : [])],
	};
}

/** How the proxy in front is installed: its Helm chart, with the values this scenario's Service needs. */
function installFor(service: ServiceSpec): TerminalCommand | undefined {
	if (service.role === 'ingress-controller' && !service.annotations) {
		const values = [`service.type=${service.type}`];
		if (service.nodePort !== undefined) values.push(`ports.${service.portName}.nodePort=${service.nodePort}`);
		if (service.externalTrafficPolicy === 'Local') values.push('service.spec.externalTrafficPolicy=Local');
		return {
			command: `helm install ${service.name} traefik/traefik -n ${service.namespace} --create-namespace ${values.map((v) => `--set ${v}`).join(' ')}`,
			output: ['STATUS: deployed'],
		};
	}
	if (service.role === 'gateway') {
		return {
			command: 'helm install eg oci://docker.io/envoyproxy/gateway-helm -n envoy-gateway-system --create-namespace',
			output: ['STATUS: deployed'],
		};
	}
	return undefined;
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
	const install = entryService && installFor(entryService);
	if (install) session.push(install);
	if (manifests.length > 0) {
		session.push({
			command: `kubectl apply ${manifests.map((m) => `-f ${m.file}`).join(' ')}`,
			output: manifests.map((m) => {
				const kind = String(m.object['kind']);
				const group = kind === 'Deployment' ? 'deployment.apps' : kind === 'Ingress' ? 'ingress.networking.k8s.io' : ['GatewayClass', 'Gateway', 'HTTPRoute'].includes(kind) ? `${kind.toLowerCase()}.gateway.networking.k8s.io` : kind.toLowerCase();
				return `${group}/${String((m.object['metadata'] as { name: string }).name)} created`;
			}),
		});
	}

	const insideMesh = entry.kind === 'sidecar-proxy';
	if (entryService && entryService !== backend && !insideMesh) session.push(getService(entryService));
	session.push(getService(backend));
	session.push({
		command: `kubectl get pods${ns(backend)} -l app=${backend.app} -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName`,
		output: columns([
			['NAME', 'IP', 'NODE'],
			...endpointsOf(scenario, backend.name).map((pod) => {
				const podZone = scenario.zones.find((zone) => zone.id === pod.zone);
				const name = podZone?.kind === 'pod' ? podZone.name : pod.name;
				return [name ?? pod.id, podAddressOf(scenario, pod) ?? '<none>', machineOf(scenario, pod)?.name ?? '<none>'];
			}),
		]),
	});

	const routing = scenario.routing;
	if (routing?.kind === 'Ingress') {
		session.push({
			command: `kubectl get ingress ${routing.name}${ns(routing)}`,
			output: columns([
				['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
				[routing.name, routing.className, routing.host, entryService?.loadBalancerIP ?? '', routing.tlsSecret ? '80, 443' : '80', '1m'],
			]),
		});
	} else if (routing?.kind === 'HTTPRoute' && routing.gateway) {
		session.push(
			{
				command: `kubectl get gateway ${routing.gateway.name} -n ${routing.gateway.namespace}`,
				output: columns([
					['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'],
					[routing.gateway.name, routing.className, entryService?.loadBalancerIP ?? '', 'True', '2m'],
				]),
			},
			{ command: `kubectl get httproute ${routing.name}${ns(routing)}`, output: columns([['NAME', 'HOSTNAMES', 'AGE'], [routing.name, `["${routing.host}"]`, '1m']]) },
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
