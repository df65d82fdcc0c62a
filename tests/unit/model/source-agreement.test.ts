import { describe, expect, it } from 'vitest';
import { comparisonRows } from '../../../src/i18n/compare.ts';
import { sessionFor, transcript } from '../../../src/model/commands.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import { stepsFor } from '../../../src/i18n/steps.ts';

/*
 * Three parts of a page say which address the application sees: the last steps of the walkthrough,
 * the comparison table's "Source IP the Pod sees" cell, and the `RemoteAddr` / `X-Forwarded-For`
 * lines of the terminal session. They must agree with each other and with Kubernetes. The expected
 * values below are written by hand, from how each configuration behaves, not read from the model.
 */
type Origin = 'client' | 'node' | 'load-balancer' | 'api-server' | 'proxy' | 'loopback';

interface Expected {
	/** Who the Pod's connection comes from, and that address as `whoami` prints it. */
	readonly peer: Origin;
	readonly remoteAddr: string;
	/** What the proxy in front wrote into `X-Forwarded-For`, when there is one. */
	readonly forwardedFor?: { readonly origin: Origin; readonly address: string };
}

const EXPECTED: Record<Exclude<ScenarioId, 'service-mesh'>, Expected> = {
	// The API server's service proxy dials the Pod from the control-plane node.
	'kubectl-proxy': { peer: 'api-server', remoteAddr: '10.0.1.10' },
	// The container runtime dials the port on the Pod's own loopback, inside its network namespace.
	'port-forward': { peer: 'loopback', remoteAddr: '127.0.0.1' },
	// externalTrafficPolicy: Cluster, and the Pod is on the other node: SNAT to node-a.
	nodeport: { peer: 'node', remoteAddr: '10.0.1.11' },
	// Same on the LoadBalancer page: the load balancer keeps the client's address, node-a's SNAT replaces it.
	loadbalancer: { peer: 'node', remoteAddr: '10.0.1.11' },
	// The controller's NodePort Service uses Cluster: the controller itself only ever saw node-a.
	'ingress-nodeport': { peer: 'proxy', remoteAddr: '10.244.1.40', forwardedFor: { origin: 'node', address: '10.0.1.11' } },
	// Local behind a load balancer that forwards packets: the controller sees the client.
	'ingress-loadbalancer': { peer: 'proxy', remoteAddr: '10.244.1.40', forwardedFor: { origin: 'client', address: '198.51.100.23' } },
	// An AWS NLB with IP targets over TCP does not keep the client's address unless told to: the controller sees the NLB.
	'loadbalancer-per-api': { peer: 'proxy', remoteAddr: '10.0.1.55', forwardedFor: { origin: 'load-balancer', address: '10.0.0.48' } },
	// Envoy Gateway's Services use Local by default, behind a pass-through load balancer.
	'gateway-api': { peer: 'proxy', remoteAddr: '10.244.1.40', forwardedFor: { origin: 'client', address: '198.51.100.23' } },
};

/** Drops the clauses that name what the Pod does *not* see ("not the client’s"). */
const affirmative = (text: string) => text.replace(/,? not (?:the|yours|your|a)\b[^;.]*/g, '');

/** Which address an English sentence says it is, by the words it uses. */
function originIn(text: string): Origin | 'unclear' {
	const said = affirmative(text);
	const found = new Set<Origin>();
	if (/API server/.test(said)) found.add('api-server');
	if (/Pod IP/.test(said)) found.add('proxy');
	if (/load balancer’s (?:own |private )?address/.test(said)) found.add('load-balancer');
	if (/\bnode’s\b|an? (?:address|IP) of `node-|the address of `node-|node address/.test(said)) found.add('node');
	if (/client’s/.test(said)) found.add('client');
	if (/loopback/.test(said)) found.add('loopback');
	return found.size === 1 ? [...found][0]! : 'unclear';
}

/** The comparison cell: "<peer>; <what X-Forwarded-For carries>". */
function cellSays(cell: string): { peer: Origin | 'unclear'; forwardedFor: Origin | 'unclear' | undefined } {
	// The first sentence only: the ones after it say what would change the answer.
	const [peer = '', ...rest] = (cell.split('. ')[0] ?? '').split(';');
	const xff = rest.join(';');
	return { peer: originIn(peer), forwardedFor: /X-Forwarded-For/.test(xff) ? originIn(xff) : undefined };
}

