import type { Scenario } from '../types.ts';
import { apiApp, apiPodOnB, internetClient, internetZones, shop, webApp, webPodOnB } from './common.ts';

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
		webApp,
		apiApp,
	],
	routing: {
		kind: 'Ingress',
		name: 'shop',
		namespace: 'default',
		className: 'traefik',
		controller: 'traefik.io/ingress-controller',
		...shop,
	},
	zones: internetZones,
	nodes: [
		internetClient,
		{ id: 'load-balancer', kind: 'cloud-load-balancer', zone: 'cloud', service: 'traefik' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'traefik' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'traefik' },
		{ id: 'traefik-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-5d7b9-xq2lm', service: 'traefik', address: '10.244.1.20' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'traefik' },
		apiPodOnB,
		webPodOnB,
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
		cost: 'one-load-balancer',
		production: 'yes',
	},
} as const satisfies Scenario;
