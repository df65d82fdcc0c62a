import type { Scenario } from '../types.ts';
import { apiApp, apiPodOnB, internetClient, internetZones, shop, webApp, webPodOnB } from './common.ts';

/*
 * Gateway API with Envoy Gateway: the cluster operator's Gateway gets its own Envoy Deployment and
 * LoadBalancer Service; the application team's HTTPRoute attaches to it. The data path looks like
 * the Ingress one; what changes is who owns which object.
 *
 * Envoy Gateway names that Service and Deployment `envoy-<gateway namespace>-<gateway name>-<hash>`,
 * the hash being the first 8 hex digits of SHA-256("gateway/web-gateway"), and labels them with the
 * Gateway's namespace and name (`gateway.envoyproxy.io/owning-gateway-*`). Its Services default to
 * `externalTrafficPolicy: Local`.
 */
export const gatewayApi = {
	id: 'gateway-api',
	section: 'beyond',
	services: [
		{
			name: 'envoy-gateway-web-gateway-b52444e4',
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
		webApp,
		apiApp,
	],
	routing: {
		kind: 'HTTPRoute',
		name: 'shop',
		namespace: 'default',
		className: 'eg',
		controller: 'gateway.envoyproxy.io/gatewayclass-controller',
		gateway: { name: 'web-gateway', namespace: 'gateway' },
		...shop,
	},
	zones: internetZones,
	nodes: [
		internetClient,
		{ id: 'load-balancer', kind: 'cloud-load-balancer', zone: 'cloud', service: 'envoy-gateway-web-gateway-b52444e4' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'envoy-gateway-web-gateway-b52444e4' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'envoy-gateway-web-gateway-b52444e4' },
		{ id: 'envoy-1', kind: 'gateway-proxy', zone: 'node-a', name: 'envoy-gateway-web-gateway-b52444e4-7f6c5d8b9-zt5pc', service: 'envoy-gateway-web-gateway-b52444e4', address: '10.244.1.40' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'envoy-gateway-web-gateway-b52444e4' },
		apiPodOnB,
		webPodOnB,
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
		cost: 'one-load-balancer',
		production: 'yes',
	},
} as const satisfies Scenario;
