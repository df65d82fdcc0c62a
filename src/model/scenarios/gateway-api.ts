import type { Scenario } from '../types.ts';

/*
 * Gateway API with Envoy Gateway: the cluster operator's Gateway gets its own Envoy Deployment and
 * LoadBalancer Service; the application team's HTTPRoute attaches to it. The data path looks like
 * the Ingress one; what changes is who owns which object.
 */
export const gatewayApi = {
	id: 'gateway-api',
	section: 'beyond',
	services: [
		{
			name: 'envoy-gateway-web-gateway',
			namespace: 'envoy-gateway-system',
			type: 'LoadBalancer',
			clusterIP: '10.96.210.4',
			portName: 'https-443',
			port: 443,
			targetPort: 10443,
			nodePort: 32443,
			app: 'envoy',
			externalTrafficPolicy: 'Local',
			loadBalancerIP: '203.0.113.40',
			role: 'gateway',
		},
		{ name: 'web', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.41.7', portName: 'http', port: 80, targetPort: 8080, app: 'web' },
		{ name: 'api', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.52.3', portName: 'http', port: 80, targetPort: 8080, app: 'api' },
	],
	routing: {
		kind: 'HTTPRoute',
		name: 'shop',
		namespace: 'default',
		className: 'eg',
		controller: 'gateway.envoyproxy.io/gatewayclass-controller',
		gateway: { name: 'web-gateway', namespace: 'gateway' },
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
		{ id: 'load-balancer', kind: 'cloud-load-balancer', zone: 'cloud', service: 'envoy-gateway-web-gateway' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'envoy-gateway-web-gateway' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'envoy-gateway-web-gateway' },
		{ id: 'envoy-1', kind: 'gateway-proxy', zone: 'node-a', name: 'envoy-7f6c5-zt5pc', service: 'envoy-gateway-web-gateway', address: '10.244.1.40' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'envoy-gateway-web-gateway' },
		{ id: 'api-1', kind: 'pod', zone: 'node-b', name: 'api-64d5c-rw7tn', service: 'api', address: '10.244.2.9' },
		{ id: 'web-1', kind: 'pod', zone: 'node-b', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.2.7' },
	],
	path: [
		{ from: 'client', to: 'load-balancer', protocol: 'HTTPS', transform: 'load-balancer-connect' },
		{ from: 'load-balancer', to: 'nodeport-a', protocol: 'HTTPS', transform: 'load-balancer-to-node' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'HTTPS', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'envoy-1', protocol: 'HTTPS', transform: 'endpoint-dnat' },
		{ from: 'envoy-1', to: 'api-1', protocol: 'HTTP', transform: 'gateway-route' },
	],
	facts: {
		reach: 'internet',
		layer: 'L7',
		tlsEnds: 'gateway',
		sourceIp: 'proxy',
		cost: 'one-load-balancer',
		production: 'yes',
	},
} as const satisfies Scenario;
