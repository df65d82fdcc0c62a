import type { Scenario } from '../types.ts';
import { apiApp, apiPodOnB, officeClient, officeZones, shop, webApp, webPodOnB } from './common.ts';

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
		webApp,
		apiApp,
	],
	routing: {
		kind: 'Ingress',
		name: 'shop',
		namespace: 'default',
		className: 'traefik',
		controller: 'traefik.io/ingress-controller',
		host: shop.host,
		rules: shop.rules,
	},
	zones: officeZones,
	nodes: [
		officeClient,
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'traefik' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'traefik' },
		{ id: 'traefik-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-5d7b9-xq2lm', service: 'traefik', address: '10.244.1.20' },
		webPodOnB,
		apiPodOnB,
	],
	path: [
		{ from: 'client', to: 'nodeport-a', protocol: 'HTTP', transform: 'node-port-connect' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'HTTP', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'traefik-1', protocol: 'HTTP', transform: 'endpoint-dnat' },
		{ from: 'traefik-1', to: 'api-1', protocol: 'HTTP', transform: 'ingress-route' },
	],
	facts: {
		reach: 'node-network',
		cost: 'node-ports',
		production: 'limited',
	},
} as const satisfies Scenario;
