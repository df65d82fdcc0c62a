import { describe, expect, it } from 'vitest';
import { columns, sessionFor, transcript } from '../../../src/model/commands.ts';
import { packetsOf } from '../../../src/model/packet.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';

/** The source port of the last connection, as the last step's packet shows it: the session says the same. */
const lastPort = (id: ScenarioId) => packetsOf(scenarios[id]).at(-1)?.source.port;

describe('sessionFor', () => {
	it('pads columns like kubectl', () => {
		expect(
			columns([
				['NAME', 'IP'],
				['node-a', '10.0.1.11'],
			]),
		).toEqual(['NAME     IP', 'node-a   10.0.1.11']);
	});

	it('shows the NodePort and curls the node without a local Pod', () => {
		const text = transcript(sessionFor(scenarios.nodeport));
		expect(text).toContain('web    NodePort   10.96.41.7   <none>        80:30080/TCP');
		expect(text).toContain('$ curl -s http://10.0.1.11:30080/');
		// SNAT with externalTrafficPolicy: Cluster: the Pod sees node-a's address.
		expect(text).toContain(`Hostname: web-z6jrr-gq98h\nRemoteAddr: 10.0.1.11:${lastPort('nodeport')}`);
		expect(text).toContain('web-z6jrr-gq98h   10.244.2.10   node-b');
	});

	it('goes through kubectl proxy with the Service proxy path', () => {
		const text = transcript(sessionFor(scenarios['kubectl-proxy']));
		expect(text).toContain('Starting to serve on 127.0.0.1:8001');
		expect(text).toContain('http://127.0.0.1:8001/api/v1/namespaces/default/services/web:http/proxy/');
		expect(text).toContain(`RemoteAddr: 10.0.1.10:${lastPort('kubectl-proxy')}`);
	});

	it('shows the client address in X-Forwarded-For behind an Ingress controller, and the controller as the source', () => {
		const text = transcript(sessionFor(scenarios['ingress-loadbalancer']));
		// The chart's Service type is `service.spec.type` (a `service.type` value would be ignored), and the repository must be added first.
		expect(text).toContain('$ helm repo add traefik https://traefik.github.io/charts\n"traefik" has been added to your repositories');
		expect(text).toContain(
			'helm install traefik traefik/traefik --version 41.3.0 -n traefik --create-namespace --set service.spec.type=LoadBalancer --set ports.websecure.nodePort=30443 --set service.spec.externalTrafficPolicy=Local',
		);
		expect(text).toContain('curl -s https://shop.example.com/api/ --resolve shop.example.com:443:203.0.113.20');
		expect(text).toContain(`RemoteAddr: 10.244.1.40:${lastPort('ingress-loadbalancer')}\nX-Forwarded-For: 198.51.100.23`);
	});

	it('keeps the node address in X-Forwarded-For behind a NodePort controller with externalTrafficPolicy: Cluster', () => {
		const text = transcript(sessionFor(scenarios['ingress-nodeport']));
		expect(text).toContain('--set service.spec.type=NodePort --set ports.web.nodePort=30080');
		expect(text).toContain(`RemoteAddr: 10.244.1.40:${lastPort('ingress-nodeport')}\nX-Forwarded-For: 10.0.1.11`);
	});

	it('finds the Gateway’s Service and Pod by the owning-gateway labels, and pins Envoy Gateway', () => {
		const text = transcript(sessionFor(scenarios['gateway-api']));
		const labels = 'gateway.envoyproxy.io/owning-gateway-namespace=gateway,gateway.envoyproxy.io/owning-gateway-name=web-gateway';
		expect(text).toContain(`$ kubectl get service -n envoy-gateway-system -l ${labels}\n`);
		expect(text).toMatch(/\nenvoy-gateway-web-gateway-b52444e4 +LoadBalancer +10\.96\.210\.4 +203\.0\.113\.40 +443:30443\/TCP/);
		expect(text).toContain(`$ kubectl get pods -n envoy-gateway-system -l ${labels} -o custom-columns=`);
		expect(text).toMatch(/\nenvoy-gateway-web-gateway-b52444e4-[a-z0-9]+-[a-z0-9]+ +10\.244\.1\.40 +node-a/);
		expect(text).not.toContain('kubectl get service envoy-gateway-web-gateway ');
		expect(text).toContain('helm install eg oci://docker.io/envoyproxy/gateway-helm --version v1.9.0 -n envoy-gateway-system --create-namespace');
	});

	it('shows the NLB’s DNS name, and its own private address where the client’s would be', () => {
		const text = transcript(sessionFor(scenarios['loadbalancer-per-api']));
		expect(text).toMatch(/traefik-orders +LoadBalancer +10\.96\.200\.20 +k8s-[a-z0-9-]+\.elb\.[a-z0-9-]+\.amazonaws\.com +443\/TCP/);
		expect(text).toContain(`RemoteAddr: 10.0.1.55:${lastPort('loadbalancer-per-api')}\nX-Forwarded-For: 10.0.0.48`);
		expect(text).not.toContain('198.51.100.23');
	});

	it('prints a different ephemeral source port on each page, where whoami used to print one number everywhere', () => {
		const ports = (['nodeport', 'kubectl-proxy', 'ingress-nodeport', 'ingress-loadbalancer'] as const).map((id) =>
			Number(/RemoteAddr: [\d.]+:(\d+)/.exec(transcript(sessionFor(scenarios[id])))?.[1]),
		);
		for (const port of ports) expect(port).toBeGreaterThanOrEqual(32768);
		expect(new Set(ports).size).toBe(ports.length);
	});
});
