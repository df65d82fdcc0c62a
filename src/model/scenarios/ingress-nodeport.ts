import type { Scenario } from '../types.ts';

/*
 * An Ingress controller (Traefik here, a reverse proxy running in Pods) exposed through a NodePort
 * Service, routing by host and path to several Services. The controller is the only thing exposed;
 * the application Services stay ClusterIP, and the controller dials their Pods directly.
 */
export const ingressNodeport = {
	id: 'ingress-nodeport',
	section: 'exposure',
	services: [
		{
			name: 'traefik',
			namespace: 'traefik',
			type: 'NodePort',
			clusterIP: '10.96.200.10',
			portName: 'web',
			port: 80,
			targetPort: 8000,
			nodePort: 30080,
			otherPorts: [{ name: 'websecure', port: 443, targetPort: 8443, nodePort: 31725 }],
			app: 'traefik',
			externalTrafficPolicy: 'Cluster',
			role: 'ingress-controller',
		},
		{ name: 'web', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.41.7', portName: 'http', port: 80, targetPort: 8080, app: 'web' },
		{ name: 'api', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.52.3', portName: 'http', port: 80, targetPort: 8080, app: 'api' },
	],
	routing: {
		kind: 'Ingress',
		name: 'shop',
		namespace: 'default',
		className: 'traefik',
		controller: 'traefik.io/ingress-controller',
		host: 'shop.example.com',
		rules: [
			{ path: '/api', service: 'api' },
			{ path: '/', service: 'web' },
		],
	},
	zones: [
		{ id: 'office', kind: 'user-machine' },
		{ id: 'cluster', kind: 'cluster' },
		{ id: 'node-a', kind: 'worker-node', parent: 'cluster', name: 'node-a', address: '10.0.1.11' },
		{ id: 'node-b', kind: 'worker-node', parent: 'cluster', name: 'node-b', address: '10.0.1.12' },
	],
	nodes: [
		{ id: 'client', kind: 'client', zone: 'office', name: 'curl', address: '10.0.9.15' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'traefik' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'traefik' },
		{ id: 'traefik-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-5d7b9-xq2lm', service: 'traefik', address: '10.244.1.20' },
		{ id: 'web-1', kind: 'pod', zone: 'node-b', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.2.7' },
		{ id: 'api-1', kind: 'pod', zone: 'node-b', name: 'api-64d5c-rw7tn', service: 'api', address: '10.244.2.9' },
	],
	path: [
		{ from: 'client', to: 'nodeport-a', protocol: 'HTTP', transform: 'node-port-connect' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'HTTP', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'traefik-1', protocol: 'HTTP', transform: 'endpoint-dnat' },
		{ from: 'traefik-1', to: 'api-1', protocol: 'HTTP', transform: 'ingress-route' },
	],
	facts: {
		reach: 'node-network',
		layer: 'L7',
		tlsEnds: 'ingress-controller',
		sourceIp: 'proxy',
		cost: 'node-ports',
		production: 'limited',
	},
} as const satisfies Scenario;
