/*
 * The pieces several scenarios share: the same two worker nodes, the same client addresses and the
 * same example applications. Declared once so that an address or a port means the same thing on every
 * page that shows it.
 */
import type { ServiceSpec, TopologyNode, Zone } from '../types.ts';

export const cluster = { id: 'cluster', kind: 'cluster' } as const satisfies Zone;
export const nodeA = { id: 'node-a', kind: 'worker-node', parent: 'cluster', name: 'node-a', address: '10.0.1.11' } as const satisfies Zone;
export const nodeB = { id: 'node-b', kind: 'worker-node', parent: 'cluster', name: 'node-b', address: '10.0.1.12' } as const satisfies Zone;
/** The control-plane node, where the API server runs (the kubectl pages draw it). */
export const controlPlane = { id: 'control-plane', kind: 'control-plane', parent: 'cluster', name: 'control-plane', address: '10.0.1.10' } as const satisfies Zone;

/** A client on the internet, its load balancer in the provider's network, and a two-node cluster. */
export const internetZones = [{ id: 'internet', kind: 'internet' }, { id: 'cloud', kind: 'cloud-network' }, cluster, nodeA, nodeB] as const satisfies readonly Zone[];
/** A client on the nodes' own network (an office or a VPN) and a two-node cluster. */
export const officeZones = [{ id: 'office', kind: 'user-machine' }, cluster, nodeA, nodeB] as const satisfies readonly Zone[];

/** Addresses from the documentation ranges (RFC 5737): they never route anywhere real. */
export const internetClient = { id: 'client', kind: 'client', zone: 'internet', name: 'curl', address: '198.51.100.23' } as const satisfies TopologyNode;
export const officeClient = { id: 'client', kind: 'client', zone: 'office', name: 'curl', address: '10.0.9.15' } as const satisfies TopologyNode;

/** The two example applications behind the Ingress and Gateway scenarios. */
export const webApp = { name: 'web', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.41.7', portName: 'http', port: 80, targetPort: 8080, app: 'web' } as const satisfies ServiceSpec;
export const apiApp = { name: 'api', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.52.3', portName: 'http', port: 80, targetPort: 8080, app: 'api' } as const satisfies ServiceSpec;

/** Their Pods, on `node-b`. */
export const webPodOnB = { id: 'web-1', kind: 'pod', zone: 'node-b', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.2.7' } as const satisfies TopologyNode;
export const apiPodOnB = { id: 'api-1', kind: 'pod', zone: 'node-b', name: 'api-64d5c-rw7tn', service: 'api', address: '10.244.2.9' } as const satisfies TopologyNode;

/** The shop's public name, its certificate, and its routes: `/api` to `api`, everything else to `web`. */
export const shop = {
	host: 'shop.example.com',
	tlsSecret: 'shop-example-com-tls',
	rules: [
		{ path: '/api', service: 'api' },
		{ path: '/', service: 'web' },
	],
} as const;
