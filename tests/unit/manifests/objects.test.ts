import { describe, expect, it } from 'vitest';
import { controllerServiceFor, EXAMPLE_IMAGE, GATEWAY_ACCESS_LABEL, manifestsFor } from '../../../src/model/manifests.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The objects a reader applies, field by field as the Kubernetes API defines them: a Deployment whose
 * selector matches its Pod template's labels and whose container listens on the Service's
 * targetPort; a Service whose `port`, `targetPort` and `nodePort` are the page's; an Ingress with
 * `pathType: Prefix` rules and a `tls` section naming the Secret; a Gateway listener that terminates
 * TLS with that Secret and admits routes from labelled namespaces; an HTTPRoute attached to it.
 */
const byFile = (scenario: Scenario) => Object.fromEntries(manifestsFor(scenario).map((m) => [m.file, m.object]));

describe('the application', () => {
	it('NodePort: a Deployment of two whoami Pods on 8080, and the Service 80 → 8080 on node port 30080 with Cluster', () => {
		expect(byFile(scenarios.nodeport)).toStrictEqual({
			'web-deployment.yaml': {
				apiVersion: 'apps/v1',
				kind: 'Deployment',
				metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
				spec: {
					replicas: 2,
					selector: { matchLabels: { app: 'web' } },
					template: {
						metadata: { labels: { app: 'web' } },
						spec: {
							containers: [
								{
									name: 'web',
									image: 'traefik/whoami:v1.11',
									args: ['--port=8080'],
									ports: [{ name: 'http', containerPort: 8080 }],
									readinessProbe: { httpGet: { path: '/', port: 8080 } },
									resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
								},
							],
						},
					},
				},
			},
			'web-service.yaml': {
				apiVersion: 'v1',
				kind: 'Service',
				metadata: { name: 'web', namespace: 'default' },
				spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }], externalTrafficPolicy: 'Cluster' },
			},
		});
		expect(EXAMPLE_IMAGE).toBe('traefik/whoami:v1.11');
	});

	it('a ClusterIP Service has no node port and no traffic policy field', () => {
		const service = byFile(scenarios['kubectl-proxy'])['web-service.yaml']!;
		expect(service['spec']).toStrictEqual({ type: 'ClusterIP', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] });
		expect(service['metadata']).toStrictEqual({ name: 'web', namespace: 'default' });
	});

	it('the mesh’s applications in their namespace; the Ingress controllers and Gateway proxies come from their charts', () => {
		expect(Object.keys(byFile(scenarios['service-mesh']))).toStrictEqual(['frontend-deployment.yaml', 'frontend-service.yaml', 'api-deployment.yaml', 'api-service.yaml']);
		expect(byFile(scenarios['service-mesh'])['api-deployment.yaml']!['metadata'] as object).toStrictEqual({ name: 'api', namespace: 'shop', labels: { app: 'api' } });
		expect(Object.keys(byFile(scenarios['ingress-loadbalancer']))).toStrictEqual(['api-deployment.yaml', 'api-service.yaml', 'web-deployment.yaml', 'web-service.yaml', 'shop-ingress.yaml']);
	});

	it('a LoadBalancer Service of the reader’s own keeps its annotations, its policy and `allocateLoadBalancerNodePorts`', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		scenario.services[0]!.annotations = { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' };
		scenario.services[0]!.allocateLoadBalancerNodePorts = true;
		const service = byFile(scenario as Scenario)['web-service.yaml']!;
		expect(service['metadata']).toStrictEqual({ name: 'web', namespace: 'default', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' } });
		expect(service['spec']).toStrictEqual({
			type: 'LoadBalancer',
			selector: { app: 'web' },
			ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }],
			externalTrafficPolicy: 'Cluster',
			allocateLoadBalancerNodePorts: true,
		});
	});
});

