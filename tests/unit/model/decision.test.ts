import { describe, expect, it } from 'vitest';
import { DECISION_TREE, decisionPaths, QUESTION_IDS, type Question, type QuestionId } from '../../../src/model/decision.ts';
import { SCENARIO_IDS } from '../../../src/model/scenarios/index.ts';

describe('the decision guide', () => {
	const paths = decisionPaths();

	it('reaches every scenario as an answer', () => {
		expect(new Set(paths.map((p) => p.result.result))).toEqual(new Set(SCENARIO_IDS));
	});

	it('asks every question on some path', () => {
		const asked = new Set(paths.flatMap((p) => p.steps.map(([id]) => id)));
		expect([...asked].sort()).toEqual([...QUESTION_IDS].sort());
	});

	it('sends a bare-metal, non-HTTP workload to NodePort with the MetalLB tip', () => {
		const path = paths.find((p) => p.steps.map(([, a]) => a).join(',') === 'yes,no,no,no')!;
		expect(path.steps.map(([id]) => id)).toEqual(['outside', 'dev-only', 'http', 'cloud-l4']);
		expect(path.result).toEqual({ result: 'nodeport', tip: 'metallb' });
	});

	it('refuses a tree with a loop, naming the question', () => {
		const looped = { ...DECISION_TREE, 'cloud-l7': { yes: 'outside', no: 'outside' } } as Record<QuestionId, Question>;
		expect(() => decisionPaths(looped)).toThrow(/question `outside` is reached again from itself/);
	});
});
