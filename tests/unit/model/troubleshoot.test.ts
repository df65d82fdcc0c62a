/*
 * The troubleshooting guide's tree: what a reader who sees a symptom is sent to check, written from how
 * the components fail (a firewall or `Local` on the wrong node: a timeout; kube-proxy's reject: refused;
 * the API server's RBAC: 403; Traefik 404 / 502 / 504; Envoy 503), and every link it gives works.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/explorer/query.ts';
import { buildScenario } from '../../../src/model/build.ts';
import { isPresetId, PRESETS } from '../../../src/model/presets.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import { hopId } from '../../../src/model/resolve.ts';
import { sourceBranch, sourceTree, troubleshootTree } from '../../../src/model/troubleshoot.ts';

const tree = troubleshootTree();
const branch = (symptom: string, preset: string) => tree.find((s) => s.symptom === symptom)?.branches.find((b) => b.page === preset);
const modes = (symptom: string, preset: string) => branch(symptom, preset)?.checks.map((c) => c.mode);

describe('the troubleshooting tree', () => {
	it('starts from what the client sees, each symptom and branch with its anchor', () => {
		expect(tree.map((s) => s.id)).toEqual([
			's-timeout',
			's-connection-refused',
			's-empty-reply',
			's-http-403',
			's-http-404',
			's-http-502',
			's-http-503',
			's-http-504',
			's-tls-untrusted',
			's-no-address',
		]);
		expect(branch('timeout', 'nodeport')?.id).toBe('s-timeout-nodeport');
	});

	it('a timeout behind a NodePort: the firewall first (the node port), then Local on a node without a Pod (kube-proxy)', () => {
		expect(modes('timeout', 'nodeport')).toEqual(['node-port-blocked', 'local-no-endpoint']);
		// The atlas page uses Cluster: its explorer link asks for Local.
		expect(branch('timeout', 'nodeport')?.checks[1]?.needs).toEqual({ etp: 'local' });
		// Behind a load balancer, its health checks keep connections off such nodes.
		expect(modes('timeout', 'loadbalancer')).toEqual(['node-port-blocked']);
	});

	it('refused, an empty reply, 403, 404, 502, 504, a certificate, pending: where each way in sends the reader', () => {
		expect(modes('connection-refused', 'nodeport')).toEqual(['selector-matches-nothing', 'no-ready-pod', 'wrong-target-port']);
		// A port-forward refuses locally when no Pod is there to forward to; to a Pod that does not listen on the targetPort, it closes the connection.
		expect(modes('connection-refused', 'port-forward')).toEqual(['selector-matches-nothing', 'no-ready-pod']);
		expect(tree.find((s) => s.symptom === 'empty-reply')?.branches.map((b) => b.page)).toEqual(['port-forward']);
		expect(modes('empty-reply', 'port-forward')).toEqual(['wrong-target-port']);
		// kubectl proxy's RBAC, and in a mesh the called sidecar's AuthorizationPolicy.
		expect(tree.find((s) => s.symptom === 'http-403')?.branches.map((b) => b.page)).toEqual(['kubectl-proxy', 'service-mesh']);
		expect(modes('http-403', 'service-mesh')).toEqual(['authorization-policy-denies']);
		// The mesh's 503s, in the order the call meets them: the caller's sidecar finds no endpoint, its connection gets no answer, the called sidecar's to the application is refused.
		expect(modes('http-503', 'service-mesh')).toEqual(['selector-matches-nothing', 'no-ready-pod', 'network-policy-denies-proxy', 'wrong-target-port']);
		expect(modes('http-404', 'ingress-loadbalancer')).toEqual(['selector-matches-nothing', 'no-ready-pod', 'no-ingress-class', 'no-matching-rule']);
		expect(modes('http-404', 'gateway-api')).toEqual(['no-matching-rule', 'route-not-accepted']);
		expect(modes('http-502', 'ingress-nodeport')).toEqual(['wrong-target-port']);
		expect(modes('http-504', 'ingress-loadbalancer')).toEqual(['network-policy-denies-proxy']);
		expect(modes('http-503', 'gateway-api')).toEqual(['selector-matches-nothing', 'no-ready-pod', 'wrong-target-port', 'network-policy-denies-proxy']);
		expect(modes('tls-untrusted', 'ingress-loadbalancer')).toEqual(['tls-secret-missing']);
		expect(tree.find((s) => s.symptom === 'no-address')?.branches.map((b) => b.page)).toEqual(['loadbalancer', 'ingress-loadbalancer', 'loadbalancer-per-api', 'gateway-api']);
	});

	it('every check points at a step of its atlas page, in path order, and at an explorer link that builds that failure', () => {
		for (const symptom of tree) {
			for (const b of symptom.branches) {
				const page = scenarios[b.page];
				const steps = page.path.map(hopId);
				const order = b.checks.map((c) => steps.indexOf(c.step));
				for (const c of b.checks) expect(steps, `${b.id} ${c.mode}`).toContain(c.step);
				expect(order, b.id).toEqual([...order].sort((x, y) => x - y));
				// The mesh's call is not a way in: the explorer cannot build it.
				if (!isPresetId(b.page)) continue;
				for (const c of b.checks) {
					const { state, ignored } = parseQuery(`?preset=${b.page}${c.needs ? `&etp=${c.needs.etp}` : ''}&fail=${c.mode}`);
					expect(ignored, `${b.id} ${c.mode}`).toEqual([]);
					expect(buildScenario(state.params, PRESETS[b.page].options).outcome?.reason).toBe(c.mode);
				}
			}
		}
	});
});

/*
 * "The application logs the wrong client address": for each way in, the hop that replaced the client's
 * address, written from how each component behaves: `Cluster`'s SNAT on the node that received the
 * connection, the Ingress controller and the Gateway always opening their own connection to the Pod (a
 * proxying load balancer or `Cluster` before them deciding what `X-Forwarded-For` holds), the API server
 * and port-forward's runtime dialling from the control plane and the Pod's loopback, Istio's sidecar
 * handing the connection over from 127.0.0.6. A LoadBalancer with `Local` behind a load balancer that
 * forwards packets keeps the client's address: no branch.
 */