describe('the routing', () => {
	it('the Ingress: its class, the host, a Prefix rule per path to the Service port 80, and TLS with the shop’s Secret', () => {
		expect(byFile(scenarios['ingress-loadbalancer'])['shop-ingress.yaml']).toStrictEqual({
			apiVersion: 'networking.k8s.io/v1',
			kind: 'Ingress',
			metadata: { name: 'shop', namespace: 'default' },
			spec: {
				ingressClassName: 'traefik',
				rules: [
					{
						host: 'shop.example.com',
						http: {
							paths: [
								{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } },
								{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
							],
						},
					},
				],
				tls: [{ hosts: ['shop.example.com'], secretName: 'shop-example-com-tls' }],
			},
		});
		expect(byFile(scenarios['ingress-nodeport'])['shop-ingress.yaml']!['spec']).not.toHaveProperty('tls');
	});

	it('Gateway API: the class names Envoy Gateway’s controller, the listener terminates TLS on 443, the route attaches across namespaces', () => {
		const files = byFile(scenarios['gateway-api']);
		expect(files['eg-gatewayclass.yaml']).toStrictEqual({
			apiVersion: 'gateway.networking.k8s.io/v1',
			kind: 'GatewayClass',
			metadata: { name: 'eg' },
			spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
		});
		expect(files['web-gateway-gateway.yaml']).toStrictEqual({
			apiVersion: 'gateway.networking.k8s.io/v1',
			kind: 'Gateway',
			metadata: { name: 'web-gateway', namespace: 'gateway' },
			spec: {
				gatewayClassName: 'eg',
				listeners: [
					{
						name: 'https',
						protocol: 'HTTPS',
						port: 443,
						hostname: 'shop.example.com',
						allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'shared-gateway-access': 'true' } } } },
						tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'shop-example-com-tls' }] },
					},
				],
			},
		});
		expect(GATEWAY_ACCESS_LABEL).toBe('shared-gateway-access');
		expect(files['shop-httproute.yaml']).toStrictEqual({
			apiVersion: 'gateway.networking.k8s.io/v1',
			kind: 'HTTPRoute',
			metadata: { name: 'shop', namespace: 'default' },
			spec: {
				parentRefs: [{ name: 'web-gateway', namespace: 'gateway' }],
				hostnames: ['shop.example.com'],
				rules: [
					{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80 }] },
					{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80 }] },
				],
			},
		});
	});

	it('a plain-HTTP Gateway without its own Service or a named Gateway: an `http` listener on 80, a Gateway named after the route’s namespace', () => {
		const scenario = copyOf(scenarios['gateway-api']);
		delete scenario.routing!.tlsSecret;
		delete scenario.routing!.gateway;
		scenario.services[0]!.role = 'app';
		const files = byFile(scenario as Scenario);
		expect(files['gateway-gateway.yaml']!['metadata']).toStrictEqual({ name: 'gateway', namespace: 'default' });
		const listener = (files['gateway-gateway.yaml']!['spec'] as { listeners: Record<string, unknown>[] }).listeners[0]!;
		expect(listener).toStrictEqual({
			name: 'http',
			protocol: 'HTTP',
			port: 80,
			hostname: 'shop.example.com',
			allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'shared-gateway-access': 'true' } } } },
		});
		expect(files['shop-httproute.yaml']!['spec']).toMatchObject({ parentRefs: [{ name: 'gateway', namespace: 'default' }] });
	});

	it('with TLS but no Gateway Service in the model, the listener takes 443; a rule to a Service the model lacks goes to port 80', () => {
		const scenario = copyOf(scenarios['gateway-api']);
		scenario.services = scenario.services.filter((service) => service.role !== 'gateway');
		scenario.services.find((service) => service.name === 'api')!.port = 8081;
		scenario.routing!.rules = [...scenario.routing!.rules, { path: '/cart', service: 'cart' }];
		const files = byFile(scenario as Scenario);
		expect((files['web-gateway-gateway.yaml']!['spec'] as { listeners: { port: number }[] }).listeners[0]!.port).toBe(443);
		const rules = (files['shop-httproute.yaml']!['spec'] as { rules: { backendRefs: { name: string; port: number }[] }[] }).rules;
		expect(rules.map((rule) => rule.backendRefs[0])).toStrictEqual([
			{ name: 'api', port: 8081 },
			{ name: 'web', port: 80 },
			{ name: 'cart', port: 80 },
		]);
	});
});

describe('the listener port', () => {
	it('is the Gateway Service’s port', () => {
		const scenario = copyOf(scenarios['gateway-api']);
		scenario.services[0]!.port = 8443;
		const gateway = byFile(scenario as Scenario)['web-gateway-gateway.yaml']!;
		expect((gateway['spec'] as { listeners: { port: number }[] }).listeners[0]!.port).toBe(8443);
	});
});

describe('the controller’s own Service (one load balancer per API)', () => {
	it('as the Traefik chart renders it: selected by the chart’s labels, targeting the entry point by name, no node ports, the AWS annotations', () => {
		expect(controllerServiceFor(scenarios['loadbalancer-per-api'])).toStrictEqual({
			file: 'traefik-orders-service.yaml',
			object: {
				apiVersion: 'v1',
				kind: 'Service',
				metadata: {
					name: 'traefik-orders',
					namespace: 'edge-orders',
					labels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-orders-edge-orders' },
					annotations: {
						'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
						'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
						'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
					},
				},
				spec: {
					type: 'LoadBalancer',
					selector: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-orders-edge-orders' },
					ports: [{ name: 'websecure', port: 443, targetPort: 'websecure', protocol: 'TCP' }],
					allocateLoadBalancerNodePorts: false,
				},
			},
		});
	});

	it('carries the traffic policy when set, and exists only for a controller with provider annotations', () => {
		const scenario = copyOf(scenarios['loadbalancer-per-api']);
		scenario.services[0]!.externalTrafficPolicy = 'Local';
		expect(controllerServiceFor(scenario as Scenario)?.object['spec']).toMatchObject({ externalTrafficPolicy: 'Local' });
		expect(controllerServiceFor(scenarios['ingress-loadbalancer'])).toBeUndefined();
		expect(controllerServiceFor(scenarios['gateway-api'])).toBeUndefined();
		expect(controllerServiceFor(scenarios.nodeport)).toBeUndefined();
		// A reader's own annotated LoadBalancer Service is one of their manifests, not a controller's.
		const own = copyOf(scenarios.loadbalancer);
		own.services[0]!.annotations = { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' };
		expect(controllerServiceFor(own as Scenario)).toBeUndefined();
	});
});
