import type { Scenario } from '../types.ts';
import { internetZones, internetClient, webPodOnB } from './common.ts';

/*
 * A LoadBalancer Service: the cloud provisions a load balancer with a public address and points it
 * at the NodePort it builds on. The subtlety: with `externalTrafficPolicy: Cluster` the node the load
 * balancer picks runs a Pod of the Service, yet the rules may still send the packet to another node.
 */
export const loadbalancer = {
	id: 'loadbalancer',
	section: 'exposure',
	services: [
		{
			name: 'web',
			namespace: 'default',
			type: 'LoadBalancer',
			clusterIP: '10.96.41.7',
			portName: 'http',
			port: 80,
			targetPort: 8080,
			nodePort: 31380,
			app: 'web',
			externalTrafficPolicy: 'Cluster',
			loadBalancerIP: '203.0.113.10',
		},
	],
	zones: internetZones,
	nodes: [
		internetClient,
		{ id: 'load-balancer', kind: 'cloud-load-balancer', zone: 'cloud', service: 'web' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'web' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'web' },
		{ id: 'web-2', kind: 'pod', zone: 'node-a', name: 'web-7c9f8-p8mzt', service: 'web', address: '10.244.1.8' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'web' },
		webPodOnB,
	],
	path: [
		{ from: 'client', to: 'load-balancer', protocol: 'TCP', transform: 'load-balancer-connect' },
		{ from: 'load-balancer', to: 'nodeport-a', protocol: 'TCP', transform: 'load-balancer-to-node' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'TCP', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'web-1', protocol: 'TCP', transform: 'endpoint-dnat' },
	],
	facts: {
		reach: 'internet',
		cost: 'load-balancer-per-service',
		production: 'yes',
	},
} as const satisfies Scenario;
