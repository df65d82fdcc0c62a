import { describe, expect, it } from 'vitest';
import { comparisonFacts } from '../../../src/model/compare.ts';
import { sessionFor, transcript } from '../../../src/model/commands.ts';
import { hopFacts } from '../../../src/model/hop-facts.ts';
import { pathFacts } from '../../../src/model/path-facts.ts';
import { destinationOf, findNode, formatEndpoint, hopId, sourcesAlong } from '../../../src/model/resolve.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { validateScenario } from '../../../src/model/validate.ts';
import { copyOf } from '../fixtures.ts';

/*
 * `kubectl port-forward service/web 8080:80`, the facts written by hand from how kubectl, the API
 * server, the kubelet and the container runtime behave: kubectl listens on the loopback, resolves the
 * Service to one Pod when it starts, streams to the API server over TLS, the API server opens its own
 * TLS connection to the kubelet's port 10250 on the Pod's node (node-a, 10.0.1.11), and the runtime
 * dials the port on the Pod's own loopback, so the application sees 127.0.0.1.
 */
const scenario: Scenario = scenarios['port-forward'];
const at = (hop: string) => {
	const index = scenario.path.findIndex((h) => hopId(h) === hop);
	if (index < 0) throw new Error(`\`port-forward\` has no hop \`${hop}\`: ${scenario.path.map(hopId).join(', ')}`);
	return index;
};
const destination = (hop: string) => formatEndpoint(destinationOf(scenario, at(hop))!);

describe('kubectl port-forward', () => {
	it('is a valid scenario', () => {
		expect(validateScenario(scenario)).toEqual([]);
	});

	it('listens on the loopback, on the local port of `8080:80`', () => {
		expect(destination('client-to-port-forward')).toBe('127.0.0.1:8080');
	});

	it('goes through the API server’s secure port, then the kubelet of node-a on 10250', () => {
		expect(destination('port-forward-to-api-server')).toBe('10.0.1.10:6443');
		expect(destination('api-server-to-kubelet')).toBe('10.0.1.11:10250');
	});

	it('reaches one Pod, on its loopback and the container’s port, never the ClusterIP or the other Pod', () => {
		expect(destination('kubelet-to-web-1')).toBe('127.0.0.1:8080');
		const reached = scenario.path.map((hop) => findNode(scenario, hop.to)!);
		expect(reached.filter((node) => node.kind === 'pod').map((node) => node.id)).toEqual(['web-1']);
		expect(reached.some((node) => node.kind === 'service' || node.kind === 'kube-proxy')).toBe(false);
		const addresses = scenario.path.map((_, index) => destinationOf(scenario, index)!.host);
		expect(addresses).not.toContain('10.96.41.7');
		expect(addresses).not.toContain('10.244.1.11');
		expect(hopFacts(scenario, 0).forwardTo).toEqual({ pod: 'web-z6jrr-gq98h', namespace: 'default', port: 8080 });
	});

	it('is encrypted from kubectl to the node: TLS starts at kubectl, the API server opens its own, and it ends at the kubelet', () => {
		expect(scenario.path.map((_, index) => hopFacts(scenario, index).tls)).toEqual(['none', 'starts', 'restarts', 'ends']);
		expect(scenario.path.map((_, index) => hopFacts(scenario, index).encrypted)).toEqual([false, true, true, false]);
	});

	it('shows the application a connection from 127.0.0.1, the Pod’s loopback', () => {
		const seen = sourcesAlong(scenario).at(-1)!;
		expect(seen).toMatchObject({ origin: 'loopback', address: '127.0.0.1' });
		// The kubelet, on the other hand, is called by the API server from the control-plane node.
		expect(sourcesAlong(scenario)[at('api-server-to-kubelet')]).toMatchObject({ origin: 'api-server', address: '10.0.1.10' });
		expect(pathFacts(scenario).source.forwardedFor).toBeUndefined();
	});

	it('is an L4, TCP-only way in, although it crosses the API server', () => {
		expect(pathFacts(scenario).layer).toBe('L4');
		const rows = comparisonFacts();
		expect(rows.find((row) => row.id === 'port-forward')).toMatchObject({ layer: 'L4', tcpOnly: true, reach: 'this-machine', entry: '127.0.0.1:8080', ports: '8080 → 6443 → 10250 → 8080' });
		// A NodePort carries UDP too, and kubectl proxy is L7.
		expect(rows.find((row) => row.id === 'nodeport')?.tcpOnly).toBe(false);
		expect(rows.find((row) => row.id === 'kubectl-proxy')).toMatchObject({ layer: 'L7', tcpOnly: false });
	});

	it('shows kubectl’s real output in the session, and whoami’s loopback RemoteAddr', () => {
		const text = transcript(sessionFor(scenario));
		expect(text).toContain('$ kubectl port-forward service/web 8080:80 &\nForwarding from 127.0.0.1:8080 -> 8080\nForwarding from [::1]:8080 -> 8080');
		expect(text).toMatch(/^\$ curl -s http:\/\/127\.0\.0\.1:8080\/ \|/m);
		expect(text).toContain('Handling connection for 8080');
		expect(text).toContain('Hostname: web-z6jrr-gq98h');
		expect(text).toMatch(/^RemoteAddr: 127\.0\.0\.1:\d+$/m);
	});

	it('moves the session with the model: another local port, another Service port', () => {
		const changed = copyOf(scenario);
		changed.nodes.find((node) => node.id === 'port-forward')!.port = 9000;
		changed.services[0]!.port = 8081;
		const text = transcript(sessionFor(changed));
		expect(text).toContain('kubectl port-forward service/web 9000:8081 &\nForwarding from 127.0.0.1:9000 -> 8080');
		expect(text).toContain('curl -s http://127.0.0.1:9000/');
	});
});
