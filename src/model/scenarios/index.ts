import type { Scenario } from '../types.ts';
import { kubectlProxy } from './kubectl-proxy.ts';
import { nodeport } from './nodeport.ts';

/** Every scenario the site shows, keyed by id (the page slug and `data-scenario`). Order is reading order. */
export const scenarios = {
	'kubectl-proxy': kubectlProxy,
	nodeport,
} as const satisfies Record<string, Scenario>;

export type ScenarioId = keyof typeof scenarios;

export const SCENARIO_IDS = Object.keys(scenarios) as ScenarioId[];

export function isScenarioId(value: unknown): value is ScenarioId {
	return typeof value === 'string' && Object.hasOwn(scenarios, value);
}
