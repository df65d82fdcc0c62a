/*
 * How a scenario's request ends, with what a sentence about it needs: the Service without a ready
 * endpoint, the node that drops the packets, the route that named the Service. Decided by the builder
 * (`Scenario.outcome`); a scenario without one is delivered at its last hop.
 */
import type { NodeKind, OutcomeKind, OutcomeReason, Symptom } from './kinds.ts';
import type { FailureId } from './failures.ts';
import { findNode, findService, machineOf } from './resolve.ts';
import type { RouteRule, Routing, Scenario, ServiceSpec } from './types.ts';

export interface OutcomeView {
	readonly kind: OutcomeKind;
	/** The index of the hop where the request stops (the last one). */
	readonly atHop: number;
	readonly reason: OutcomeReason | FailureId | undefined;
	readonly symptom: Symptom | undefined;
	/** For a broken hop: the line the client prints. */
	readonly client: string | undefined;
	/** The Service the request was going to when it stopped. */
	readonly service: ServiceSpec | undefined;
	/** The node it stopped on, if it stopped on one. */
	readonly machine: string | undefined;
	/** The kind of the last thing it reached (kube-proxy's rules, `kubectl port-forward`, a proxy). */
	readonly stoppedAt: NodeKind | undefined;
	/** For a proxy that found no endpoint: the routing and the rule that named the Service. */
	readonly routing: Routing | undefined;
	readonly rule: RouteRule | undefined;
}

/** Node kinds that accept the request and would pick an endpoint of the next Service themselves. */
const PICKS_NEXT = ['api-server', 'ingress-controller', 'gateway-proxy'] as const;

export function outcomeOf(scenario: Scenario): OutcomeView {
	const outcome = scenario.outcome;
	const atHop = outcome?.atHop ?? scenario.path.length - 1;
	const last = scenario.path[atHop];
	const to = last && findNode(scenario, last.to);
	const proxyStop = to !== undefined && (PICKS_NEXT as readonly string[]).includes(to.kind) && outcome !== undefined;
	const rule = proxyStop ? scenario.routing?.rules[0] : undefined;
	const service = proxyStop
		? rule
			? findService(scenario, rule.service)
			: scenario.services.find((s) => (s.role ?? 'app') === 'app')
		: (findService(scenario, to?.service) ?? findService(scenario, last && findNode(scenario, last.from)?.service));
	return {
		kind: outcome?.kind ?? 'delivered',
		atHop,
		reason: outcome?.reason,
		symptom: outcome?.symptom,
		client: outcome?.client,
		service,
		machine: to && machineOf(scenario, to)?.name,
		stoppedAt: to?.kind,
		routing: rule ? scenario.routing : undefined,
		rule,
	};
}
