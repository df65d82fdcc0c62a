/*
 * The markup of a live diagram's figure, as one string: the SVG, the controls, the caption panel and
 * the ordered steps with their packets, in one language. <Diagram> renders it at build time for the
 * atlas pages; the explorer renders the same thing at build time for its first setup and again in the
 * browser for every setup the reader builds, so both show one structure (the classes and data
 * attributes the island, the styles and the tests rely on).
 */
import { messages, type Locale } from '../i18n/index.ts';
import { stepsFor, type Step } from '../i18n/steps.ts';
import { packetViews, type PacketField, type PacketView } from '../i18n/packet.ts';
import { diagramLabels } from '../i18n/diagram.ts';
import { renderDiagram } from '../diagram/render.ts';
import { plainText, splitInlineCode } from '../model/text.ts';
import type { DiagramLabels } from '../diagram/labels.ts';
import type { OutcomeKind, Symptom } from '../model/kinds.ts';
import { failuresByStep, type FailureId } from '../model/failures.ts';
import type { Scenario } from '../model/types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** A locale string with its `inline code` as real <code> elements (src/model/text.ts). */
export const inlineHtml = (text: string) =>
	splitInlineCode(text)
		.map((run) => (run.code ? `<code>${escapeHtml(run.text)}</code>` : escapeHtml(run.text)))
		.join('');

const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);

/** Everything a figure shows for one scenario in one language, worded. */
export interface FigureContent {
	readonly scenario: Scenario;
	readonly steps: readonly Step[];
	readonly packets: readonly PacketView[];
	readonly counters: readonly string[];
	readonly announcements: readonly string[];
	readonly outcome: OutcomeKind;
	readonly labels: DiagramLabels;
	/** Per step, what can stop the request there ("if it fails here"); none given, none shown. */
	readonly fails?: readonly (readonly StepFail[])[];
}

/** One failure mode of a step: what the client sees, the explorer with it set, and where its checks are. */
export interface StepFail {
	readonly mode: FailureId;
	readonly symptom: Symptom;
	/** The explorer with this setup and this hop broken (`?…&fail=<mode>`), where the explorer builds the setup (a way in). */
	readonly explore?: string;
	/** The troubleshooting guide's check for it, where the guide has this setup. */
	readonly checks?: string;
}

export function figureContent(scenario: Scenario, locale: Locale, labels: DiagramLabels = diagramLabels(scenario, locale)): FigureContent {
	const ui = messages[locale].ui;
	const steps = stepsFor(scenario, locale);
	return {
		scenario,
		steps,
		packets: packetViews(scenario, locale),
		counters: steps.map((step) => ui.stepCounter(step.number, steps.length)),
		announcements: steps.map((step) => ui.announce(step.number, steps.length, plainText(step.title))),
		/** How the request ends (`data-outcome`, README): delivered unless the scenario says otherwise. */
		outcome: scenario.outcome?.kind ?? 'delivered',
		labels,
	};
}

const items = (lines: readonly string[]) => lines.map((line) => `<li>${inlineHtml(line)}</li>`).join('');

function fieldHtml(field: PacketField, changed: string): string {
	return field.changed ? `<mark>${inlineHtml(field.text)}</mark> <span class="kp-packet-flag">${escapeHtml(changed)}</span>` : inlineHtml(field.text);
}

function packetHtml(packet: PacketView, locale: Locale): string {
	const words = messages[locale].packet;
	const fields: [string, PacketField, string][] = [
		[words.protocol, packet.protocol, 'kp-packet-protocol'],
		[words.source, packet.source, 'kp-packet-source'],
		[words.destination, packet.destination, 'kp-packet-destination'],
	];
	return (
		`<div class="kp-packet" data-pagefind-ignore><p class="kp-packet-heading">${escapeHtml(words.heading)}</p><dl>` +
		fields.map(([label, field, name]) => `<div class="${name}"><dt>${escapeHtml(label)}</dt><dd>${fieldHtml(field, words.changed)}</dd></div>`).join('') +
		`<div class="kp-packet-changes"><dt>${escapeHtml(words.changes)}</dt><dd><ul>${items(packet.changes)}</ul></dd></div>` +
		(packet.application ? `<div class="kp-packet-app"><dt>${escapeHtml(words.application)}</dt><dd><ul>${items(packet.application)}</ul></dd></div>` : '') +
		`</dl></div>`
	);
}

