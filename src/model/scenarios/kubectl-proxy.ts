import type { Scenario } from '../types.ts';

/*
 * `kubectl proxy` on a laptop, the API server's service proxy, and a ClusterIP Service.
 * The subtlety this scenario shows: the API server resolves the Service to an endpoint and dials
 * the Pod itself; the ClusterIP is never the destination of a packet on this path.
 */
export const kubectlProxy = {
	id: 'kubectl-proxy',
	section: 'exposure',
	services: [
		{
			name: 'web',
			namespace: 'default',
			type: 'ClusterIP',
			clusterIP: '10.96.41.7',
			portName: 'http',
			port: 80,
			targetPort: 8080,
			app: 'web',
		},
	],
	zones: [
		{ id: 'laptop', kind: 'user-machine' },
		{ id: 'cluster', kind: 'cluster' },
		{ id: 'control-plane', kind: 'control-plane', parent: 'cluster', name: 'control-plane', address: '10.0.1.10' },
		{ id: 'node-a', kind: 'worker-node', parent: 'cluster', name: 'node-a', address: '10.0.1.11' },
	],
	nodes: [
		{ id: 'client', kind: 'client', zone: 'laptop', name: 'curl' },
		{ id: 'kubectl-proxy', kind: 'kubectl-proxy', zone: 'laptop' },
		{ id: 'service', kind: 'service', zone: 'cluster', name: 'web', service: 'web' },
		{ id: 'api-server', kind: 'api-server', zone: 'control-plane', name: 'kube-apiserver' },
		{ id: 'web-1', kind: 'pod', zone: 'node-a', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.1.12' },
		{ id: 'web-2', kind: 'pod', zone: 'node-a', name: 'web-7c9f8-p8mzt', service: 'web', address: '10.244.1.13' },
	],
	path: [
		{ from: 'client', to: 'kubectl-proxy', protocol: 'HTTP', transform: 'loopback-http' },
		{ from: 'kubectl-proxy', to: 'api-server', protocol: 'HTTPS', transform: 'api-authenticated-proxy' },
		{ from: 'api-server', to: 'web-1', protocol: 'HTTP', transform: 'api-service-proxy' },
	],
	facts: {
		reach: 'this-machine',
		cost: 'none',
		production: 'never',
	},
} as const satisfies Scenario;
