/*
 * The comparison table's facts: one row per scenario that is a way into the cluster, every cell a typed
 * value derived from the scenario (its path, its Services). Each row is `wayInFacts` of one atlas scenario
 * (way-in.ts): the layer, where TLS ends and the source the Pod sees come from the path itself, the
 * same values the step texts and the sessions use, so the table cannot drift from the diagrams. The words are
 * chosen in `src/i18n/compare.ts`.
 */
import { SCENARIO_IDS, scenarios, type ScenarioId } from './scenarios/index.ts';
import { wayInFacts, type WayInFacts } from './way-in.ts';

export { COMPARISON_COLUMNS, portsAlong, type ComparisonColumn, type SourceIpFact } from './way-in.ts';

export interface ComparisonFacts extends WayInFacts {
	readonly id: ScenarioId;
}

export function comparisonFacts(): ComparisonFacts[] {
	return SCENARIO_IDS.flatMap((id) => {
		const facts = wayInFacts(scenarios[id]);
		return facts ? [{ id, ...facts }] : [];
	});
}