/** The walkthrough: the sentence where the Pod "sees" its peer, and the one that names X-Forwarded-For. */
function stepsSay(id: ScenarioId): { peer: Origin | 'unclear'; forwardedFor: Origin | 'unclear' | undefined; text: string } {
	const steps = stepsFor(scenarios[id], 'en');
	const last = steps.at(-1)!.body;
	// The Pod's peer is decided on the last hop, or on the SNAT step just before a Pod when nothing proxies after it.
	const sentences = steps.flatMap((step) => step.body.split(/(?<=\.)\s+/));
	const lastSentences = last.split(/(?<=\.)\s+/);
	const peerSentence = [...lastSentences, ...sentences].find((s) => /\bsees\b/.test(s)) ?? '';
	const peerClause = peerSentence.split(';')[0] ?? '';
	const xffSentence = lastSentences.find((s) => /X-Forwarded-For/.test(s));
	const xffClause = xffSentence?.split(';').find((part) => /X-Forwarded-For/.test(part));
	return { peer: originIn(peerClause), forwardedFor: xffClause === undefined ? undefined : originIn(xffClause), text: [peerClause, xffClause].filter(Boolean).join(' / ') };
}

function sessionSays(id: ScenarioId): { remoteAddr: string | undefined; forwardedFor: string | undefined } {
	const text = transcript(sessionFor(scenarios[id]));
	return {
		remoteAddr: /^RemoteAddr: ([\d.]+):\d+$/m.exec(text)?.[1],
		forwardedFor: /^X-Forwarded-For: (.+)$/m.exec(text)?.[1],
	};
}

describe('the step text, the comparison cell and the session say the same source address', () => {
	it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('`%s`', (id) => {
		const expected = EXPECTED[id];
		// Inside the test, not at collection, so that Stryker knows which tests reach the comparison code.
		const cell = comparisonRows('en').find((row) => row.id === id)?.sourceIp ?? '(no row)';
		const table = cellSays(cell);
		const steps = stepsSay(id);
		const session = sessionSays(id);
		const report =
			`Scenario \`${id}\`: expected the Pod to see the ${expected.peer} (${expected.remoteAddr})` +
			(expected.forwardedFor ? `, with the ${expected.forwardedFor.origin} (${expected.forwardedFor.address}) in X-Forwarded-For` : ', no X-Forwarded-For') +
			`.\n  step text:        ${steps.text}  → peer ${steps.peer}, X-Forwarded-For ${steps.forwardedFor ?? 'none'}` +
			`\n  comparison cell:  ${cell}  → peer ${table.peer}, X-Forwarded-For ${table.forwardedFor ?? 'none'}` +
			`\n  session:          RemoteAddr ${session.remoteAddr ?? 'none'}, X-Forwarded-For ${session.forwardedFor ?? 'none'}`;
		expect(
			{
				steps: { peer: steps.peer, forwardedFor: steps.forwardedFor },
				table: { peer: table.peer, forwardedFor: table.forwardedFor },
				session,
			},
			report,
		).toEqual({
			steps: { peer: expected.peer, forwardedFor: expected.forwardedFor?.origin },
			table: { peer: expected.peer, forwardedFor: expected.forwardedFor?.origin },
			session: { remoteAddr: expected.remoteAddr, forwardedFor: expected.forwardedFor?.address },
		});
	});
});

describe('in both languages, the walkthrough names the address the session prints', () => {
	for (const locale of ['en', 'fr'] as const) {
		it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(`${locale}: \`%s\``, (id) => {
			const expected = EXPECTED[id];
			const steps = stepsFor(scenarios[id], locale);
			const text = steps.map((step) => step.body).join('\n');
			// The address X-Forwarded-For carries is named in the last step, the proxy's.
			if (expected.forwardedFor) expect(steps.at(-1)!.body, `${id} (${locale}): the last step should name ${expected.forwardedFor.address}`).toContain(`\`${expected.forwardedFor.address}\``);
			// A node's address after SNAT, or the load balancer's, is named where it replaces the client's.
			if (expected.peer === 'node') expect(text, `${id} (${locale}): the SNAT step should name ${expected.remoteAddr}`).toContain(`\`${expected.remoteAddr}\``);
		});
	}
});
