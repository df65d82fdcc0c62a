/*
 * The comparison table in the reader's language: each cell words one typed fact of
 * `comparisonFacts()` (src/model/compare.ts), through `comparisonCells`. No decision is taken here.
 */
import { messages, type Locale } from './index.ts';
import { comparisonFacts } from '../model/compare.ts';
import { comparisonCells } from './way-in.ts';
import { scenarioPath, type ScenarioId } from '../model/scenarios/index.ts';

export interface ComparisonRow {
	readonly id: ScenarioId;
	readonly href: string;
	readonly title: string;
	readonly entry: string;
	readonly reach: string;
	readonly ports: string;
	readonly layer: string;
	readonly tlsEnds: string;
	readonly sourceIp: string;
	readonly cost: string;
	readonly production: string;
	readonly hops: number;
}

export function comparisonRows(locale: Locale): ComparisonRow[] {
	return comparisonFacts().map((row) => ({
		...comparisonCells(row, locale),
		id: row.id,
		href: scenarioPath(row.scenario, locale),
		title: messages[locale].scenario[row.id].title,
		hops: row.hops,
	}));
}
