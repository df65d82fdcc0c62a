/*
 * The decision guide as typed data: yes/no questions that end at a scenario's page, sometimes with a
 * tip. Words live in the locale tables (`decision.*`), keyed by these ids; the tests walk the tree to
 * prove every answer is reachable and every question is asked somewhere.
 */
import type { ScenarioId } from './scenarios/index.ts';

export const QUESTION_IDS = ['outside', 'dev-only', 'http', 'cloud-l4', 'client-ip', 'many-services', 'groups', 'greenfield', 'cloud-l7'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export const TIP_IDS = ['external-traffic-policy-local', 'metallb'] as const;
export type TipId = (typeof TIP_IDS)[number];

export interface Result {
	readonly result: ScenarioId;
	readonly tip?: TipId;
}
export type Next = QuestionId | Result;

export interface Question {
	readonly yes: Next;
	readonly no: Next;
}

export const FIRST_QUESTION: QuestionId = 'outside';

export const DECISION_TREE: Record<QuestionId, Question> = {
	outside: { yes: 'dev-only', no: { result: 'service-mesh' } },
	'dev-only': { yes: { result: 'kubectl-proxy' }, no: 'http' },
	http: { yes: 'many-services', no: 'cloud-l4' },
	'cloud-l4': { yes: 'client-ip', no: { result: 'nodeport', tip: 'metallb' } },
	'client-ip': { yes: { result: 'loadbalancer', tip: 'external-traffic-policy-local' }, no: { result: 'loadbalancer' } },
	'many-services': { yes: 'groups', no: 'cloud-l4' },
	groups: { yes: { result: 'loadbalancer-per-api' }, no: 'greenfield' },
	greenfield: { yes: { result: 'gateway-api' }, no: 'cloud-l7' },
	'cloud-l7': { yes: { result: 'ingress-loadbalancer' }, no: { result: 'ingress-nodeport', tip: 'metallb' } },
};

export function isResult(next: Next): next is Result {
	return typeof next === 'object';
}

/** Every way through the tree, as the list of (question, answer) pairs that leads to each result. */
export function decisionPaths(tree: Record<QuestionId, Question> = DECISION_TREE, start: QuestionId = FIRST_QUESTION): { steps: [QuestionId, 'yes' | 'no'][]; result: Result }[] {
	const out: { steps: [QuestionId, 'yes' | 'no'][]; result: Result }[] = [];
	const walk = (id: QuestionId, steps: [QuestionId, 'yes' | 'no'][]) => {
		if (steps.some(([seen]) => seen === id)) throw new Error(`Decision tree: question \`${id}\` is reached again from itself. Break the loop in src/model/decision.ts.`);
		for (const answer of ['yes', 'no'] as const) {
			const next = tree[id][answer];
			const path: [QuestionId, 'yes' | 'no'][] = [...steps, [id, answer]];
			if (isResult(next)) out.push({ steps: path, result: next });
			else walk(next, path);
		}
	};
	walk(start, []);
	return out;
}
