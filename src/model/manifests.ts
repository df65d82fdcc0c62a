/*
 * The Kubernetes objects that produce a scenario, built from its Services, its Pods and its routing.
 * Plain objects (no schema library here, so this stays pure and light); `src/manifests/validate.ts`
 * checks them against the Kubernetes API schema at build time and in the tests.
 */
import { endpointsOf, findNode, findService } from './resolve.ts';
import type { Routing, Scenario, ServiceSpec } from './types.ts';

/**
 * The example application: a tiny HTTP server that answers any path with who it is and who called
 * (`Hostname`, `RemoteAddr`, `X-Forwarded-For`), so the source address each page talks about can be
 * seen in a terminal.
 */
export const EXAMPLE_IMAGE = 'traefik/whoami:v1.11';

export interface Manifest {
	/** A file name a reader could save it as. */
	readonly file: string;
	readonly object: Record<string, unknown>;
}

function deploymentFor(scenario: Scenario, service: ServiceSpec): Manifest {
	return {
		file: `${service.name}-deployment.yaml`,
		object: {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: { name: service.name, namespace: service.namespace, labels: { app: service.app } },
			spec: {
				replicas: endpointsOf(scenario, service.name).length,
				selector: { matchLabels: { app: service.app } },
				template: {
					metadata: { labels: { app: service.app } },
					spec: {
						containers: [
							{
								name: service.name,
								image: EXAMPLE_IMAGE,
								args: [`--port=${service.targetPort}`],
								ports: [{ name: service.portName, containerPort: service.targetPort }],
								readinessProbe: { httpGet: { path: '/', port: service.targetPort } },
								resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '32Mi' } },
							},
						],
					},
				},
			},
		},
	};
}

function serviceFor(service: ServiceSpec): Manifest {
	const port: Record<string, unknown> = { name: service.portName, port: service.port, targetPort: service.targetPort, protocol: 'TCP' };
	if (service.nodePort !== undefined) port['nodePort'] = service.nodePort;
	const spec: Record<string, unknown> = { type: service.type, selector: { app: service.app }, ports: [port] };
	if (service.externalTrafficPolicy !== undefined) spec['externalTrafficPolicy'] = service.externalTrafficPolicy;
	if (service.allocateLoadBalancerNodePorts !== undefined) spec['allocateLoadBalancerNodePorts'] = service.allocateLoadBalancerNodePorts;
	if (service.sessionAffinity !== undefined) spec['sessionAffinity'] = service.sessionAffinity;
	const metadata: Record<string, unknown> = { name: service.name, namespace: service.namespace };
	if (service.annotations) metadata['annotations'] = { ...service.annotations };
	return { file: `${service.name}-service.yaml`, object: { apiVersion: 'v1', kind: 'Service', metadata, spec } };
}

function backendPort(scenario: Scenario, name: string): number {
	return scenario.services.find((service) => service.name === name)?.port ?? 80;
}

function ingressFor(scenario: Scenario, routing: Routing): Manifest[] {
	const spec: Record<string, unknown> = {
		ingressClassName: routing.className,
		rules: [
			{
				host: routing.host,
				http: {
					paths: routing.rules.map((rule) => ({
						path: rule.path,
						pathType: 'Prefix',
						backend: { service: { name: rule.service, port: { number: backendPort(scenario, rule.service) } } },
					})),
				},
			},
		],
	};
	if (routing.tlsSecret) spec['tls'] = [{ hosts: [routing.host], secretName: routing.tlsSecret }];
	return [{ file: `${routing.name}-ingress.yaml`, object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: routing.name, namespace: routing.namespace }, spec } }];
}

/** The label a namespace needs before its routes may attach to the shared Gateway. */
export const GATEWAY_ACCESS_LABEL = 'shared-gateway-access';

/** The name of the EnvoyProxy a GatewayClass points to when its Gateways need a Service or a Deployment other than Envoy Gateway's default. */
export const ENVOY_PROXY_NAME = 'eg-proxy';

/**
 * Envoy Gateway's defaults for the data plane it creates per Gateway: one replica, a LoadBalancer
 * Service with `externalTrafficPolicy: Local`. Anything else is asked for in an EnvoyProxy.
 */
function envoyProxyFor(scenario: Scenario, proxy: ServiceSpec | undefined): Manifest | undefined {
	if (!proxy) return undefined;
	const service: Record<string, unknown> = {};
	if (proxy.type !== 'LoadBalancer') service['type'] = proxy.type;
	if ((proxy.externalTrafficPolicy ?? 'Cluster') !== 'Local') service['externalTrafficPolicy'] = proxy.externalTrafficPolicy ?? 'Cluster';
	const count = endpointsOf(scenario, proxy.name).length;
	const kubernetes: Record<string, unknown> = {};
	if (Object.keys(service).length > 0) kubernetes['envoyService'] = service;
	if (count !== 1) kubernetes['envoyDeployment'] = { replicas: count };
	if (Object.keys(kubernetes).length === 0) return undefined;
	return {
		file: `${ENVOY_PROXY_NAME}-envoyproxy.yaml`,
		object: {
			apiVersion: 'gateway.envoyproxy.io/v1alpha1',
			kind: 'EnvoyProxy',
			metadata: { name: ENVOY_PROXY_NAME, namespace: proxy.namespace },
			spec: { provider: { type: 'Kubernetes', kubernetes } },
		},
	};
}

