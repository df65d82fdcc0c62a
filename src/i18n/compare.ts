/*
 * The comparison table in the reader's language: each cell words one typed fact of
 * `comparisonFacts()` (src/model/compare.ts). No decision is taken here.
 */
import { messages, type Locale } from './index.ts';
import { comparisonFacts } from '../model/compare.ts';
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
	const words = messages[locale].facts;
	const source = words.sourceIp;
	return comparisonFacts().map((row) => ({
		id: row.id,
		href: scenarioPath(row.scenario, locale),
		title: messages[locale].scenario[row.id].title,
		entry: row.entry,
		reach: words.reach[row.reach],
		ports: row.ports,
		layer: row.tcpOnly ? words.layerTcpOnly : words.layer[row.layer],
		tlsEnds: words.tlsEnds[row.tls.at] + (row.tls.inExample ? '' : ` ${words.tlsNotInExample}`),
		sourceIp: [
			row.sourceIp.forwardedFor ? source.withForwarded(source.peer[row.sourceIp.peer], source.forwardedFor[row.sourceIp.forwardedFor]) : source.peer[row.sourceIp.peer],
			row.sourceIp.keptWithLocal ? source.withLocal : '',
			row.sourceIp.keptWithPreservation ? source.withPreservation : '',
		]
			.filter(Boolean)
			.join('. '),
		cost: words.cost[row.cost],
		production: words.production[row.production],
		hops: row.hops,
	}));
}