/**
 * Each step's failure modes for a setup, linked: `explore` gives the explorer's address with the mode
 * set, `checks` the troubleshooting guide's check where it has one. The atlas page builds them for its
 * own setup; its "what if" switches, in the browser, for the switched one.
 */
export function stepFailsOf(scenario: Scenario, links: { readonly explore?: (mode: FailureId) => string; readonly checks?: (mode: FailureId, symptom: Symptom) => string | undefined }): StepFail[][] {
	return failuresByStep(scenario).map((modes) =>
		modes.map((mode) => {
			const symptom = mode.effect(scenario).symptom;
			const explore = links.explore?.(mode.id);
			const checks = links.checks?.(mode.id, symptom);
			return { mode: mode.id, symptom, ...(explore === undefined ? {} : { explore }), ...(checks === undefined ? {} : { checks }) };
		}),
	);
}

/**
 * A step's "if it fails here": a disclosure, closed, so the step reads as before and a reader who
 * asks gets its failure modes; it opens without JavaScript too (it is a <details>). Each mode: its
 * title, what the client sees, and its links.
 */
function failsHtml(fails: readonly StepFail[], locale: Locale): string {
	if (fails.length === 0) return '';
	const words = messages[locale];
	const t = words.troubleshoot;
	return (
		`<details class="kp-step-fails" data-pagefind-ignore><summary>${escapeHtml(t.ifItFailsHere(fails.length))}</summary><ul>` +
		fails
			.map(
				(fail) =>
					`<li data-mode="${fail.mode}"><p class="kp-step-fails-title">${inlineHtml(words.failures.mode[fail.mode].title)}</p>` +
					`<p class="kp-step-fails-symptom">${inlineHtml(words.failures.symptom[fail.symptom])}</p>` +
					`<p class="kp-step-fails-links">` +
					(fail.explore ? `<a href="${escapeHtml(fail.explore)}">${escapeHtml(t.inExplorer)}</a>` : '') +
					(fail.checks ? `<a href="${escapeHtml(fail.checks)}">${escapeHtml(t.howToCheck)}</a>` : '') +
					`</p></li>`,
			)
			.join('') +
		`</ul></details>`
	);
}

const whereHtml = (step: Step) => `<span class="kp-step-protocol">${escapeHtml(step.protocol)}</span> <code>${escapeHtml(step.destination)}</code>`;

/** One step's `<li>`: its id, its packet's `data-src` / `data-dst` (README), and what it holds. */
export interface StepParts {
	readonly id: string;
	readonly src: string | undefined;
	readonly dst: string | undefined;
	readonly inner: string;
}

export function stepParts(content: FigureContent, index: number, locale: Locale): StepParts | undefined {
	const step = content.steps[index];
	if (!step) return undefined;
	const packet = content.packets[index];
	return {
		id: step.id,
		src: packet?.src,
		dst: packet?.dst,
		inner:
			`<a class="kp-step-title" href="#${escapeHtml(step.id)}"><span class="kp-step-title-text">${inlineHtml(step.title)}</span>` +
			`<span class="kp-step-where" data-pagefind-ignore>${whereHtml(step)}</span></a>` +
			`<p class="kp-step-body">${inlineHtml(step.body)}</p>` +
			(packet ? packetHtml(packet, locale) : '') +
			failsHtml(content.fails?.[index] ?? [], locale),
	};
}

/** The ordered steps: one `<li id="<hop id>">` per hop, the first one current. */
export function stepsHtml(content: FigureContent, locale: Locale): string {
	return content.steps
		.map((_, i) => {
			const parts = stepParts(content, i, locale);
			return parts ? `<li${attr('id', parts.id)}${attr('data-src', parts.src)}${attr('data-dst', parts.dst)}${i === 0 ? ' aria-current="step"' : ''}>${parts.inner}</li>` : '';
		})
		.join('');
}

/**
 * The active step's words right under the controls, where the stacked layout (a phone) would put them
 * a screen away: the island copies them from the step list when the reader moves. Rendered with the
 * first step, so its arrival changes nothing. Screen readers hear the step from the live region and
 * read it in the list: the panel is for the eyes.
 */
