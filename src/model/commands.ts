/*
 * "Try it": the commands a reader runs to build a scenario and follow its path, with the output they
 * should see (shortened where kubectl prints columns that do not matter here). Generated from the
 * model, so names, addresses and ports in the terminal are the ones in the diagram.
 */
import { manifestsFor } from './manifests.ts';
import { findNode, formatEndpoint, listenOf, machineOf } from './resolve.ts';
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

function servicePorts(service: ServiceSpec): string {
	return service.nodePort === undefined ? `${service.port}/TCP` : `${service.port}:${service.nodePort}/TCP`;
}

export function sessionFor(scenario: Scenario): TerminalCommand[] {
	const service = scenario.services[0];
	if (!service) return [];
	const manifests = manifestsFor(scenario);
	const pods = scenario.nodes.filter((node) => node.kind === 'pod' && node.service === service.name);
	const session: TerminalCommand[] = [
		{
			command: `kubectl apply ${manifests.map((m) => `-f ${m.file}`).join(' ')}`,
			output: manifests.map((m) => `${m.object['kind'] === 'Deployment' ? 'deployment.apps' : String(m.object['kind']).toLowerCase()}/${service.name} created`),
		},
		{
			command: `kubectl get service ${service.name}`,
			output: columns([
				['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
				[service.name, service.type, service.clusterIP, '<none>', servicePorts(service), '20s'],
			]),
		},
		{
			command: `kubectl get pods -l app=${service.app} -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName`,
			output: columns([
				['NAME', 'IP', 'NODE'],
				...pods.map((pod) => [pod.name ?? pod.id, pod.address ?? '<none>', machineOf(scenario, pod)?.name ?? '<none>']),
			]),
		},
	];

	const first = scenario.path[0];
	const entry = first && findNode(scenario, first.to);
	const entryAddress = entry && listenOf(scenario, entry);
	if (!entry || !entryAddress) return session;

	if (entry.kind === 'kubectl-proxy') {
		session.push(
			{ command: 'kubectl proxy &', output: [`Starting to serve on ${formatEndpoint(entryAddress)}`] },
			{
				command: `curl -s http://${formatEndpoint(entryAddress)}/api/v1/namespaces/${service.namespace}/services/${service.name}:${service.portName}/proxy/ | grep '<title>'`,
				output: ['<title>Welcome to nginx!</title>'],
			},
		);
	} else if (entry.kind === 'node-port') {
		const machines = scenario.zones.filter((zone) => zone.kind === 'worker-node');
		session.push(
			{
				command: 'kubectl get nodes -o custom-columns=NAME:.metadata.name,INTERNAL-IP:.status.addresses[0].address',
				output: columns([['NAME', 'INTERNAL-IP'], ...machines.map((zone) => [zone.name ?? zone.id, zone.address ?? '<none>'])]),
			},
			{ command: `curl -s http://${formatEndpoint(entryAddress)}/ | grep '<title>'`, output: ['<title>Welcome to nginx!</title>'] },
		);
	}
	return session;
}

/** The session as one shell transcript: `$ command`, then its output. */
export function transcript(session: readonly TerminalCommand[]): string {
	return session.map((step) => [`$ ${step.command}`, ...step.output].join('\n')).join('\n\n');
}
