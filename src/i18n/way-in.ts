/*
 * One way in's comparison cells in the reader's language: each cell words one typed fact of
 * `wayInFacts` (src/model/way-in.ts). The atlas table (compare.ts) and the explorer's row both use it.
 * No decision is taken here.
 */
import { messages, type Locale } from './index.ts';
import type { ComparisonColumn, WayInFacts } from '../model/way-in.ts';

export type ComparisonCells = Record<ComparisonColumn, string>;

export function comparisonCells(facts: WayInFacts, locale: Locale): ComparisonCells {
	const words = messages[locale].facts;
	const source = words.sourceIp;
	return {
		entry: facts.entry,
		reach: words.reach[facts.reach],
		ports: facts.ports,
		layer: facts.tcpOnly ? words.layerTcpOnly : words.layer[facts.layer],
		tlsEnds: words.tlsEnds[facts.tls.at] + (facts.tls.inExample ? '' : ` ${words.tlsNotInExample}`),
		sourceIp: [
			facts.sourceIp.forwardedFor ? source.withForwarded(source.peer[facts.sourceIp.peer], source.forwardedFor[facts.sourceIp.forwardedFor]) : source.peer[facts.sourceIp.peer],
			facts.sourceIp.keptWithLocal ? source.withLocal : '',
			facts.sourceIp.keptWithPreservation ? source.withPreservation : '',
		]
			.filter(Boolean)
			.join('. '),
		cost: words.cost[facts.cost],
		production: words.production[facts.production],
		hops: String(facts.hops),
	};
}
