/*
 * Everything the explorer shows for one setup, in one language, as markup: the outcome sentence, the
 * figure's content, the notes, the comparison row, the session. The build renders the first setup
 * with it and the browser every later one, so the page has one renderer. The YAML is left to the
 * caller: the browser loads its serializer after the first paint.
 */
import { messages, type Locale } from '../i18n/index.ts';
import { diagramLabels } from '../i18n/diagram.ts';
import { nodeLabel } from '../i18n/steps.ts';
import { comparisonCells } from '../i18n/way-in.ts';
import { escapeHtml, figureContent, inlineHtml, type FigureContent } from '../components/figure.ts';
import { buildScenario } from '../model/build.ts';
import { sessionFor, transcript } from '../model/commands.ts';
import { consequencesOf, type Consequence } from '../model/consequences.ts';
import { manifestsFor, type Manifest } from '../model/manifests.ts';
import { outcomeOf } from '../model/outcome.ts';
import { presetScenario } from '../model/presets.ts';
import { findNode, machineOf } from '../model/resolve.ts';
import { COMPARISON_COLUMNS, wayInFacts } from '../model/way-in.ts';
import type { ExplorerState } from './query.ts';
import type { Scenario } from '../model/types.ts';

export interface ExplorerView {
	readonly scenario: Scenario;
	readonly figure: FigureContent;
	/** One sentence: delivered, dropped, refused or pending, and where. */
	readonly outcome: string;
	readonly notes: string;
	readonly row: string;
	readonly session: string;
	readonly manifests: readonly Manifest[];
}

/** The scenario of a state: the atlas page's own for a preset, else the builder's for the parameters. */
export function scenarioOf(state: ExplorerState): Scenario {
	return state.preset ? presetScenario(state.preset) : buildScenario(state.params);
}

/** How the request ends, in a sentence or two (inline code between backticks). */
export function outcomeSentence(scenario: Scenario, locale: Locale): string {
	const outcome = outcomeOf(scenario);
	const hop = scenario.path[outcome.atHop];
	const node = hop && findNode(scenario, hop.to);
	const machine = node && machineOf(scenario, node);
	return messages[locale].explorer.outcome(outcome.kind, node ? nodeLabel(node, locale) : '', machine?.name, outcome.atHop + 1, scenario.path.length);
}

function notesHtml(consequences: readonly Consequence[], locale: Locale): string {
	const notes = messages[locale].explorer.notes as Record<Consequence['kind'], (c: Consequence) => string>;
	return consequences.map((c) => `<li data-note="${c.kind}">${inlineHtml(notes[c.kind](c))}</li>`).join('');
}

function rowHtml(scenario: Scenario, locale: Locale): string {
	const facts = wayInFacts(scenario);
	if (!facts) return '';
	const cells = comparisonCells(facts, locale);
	const columns = messages[locale].compare.columns;
	return COMPARISON_COLUMNS.map((column) => `<div data-column="${column}"><dt>${escapeHtml(columns[column])}</dt><dd>${escapeHtml(cells[column])}</dd></div>`).join('');
}

/** A value made on first read, then kept. */
function once<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}

/**
 * The view of a setup. The picture, its steps and the outcome are made at once; the sections below
 * the picture (notes, comparison row, session, manifests) on first read, which in the browser is when
 * they come near the screen or the browser is idle (engine.ts), not in the frame that redraws.
 */
export function explorerView(scenario: Scenario, locale: Locale): ExplorerView {
	const labels = { ...diagramLabels(scenario, locale), title: messages[locale].explorer.diagramTitle };
	const notes = once(() => notesHtml(consequencesOf(scenario), locale));
	const row = once(() => rowHtml(scenario, locale));
	const session = once(() => escapeHtml(transcript(sessionFor(scenario))));
	const manifests = once(() => manifestsFor(scenario));
	return {
		scenario,
		figure: figureContent(scenario, locale, labels),
		outcome: outcomeSentence(scenario, locale),
		get notes() {
			return notes();
		},
		get row() {
			return row();
		},
		get session() {
			return session();
		},
		get manifests() {
			return manifests();
		},
	};
}
