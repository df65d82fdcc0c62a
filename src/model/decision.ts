/*
 * The decision guide as typed data: yes/no questions that end at an answer. An answer names the way in
 * (a scenario's page), why it fits
 * (words keyed by the answer's id in the locale tables, `decision.answers.*`), its runner-up and
 * sometimes a tip. The tests walk the tree to prove every answer is reachable and every question asked.
 *
 * The answers a reader gave travel in the page's URL, `?answers=yny…` (`y` for yes, `n` for no, in the
 * order asked): `parseAnswers` reads that parameter and `walk` follows it, here so that the page, the
 * island and the tests agree on what a shared link shows.
 */
// Types only from the scenarios: the guide's island imports this file, and must not bundle every scenario.
import type { ScenarioId } from './scenarios/index.ts';

export const QUESTION_IDS = ['outside', 'dev-only', 'dev-http', 'http', 'cloud-l4', 'client-ip', 'many-services', 'groups', 'greenfield', 'cloud-l7'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export const TIP_IDS = ['external-traffic-policy-local', 'metallb'] as const;
export type TipId = (typeof TIP_IDS)[number];

/** What an answer sends the reader to: a scenario's page. */
export type Target = ScenarioId;

export const ANSWER_IDS = ['east-west', 'dev-proxy', 'dev-port-forward', 'nodeport-own-lb', 'lb-client-ip', 'lb', 'lb-per-group', 'gateway', 'ingress-lb', 'ingress-nodeport'] as const;
export type AnswerId = (typeof ANSWER_IDS)[number];

export interface Result {
	/** Keys the answer's words (reason, runner-up) in the locale tables. */
	readonly id: AnswerId;
	readonly result: Target;
	/** The way in to read next if one of the answers given was a close call. */
	readonly runnerUp?: Target;
	readonly tip?: TipId;
}
export type Next = QuestionId | Result;

export interface Question {
	readonly yes: Next;
	readonly no: Next;
}

export const FIRST_QUESTION: QuestionId = 'outside';

export const DECISION_TREE: Record<QuestionId, Question> = {
	outside: { yes: 'dev-only', no: { id: 'east-west', result: 'service-mesh' } },
	'dev-only': { yes: 'dev-http', no: 'http' },
	// `kubectl proxy` carries HTTP only: a developer who needs a database gets `kubectl port-forward`'s TCP tunnel instead.
	'dev-http': { yes: { id: 'dev-proxy', result: 'kubectl-proxy', runnerUp: 'port-forward' }, no: { id: 'dev-port-forward', result: 'port-forward', runnerUp: 'kubectl-proxy' } },
	http: { yes: 'many-services', no: 'cloud-l4' },
	'cloud-l4': { yes: 'client-ip', no: { id: 'nodeport-own-lb', result: 'nodeport', runnerUp: 'loadbalancer', tip: 'metallb' } },
	'client-ip': { yes: { id: 'lb-client-ip', result: 'loadbalancer', runnerUp: 'nodeport', tip: 'external-traffic-policy-local' }, no: { id: 'lb', result: 'loadbalancer', runnerUp: 'nodeport' } },
	'many-services': { yes: 'groups', no: 'cloud-l4' },
	groups: { yes: { id: 'lb-per-group', result: 'loadbalancer-per-api', runnerUp: 'ingress-loadbalancer' }, no: 'greenfield' },
	greenfield: { yes: { id: 'gateway', result: 'gateway-api', runnerUp: 'ingress-loadbalancer' }, no: 'cloud-l7' },
	'cloud-l7': {
		yes: { id: 'ingress-lb', result: 'ingress-loadbalancer', runnerUp: 'gateway-api' },
		no: { id: 'ingress-nodeport', result: 'ingress-nodeport', runnerUp: 'ingress-loadbalancer', tip: 'metallb' },
	},
};

export function isResult(next: Next): next is Result {
	return typeof next === 'object';
}

/** The ids of the guide's sections, stable anchors of the page (`#q-http`, `#a-dev-port-forward`). */
export function sectionId(next: Next): string {
	return isResult(next) ? `a-${next.id}` : `q-${next}`;
}

export type Answer = 'yes' | 'no';

/** The URL parameter that carries the answers given, and its letters. */
export const ANSWERS_PARAM = 'answers';
const LETTER: Record<Answer, string> = { yes: 'y', no: 'n' };

export function formatAnswers(answers: readonly Answer[]): string {
	return answers.map((answer) => LETTER[answer]).join('');
}

/**
 * Reads `?answers=`: `y`/`n` letters. Returns the answers, or the offending value when it holds anything
 * else or more answers than a way through the tree has (the caller says so and starts from the first question).
 */
export function parseAnswers(value: string | null, tree: Record<QuestionId, Question> = DECISION_TREE): { answers: Answer[] } | { invalid: string } {
	if (value === null || value === '') return { answers: [] };
	if (!/^[yn]+$/.test(value)) return { invalid: value };
	const answers = [...value].map((letter): Answer => (letter === 'y' ? 'yes' : 'no'));
	const { rest } = walk(answers, tree);
	return rest === 0 ? { answers } : { invalid: value };
}

/** Follows answers from the first question: where they lead, the questions asked, and how many answers were left over. */
export function walk(answers: readonly Answer[], tree: Record<QuestionId, Question> = DECISION_TREE): { at: Next; steps: [QuestionId, Answer][]; rest: number } {
	let at: Next = FIRST_QUESTION;
	const steps: [QuestionId, Answer][] = [];
	for (const answer of answers) {
		if (isResult(at)) break;
		steps.push([at, answer]);
		at = tree[at][answer];
	}
	return { at, steps, rest: answers.length - steps.length };
}

/** Every way through the tree, as the list of (question, answer) pairs that leads to each result. */
export function decisionPaths(tree: Record<QuestionId, Question> = DECISION_TREE, start: QuestionId = FIRST_QUESTION): { steps: [QuestionId, Answer][]; result: Result }[] {
	const out: { steps: [QuestionId, Answer][]; result: Result }[] = [];
	const visit = (id: QuestionId, steps: [QuestionId, Answer][]) => {
		if (steps.some(([seen]) => seen === id)) throw new Error(`Decision tree: question \`${id}\` is reached again from itself. Break the loop in src/model/decision.ts.`);
		for (const answer of ['yes', 'no'] as const) {
			const next = tree[id][answer];
			const path: [QuestionId, Answer][] = [...steps, [id, answer]];
			if (isResult(next)) out.push({ steps: path, result: next });
			else visit(next, path);
		}
	};
	visit(start, []);
	return out;
}

/** Every node of the tree once, in declared order, questions then answers: the sections of the static guide. */
export function decisionNodes(tree: Record<QuestionId, Question> = DECISION_TREE): { questions: QuestionId[]; results: Result[] } {
	const paths = decisionPaths(tree);
	const asked = new Set(paths.flatMap((path) => path.steps.map(([id]) => id)));
	const reached = new Map(paths.map((path) => [path.result.id, path.result]));
	return { questions: QUESTION_IDS.filter((id) => asked.has(id)), results: ANSWER_IDS.flatMap((id) => reached.get(id) ?? []) };
}
