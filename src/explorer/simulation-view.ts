/*
 * The request simulation's result as markup, in one language: a sentence, the failed count (the
 * element carrying `data-dropped`), the requests per Pod and per node as tables whose bars are the
 * chart (each Pod's row carries `data-pod` and `data-count`: a public contract, in the README), where
 * the failed ones stopped, each step's share and the source addresses the application logged.
 * Pure: the numbers are the model's (`simulate`), the words the locale table's.
 */
import { messages, type Locale } from '../i18n/index.ts';
import type { Step } from '../i18n/steps.ts';
import { escapeHtml, inlineHtml } from '../components/figure.ts';
import { PRESETS } from '../model/presets.ts';
import { simulate, type PodCount, type SimulationParams, type SimulationResult, type SourceCount } from '../model/simulate.ts';
import type { Scenario } from '../model/types.ts';
import type { ExplorerState } from './query.ts';

/** How many source addresses a Pod's row, and the list of logged addresses, name before "and N more". */
const SOURCES_PER_POD = 3;
const SOURCES_LISTED = 10;

/** The simulation of the setup a state shows (an atlas preset under its page's own names). */
export function simulateState(state: ExplorerState, scenario: Scenario, simulation: SimulationParams): SimulationResult {
	return simulate(scenario, simulation, state.preset ? { ...PRESETS[state.preset].options, id: state.preset } : {});
}

/**
 * The result's number formats, one pair per language, made once: the page's first formatter costs
 * Chromium its number data (about 50 ms of the first "Send" on a slowed phone CPU, then nothing).
 * The engine asks for them while the browser is idle, before the reader's first click.
 */
interface NumberFormats {
	readonly number: Intl.NumberFormat;
	readonly percent: Intl.NumberFormat;
}
const formats = new Map<Locale, NumberFormats>();
export function numberFormats(locale: Locale): NumberFormats {
	let made = formats.get(locale);
	if (!made) formats.set(locale, (made = { number: new Intl.NumberFormat(locale), percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }) }));
	return made;
}

/** A bar of `share` (0 to 1), drawn with attributes only: the page's CSP allows no inline style. */
const bar = (share: number) =>
	`<svg class="kp-sim-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="100" height="8" class="kp-sim-track"/><rect width="${(share * 100).toFixed(2)}" height="8"/></svg>`;

/**
 * The result's markup. `compact` (an atlas diagram's requests): the summary, the Pods and the drops,
 * without ids (the page has its own); the explorer adds the nodes, the steps and the addresses.
 */
