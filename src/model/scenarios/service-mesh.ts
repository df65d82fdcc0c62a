import type { Scenario } from '../types.ts';

/*
 * East-west traffic in a sidecar service mesh (Istio's sidecar mode): the `frontend` application calls
 * the `api` Service; its sidecar catches the connection, picks an `api` Pod itself and talks to that
 * Pod's sidecar over mutual TLS. Not a way into the cluster, so it has no comparison facts.
 */
export const serviceMesh = {
	id: 'service-mesh',
	section: 'beyond',
	services: [
		{ name: 'frontend', namespace: 'shop', type: 'ClusterIP', clusterIP: '10.96.60.5', portName: 'http', port: 80, targetPort: 8080, app: 'frontend' },
		{ name: 'api', namespace: 'shop', type: 'ClusterIP', clusterIP: '10.96.52.3', portName: 'http', port: 80, targetPort: 8080, app: 'api' },
	],
	zones: [
		{ id: 'cluster', kind: 'cluster' },
		{ id: 'node-a', kind: 'worker-node', parent: 'cluster', name: 'node-a', address: '10.0.1.11' },
		{ id: 'frontend-pod', kind: 'pod', parent: 'node-a', name: 'frontend-6b8d4-v9kzp', address: '10.244.1.30' },
		{ id: 'node-b', kind: 'worker-node', parent: 'cluster', name: 'node-b', address: '10.0.1.12' },
		{ id: 'api-pod', kind: 'pod', parent: 'node-b', name: 'api-64d5c-rw7tn', address: '10.244.2.9' },
	],
	nodes: [
		{ id: 'api-service', kind: 'service', zone: 'cluster', name: 'api', service: 'api' },
		{ id: 'frontend', kind: 'container', zone: 'frontend-pod', name: 'frontend', service: 'frontend' },
		{ id: 'frontend-sidecar', kind: 'sidecar-proxy', zone: 'frontend-pod', name: 'istio-proxy', service: 'frontend', port: 15001 },
		{ id: 'api-sidecar', kind: 'sidecar-proxy', zone: 'api-pod', name: 'istio-proxy', service: 'api' },
		{ id: 'api', kind: 'container', zone: 'api-pod', name: 'api', service: 'api' },
	],
	path: [
		{ from: 'frontend', to: 'frontend-sidecar', addressedTo: 'api-service', protocol: 'HTTP', transform: 'sidecar-outbound' },
		{ from: 'frontend-sidecar', to: 'api-sidecar', protocol: 'mTLS', transform: 'mesh-mtls' },
		{ from: 'api-sidecar', to: 'api', protocol: 'HTTP', transform: 'sidecar-inbound' },
	],
} as const satisfies Scenario;
