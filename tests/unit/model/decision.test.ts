import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { DECISION_TREE, decisionNodes, decisionPaths, formatAnswers, parseAnswers, QUESTION_IDS, walk, type Question, type QuestionId } from '../../../src/model/decision.ts';
import { SCENARIO_IDS } from '../../../src/model/scenarios/index.ts';

/** The way a list of answers leads, written as the URL parameter writes it. */
const leadsTo = (letters: string) => {
	const parsed = parseAnswers(letters);
	if (!('answers' in parsed)) throw new Error(`\`${letters}\` should parse`);
	return walk(parsed.answers).at;
};

describe('the decision guide', () => {
	const paths = decisionPaths();

	it('reaches every scenario, and kubectl port-forward, as an answer', () => {
		expect(new Set(paths.map((p) => p.result.result))).toEqual(new Set([...SCENARIO_IDS, 'port-forward']));
	});

	it('asks every question on some path, each section once', () => {
		const asked = new Set(paths.flatMap((p) => p.steps.map(([id]) => id)));
		expect([...asked].sort()).toEqual([...QUESTION_IDS].sort());
		const { questions, results } = decisionNodes();
		expect(questions).toEqual([...QUESTION_IDS]);
		expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
	});

	it('sends calls between Services to the ClusterIP Service they already have, not to a way in', () => {
		expect(leadsTo('n')).toEqual({ id: 'east-west', result: 'service-mesh' });
	});

	it('asks a developer whether the traffic is HTTP before offering kubectl proxy', () => {
		// kubectl proxy forwards HTTP only (the API server's service proxy); a database needs a TCP tunnel.
		expect(leadsTo('yy')).toBe('dev-http');
		expect(leadsTo('yyy')).toMatchObject({ result: 'kubectl-proxy', runnerUp: 'port-forward' });
		expect(leadsTo('yyn')).toMatchObject({ result: 'port-forward', runnerUp: 'kubectl-proxy' });
	});

	it('sends a bare-metal, non-HTTP workload to NodePort with the MetalLB tip', () => {
		const path = paths.find((p) => p.steps.map(([, a]) => a).join(',') === 'yes,no,no,no')!;
		expect(path.steps.map(([id]) => id)).toEqual(['outside', 'dev-only', 'http', 'cloud-l4']);
		expect(path.result).toMatchObject({ result: 'nodeport', tip: 'metallb' });
	});

	it('sends several HTTP Services on a cluster without a load balancer to Ingress behind a NodePort', () => {
		// outside, not only me, HTTP, several Services, one group, Ingress to keep, no implementation.
		expect(leadsTo('ynyynnn')).toMatchObject({ result: 'ingress-nodeport', tip: 'metallb' });
		expect(leadsTo('ynyyy')).toMatchObject({ result: 'loadbalancer-per-api' });
		expect(leadsTo('ynyyny')).toMatchObject({ result: 'gateway-api' });
	});

	it('gives the externalTrafficPolicy tip only when the Pods need the client address', () => {
		expect(leadsTo('ynnyy')).toMatchObject({ result: 'loadbalancer', tip: 'external-traffic-policy-local' });
		expect(leadsTo('ynnyn')).not.toHaveProperty('tip');
	});

	it('says that Local keeps the client address only behind a load balancer that forwards packets, in both languages', () => {
		expect(messages.en.decision.tips['external-traffic-policy-local']).toMatch(/only if the load balancer forwards packets/);
		expect(messages.fr.decision.tips['external-traffic-policy-local']).toMatch(/que si l’équilibreur de charge transmet les paquets/);
	});

	it('does not promise the client address in X-Forwarded-For behind a NodePort with externalTrafficPolicy: Cluster', () => {
		// The controller's Service is on Cluster: kube-proxy's SNAT leaves it a node's address to pass on.
		expect(messages.en.decision.answers['ingress-nodeport'].reason).toMatch(/sees a node’s address, and that is what it puts in `X-Forwarded-For`/);
		expect(messages.fr.decision.answers['ingress-nodeport'].reason).toMatch(/voit l’adresse d’un nœud, et c’est elle qu’il met dans `X-Forwarded-For`/);
	});

	it('reads and writes the answers URL parameter, refusing what does not lead through the tree', () => {
		expect(formatAnswers(['yes', 'no', 'no'])).toBe('ynn');
		expect(parseAnswers(null)).toEqual({ answers: [] });
		expect(parseAnswers('')).toEqual({ answers: [] });
		expect(parseAnswers('yn')).toEqual({ answers: ['yes', 'no'] });
		expect(parseAnswers('yes')).toEqual({ invalid: 'yes' });
		expect(parseAnswers('YN')).toEqual({ invalid: 'YN' });
		// `n` is already an answer (east-west): a second letter has no question to answer.
		expect(parseAnswers('nn')).toEqual({ invalid: 'nn' });
	});

	it('refuses a tree with a loop, naming the question', () => {
		const looped = { ...DECISION_TREE, 'cloud-l7': { yes: 'outside', no: 'outside' } } as Record<QuestionId, Question>;
		expect(() => decisionPaths(looped)).toThrow(/question `outside` is reached again from itself/);
	});
});
