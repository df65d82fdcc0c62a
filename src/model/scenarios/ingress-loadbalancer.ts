import type { Scenario } from '../types.ts';

/*
 * The same Ingress controller behind one cloud load balancer, with TLS ending at the controller.
 * `externalTrafficPolicy: Local` here: the load balancer only sends to nodes that run a controller
 * Pod (the health check node port says which), and the controller sees the client's address.
 */
export const ingressLoadbalancer = {
	id: 'ingress-loadbalancer',
	section: 'exposure',
	services: [
		{
			name: 'traefik',
			namespace: 'traefik',
			type: 'LoadBalancer',
			clusterIP: '10.96.200.10',
			portName: 'websecure',
			port: 443,
			targetPort: 8443,
			nodePort: 31443,
			otherPorts: [{ name: 'web', port: 80, targetPort: 8000, nodePort: 30512 }],
			app: 'traefik',
			externalTrafficPolicy: 'Local',
			loadBalancerIP: '203.0.113.20',
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
		tlsSecret: 'shop-example-com-tls',
		rules: [
			{ path: '/api', service: 'api' },
			{ path: '/', service: 'web' },
		],
	},
	zones: [
		{ id: 'internet', kind: 'internet' },
		{ id: 'cloud', kind: 'cloud-network' },
		{ id: 'cluster', kind: 'cluster' },
		{ id: 'node-a', kind: 'worker-node', parent: 'cluster', name: 'node-a', address: '10.0.1.11' },
		{ id: 'node-b', kind: 'worker-node', parent: 'cluster', name: 'node-b', address: '10.0.1.12' },
	],
	nodes: [
		{ id: 'client', kind: 'client', zone: 'internet', name: 'curl', address: '198.51.100.23' },
		{ id: 'load-balancer', kind: 'cloud-load-balancer', zone: 'cloud', service: 'traefik' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'traefik' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'traefik' },
		{ id: 'traefik-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-5d7b9-xq2lm', service: 'traefik', address: '10.244.1.20' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'traefik' },
		{ id: 'api-1', kind: 'pod', zone: 'node-b', name: 'api-64d5c-rw7tn', service: 'api', address: '10.244.2.9' },
		{ id: 'web-1', kind: 'pod', zone: 'node-b', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.2.7' },
	],
	path: [
		{ from: 'client', to: 'load-balancer', protocol: 'HTTPS', transform: 'load-balancer-connect' },
		{ from: 'load-balancer', to: 'nodeport-a', protocol: 'HTTPS', transform: 'load-balancer-to-node' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'HTTPS', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'traefik-1', protocol: 'HTTPS', transform: 'endpoint-dnat' },
		{ from: 'traefik-1', to: 'api-1', protocol: 'HTTP', transform: 'ingress-route' },
	],
	facts: {
		reach: 'internet',
		layer: 'L7',
		tlsEnds: 'ingress-controller',
		sourceIp: 'proxy',
		cost: 'one-load-balancer',
		production: 'yes',
	},
} as const satisfies Scenario;
