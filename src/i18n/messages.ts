/*
 * The shape of a locale table. Every area is keyed by the model's `as const` kinds, so a kind added in
 * `src/model/kinds.ts` does not compile until every locale has its words. Step templates are functions
 * of a `HopContext`: they only word what the model already knows.
 *
 * Inline code in templates is written between backticks; the renderer turns it into `<code>` and the
 * screen-reader announcement strips it.
 */
import type {
	CostDriver,
	Layer,
	NodeKind,
	ProductionUse,
	Reach,
	SourceIp,
	TlsEnd,
	TransformKind,
	ZoneKind,
} from '../model/kinds.ts';
import type { HopContext } from '../model/resolve.ts';
import type { ScenarioId } from '../model/scenarios/index.ts';
import type { AnswerId, QuestionId, TipId, ToolId } from '../model/decision.ts';
import type { ComparisonColumn } from '../model/compare.ts';

export interface StepTemplate {
	readonly title: (c: HopContext) => string;
	readonly body: (c: HopContext) => string;
}

export interface Messages {
	readonly ui: {
		readonly previous: string;
		readonly next: string;
		readonly play: string;
		readonly pause: string;
		readonly copyLink: string;
		readonly linkCopied: string;
		readonly controls: string;
		readonly steps: string;
		readonly stepCounter: (index: number, total: number) => string;
		readonly announce: (index: number, total: number, title: string) => string;
		readonly language: string;
		readonly readIn: string;
	};
	readonly home: {
		readonly tagline: string;
		/** The two ways to start, under the home page's diagram. */
		readonly startPath: string;
		readonly startPathHint: string;
		readonly startChoose: string;
		readonly startChooseHint: string;
	};
	/** The preview image of a shared link (og:image). */
	readonly preview: {
		readonly alt: (title: string) => string;
		readonly siteLine: string;
	};
	readonly diagram: {
		readonly title: (scenarioTitle: string) => string;
		readonly desc: (stepCount: number, route: string) => string;
		readonly noAddress: string;
	};
	readonly node: Record<NodeKind, string>;
	readonly zone: Record<ZoneKind, string>;
	readonly transform: Record<TransformKind, StepTemplate>;
	readonly scenario: Record<ScenarioId, { readonly title: string }>;
	readonly compare: {
		readonly caption: string;
		readonly columns: Record<'scenario' | ComparisonColumn, string>;
	};
	readonly decision: {
		readonly yes: string;
		readonly no: string;
		readonly restart: string;
		readonly back: string;
		/** The list of the questions answered so far, with the answers. */
		readonly answer: string;
		/** Before the link to the way in's page, at the end of an answer. */
		readonly goTo: string;
		/** Heading of an answer's section: "Answer: NodePort Service". */
		readonly answerHeading: (title: string) => string;
		readonly factsLabel: string;
		readonly runnerUp: string;
		readonly tipLabel: string;
		/** The no-JavaScript guide: the link back to its first question, under every answer. */
		readonly startOver: string;
		/** A shared link whose `?answers=` cannot be followed; the guide starts from the first question. */
		readonly invalidAnswers: (param: string, value: string) => string;
		readonly questions: Record<QuestionId, { readonly text: string; readonly hint: string }>;
		readonly tips: Record<TipId, string>;
		/** Why an answer fits, and when its runner-up would fit better. */
		readonly answers: Record<AnswerId, { readonly reason: string; readonly runnerUp?: string }>;
		/** Ways in without a page of their own: a title, and the facts a reader needs, in place. */
		readonly tools: Record<ToolId, { readonly title: string; readonly facts: readonly string[] }>;
	};
	readonly learningPath: {
		readonly label: string;
	};
	readonly facts: {
		readonly reach: Record<Reach, string>;
		readonly layer: Record<Layer, string>;
		readonly tlsEnds: Record<TlsEnd, string>;
		readonly sourceIp: Record<SourceIp, string>;
		readonly cost: Record<CostDriver, string>;
		readonly production: Record<ProductionUse, string>;
	};
}
