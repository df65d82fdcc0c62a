/*
 * Model validation. Every problem is one sentence that names the scenario, the thing at fault with its
 * value in backticks, and the fix. `assertValidScenario` runs at build time (the diagram component
 * calls it), so a broken model fails the build instead of drawing a wrong picture.
 */
import { ENDPOINT_KINDS, NODE_KINDS, NODE_PORT_RANGE, TRANSFORM_KINDS, ZONE_KINDS, type NodeKind, type TransformKind, type ZoneKind } from './kinds.ts';
import { destinationOf, findNode, findService, findZone, hopId, podAddressOf } from './resolve.ts';
import type { Scenario } from './types.ts';

export class ModelError extends Error {
	readonly problems: readonly string[];
	constructor(scenarioId: string, problems: readonly string[]) {
		super(`Scenario \`${scenarioId}\` is not valid:\n- ${problems.join('\n- ')}`);
		this.name = 'ModelError';
		this.problems = problems;
	}
}

/** Node kinds that exist without a Service: the client, kubectl's own processes and the cluster's components. */
const SERVICE_FREE_KINDS = ['client', 'kubectl-proxy', 'kubectl-port-forward', 'api-server', 'kubelet'] as const satisfies readonly NodeKind[];

const isPort = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65535;

function duplicates(ids: readonly string[]): string[] {
	return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

/** Structural checks: ids, references, ports, and a connected path. */
export function validateScenario(scenario: Scenario): string[] {
	const problems: string[] = [];
	const s = `Scenario \`${scenario.id}\``;

	for (const id of duplicates(scenario.zones.map((z) => z.id))) problems.push(`${s}: zone id \`${id}\` is used twice. Give each zone its own id.`);
	for (const id of duplicates(scenario.nodes.map((n) => n.id))) problems.push(`${s}: node id \`${id}\` is used twice. Give each node its own id.`);
	for (const id of duplicates(scenario.path.map(hopId))) problems.push(`${s}: hop \`${id}\` appears twice in the path. A request passes each hop once; split the node if it really goes back.`);

	for (const zone of scenario.zones) {
		if (!(ZONE_KINDS as readonly string[]).includes(zone.kind))
			problems.push(`${s}: zone \`${zone.id}\` has unknown kind \`${zone.kind}\`. Use one of ${ZONE_KINDS.join(', ')} or add the kind to src/model/kinds.ts.`);
		if (zone.parent !== undefined && !findZone(scenario, zone.parent)) problems.push(`${s}: zone \`${zone.id}\` is inside unknown zone \`${zone.parent}\`. Add that zone or fix \`parent\`.`);
		const seen = new Set<string>([zone.id]);
		let parent = zone.parent === undefined ? undefined : findZone(scenario, zone.parent);
		while (parent) {
			if (seen.has(parent.id)) {
				problems.push(`${s}: zone \`${zone.id}\` is inside itself through \`${parent.id}\`. Break the loop of \`parent\` values.`);
				break;
			}
			seen.add(parent.id);
			parent = parent.parent === undefined ? undefined : findZone(scenario, parent.parent);
		}
	}

	for (const service of scenario.services) {
		const sv = `${s}: Service \`${service.name}\``;
		for (const other of service.otherPorts ?? []) {
			if (!isPort(other.port) || !isPort(other.targetPort)) problems.push(`${sv} has port \`${other.name}\` outside 1-65535. Use valid TCP ports.`);
			if (other.nodePort !== undefined && (other.nodePort < NODE_PORT_RANGE.min || other.nodePort > NODE_PORT_RANGE.max))
				problems.push(
					`${sv} has port \`${other.name}\` with \`nodePort: ${other.nodePort}\`, outside the default range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}. Pick a port in that range.`,
				);
		}
		for (const [field, port] of [
			['port', service.port],
			['targetPort', service.targetPort],
		] as const) {
			if (!isPort(port)) problems.push(`${sv} has \`${field}: ${port}\`, outside 1-65535. Use a valid TCP port.`);
		}
		// A pending outcome is a LoadBalancer Service nobody implements: it has no address yet, and the diagram says so.
		if (service.type === 'LoadBalancer' && service.loadBalancerIP === undefined && scenario.outcome?.kind !== 'pending')
			problems.push(`${sv} is of type \`LoadBalancer\` but has no \`loadBalancerIP\`. Give it the address the load balancer gets, so the diagram can show it.`);
		// The API server refuses the field elsewhere: "may only be used when `type` is 'LoadBalancer'".
		if (service.allocateLoadBalancerNodePorts !== undefined && service.type !== 'LoadBalancer')
			problems.push(`${sv} is of type \`${service.type}\` but sets \`allocateLoadBalancerNodePorts\`, which only a \`LoadBalancer\` Service may set. Remove it or change the type.`);
		if (service.type !== 'ClusterIP') {
			const needsNodePort = !(service.type === 'LoadBalancer' && service.allocateLoadBalancerNodePorts === false);
			if (service.nodePort === undefined && needsNodePort)
				problems.push(`${sv} is of type \`${service.type}\` but has no \`nodePort\`. Set one in ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}.`);
			else if (service.nodePort !== undefined && !needsNodePort) problems.push(`${sv} sets \`allocateLoadBalancerNodePorts: false\` and \`nodePort: ${service.nodePort}\`. Remove one of them.`);
			else if (service.nodePort !== undefined && (!Number.isInteger(service.nodePort) || service.nodePort < NODE_PORT_RANGE.min || service.nodePort > NODE_PORT_RANGE.max))
				problems.push(`${sv} has \`nodePort: ${service.nodePort}\`, outside the default range ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}. Pick a port in that range.`);
		} else if (service.nodePort !== undefined) {
			problems.push(`${sv} is of type \`ClusterIP\` but sets \`nodePort: ${service.nodePort}\`. Remove it or change the type.`);
		}
	}

	for (const node of scenario.nodes) {
		const n = `${s}: node \`${node.id}\``;
		if (!(NODE_KINDS as readonly string[]).includes(node.kind)) problems.push(`${n} has unknown kind \`${node.kind}\`. Use one of ${NODE_KINDS.join(', ')} or add the kind to src/model/kinds.ts.`);
		if (!findZone(scenario, node.zone)) problems.push(`${n} is in unknown zone \`${node.zone}\`. Add the zone or fix \`zone\`.`);
		if (node.service !== undefined && !findService(scenario, node.service)) problems.push(`${n} refers to unknown Service \`${node.service}\`. Add it to \`services\` or fix \`service\`.`);
		if (node.port !== undefined && !isPort(node.port)) problems.push(`${n} has \`port: ${node.port}\`, outside 1-65535. Use a valid TCP port.`);
		if (!(SERVICE_FREE_KINDS as readonly string[]).includes(node.kind) && node.service === undefined) problems.push(`${n} is a \`${node.kind}\` that belongs to no Service. Set \`service\`.`);
		if ((ENDPOINT_KINDS as readonly string[]).includes(node.kind) && podAddressOf(scenario, node) === undefined)
			problems.push(`${n} is a \`${node.kind}\` without a Pod IP. Set its \`address\`, or that of the \`pod\` zone it is in.`);
	}

	const routing = scenario.routing;
	if (routing) {
		for (const rule of routing.rules) {
			const backend = findService(scenario, rule.service);
			if (!backend) problems.push(`${s}: ${routing.kind} \`${routing.name}\` sends \`${rule.path}\` to unknown Service \`${rule.service}\`. Add the Service or fix the rule.`);
			else if (backend.namespace !== routing.namespace)
				problems.push(
					`${s}: ${routing.kind} \`${routing.name}\` in namespace \`${routing.namespace}\` sends \`${rule.path}\` to Service \`${rule.service}\` in \`${backend.namespace}\`. Backends must be in the route's namespace (or allowed by a ReferenceGrant): move one of them.`,
				);
			if (!rule.path.startsWith('/')) problems.push(`${s}: ${routing.kind} \`${routing.name}\` has path \`${rule.path}\`, which does not start with \`/\`. Write an absolute path.`);
		}
		if (routing.kind === 'HTTPRoute' && routing.gateway === undefined) problems.push(`${s}: HTTPRoute \`${routing.name}\` has no \`gateway\` to attach to. Set \`gateway: { name, namespace }\`.`);
	}

	if (scenario.path.length === 0) problems.push(`${s} has an empty path. Add at least one hop.`);
	const outcome = scenario.outcome;
	if (outcome && outcome.atHop !== scenario.path.length - 1)
		problems.push(
			`${s}: its outcome \`${outcome.kind}\` is at hop ${outcome.atHop}, but the path has ${scenario.path.length} hops. The request stops at the last hop: set \`atHop\` to ${scenario.path.length - 1}.`,
		);
	scenario.path.forEach((hop, index) => {
		const h = `${s}: hop \`${hopId(hop)}\``;
		if (!(TRANSFORM_KINDS as readonly string[]).includes(hop.transform))
			problems.push(`${h} has unknown transform \`${hop.transform}\`. Use one of ${TRANSFORM_KINDS.join(', ')} or add it to src/model/kinds.ts.`);
		for (const [end, id] of [
			['comes from', hop.from],
			['goes to', hop.to],
		] as const) {
			if (!findNode(scenario, id)) problems.push(`${h} ${end} unknown node \`${id}\`. Add it to the topology or fix the hop.`);
		}
		if (hop.addressedTo !== undefined && !findNode(scenario, hop.addressedTo))
			problems.push(`${h} is addressed to unknown node \`${hop.addressedTo}\`. Add it to the topology or fix \`addressedTo\`.`);
		if (hop.transform === 'ingress-route' || hop.transform === 'gateway-route') {
			const wanted = hop.transform === 'ingress-route' ? 'Ingress' : 'HTTPRoute';
			const target = findNode(scenario, hop.to);
			if (scenario.routing?.kind !== wanted) problems.push(`${h} uses \`${hop.transform}\` but the scenario has no \`routing\` of kind \`${wanted}\`. Add one.`);
			else if (target && !scenario.routing.rules.some((rule) => rule.service === target.service))
				problems.push(`${h} reaches Service \`${target.service}\`, which no rule of ${wanted} \`${scenario.routing.name}\` routes to. Add a rule or fix the hop.`);
		}
		if (hop.from === hop.to) problems.push(`${h} goes from a node to itself. Remove it or point it to the next node.`);
		const previous = scenario.path[index - 1];
		if (previous && previous.to !== hop.from)
			problems.push(`${h} starts at \`${hop.from}\` but the hop before it ends at \`${previous.to}\`: the path is disconnected. Make each hop start where the previous one ends.`);
		if (findNode(scenario, hop.to) && !destinationOf(scenario, index) && !(scenario.outcome?.kind === 'pending' && index === scenario.outcome.atHop))
			problems.push(`${h} has no destination address: node \`${hop.to}\` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.`);
	});

	return problems;
}

/**
 * The parts of a locale table a scenario needs words from. Declared here, structurally, so that
 * src/model/ never imports src/i18n/ (every `Messages` table fits it).
 */
export interface TranslationTable {
	readonly node?: Partial<Record<NodeKind, unknown>>;
	readonly zone?: Partial<Record<ZoneKind, unknown>>;
	readonly transform?: Partial<Record<TransformKind, { readonly title?: unknown; readonly body?: unknown } | undefined>>;
	readonly scenario?: unknown;
}

/** Every kind a scenario uses must have non-empty words in every locale. */
export function validateTranslations(scenario: Scenario, tables: Record<string, TranslationTable>): string[] {
	const problems: string[] = [];
	const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';
	for (const [locale, table] of Object.entries(tables)) {
		const where = `src/i18n/${locale}.ts`;
		for (const kind of new Set(scenario.nodes.map((n) => n.kind)))
			if (!filled(table.node?.[kind])) problems.push(`Scenario \`${scenario.id}\`: node kind \`${kind}\` has no ${locale.toUpperCase()} text. Add \`node['${kind}']\` to ${where}.`);
		for (const kind of new Set(scenario.zones.map((z) => z.kind)))
			if (!filled(table.zone?.[kind])) problems.push(`Scenario \`${scenario.id}\`: zone kind \`${kind}\` has no ${locale.toUpperCase()} text. Add \`zone['${kind}']\` to ${where}.`);
		for (const hop of scenario.path) {
			const template = table.transform?.[hop.transform];
			if (typeof template?.title !== 'function' || typeof template.body !== 'function')
				problems.push(
					`Scenario \`${scenario.id}\`: hop \`${hopId(hop)}\` uses transform \`${hop.transform}\`, which has no ${locale.toUpperCase()} step template. Add \`transform['${hop.transform}']\` with \`title\` and \`body\` to ${where}.`,
				);
		}
		const scenarioWords = (table.scenario as Record<string, { title?: unknown } | undefined> | undefined)?.[scenario.id];
		if (!filled(scenarioWords?.title)) problems.push(`Scenario \`${scenario.id}\` has no ${locale.toUpperCase()} title. Add \`scenario['${scenario.id}']\` to ${where}.`);
	}
	return problems;
}

/** Throws one `ModelError` listing every problem, or returns the scenario unchanged. */
export function assertValidScenario<S extends Scenario>(scenario: S, tables: Record<string, TranslationTable>): S {
	const problems = [...validateScenario(scenario), ...validateTranslations(scenario, tables)];
	if (problems.length > 0) throw new ModelError(scenario.id, problems);
	return scenario;
}