function captionHtml(content: FigureContent): string {
	const first = content.steps[0];
	const packet = content.packets[0];
	return (
		`<div class="kp-caption" aria-hidden="true" data-pagefind-ignore>` +
		`<p class="kp-caption-title">${first ? `<span class="kp-caption-number">${first.number}</span> <span class="kp-caption-text">${inlineHtml(first.title)}</span>` : ''}</p>` +
		`<p class="kp-caption-where">${first ? whereHtml(first) : ''}</p>` +
		`<p class="kp-caption-body">${first ? inlineHtml(first.body) : ''}</p>` +
		(packet
			? `<div class="kp-caption-packet"><p class="kp-caption-route"><span class="kp-caption-src">${inlineHtml(packet.source.text)}</span><span class="kp-caption-arrow">→</span><span class="kp-caption-dst">${inlineHtml(packet.destination.text)}</span></p>` +
				`<ul class="kp-caption-changes">${items(packet.changes)}</ul><ul class="kp-caption-app">${items(packet.application ?? [])}</ul></div>`
			: '') +
		`</div>`
	);
}

const ICONS = {
	previous: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5"></path></svg>',
	play: '<svg viewBox="0 0 16 16" aria-hidden="true" class="kp-icon-play"><path d="M5 3v10l8-5z"></path></svg><svg viewBox="0 0 16 16" aria-hidden="true" class="kp-icon-pause"><path d="M5 3v10M11 3v10"></path></svg>',
	next: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="m6 3 5 5-5 5"></path></svg>',
	copy: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M6.5 9.5 9.5 6.5M7 4.5l1.5-1.5a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5 7.5 13A2.5 2.5 0 0 1 4 9.5L5.5 8"></path></svg>',
};

/**
 * The controls, rendered in the state of the first step (counter filled) and disabled until the island
 * arrives, so they are never live-looking and inert. They show only where scripting is on (diagram.css).
 */
function controlsHtml(content: FigureContent, locale: Locale): string {
	const ui = messages[locale].ui;
	const button = (action: string, label: string, extra = '') =>
		`<button type="button" class="kp-btn" data-action="${action}" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}"${extra} disabled>${ICONS[action as keyof typeof ICONS]}</button>`;
	return (
		`<div class="kp-controls" role="group" aria-label="${escapeHtml(ui.controls)}">` +
		button('previous', ui.previous) +
		button('play', ui.play, `${attr('data-label-play', ui.play)}${attr('data-label-pause', ui.pause)}`) +
		button('next', ui.next) +
		`<span class="kp-counter" aria-hidden="true"${attr('data-texts', JSON.stringify(content.counters))}>${escapeHtml(content.counters[0] ?? '')}</span>` +
		`<button type="button" class="kp-btn kp-copy" data-action="copy"${attr('data-label-done', ui.linkCopied)} disabled>${ICONS.copy}<span>${escapeHtml(ui.copyLink)}</span></button>` +
		`</div>`
	);
}

/**
 * The whole figure: what <Diagram> and the explorer put inside `<kp-diagram>`. `after` goes after the
 * steps (the search's end marker); `afterCaption` last in the stage (an atlas diagram's "what if"
 * switches): under the controls where the picture sits beside the steps (the caption panel is hidden
 * there), under the active step's words where the layout is stacked, so that on a phone the words
 * come first.
 */
export function figureHtml(content: FigureContent, locale: Locale, after = '', afterCaption = ''): string {
	const { svg } = renderDiagram(content.scenario, content.labels);
	const ui = messages[locale].ui;
	return (
		`<figure class="kp-diagram not-content"${attr('data-scenario', content.scenario.id)}${attr('data-outcome', content.outcome)}>` +
		// `.kp-fit`: what must fit one screen together, stacked (diagram.css); the switches come after it.
		`<div class="kp-stage"><div class="kp-fit"><div class="kp-canvas">${svg}</div>` +
		controlsHtml(content, locale) +
		`<p class="sr-only" aria-live="polite"${attr('data-texts', JSON.stringify(content.announcements))}></p>` +
		captionHtml(content) +
		`</div>` +
		afterCaption +
		`</div>` +
		`<figcaption class="kp-steps-caption">${escapeHtml(ui.steps)}</figcaption>` +
		`<ol class="kp-steps">${stepsHtml(content, locale)}</ol>` +
		after +
		`</figure>`
	);
}