export function simulationHtml(result: SimulationResult, scenario: Scenario, steps: readonly Step[], locale: Locale, { compact = false } = {}): string {
	const words = messages[locale].explorer.simulation;
	const node = messages[locale].node;
	const { number, percent } = numberFormats(locale);
	const n = (value: number) => number.format(value);
	const share = (count: number) => (result.requests === 0 ? 0 : count / result.requests);
	const code = (text: string | undefined) => (text === undefined ? '' : `<code>${escapeHtml(text)}</code>`);
	const sourceList = (sources: readonly SourceCount[], limit: number) => {
		const named = sources.slice(0, limit).map((s) => `${code(s.address ?? words.origin[s.origin])} <span class="kp-sim-n">${n(s.count)}</span>`);
		const rest = sources.length - limit;
		return named.join(', ') + (rest > 0 ? `, ${escapeHtml(words.more(n(rest)))}` : '');
	};
	const origins = (sources: readonly SourceCount[]) => [...new Set(sources.map((s) => words.origin[s.origin]))].join(', ');

	const out: string[] = [];
	out.push(
		`<p class="kp-sim-summary">${inlineHtml(words.summary(n(result.requests), n(result.clients), n(result.delivered)))} <span class="kp-sim-failed" data-dropped="${result.failed}">${escapeHtml(words.failed(n(result.failed), result.failed))}</span></p>`,
	);
	const p = scenario.params;
	if (p?.lb !== undefined && p.lb !== 'none' && (p.via !== undefined || p.pick !== undefined)) out.push(`<p class="kp-hint">${inlineHtml(words.lbChooses)}</p>`);

	// One table per Service the requests pass through: a controller's Pods, then the application's.
	const services = [...new Set(result.pods.map((pod) => pod.service))];
	const heading = (id: string, text: string) => `<h3${compact ? '' : ` id="${id}"`}>${escapeHtml(text)}</h3>`;
	out.push(heading('sim-pods', words.podsHeading));
	for (const service of services) {
		const rows = result.pods
			.filter((pod) => pod.service === service)
			.map(
				(pod: PodCount) =>
					`<tr data-pod="${escapeHtml(pod.pod)}" data-count="${pod.count}"><th scope="row">${code(pod.pod)}</th><td>${code(pod.node)}</td><td class="kp-sim-num">${n(pod.count)}</td><td class="kp-sim-share">${bar(share(pod.count))}<span>${percent.format(share(pod.count))}</span></td><td>${sourceList(pod.sources, SOURCES_PER_POD)}</td></tr>`,
			)
			.join('');
		const c = words.column;
		out.push(
			`<div class="kp-sim-scroll" role="region" tabindex="0" aria-label="${escapeHtml(`${words.podsHeading}: ${service}`)}"><table class="kp-sim-table"><caption>${inlineHtml(`Service \`${service}\``)}</caption><thead><tr><th scope="col">${escapeHtml(c.pod)}</th><th scope="col">${escapeHtml(c.node)}</th><th scope="col">${escapeHtml(c.requests)}</th><th scope="col">${escapeHtml(c.share)}</th><th scope="col">${escapeHtml(c.sources)}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
		);
	}

	if (result.drops.length > 0) {
		const items = result.drops
			.map(
				(drop) =>
					`<li data-reason="${drop.reason}" data-count="${drop.count}">${inlineHtml(words.drop(n(drop.count), drop.kind, messages[locale].failures.symptom[drop.symptom], drop.at ? node[drop.at] : '', drop.node))}</li>`,
			)
			.join('');
		out.push(`${heading('sim-drops', words.dropsHeading)}<ul class="kp-sim-drops">${items}</ul>`);
	}

	if (compact) return out.join('');

	const c = words.column;
	const nodeRows = result.nodes
		.map(
			(entry) =>
				`<tr data-node="${escapeHtml(entry.node)}"><th scope="row">${code(entry.node)}</th><td class="kp-sim-num">${n(entry.entered)}</td><td class="kp-sim-share">${bar(share(entry.served))}<span>${n(entry.served)}</span></td></tr>`,
		)
		.join('');
	out.push(
		`<h3 id="sim-nodes">${escapeHtml(words.nodesHeading)}</h3><div class="kp-sim-scroll" role="region" tabindex="0" aria-label="${escapeHtml(words.nodesHeading)}"><table class="kp-sim-table"><thead><tr><th scope="col">${escapeHtml(c.node)}</th><th scope="col">${escapeHtml(c.entered)}</th><th scope="col">${escapeHtml(c.served)}</th></tr></thead><tbody>${nodeRows}</tbody></table></div>`,
	);

	const stepOf = new Map(steps.map((step) => [step.id, step]));
	const hopRows = result.hops
		.map((hop) => {
			const step = stepOf.get(hop.hop);
			const title = step ? `${step.number}. ${step.title}` : hop.hop;
			return `<tr data-step="${hop.hop}" data-count="${hop.count}"><th scope="row"><a href="#${hop.hop}">${inlineHtml(title)}</a></th><td class="kp-sim-num">${n(hop.count)}</td><td class="kp-sim-share">${bar(share(hop.count))}<span>${percent.format(share(hop.count))}</span></td></tr>`;
		})
		.join('');
	out.push(
		`<h3 id="sim-steps">${escapeHtml(words.hopsHeading)}</h3><div class="kp-sim-scroll" role="region" tabindex="0" aria-label="${escapeHtml(words.hopsHeading)}"><table class="kp-sim-table"><thead><tr><th scope="col">${escapeHtml(c.hop)}</th><th scope="col">${escapeHtml(c.requests)}</th><th scope="col">${escapeHtml(c.share)}</th></tr></thead><tbody>${hopRows}</tbody></table></div>`,
	);

	if (result.sources.length > 0)
		out.push(`<h3 id="sim-sources">${escapeHtml(words.sourcesHeading)}</h3><p class="kp-sim-sources">${escapeHtml(origins(result.sources))}: ${sourceList(result.sources, SOURCES_LISTED)}</p>`);
	return out.join('');
}

/**
 * Gives each hop of a diagram its share of the simulated requests (`data-share`, `--kp-share`: 0 to 1);
 * a hop the requests did not take loses a share an earlier run gave it.
 */
export function shareHops(diagram: ParentNode | null, result: SimulationResult): void {
	const shares = new Map(result.hops.map((hop) => [hop.hop, (hop.count / result.requests).toFixed(4)]));
	for (const element of diagram?.querySelectorAll<SVGGElement>('[data-hop]') ?? []) {
		const share = shares.get(element.dataset['hop'] ?? '');
		if (share === undefined) {
			if (element.dataset['share'] === undefined) continue;
			delete element.dataset['share'];
			element.style.removeProperty('--kp-share');
		} else if (element.dataset['share'] !== share) {
			element.dataset['share'] = share;
			element.style.setProperty('--kp-share', share);
		}
	}
}
