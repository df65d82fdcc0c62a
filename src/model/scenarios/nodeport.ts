import type { Scenario } from '../types.ts';
import { officeClient, officeZones, webPodOnB } from './common.ts';

/*
 * A NodePort Service on two nodes. The client enters through `node-a`, which runs no Pod of the
 * Service: the rules there forward the packet to `node-b` and, with the default
 * `externalTrafficPolicy: Cluster`, rewrite its source too.
 */
export const nodeport = {
	id: 'nodeport',
	section: 'exposure',
	services: [
		{
			name: 'web',
			namespace: 'default',
			type: 'NodePort',
			clusterIP: '10.96.41.7',
			portName: 'http',
			port: 80,
			targetPort: 8080,
			nodePort: 30080,
			app: 'web',
			externalTrafficPolicy: 'Cluster',
		},
	],
	zones: officeZones,
	nodes: [
		officeClient,
		{ id: 'service', kind: 'service', zone: 'cluster', name: 'web', service: 'web' },
		{ id: 'nodeport-a', kind: 'node-port', zone: 'node-a', service: 'web' },
		{ id: 'kube-proxy-a', kind: 'kube-proxy', zone: 'node-a', service: 'web' },
		{ id: 'nodeport-b', kind: 'node-port', zone: 'node-b', service: 'web' },
		webPodOnB,
		{ id: 'web-2', kind: 'pod', zone: 'node-b', name: 'web-7c9f8-p8mzt', service: 'web', address: '10.244.2.8' },
	],
	path: [
		{ from: 'client', to: 'nodeport-a', protocol: 'TCP', transform: 'node-port-connect' },
		{ from: 'nodeport-a', to: 'kube-proxy-a', protocol: 'TCP', transform: 'netfilter-match' },
		{ from: 'kube-proxy-a', to: 'web-1', protocol: 'TCP', transform: 'endpoint-dnat' },
	],
	facts: {
		reach: 'node-network',
		cost: 'node-ports',
		production: 'limited',
	},
} as const satisfies Scenario;