function gatewayApiFor(scenario: Scenario, routing: Routing): Manifest[] {
	const gateway = routing.gateway ?? { name: 'gateway', namespace: routing.namespace };
	const listenerPort = scenario.services.find((service) => service.role === 'gateway')?.port ?? (routing.tlsSecret ? 443 : 80);
	const listener: Record<string, unknown> = {
		name: routing.tlsSecret ? 'https' : 'http',
		protocol: routing.tlsSecret ? 'HTTPS' : 'HTTP',
		port: listenerPort,
		hostname: routing.host,
		allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { [GATEWAY_ACCESS_LABEL]: 'true' } } } },
	};
	if (routing.tlsSecret) listener['tls'] = { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: routing.tlsSecret }] };
	const proxy = scenario.services.find((service) => service.role === 'gateway');
	const envoyProxy = envoyProxyFor(scenario, proxy);
	const classSpec: Record<string, unknown> = { controllerName: routing.controller };
	if (envoyProxy && proxy) classSpec['parametersRef'] = { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: ENVOY_PROXY_NAME, namespace: proxy.namespace };
	return [
		...(envoyProxy ? [envoyProxy] : []),
		{
			file: `${routing.className}-gatewayclass.yaml`,
			object: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: routing.className }, spec: classSpec },
		},
		{
			file: `${gateway.name}-gateway.yaml`,
			object: {
				apiVersion: 'gateway.networking.k8s.io/v1',
				kind: 'Gateway',
				metadata: { name: gateway.name, namespace: gateway.namespace },
				spec: { gatewayClassName: routing.className, listeners: [listener] },
			},
		},
		{
			file: `${routing.name}-httproute.yaml`,
			object: {
				apiVersion: 'gateway.networking.k8s.io/v1',
				kind: 'HTTPRoute',
				metadata: { name: routing.name, namespace: routing.namespace },
				spec: {
					parentRefs: [{ name: gateway.name, namespace: gateway.namespace }],
					hostnames: [routing.host],
					rules: routing.rules.map((rule) => ({
						matches: [{ path: { type: 'PathPrefix', value: rule.path } }],
						backendRefs: [{ name: rule.service, port: backendPort(scenario, rule.service) }],
					})),
				},
			},
		},
	];
}

/**
 * Every manifest of a scenario, in the order `kubectl apply` would want them: the applications'
 * Deployments and Services, then the routing. Controllers and Gateway proxies, with their Services,
 * come from a Helm chart or the Gateway implementation (see `commands.ts`), not from the reader.
 */
export function manifestsFor(scenario: Scenario): Manifest[] {
	const apps = scenario.services.filter((service) => (service.role ?? 'app') === 'app');
	const routing = scenario.routing;
	return [
		...apps.flatMap((service) => [deploymentFor(scenario, service), serviceFor(service)]),
		...(routing === undefined ? [] : routing.kind === 'Ingress' ? ingressFor(scenario, routing) : gatewayApiFor(scenario, routing)),
	];
}

/** The Traefik chart's entry points and their container ports: a Service port targets one by name. */
export const TRAEFIK_ENTRY_POINTS = [
	{ name: 'web', port: 8000 },
	{ name: 'websecure', port: 8443 },
] as const;

/**
 * The labels the Traefik chart gives a release's Pods and selects them by: the chart's name, and
 * `<release>-<namespace>` as the instance (the release is named after its Service here).
 */
function traefikSelector(service: ServiceSpec): Record<string, string> {
	return { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': `${service.name}-${service.namespace}` };
}

/**
 * The Ingress controller's own `Service`, as its Helm chart renders it from the group's values: the
 * piece of the platform side that asks for the load balancer. Only for a controller Service that
 * carries provider annotations (the one-load-balancer-per-API pattern); the other pages install theirs
 * with a `helm install` line (`commands.ts`).
 */
export function controllerServiceFor(scenario: Scenario): Manifest | undefined {
	const entered = scenario.path.map((hop) => findService(scenario, findNode(scenario, hop.to)?.service));
	const service = entered.find((s) => s?.role === 'ingress-controller' && s.annotations !== undefined);
	if (!service) return undefined;
	const spec: Record<string, unknown> = {
		type: service.type,
		selector: traefikSelector(service),
		// The chart names the container port after the entry point, and the Service targets it by name.
		ports: [{ name: service.portName, port: service.port, targetPort: TRAEFIK_ENTRY_POINTS.find((point) => point.port === service.targetPort)?.name ?? service.portName, protocol: 'TCP' }],
	};
	if (service.allocateLoadBalancerNodePorts !== undefined) spec['allocateLoadBalancerNodePorts'] = service.allocateLoadBalancerNodePorts;
	if (service.externalTrafficPolicy !== undefined) spec['externalTrafficPolicy'] = service.externalTrafficPolicy;
	return {
		file: `${service.name}-service.yaml`,
		object: {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: { name: service.name, namespace: service.namespace, labels: traefikSelector(service), annotations: { ...service.annotations } },
			spec,
		},
	};
}
