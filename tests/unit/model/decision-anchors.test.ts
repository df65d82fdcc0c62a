/*
 * The decision guide's links are an API (README, "Links into the site"): `?answers=<letters>` and the
 * section anchors `#q-<question>` / `#a-<answer>`. Team leads paste them into checklists, so each way
 * through the guide must keep leading to the same anchor. Written by hand from the guide's questions.
 */
import { describe, expect, it } from 'vitest';
import { ANSWERS_PARAM, decisionNodes, parseAnswers, sectionId, walk } from '../../../src/model/decision.ts';

const anchorOf = (letters: string) => {
	const parsed = parseAnswers(letters);
	if (!('answers' in parsed)) throw new Error(`\`${letters}\` should parse`);
	return sectionId(walk(parsed.answers).at);
};

describe('the decision guide’s links', () => {
	it('lead each way through the guide to its answer’s anchor', () => {
		expect(Object.fromEntries(['n', 'yyy', 'yyn', 'ynnn', 'ynnyy', 'ynnyn', 'ynyyy', 'ynyyny', 'ynyynny', 'ynyynnn', 'ynynyy'].map((letters) => [letters, anchorOf(letters)]))).toEqual({
			n: 'a-east-west',
			yyy: 'a-dev-proxy',
			yyn: 'a-dev-port-forward',
			ynnn: 'a-nodeport-own-lb',
			ynnyy: 'a-lb-client-ip',
			ynnyn: 'a-lb',
			ynyyy: 'a-lb-per-group',
			ynyyny: 'a-gateway',
			ynyynny: 'a-ingress-lb',
			ynyynnn: 'a-ingress-nodeport',
			ynynyy: 'a-lb-client-ip',
		});
		expect(['', 'y', 'yn', 'ynn', 'yny', 'ynyy', 'ynyyn', 'ynyynn'].map(anchorOf)).toEqual([
			'q-outside',
			'q-dev-only',
			'q-http',
			'q-cloud-l4',
			'q-many-services',
			'q-groups',
			'q-greenfield',
			'q-cloud-l7',
		]);
	});

	it('give the static page one section per question and per answer, in the guide’s order', () => {
		const { questions, results } = decisionNodes();
		expect(results.map(sectionId)).toEqual([
			'a-east-west',
			'a-dev-proxy',
			'a-dev-port-forward',
			'a-nodeport-own-lb',
			'a-lb-client-ip',
			'a-lb',
			'a-lb-per-group',
			'a-gateway',
			'a-ingress-lb',
			'a-ingress-nodeport',
		]);
		expect(questions).toHaveLength(10);
	});

	it('carry the answers in `?answers=`', () => {
		expect(ANSWERS_PARAM).toBe('answers');
	});
});
