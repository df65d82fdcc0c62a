import { describe, expect, it } from 'vitest';
import { ANSWER_IDS, decisionNodes, decisionPaths, FIRST_QUESTION, formatAnswers, parseAnswers, QUESTION_IDS, sectionId, walk } from '../../../src/model/decision.ts';

/*
 * Following the guide's answers, and the `?answers=` parameter a shared link carries: what a reader
 * who answered "no" to "does traffic come from outside the cluster?" is shown, and what a link with
 * anything but `y` / `n` letters, or more answers than the questions asked, falls back to.
 */
describe('walking the decision guide', () => {
	it('starts at “does traffic come from outside?”, stops at the first answer, and counts what is left over', () => {
		expect(FIRST_QUESTION).toBe('outside');
		expect(walk([])).toEqual({ at: 'outside', steps: [], rest: 0 });
		expect(walk(['yes'])).toEqual({ at: 'dev-only', steps: [['outside', 'yes']], rest: 0 });
		// East-west traffic: the first answer already ends the guide; the second is left over.
		expect(walk(['no', 'yes'])).toMatchObject({ at: { id: 'east-west', result: 'service-mesh' }, steps: [['outside', 'no']], rest: 1 });
	});

	it('a link with other letters, or one answer too many, is refused as written', () => {
		expect(parseAnswers('xyn')).toEqual({ invalid: 'xyn' });
		expect(parseAnswers('ynx')).toEqual({ invalid: 'ynx' });
		expect(parseAnswers('ny')).toEqual({ invalid: 'ny' });
		expect(parseAnswers('n')).toEqual({ answers: ['no'] });
		expect(formatAnswers([])).toBe('');
		expect(formatAnswers(['no', 'yes'])).toBe('ny');
	});

	it('section anchors: `q-` for a question, `a-` for an answer', () => {
		expect(sectionId('cloud-l4')).toBe('q-cloud-l4');
		expect(sectionId({ id: 'east-west', result: 'service-mesh' })).toBe('a-east-west');
	});

	it('from any question, two ways on; every node of the tree listed once, in declared order', () => {
		expect(decisionPaths(undefined, 'cloud-l7').map((path) => path.steps)).toEqual([[['cloud-l7', 'yes']], [['cloud-l7', 'no']]]);
		const { questions, results } = decisionNodes();
		expect(questions).toEqual([...QUESTION_IDS]);
		expect(results.map((result) => result.id)).toEqual([...ANSWER_IDS]);
	});
});