describe('the wrong client address', () => {
	const sources = sourceTree();
	const causes = (page: string) => sources.find((b) => b.page === page)?.checks.map((c) => `${c.cause} ${c.decides} ${c.becomes.address ?? '?'}`);

	it('names, per way in, where the address changes and what it becomes, in path order', () => {
		expect(causes('kubectl-proxy')).toEqual(['api-server-proxy peer 10.0.1.10']);
		expect(causes('port-forward')).toEqual(['runtime-loopback peer 127.0.0.1']);
		expect(causes('nodeport')).toEqual(['cluster-snat peer 10.0.1.11']);
		expect(causes('loadbalancer')).toEqual(['cluster-snat peer 10.0.1.11']);
		// Cluster on Traefik's Service: Traefik sees node-a's address and writes it into X-Forwarded-For.
		expect(causes('ingress-nodeport')).toEqual(['cluster-snat forwarded-for 10.0.1.11', 'routed-proxy peer 10.244.1.40']);
		// Local behind a load balancer that forwards: Traefik sees the client, only its own hop replaces it.
		expect(causes('ingress-loadbalancer')).toEqual(['routed-proxy peer 10.244.1.40']);
		// A proxying load balancer in front of each API's Traefik.
		expect(causes('loadbalancer-per-api')).toEqual(['lb-proxies forwarded-for 10.0.0.48', 'routed-proxy peer 10.0.1.55']);
		expect(causes('gateway-api')).toEqual(['routed-proxy peer 10.244.1.40']);
		expect(causes('service-mesh')).toEqual(['sidecar-inbound peer 127.0.0.6']);
	});

	it('says what the application sees, and what X-Forwarded-For carries behind a proxy, with the request that shows it', () => {
		const nodeport = sources.find((b) => b.page === 'nodeport')!;
		expect([nodeport.seen.origin, nodeport.seen.address, nodeport.forwardedFor]).toEqual(['node', '10.0.1.11', undefined]);
		// whoami, asked through the node port: the node's address as its peer, no X-Forwarded-For.
		expect(nodeport.request?.command).toMatch(/^curl .*10\.0\.1\.11:30080/);
		expect(nodeport.request?.output.filter((line) => !line.startsWith('Hostname: '))).toEqual([expect.stringMatching(/^RemoteAddr: 10\.0\.1\.11:\d+$/)]);
		const behindTraefik = sources.find((b) => b.page === 'ingress-nodeport')!;
		expect(behindTraefik.request?.output.filter((line) => !line.startsWith('Hostname: '))).toEqual([expect.stringMatching(/^RemoteAddr: 10\.244\.1\.40:\d+$/), 'X-Forwarded-For: 10.0.1.11']);
		const ingress = sources.find((b) => b.page === 'ingress-loadbalancer')!;
		expect([ingress.seen.origin, ingress.forwardedFor?.origin, ingress.forwardedFor?.address]).toEqual(['proxy', 'client', '198.51.100.23']);
	});

	it('checks the policy of the Service whose rules rewrote the source, and gives anchors that exist on the atlas page', () => {
		const snat = sources.find((b) => b.page === 'ingress-nodeport')!.checks[0]!;
		expect(snat.check?.command).toBe(`kubectl get service traefik -n traefik -o jsonpath='{.spec.externalTrafficPolicy}{"\\n"}'`);
		expect([snat.check?.healthy, snat.check?.broken]).toEqual([['Local'], ['Cluster']]);
		expect(sources.flatMap((b) => b.checks.filter((c) => c.cause !== 'cluster-snat' && c.check !== undefined))).toEqual([]);
		for (const b of sources) {
			expect(b.id).toBe(`s-wrong-source-${b.page}`);
			const steps = scenarios[b.page].path.map(hopId);
			for (const c of b.checks) expect(steps, `${b.page}: ${c.cause}`).toContain(c.step);
		}
	});

	it('“Try Local in the explorer” opens a setup where the application sees the client, or at least the SNAT is gone', () => {
		for (const b of sources.filter((b) => isPresetId(b.page) && b.checks.some((c) => c.cause === 'cluster-snat'))) {
			if (!isPresetId(b.page)) continue;
			const fix = b.checks.find((c) => c.cause === 'cluster-snat')?.fix;
			expect(fix, b.page).toEqual({ etp: 'local' });
			const { state, ignored } = parseQuery(`?preset=${b.page}&etp=${fix?.etp}`);
			expect(ignored, b.page).toEqual([]);
			const fixed = sourceBranch(b.page, buildScenario(state.params, PRESETS[b.page].options));
			expect(fixed?.checks.map((c) => c.cause) ?? [], b.page).not.toContain('cluster-snat');
		}
	});

	it('has no branch where the application sees the client: a LoadBalancer with Local behind a forwarding load balancer', () => {
		const keeps = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], etp: 'local', lb: 'forward', targets: 'nodes' });
		expect(sourceBranch('loadbalancer', keeps)).toBeUndefined();
		// The same with Cluster: the node's address.
		const snat = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], etp: 'cluster', lb: 'forward', targets: 'nodes' });
		expect(sourceBranch('loadbalancer', snat)?.checks.map((c) => c.cause)).toEqual(['cluster-snat']);
		// A proxying load balancer with Local: its own address.
		const proxied = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], etp: 'local', lb: 'proxy', targets: 'nodes' });
		expect(sourceBranch('loadbalancer', proxied)?.checks.map((c) => `${c.cause} ${c.becomes.origin}`)).toEqual(['lb-proxies load-balancer']);
	});
});
