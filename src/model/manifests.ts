/*
 * The Kubernetes objects that produce a scenario, built from its Service spec and its Pods. Plain
 * objects (no schema library here, so this stays pure and light); `src/manifests/validate.ts` checks
 * them against the Kubernetes API schema at build time and in the tests.
 */
import type { Scenario, ServiceSpec } from './types.ts';

/** An image that serves HTTP on 8080 as a non-root user, so `targetPort: 8080` is real. */
export const EXAMPLE_IMAGE = 'nginxinc/nginx-unprivileged:1.28-alpine';

export interface Manifest {
	/** A file name a reader could save it as. */
	readonly file: string;
	readonly object: Record<string, unknown>;
}

function deploymentFor(scenario: Scenario, service: ServiceSpec): Manifest {
	const replicas = scenario.nodes.filter((node) => node.kind === 'pod' && node.service === service.name).length;
	return {
		file: `${service.name}-deployment.yaml`,
		object: {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: { name: service.name, namespace: service.namespace, labels: { app: service.app } },
			spec: {
				replicas,
				selector: { matchLabels: { app: service.app } },
				template: {
					metadata: { labels: { app: service.app } },
					spec: {
						containers: [
							{
								name: service.name,
								image: EXAMPLE_IMAGE,
								ports: [{ name: service.portName, containerPort: service.targetPort }],
								readinessProbe: { httpGet: { path: '/', port: service.targetPort } },
								resources: { requests: { cpu: '50m', memory: '32Mi' } },
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
	return {
		file: `${service.name}-service.yaml`,
		object: { apiVersion: 'v1', kind: 'Service', metadata: { name: service.name, namespace: service.namespace }, spec },
	};
}

/** Every manifest of a scenario, in the order `kubectl apply` would want them. */
export function manifestsFor(scenario: Scenario): Manifest[] {
	return scenario.services.flatMap((service) => [deploymentFor(scenario, service), serviceFor(service)]);
}
