/*
 * Network facts of built scenarios, written from how Kubernetes and the components in front of it
 * behave, not read back from the model. Addresses follow src/model/naming.ts: node-a 10.0.1.11, node-b
 * 10.0.1.12, the control plane 10.0.1.10, the internet client 198.51.100.23, the office client
 * 10.0.9.15, Pods of `web` from 10.244.<node>.10, a load balancer for an application at
 * 203.0.113.10 (private 10.0.0.41), for an Ingress controller at 203.0.113.20 (private 10.0.0.42).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { pathFacts } from '../../../src/model/path-facts.ts';
import { manifestsFor, controllerServiceFor } from '../../../src/model/manifests.ts';
import { sessionFor, transcript } from '../../../src/model/commands.ts';
import { destinationOf, findNode, formatEndpoint } from '../../../src/model/resolve.ts';
import type { ExposureParams } from '../../../src/model/params.ts';
import type { Scenario } from '../../../src/model/types.ts';

const seen = (p: ExposureParams) => pathFacts(buildScenario(p)).source;
const lastNode = (s: Scenario) => findNode(s, s.path.at(-1)!.to)!;
const serviceManifest = (s: Scenario, name: string) =>
	manifestsFor(s).find((m) => m.object['kind'] === 'Service' && (m.object['metadata'] as { name: string }).name === name)?.object as { spec: Record<string, unknown> } | undefined;

describe('the source address the application sees', () => {
	it('NodePort, Cluster, entering a node without a Pod: the entry node’s address, after SNAT', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 1], via: 1, etp: 'cluster' });
		expect(lastNode(s).zone).toBe('node-b');
		expect(pathFacts(s).source.source).toMatchObject({ origin: 'node', address: '10.0.1.11' });
	});

	it('NodePort, Cluster, the rules choosing a Pod on another node: still the entry node’s address', () => {
		expect(seen({ entry: 'nodeport', nodes: 2, pods: [1, 1], via: 1, pick: 2, etp: 'cluster' }).source).toMatchObject({ origin: 'node', address: '10.0.1.11' });
	});

	it('NodePort, Local, entering a node with a Pod: the client’s own address, and a Pod of that node', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 1], via: 2, etp: 'local' });
		expect(lastNode(s).zone).toBe('node-b');
		expect(pathFacts(s).source.source).toEqual({ origin: 'client', address: '10.0.9.15' });
	});

	it('a load balancer that forwards packets, with Local: the client’s address', () => {
		expect(seen({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], etp: 'local', lb: 'forward' }).source).toEqual({ origin: 'client', address: '198.51.100.23' });
	});

	it('a load balancer that proxies connections, with Local: the load balancer’s private address', () => {
		expect(seen({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], etp: 'local', lb: 'proxy' }).source).toEqual({ origin: 'load-balancer', address: '10.0.0.41' });
	});

	it('a load balancer that proxies, with Cluster: the node’s address, which replaced the load balancer’s', () => {
		expect(seen({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], etp: 'cluster', lb: 'proxy' }).source).toMatchObject({ origin: 'node', address: '10.0.1.11', replaced: 'load-balancer' });
	});

	it('Ingress behind a NodePort with Cluster: the controller’s Pod IP, and a node’s address in X-Forwarded-For', () => {
		const { source, forwardedFor } = seen({ entry: 'ingress', front: 'nodeport', nodes: 2, pods: [1, 0], backends: [[0, 1]], routes: 1, via: 1, etp: 'cluster' });
		expect(source).toMatchObject({ origin: 'proxy', address: '10.244.1.40' });
		expect(forwardedFor).toMatchObject({ origin: 'node', address: '10.0.1.11' });
	});

	it('Ingress behind a load balancer that forwards, with Local: the client’s address in X-Forwarded-For', () => {
		expect(seen({ entry: 'ingress', front: 'loadbalancer', nodes: 2, pods: [1, 0], etp: 'local', lb: 'forward' }).forwardedFor).toEqual({ origin: 'client', address: '198.51.100.23' });
	});

	it('kubectl proxy: the API server’s address', () => {
		expect(seen({ entry: 'kubectl-proxy', nodes: 1, pods: [1] }).source).toMatchObject({ origin: 'api-server', address: '10.0.1.10' });
	});

	it('a load balancer that targets Pod IPs and keeps the client’s address (client IP preservation on)', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], lb: 'forward', targets: 'pods' });
		expect(pathFacts(s).source.source).toEqual({ origin: 'client', address: '198.51.100.23' });
		expect(s.nodes.some((n) => n.kind === 'node-port' || n.kind === 'kube-proxy')).toBe(false);
		const spec = serviceManifest(s, 'web')!.spec;
		expect(spec['allocateLoadBalancerNodePorts']).toBe(false);
		expect((spec['ports'] as Record<string, unknown>[])[0]).not.toHaveProperty('nodePort');
		expect(manifestsFor(s).find((m) => (m.object['metadata'] as { name: string }).name === 'web' && m.object['kind'] === 'Service')?.object['metadata']).toMatchObject({
			annotations: {
				'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
				'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true',
			},
		});
	});
});

describe('where TLS ends and what each hop carries', () => {
	it('TLS ended at the load balancer: HTTPS to it, plain TCP after, the certificate named by annotation', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], lb: 'proxy', tls: 'lb' });
		expect(pathFacts(s).tls).toEqual({ at: 'load-balancer', inExample: true });
		expect(s.path.map((h) => h.protocol)).toEqual(['HTTPS', 'TCP', 'TCP', 'TCP']);
		expect(formatEndpoint(destinationOf(s, 0)!)).toBe('203.0.113.10:443');
		expect(s.services[0]!.annotations?.['service.beta.kubernetes.io/aws-load-balancer-ssl-ports']).toBe('443');
	});

	it('TLS to the Pod through a NodePort: every hop carries HTTPS, to the container’s HTTPS port', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [1, 0], tls: 'pod' });
		expect(s.path.every((h) => h.protocol === 'HTTPS')).toBe(true);
		expect(pathFacts(s).tls.at).toBe('pod');
		expect(formatEndpoint(destinationOf(s, s.path.length - 1)!)).toBe('10.244.1.10:8443');
	});

	it('TLS at the Ingress controller: the Ingress names the Secret, HTTP after the controller', () => {
		const s = buildScenario({ entry: 'ingress', front: 'loadbalancer', nodes: 2, pods: [1, 0], tls: 'edge' });
		expect(pathFacts(s).tls.at).toBe('ingress-controller');
		expect(s.path.at(-1)!.protocol).toBe('HTTP');
		const ingress = manifestsFor(s).find((m) => m.object['kind'] === 'Ingress')!.object as { spec: { tls: unknown } };
		expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-example-com-tls' }]);
	});

	it('a way in through an Ingress or a Gateway is L7; through a NodePort, L4', () => {
		expect(pathFacts(buildScenario({ entry: 'ingress' })).layer).toBe('L7');
		expect(pathFacts(buildScenario({ entry: 'gateway' })).layer).toBe('L7');
		expect(pathFacts(buildScenario({ entry: 'nodeport' })).layer).toBe('L4');
	});
});

describe('how a request ends', () => {
	it('Local on a node that runs no Pod: dropped at kube-proxy’s rules, the client times out', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'local' });
		expect(s.outcome).toEqual({ kind: 'dropped', atHop: 1, reason: 'no-local-endpoint', symptom: 'timeout' });
		expect(lastNode(s).kind).toBe('kube-proxy');
		expect(transcript(sessionFor(s))).toContain('curl: (28) Connection timed out');
	});

	it('no ready Pod at all: kube-proxy rejects the connection, with Cluster and with Local alike', () => {
		for (const etp of ['cluster', 'local'] as const) {
			const s = buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 0], etp });
			expect(s.outcome, etp).toMatchObject({ kind: 'refused', symptom: 'connection-refused' });
			expect(transcript(sessionFor(s))).toContain("curl: (7) Failed to connect to 10.0.1.11 port 30080 after 1 ms: Couldn't connect to server");
		}
	});

	it('a load balancer with Local sends to a node that runs a Pod when nothing says otherwise (its health checks)', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [0, 0, 1], etp: 'local' });
		expect(s.outcome).toBeUndefined();
		expect(s.path[1]!.to).toBe('nodeport-c');
	});

	it('nothing implements type LoadBalancer: pending, EXTERNAL-IP <pending>, no curl', () => {
		const s = buildScenario({ entry: 'loadbalancer', lb: 'none' });
		expect(s.outcome).toMatchObject({ kind: 'pending', atHop: 0, symptom: 'no-address' });
		const text = transcript(sessionFor(s));
		expect(text).toMatch(/web\s+LoadBalancer\s+10\.96\.41\.7\s+<pending>\s+80:30080\/TCP/);
		expect(text).not.toContain('curl');
	});

	it('a route to a Service without endpoints: Traefik answers 404 (allowEmptyServices off), Envoy Gateway 503', () => {
		const ingress = buildScenario({ entry: 'ingress', nodes: 2, pods: [1, 0], backends: [[0, 0]], routes: 1 });
		expect(ingress.outcome).toMatchObject({ kind: 'refused', symptom: 'http-404' });
		expect(transcript(sessionFor(ingress))).toContain('404 page not found');
		const gateway = buildScenario({ entry: 'gateway', nodes: 2, pods: [1, 0], backends: [[0, 0]], routes: 1 });
		expect(gateway.outcome).toMatchObject({ kind: 'refused', symptom: 'http-503' });
		expect(transcript(sessionFor(gateway))).toContain('no healthy upstream');
	});

	it('kubectl proxy to a Service without endpoints: the API server answers 503 with its Status', () => {
		const s = buildScenario({ entry: 'kubectl-proxy', nodes: 1, pods: [0] });
		expect(s.outcome).toMatchObject({ kind: 'refused', symptom: 'http-503' });
		expect(transcript(sessionFor(s))).toContain('"message": "no endpoints available for service \\"web\\""');
	});
});

describe('what the reader installs', () => {
	it('Envoy Gateway’s defaults (LoadBalancer, Local, one replica) need no EnvoyProxy; anything else does', () => {
		const plain = buildScenario({ entry: 'gateway', nodes: 2, pods: [1, 0] });
		expect(manifestsFor(plain).some((m) => m.object['kind'] === 'EnvoyProxy')).toBe(false);
		expect(plain.services[0]!.externalTrafficPolicy).toBe('Local');
		const custom = buildScenario({ entry: 'gateway', front: 'nodeport', nodes: 2, pods: [2, 1], etp: 'cluster' });
		const proxy = manifestsFor(custom).find((m) => m.object['kind'] === 'EnvoyProxy')!.object;
		expect(proxy['spec']).toEqual({ provider: { type: 'Kubernetes', kubernetes: { envoyService: { type: 'NodePort', externalTrafficPolicy: 'Cluster' }, envoyDeployment: { replicas: 3 } } } });
		const gatewayClass = manifestsFor(custom).find((m) => m.object['kind'] === 'GatewayClass')!.object as { spec: Record<string, unknown> };
		expect(gatewayClass.spec['parametersRef']).toEqual({ group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'eg-proxy', namespace: 'envoy-gateway-system' });
	});

	it('the controller Service of a load balancer that ends TLS targets Traefik’s plain `web` entry point', () => {
		const s = buildScenario({ entry: 'ingress', front: 'loadbalancer', lb: 'proxy', tls: 'lb' });
		const service = controllerServiceFor(s)!.object as { spec: { ports: { port: number; targetPort: string }[] } };
		expect(service.spec.ports).toEqual([{ name: 'websecure', port: 443, targetPort: 'web', protocol: 'TCP' }]);
	});

	it('Traefik with three Pods: the chart is told three replicas', () => {
		expect(transcript(sessionFor(buildScenario({ entry: 'ingress', front: 'nodeport', nodes: 3, pods: [1, 1, 1] })))).toContain('--set deployment.replicas=3');
	});

	it('the Pod that serves the request is `<app>-1`, whatever the node order', () => {
		const s = buildScenario({ entry: 'nodeport', nodes: 3, pods: [2, 0, 1], via: 2, pick: 3 });
		expect(lastNode(s)).toMatchObject({ id: 'web-1', zone: 'node-c', address: '10.244.3.10' });
		expect(s.nodes.filter((n) => n.kind === 'pod').map((n) => n.id)).toEqual(['web-2', 'web-3', 'web-1']);
	});
});

describe('Envoy Gateway’s ports', () => {
	it('a listener on 443 is served on container port 10443, whether it speaks HTTPS or, behind a load balancer that ends TLS, HTTP', () => {
		const edge = buildScenario({ entry: 'gateway', tls: 'edge' }).services[0]!;
		const behindTls = buildScenario({ entry: 'gateway', tls: 'lb', lb: 'proxy' }).services[0]!;
		expect([edge.portName, edge.port, edge.targetPort]).toEqual(['https-443', 443, 10443]);
		expect([behindTls.portName, behindTls.port, behindTls.targetPort]).toEqual(['http-443', 443, 10443]);
		expect(buildScenario({ entry: 'gateway' }).services[0]!.targetPort).toBe(10080);
	});
});

describe('Local behind a load balancer, the node left to the load balancer', () => {
	it('a request served by node-b’s Pod entered node-b: health checks keep the load balancer on nodes with a Pod, and Local never leaves the node', () => {
		const s = buildScenario({ entry: 'loadbalancer', nodes: 3, pods: [1, 1, 1], pick: 2, etp: 'local' });
		expect(lastNode(s)).toMatchObject({ zone: 'node-b', address: '10.244.2.10' });
		expect(s.path.map((hop) => hop.to)).toContain('nodeport-b');
	});

	it('the same through a Gateway, Envoy Gateway’s Service being Local by default', () => {
		const s = buildScenario({ entry: 'gateway', nodes: 5, pods: [1, 1, 1, 1, 1], pick: 2 });
		expect(s.path.map((hop) => hop.to)).toContain('nodeport-b');
	});
});
