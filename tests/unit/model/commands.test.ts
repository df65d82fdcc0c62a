import { describe, expect, it } from 'vitest';
import { columns, sessionFor, transcript } from '../../../src/model/commands.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';

describe('sessionFor', () => {
	it('pads columns like kubectl', () => {
		expect(columns([['NAME', 'IP'], ['node-a', '10.0.1.11']])).toEqual(['NAME     IP', 'node-a   10.0.1.11']);
	});

	it('shows the NodePort and curls the node without a local Pod', () => {
		const text = transcript(sessionFor(scenarios.nodeport));
		expect(text).toContain('web    NodePort   10.96.41.7   <none>        80:30080/TCP');
		expect(text).toContain('$ curl -s http://10.0.1.11:30080/');
		// SNAT with externalTrafficPolicy: Cluster: the Pod sees node-a's address.
		expect(text).toContain('Hostname: web-7c9f8-k2x4q\nRemoteAddr: 10.0.1.11:41822');
		expect(text).toContain('web-7c9f8-k2x4q   10.244.2.7   node-b');
	});

	it('goes through kubectl proxy with the Service proxy path', () => {
		const text = transcript(sessionFor(scenarios['kubectl-proxy']));
		expect(text).toContain('Starting to serve on 127.0.0.1:8001');
		expect(text).toContain('http://127.0.0.1:8001/api/v1/namespaces/default/services/web:http/proxy/');
		expect(text).toContain('RemoteAddr: 10.0.1.10:41822');
	});

	it('shows the client address in X-Forwarded-For behind an Ingress controller, and the controller as the source', () => {
		const text = transcript(sessionFor(scenarios['ingress-loadbalancer']));
		expect(text).toContain('helm install traefik traefik/traefik -n traefik --create-namespace --set service.type=LoadBalancer --set ports.websecure.nodePort=31443 --set service.spec.externalTrafficPolicy=Local');
		expect(text).toContain('curl -s https://shop.example.com/api/ --resolve shop.example.com:443:203.0.113.20');
		expect(text).toContain('RemoteAddr: 10.244.1.20:41822\nX-Forwarded-For: 198.51.100.23');
	});
});
