/*
 * The shape of a locale table. Every area is keyed by the model's `as const` kinds, so a kind added in
 * `src/model/kinds.ts` does not compile until every locale has its words. Step templates are functions
 * of a `StepContext` (src/model/hop-facts.ts): they only choose the words for what the model decided,
 * never test the topology themselves.
 *
 * Inline code in templates is written between backticks; the renderer turns it into `<code>` and the
 * screen-reader announcement strips it.
 */
import type { CostDriver, Layer, NodeKind, ProductionUse, Reach, SourceOrigin, TlsEnd, TransformKind, ZoneKind } from '../model/kinds.ts';
import type { OutcomeView } from '../model/outcome.ts';
import type { OutcomeKind } from '../model/kinds.ts';
import type { HopTls, StepContext } from '../model/hop-facts.ts';
import type { ScenarioId } from '../model/scenarios/index.ts';
import type { AnswerId, QuestionId, TipId } from '../model/decision.ts';
import type { ComparisonColumn } from '../model/compare.ts';
import type { CheckedAgainst } from '../site/checked-against.ts';
import type { Consequence, ConsequenceKind } from '../model/consequences.ts';
import type { AffinityParam, Entry, Front, LoadBalancerParam, TargetsParam, TlsParam, TrafficPolicyParam } from '../model/params.ts';
import type { WhatIfId } from '../model/presets.ts';
import type { FailureId, FailureSymptom } from '../model/failures.ts';
import type { SourceCause, SourceCheck } from '../model/troubleshoot.ts';

/** What an ignored URL parameter accepts (src/explorer/query.ts `IgnoredParam['allowed']`). */
export type AllowedWords =
	| { readonly kind: 'unknown' }
	| { readonly kind: 'values'; readonly values: readonly string[] }
	| { readonly kind: 'counts'; readonly nodes: number; readonly routes: number | undefined }
	| { readonly kind: 'range'; readonly min: number; readonly max: number };

/** The words of the explorer's request simulation. Numbers come formatted for the locale. */
export interface SimulationWords {
	readonly heading: string;
	/** What the model decides for each request, and that the choices are seeded. */
	readonly intro: string;
	readonly requests: string;
	readonly clients: string;
	readonly seed: string;
	readonly hint: (maxRequests: string, maxClients: string) => string;
	readonly send: string;
	readonly summary: (requests: string, clients: string, delivered: string) => string;
	/** The failed requests, in the element that carries `data-dropped`. */
	readonly failed: (failed: string, count: number) => string;
	readonly podsHeading: string;
	readonly nodesHeading: string;
	readonly column: {
		readonly pod: string;
		readonly node: string;
		readonly requests: string;
		readonly share: string;
		readonly sources: string;
		readonly entered: string;
		readonly served: string;
		readonly hop: string;
	};
	readonly dropsHeading: string;
	/** One group of failed requests: how many, how they ended, what the client saw, where. */
	/** `symptom`: what the client sees, in the failure catalogue's words (`failures.symptom`). */
	readonly drop: (count: string, kind: Exclude<OutcomeKind, 'delivered'>, symptom: string, where: string, machine: string | undefined) => string;
	readonly hopsHeading: string;
	readonly sourcesHeading: string;
	readonly origin: Record<SourceOrigin, string>;
	readonly more: (count: string) => string;
	/** With a load balancer, the form's `via` and `pick` describe one request only. */
	readonly lbChooses: string;
	/** On an atlas diagram, beside its "what if" switches: send the default simulation's requests to the setup shown. */
	readonly sendAtlas: (requests: string) => string;
}

export interface StepTemplate {
	readonly title: (c: StepContext) => string;
	readonly body: (c: StepContext) => string;
}

