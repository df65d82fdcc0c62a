/*
 * The failure catalogue, validated like the rest of the model: every mode names hop kinds that exist,
 * stops at a box its setup really has, says what the client sees, shows its cause with a command whose
 * healthy and broken outputs differ, and is worded in both languages. The effects are written from how
 * the components answer (kube-proxy rejects a Service without endpoints; Traefik answers 404 without a
 * route, 502 when the dial is refused, 504 when it times out; Envoy 503; the API server 403 and 503).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES, messages } from '../../../src/i18n/index.ts';
import { buildScenario } from '../../../src/model/build.ts';
import { FAILURE_IDS, FAILURE_SYMPTOMS, FAILURES, failureMode, failuresByStep, failuresOf, type FailureId } from '../../../src/model/failures.ts';
import { NODE_KINDS } from '../../../src/model/kinds.ts';
import type { ExposureParams } from '../../../src/model/params.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { accepted } from './arbitraries.ts';
import { outcomeOf } from '../../../src/model/outcome.ts';
import { simulate } from '../../../src/model/simulate.ts';
import { stepsFor } from '../../../src/i18n/steps.ts';

const effect = (id: FailureId, p: ExposureParams) => failureMode(id).effect(buildScenario(p));
const check = (id: FailureId, p: ExposureParams) => failureMode(id).check(buildScenario(p));

describe('the catalogue', () => {
	it('has every id once, each mode naming kinds of box that exist', () => {
		expect(FAILURES.map((mode) => mode.id)).toEqual([...FAILURE_IDS]);
		for (const mode of FAILURES) {
			expect(mode.hops.length, mode.id).toBeGreaterThan(0);
			for (const kind of mode.hops) expect(NODE_KINDS, `${mode.id}: ${kind}`).toContain(kind);
		}
	});

	it('is worded in both languages: a title, a cause and a fix for each mode, a phrase for each symptom', () => {
		for (const locale of LOCALES) {
			for (const id of FAILURE_IDS) {
				const words = messages[locale].failures.mode[id];
				for (const part of ['title', 'cause', 'fix'] as const) expect(words[part].length, `${locale} ${id} ${part}`).toBeGreaterThan(10);
			}
			for (const symptom of FAILURE_SYMPTOMS) expect(messages[locale].failures.symptom[symptom].length, `${locale} ${symptom}`).toBeGreaterThan(5);
		}
		// Said in French, not left in English.
		expect(messages.fr.failures.mode['node-port-blocked'].cause).not.toBe(messages.en.failures.mode['node-port-blocked'].cause);
	});

	it('every mode happens in some atlas setup', () => {
		const covered = new Set(SCENARIO_IDS.flatMap((id) => failuresOf(scenarios[id]).map((mode) => mode.id)));
		const extra = [buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 0], etp: 'local' }), buildScenario({ entry: 'ingress', tls: 'edge' })];
		for (const scenario of extra) for (const mode of failuresOf(scenario)) covered.add(mode.id);
		expect([...covered].sort()).toEqual([...FAILURE_IDS].sort());
	});

	it('over the whole parameter space: where a mode applies, it stops at a box of its kinds that the setup has, and its check tells the two cases apart', () => {
		fc.assert(
			fc.property(accepted, (p) => {
				let scenario;
				try {
					scenario = buildScenario(p);
				} catch {
					return;
				}
				const kinds = new Set(scenario.nodes.map((node) => node.kind));
				for (const mode of failuresOf(scenario)) {
					const { at, client, symptom } = mode.effect(scenario);
					expect(mode.hops, `${mode.id}: stops at ${at}`).toContain(at);
					expect(kinds.has(at) || at === 'service', `${mode.id}: the setup has a ${at}`).toBe(true);
					expect(FAILURE_SYMPTOMS).toContain(symptom);
					if (symptom !== 'no-address') expect(client, mode.id).toMatch(/^(curl: \(\d+\)|HTTP\/1\.1 \d{3} )/);
					const { command, healthy, broken } = mode.check(scenario);
					expect(command, mode.id).toMatch(/^(kubectl|nc) /);
					expect(healthy, `${mode.id}: healthy and broken differ`).not.toEqual(broken);
				}
			}),
			{ numRuns: 120 },
		);
	});
});

describe('what the client sees, by way in', () => {
	it('no endpoint: kube-proxy refuses, the API server answers 503, Traefik 404, Envoy 503, a load balancer with Pod targets times out', () => {
		expect(effect('selector-matches-nothing', { entry: 'nodeport', nodes: 2, pods: [1, 1] })).toMatchObject({ kind: 'refused', symptom: 'connection-refused', at: 'kube-proxy' });
		expect(effect('selector-matches-nothing', { entry: 'nodeport', nodes: 2, pods: [1, 1] }).client).toBe(
			"curl: (7) Failed to connect to 10.0.1.11 port 30080 after 1 ms: Couldn't connect to server",
		);
		expect(effect('no-ready-pod', { entry: 'kubectl-proxy', nodes: 1, pods: [2] })).toMatchObject({ symptom: 'http-503', at: 'api-server', client: 'HTTP/1.1 503 Service Unavailable' });
		expect(effect('selector-matches-nothing', { entry: 'ingress', nodes: 2, pods: [1, 0], routes: 1, backends: [[0, 1]] })).toMatchObject({ symptom: 'http-404', at: 'ingress-controller' });
		expect(effect('selector-matches-nothing', { entry: 'gateway', nodes: 2, pods: [1, 0], routes: 1, backends: [[0, 1]] })).toMatchObject({ symptom: 'http-503', at: 'gateway-proxy' });
		expect(effect('no-ready-pod', { entry: 'loadbalancer', targets: 'pods' })).toMatchObject({ kind: 'dropped', symptom: 'timeout', at: 'cloud-load-balancer' });
	});

	it('the wrong targetPort: a reset from the Pod, Traefik 502, Envoy 503, an empty reply through a port-forward', () => {
		expect(effect('wrong-target-port', { entry: 'loadbalancer' })).toMatchObject({ symptom: 'connection-refused', at: 'pod' });
		expect(effect('wrong-target-port', { entry: 'ingress' })).toMatchObject({ symptom: 'http-502', client: 'HTTP/1.1 502 Bad Gateway' });
		expect(effect('wrong-target-port', { entry: 'gateway' })).toMatchObject({ symptom: 'http-503' });
		// kubectl forwards to the Service's targetPort; the dial in the Pod is refused, kubectl closes the local connection it had accepted.
		expect(effect('wrong-target-port', { entry: 'port-forward' })).toEqual({ kind: 'refused', symptom: 'empty-reply', at: 'pod', client: 'curl: (52) Empty reply from server' });
	});

	it('a NetworkPolicy against the proxy: Traefik gives up with 504, Envoy with 503', () => {
		expect(effect('network-policy-denies-proxy', { entry: 'ingress' })).toMatchObject({ symptom: 'http-504', at: 'pod' });
		expect(effect('network-policy-denies-proxy', { entry: 'gateway' })).toMatchObject({ symptom: 'http-503', at: 'pod' });
		expect(failuresOf(buildScenario({ entry: 'nodeport' })).map((mode) => mode.id)).not.toContain('network-policy-denies-proxy');
	});

	it('a blocked node port times out at the node, and the check is nc against the node the client reaches', () => {
		const p: ExposureParams = { entry: 'nodeport', nodes: 3, pods: [0, 1, 1], via: 2 };
		expect(effect('node-port-blocked', p)).toMatchObject({
			kind: 'dropped',
			symptom: 'timeout',
			at: 'node-port',
			client: 'curl: (28) Connection timed out after 10002 milliseconds',
		});
		expect(check('node-port-blocked', p)).toEqual({
			command: 'nc -vz -w 3 10.0.1.12 30080',
			healthy: ['Connection to 10.0.1.12 30080 port [tcp/*] succeeded!'],
			broken: ['nc: connect to 10.0.1.12 port 30080 (tcp) timed out: Operation now in progress'],
		});
		expect(failuresOf(buildScenario({ entry: 'loadbalancer', targets: 'pods' })).map((mode) => mode.id)).not.toContain('node-port-blocked');
	});

	it('kubectl proxy without RBAC: 403 from the API server, checked with kubectl auth can-i', () => {
		expect(effect('proxy-rbac-forbidden', { entry: 'kubectl-proxy' })).toMatchObject({ symptom: 'http-403', at: 'api-server' });
		expect(check('proxy-rbac-forbidden', { entry: 'kubectl-proxy' })).toEqual({ command: 'kubectl auth can-i get services/proxy -n default', healthy: ['yes'], broken: ['no'] });
	});

	it('a pending load balancer gives the client nothing to connect to: EXTERNAL-IP <pending>', () => {
		expect(effect('load-balancer-pending', { entry: 'loadbalancer' })).toEqual({ kind: 'pending', symptom: 'no-address', at: 'cloud-load-balancer', client: undefined });
		const { healthy, broken } = check('load-balancer-pending', { entry: 'loadbalancer' });
		expect(healthy[1]).toContain('203.0.113.10');
		expect(broken[1]).toContain('<pending>');
	});

	it('the Ingress and the Gateway: no class, no rule, no Secret, a route not accepted', () => {
		expect(check('no-ingress-class', { entry: 'ingress' }).broken[1]).toMatch(/^shop\s+<none>\s+shop\.example\.com/);
		expect(check('no-matching-rule', { entry: 'gateway' })).toMatchObject({ healthy: ['shop.example.com'], broken: ['www.example.com'] });
		expect(effect('tls-secret-missing', { entry: 'ingress', tls: 'edge' })).toMatchObject({ symptom: 'tls-untrusted', client: 'curl: (60) SSL certificate problem: self-signed certificate' });
		expect(check('tls-secret-missing', { entry: 'ingress', tls: 'edge' }).broken).toEqual(['Error from server (NotFound): secrets "shop-example-com-tls" not found']);
		expect(failuresOf(buildScenario({ entry: 'ingress' })).map((mode) => mode.id)).not.toContain('tls-secret-missing');
		expect(check('route-not-accepted', { entry: 'gateway' })).toMatchObject({ healthy: ['Accepted'], broken: ['NotAllowedByListeners'] });
	});

	it('the EndpointSlice check lists the ready Pods, then none', () => {
		const { command, healthy, broken } = check('selector-matches-nothing', { entry: 'nodeport', nodes: 2, pods: [2, 3] });
		expect(command).toBe('kubectl get endpointslices -l kubernetes.io/service-name=web');
		// Five endpoints: kubectl shows three, then how many more.
		expect(healthy[1]).toMatch(/10\.244\.1\.10,10\.244\.1\.11,10\.244\.2\.10 \+ 2 more\.\.\./);
		expect(broken[1]).toMatch(/<unset>\s+<unset>/);
	});

	it('each step knows what can stop the request there, in the order of the path', () => {
		// NodePort, `Local`, the client on node-a, which runs the Pod: its node port, then the node's rules, then the Pod.
		const scenario = buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 0], etp: 'local' });
		expect(scenario.path.map((hop) => hop.to)).toEqual(['nodeport-a', 'kube-proxy-a', 'web-1']);
		expect(failuresByStep(scenario).map((modes) => modes.map((mode) => mode.id))).toEqual([
			// A firewall drops the packet before it reaches the node port.
			['node-port-blocked'],
			// The rules find no endpoint: none selected, none ready, none on this node with Local.
			['selector-matches-nothing', 'no-ready-pod', 'local-no-endpoint'],
			// The connection reaches the Pod's address on a port nothing listens on.
			['wrong-target-port'],
		]);
		// With `Cluster` there is no local-only drop.
		expect(failuresByStep(buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 0], etp: 'cluster' }))[1]!.map((mode) => mode.id)).toEqual(['selector-matches-nothing', 'no-ready-pod']);
		// A load balancer that stays pending stops the request at its first step; a setup that already fails has no further failures.
		expect(failuresByStep(buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1] }))[0]!.map((mode) => mode.id)).toEqual(['load-balancer-pending']);
		expect(failuresByStep(buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 0] })).flat()).toEqual([]);
	});
});

describe('east-west in a sidecar mesh (Istio): the caller’s sidecar answers for the called Service', () => {
	const mesh = scenarios['service-mesh'];
	const at = (id: FailureId) => failureMode(id).effect(mesh);

	it('each step of the call has its modes: no endpoint at the caller’s sidecar, the policies where the called Pod takes it in, the port inside it', () => {
		expect(mesh.path.map((hop) => hop.to)).toEqual(['frontend-sidecar', 'api-sidecar', 'api']);
		expect(failuresByStep(mesh).map((modes) => modes.map((mode) => mode.id))).toEqual([
			// frontend's own sidecar picks an `api` endpoint: with none, Envoy answers `no healthy upstream`.
			['selector-matches-nothing', 'no-ready-pod'],
			// The connection to the api Pod: a NetworkPolicy gets it no answer; the api sidecar checks the caller's identity.
			['network-policy-denies-proxy', 'authorization-policy-denies'],
			// The api sidecar's connection to the application, on the targetPort.
			['wrong-target-port'],
		]);
	});

	it('what the calling application gets: Envoy’s 503 for no endpoint, a dial timeout or a refused port; 403 from the called sidecar’s policy', () => {
		expect(at('selector-matches-nothing')).toEqual({ kind: 'refused', symptom: 'http-503', at: 'sidecar-proxy', client: 'HTTP/1.1 503 Service Unavailable' });
		expect(at('network-policy-denies-proxy')).toMatchObject({ symptom: 'http-503', at: 'sidecar-proxy', last: true });
		expect(at('authorization-policy-denies')).toMatchObject({ kind: 'refused', symptom: 'http-403', client: 'HTTP/1.1 403 Forbidden' });
		expect(at('wrong-target-port')).toMatchObject({ symptom: 'http-503', at: 'container' });
		// The ways in have no sidecar catching the call: the policy mode is the mesh's alone.
		expect(SCENARIO_IDS.filter((id) => failuresOf(scenarios[id]).some((mode) => mode.id === 'authorization-policy-denies'))).toEqual(['service-mesh']);
	});

	it('the checks look at the called Service (api in shop), not the caller', () => {
		expect(failureMode('selector-matches-nothing').check(mesh).command).toBe('kubectl get endpointslices -n shop -l kubernetes.io/service-name=api');
		expect(failureMode('selector-matches-nothing').check(mesh).healthy[1]).toContain('10.244.2.9');
		const pods = failureMode('no-ready-pod').check(mesh);
		expect(pods.command).toBe('kubectl get pods -n shop -l app=api');
		// Two containers, the application's and istio-proxy: the application's probe fails, the sidecar stays ready.
		expect(pods.healthy[1]).toMatch(/^api-64d5c-rw7tn\s+2\/2\s+Running/);
		expect(pods.broken[1]).toMatch(/^api-64d5c-rw7tn\s+1\/2\s+Running/);
		const policy = failureMode('authorization-policy-denies').check(mesh);
		expect(policy.command).toBe('kubectl get authorizationpolicy -n shop');
		expect(policy.healthy).toEqual(['No resources found in shop namespace.']);
		expect(policy.broken[0]).toMatch(/^NAME\s+ACTION\s+AGE$/);
	});
});

describe('a hop broken on purpose (the builder’s fail)', () => {
	it('stops the path where the mode says, with the mode as the reason and its client line', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], fail: 'node-port-blocked' });
		expect(s.path.map((hop) => hop.to)).toEqual(['load-balancer', 'nodeport-a']);
		expect(s.outcome).toEqual({ kind: 'dropped', atHop: 1, reason: 'node-port-blocked', symptom: 'timeout', client: 'curl: (28) Connection timed out after 10002 milliseconds' });
		// The Pods are still there: only the hop is broken.
		expect(s.nodes.filter((node) => node.kind === 'pod')).toHaveLength(2);
	});

	it('Local on a node without a Pod sends the client there; a pending load balancer is the setup’s own lb=none', () => {
		const local = buildScenario({ entry: 'nodeport', nodes: 3, pods: [1, 0, 1], etp: 'local', fail: 'local-no-endpoint' });
		expect(local.path.at(-1)?.to).toBe('kube-proxy-b');
		expect(local.outcome).toMatchObject({ kind: 'dropped', reason: 'local-no-endpoint', symptom: 'timeout' });
		const pending = buildScenario({ entry: 'loadbalancer', fail: 'load-balancer-pending' });
		expect(pending.outcome).toMatchObject({ kind: 'pending', reason: 'load-balancer-pending', symptom: 'no-address' });
		expect(pending.services[0]?.loadBalancerIP).toBeUndefined();
	});

	it('refuses a mode that cannot happen in the setup, naming the ones that can', () => {
		expect(() => buildScenario({ entry: 'nodeport', fail: 'proxy-rbac-forbidden' })).toThrow(
			/`fail=proxy-rbac-forbidden`: this failure cannot happen in this setup\. Choose one of `selector-matches-nothing`/,
		);
		expect(() => buildScenario({ entry: 'nodeport', fail: 'banana' as never })).toThrow(/`fail=banana`: no such failure mode/);
	});

	it('over the whole parameter space: every mode that applies builds, both languages word it, and every simulated request fails', () => {
		fc.assert(
			fc.property(accepted, (p) => {
				let whole;
				try {
					whole = buildScenario(p);
				} catch {
					return;
				}
				for (const mode of failuresOf(whole)) {
					const s = buildScenario({ ...p, fail: mode.id });
					expect(s.outcome?.reason, mode.id).toBe(mode.id);
					for (const locale of LOCALES) expect(messages[locale].outcome(outcomeOf(s)).length, `${locale} ${mode.id}`).toBeGreaterThan(20);
					expect(stepsFor(s, 'fr')).toHaveLength(s.path.length);
					expect(simulate(s, { requests: 40, clients: 3, seed: 1 }).failed, mode.id).toBe(40);
				}
			}),
			{ numRuns: 60 },
		);
	});
});
