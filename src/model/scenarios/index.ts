import type { Scenario } from '../types.ts';
import { kubectlProxy } from './kubectl-proxy.ts';
import { portForward } from './port-forward.ts';
import { nodeport } from './nodeport.ts';
import { loadbalancer } from './loadbalancer.ts';
import { ingressNodeport } from './ingress-nodeport.ts';
import { ingressLoadbalancer } from './ingress-loadbalancer.ts';
import { loadbalancerPerApi } from './loadbalancer-per-api.ts';
import { gatewayApi } from './gateway-api.ts';
import { serviceMesh } from './service-mesh.ts';

/** Every scenario the site shows, keyed by id (the page slug and `data-scenario`). Order is reading order. */
export const scenarios = {
	'kubectl-proxy': kubectlProxy,
	'port-forward': portForward,
	nodeport,
	loadbalancer,
	'ingress-nodeport': ingressNodeport,
	'ingress-loadbalancer': ingressLoadbalancer,
	'loadbalancer-per-api': loadbalancerPerApi,
	'gateway-api': gatewayApi,
	'service-mesh': serviceMesh,
} as const satisfies Record<string, Scenario>;

export type ScenarioId = keyof typeof scenarios;

export const SCENARIO_IDS = Object.keys(scenarios) as ScenarioId[];

/** The page of a scenario, in one language. */
export function scenarioPath(scenario: Scenario, locale: string): string {
	return `/${locale}/${scenario.section}/${scenario.id}/`;
}

export function isScenarioId(value: unknown): value is ScenarioId {
	return typeof value === 'string' && Object.hasOwn(scenarios, value);
}