/** One failure mode of src/model/failures.ts, in words: its name, why the request stops, what to change. */
export interface FailureWords {
	readonly title: string;
	readonly cause: string;
	readonly fix: string;
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
	/** The search dialog's own words (src/components/Search.astro); its button and name are Starlight's `search.*`. */
	readonly search: {
		readonly clear: string;
		readonly loading: string;
		readonly unavailable: string;
		/** Templates, filled in the browser: `{count}` results for `{term}`, in the plural form `Intl.PluralRules` picks. */
		readonly results: { readonly one: string; readonly other: string };
		readonly noResults: string;
		readonly more: string;
	};
	readonly diagram: {
		readonly title: (scenarioTitle: string) => string;
		readonly desc: (stepCount: number, route: string) => string;
		/** After the route, when the request does not arrive: where it stops, and how (`node` is the box's label). */
		readonly stops: (kind: Exclude<OutcomeKind, 'delivered'>, node: string) => string;
		readonly noAddress: string;
	};
	/**
	 * The packet under each step (src/model/packet.ts): the names of its fields and the wording of each
	 * change the model found. Arguments arrive worded already (addresses in backticks).
	 */
	readonly packet: {
		/** Visible title of a step's packet, before its fields. */
		readonly heading: string;
		readonly protocol: string;
		readonly source: string;
		readonly destination: string;
		readonly changes: string;
		/** Beside a field that differs from the packet on the step before. */
		readonly changed: string;
		/** What the application sees as its client, on the last step of a delivered request. */
		readonly application: string;
		/** An address the model does not have (your machine on its own network), followed by its port. */
		readonly unknownHost: (port: string) => string;
		/** A destination the model cannot resolve. */
		readonly unknown: string;
		readonly change: {
			readonly opens: string;
			readonly 'new-connection': string;
			readonly dnat: (from: string, to: string) => string;
			readonly redirect: (port: string) => string;
			readonly snat: (from: string, to: string) => string;
			readonly tls: Record<Exclude<HopTls, 'none'>, string>;
			readonly header: (name: string, value: string) => string;
			/** A hop that changes nothing (kube-proxy's rules only match). */
			readonly none: string;
		};
	};
	readonly node: Record<NodeKind, string>;
	readonly zone: Record<ZoneKind, string>;
	readonly transform: Record<TransformKind, StepTemplate>;
	/** The sentence that ends the step where a request stops: why, and what the client sees. */
	readonly outcome: (outcome: OutcomeView) => string;
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
	};
	readonly learningPath: {
		readonly label: string;
	};
	readonly site: {
		/** The footer's "Checked against Kubernetes 1.37 and Gateway API 1.6, December 2026". */
		readonly checkedAgainst: (checked: CheckedAgainst) => string;
	};
	readonly facts: {
		readonly reach: Record<Reach, string>;
		readonly layer: Record<Layer, string>;
		/** Instead of `layer.L4` for a way in that carries TCP only (`kubectl port-forward`). */
		readonly layerTcpOnly: string;
		readonly tlsEnds: Record<TlsEnd, string>;
		/** After `tlsEnds` when the example sends plain HTTP (no certificate configured). */
		readonly tlsNotInExample: string;
		/**
		 * The "source IP the Pod sees" cell: `peer`, then `forwardedFor` after a semicolon when a proxy
		 * wrote the header, then the sentences that say what would keep the client's address.
		 */
		readonly sourceIp: {
			readonly peer: Record<SourceOrigin, string>;
			readonly forwardedFor: Record<SourceOrigin, string>;
			/** Joins the two with the language's semicolon. */
			readonly withForwarded: (peer: string, forwardedFor: string) => string;
			/** The client's address was lost to `externalTrafficPolicy: Cluster`. */
			readonly withLocal: string;
			/** The client's address was lost at a load balancer that does not keep it. */
			readonly withPreservation: string;
		};
		readonly cost: Record<CostDriver, string>;
		readonly production: Record<ProductionUse, string>;
	};
	/** The explorer page (src/components/Explorer.astro, src/explorer/). Values are worded here; which apply is the model's decision. */
	/** The failure catalogue's words (src/model/failures.ts): each mode, and what the client sees. */
	readonly failures: {
		readonly mode: Record<FailureId, FailureWords>;
		readonly symptom: Record<FailureSymptom, string>;
	};
	/** The troubleshooting guide (/troubleshoot/, src/model/troubleshoot.ts). */
	readonly troubleshoot: {
		/** The list of symptoms at the top: its label for screen readers. */
		readonly index: string;
		/** Under a way in: how many checks, in which order. */
		readonly checks: (count: number) => string;
		readonly clientSees: string;
		readonly noOutput: string;
		readonly run: string;
		readonly healthy: string;
		readonly broken: string;
		readonly fix: string;
		readonly onPage: string;
		readonly inExplorer: string;
		/** A label before what it introduces (“Run:”, « Lancez : »): the language's colon. */
		readonly label: (text: string) => string;
		/** The summary of a diagram step's failure modes (figure.ts), with how many there are. */
		readonly ifItFailsHere: (count: number) => string;
		/** The link from a step's failure mode to its check in the troubleshooting guide. */
		readonly howToCheck: string;
		/** "The application logs the wrong client address" (src/model/troubleshoot.ts `sourceTree`). */
		readonly source: {
			readonly title: string;
			readonly intro: string;
			/** What the application sees on this way in: its peer, and `X-Forwarded-For` behind a proxy (each worded with `explorer.simulation.origin`). */
			readonly seen: (peer: string, forwardedFor: string | undefined) => string;
			/** Before the checks: the atlas page's own request to the `whoami` application, and what it answers. */
			readonly look: string;
			readonly answers: string;
			/** At a check: the address from this hop on, and what it decides. */
			readonly becomes: (address: string, decides: SourceCheck['decides']) => string;
			readonly cause: Record<SourceCause, { readonly title: string; readonly cause: string; readonly fix: string }>;
			/** The explorer with `externalTrafficPolicy: Local`, the fix of `cluster-snat`. */
			readonly tryLocal: string;
		};
	};
	readonly explorer: {
		/** The form's accessible name. */
		readonly form: string;
		readonly legend: {
			readonly preset: string;
			readonly entry: string;
			readonly cluster: string;
			/** The Pods of the Service the client's traffic enters, per node: the application's, or the proxies'. */
			readonly pods: Record<'app' | 'ingress' | 'gateway', string>;
			readonly routes: string;
			/** One route's backend: its path and Service, worded by the model's routing. */
			readonly backend: (index: number, path: string, service: string) => string;
			readonly path: string;
			readonly policy: string;
			readonly loadBalancer: string;
			readonly tls: string;
			readonly fail: string;
		};
		readonly label: {
			readonly preset: string;
			readonly front: string;
			readonly nodes: string;
			/** A count of Pods on one node. */
			readonly podsOn: (node: string) => string;
			readonly routes: string;
			readonly via: string;
			readonly pick: string;
			readonly lb: string;
			readonly targets: string;
			readonly affinity: string;
			readonly fail: string;
		};
		/** A fieldset whose parameter does not exist for this way in. */
		readonly notApplicable: string;
		readonly ownSetup: string;
		/** The `via` / `pick` choice left to the client, the load balancer or kube-proxy. */
		readonly decides: string;
		/** The `fail` select's first option: nothing broken. */
		readonly noFailure: string;
		readonly value: {
			readonly entry: Record<Entry, string>;
			readonly front: Record<Front, string>;
			readonly etp: Record<TrafficPolicyParam, string>;
			readonly lb: Record<LoadBalancerParam, string>;
			readonly targets: Record<TargetsParam, string>;
			readonly tls: Record<TlsParam, string>;
			readonly affinity: Record<AffinityParam, string>;
		};
		/** Under each group of controls: what the choice changes. */
		readonly hint: Record<'entry' | 'front' | 'via' | 'pick' | 'etp' | 'lb' | 'targets' | 'tls' | 'affinity' | 'fail', string>;
		readonly copyLink: string;
		readonly linkCopied: string;
		readonly resultHeading: string;
		/** The outcome in a sentence or two: `where` is a box's label ("Pod `web-1`"), `machine` the node it runs on, `hop` its step number. */
		readonly outcome: (kind: OutcomeKind, where: string, machine: string | undefined, hop: number, hops: number) => string;
		/** What the polite live region says when the outcome changes. */
		readonly nowOutcome: (sentence: string) => string;
		/** The setup of an atlas page: a link to it. */
		readonly presetOf: (title: string) => string;
		readonly notesHeading: string;
		readonly notes: { readonly [K in ConsequenceKind]: (c: Extract<Consequence, { kind: K }>) => string };
		readonly rowHeading: string;
		readonly manifestsHeading: string;
		/** Why the page itself does not validate the manifests: the property tests did, for every setup. */
		readonly manifestsChecked: string;
		readonly manifestsLoading: string;
		readonly sessionHeading: string;
		readonly ignoredHeading: string;
		readonly ignored: (param: string, value: string, allowed: AllowedWords) => string;
		/** The link under every atlas diagram. */
		readonly openInExplorer: string;
		/** The "what if" switches under an atlas diagram: the group's name, and each switch's words. */
		readonly whatIfLegend: string;
		readonly whatIf: Record<WhatIfId, string>;
		readonly simulation: SimulationWords;
		/** Without JavaScript: what the explorer does, before the list of atlas pages. */
		readonly noScript: string;
		readonly diagramTitle: string;
	};
}
