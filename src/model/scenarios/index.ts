import type { Scenario } from '../types.ts';
import { presetScenario } from '../presets.ts';
import { serviceMesh } from './service-mesh.ts';

/**
 * Every scenario the site shows, keyed by id (the page slug and `data-scenario`). Order is reading
 * order. The ways in are presets of the builder (src/model/presets.ts); the mesh's east-west path is
 * not a way in, and stays assembled by hand.
 */
export const scenarios = {
	'kubectl-proxy': presetScenario('kubectl-proxy'),
	'port-forward': presetScenario('port-forward'),
	nodeport: presetScenario('nodeport'),
	loadbalancer: presetScenario('loadbalancer'),
	'ingress-nodeport': presetScenario('ingress-nodeport'),
	'ingress-loadbalancer': presetScenario('ingress-loadbalancer'),
	'loadbalancer-per-api': presetScenario('loadbalancer-per-api'),
	'gateway-api': presetScenario('gateway-api'),
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
