import type { Scenario } from '../types.ts';
import { cluster, controlPlane, nodeA, webApp } from './common.ts';

/*
 * `kubectl port-forward service/web 8080:80` on a laptop: a local TCP listener, a stream through the
 * API server to the kubelet of the Pod's node, and the container runtime's connection inside the Pod.
 * The subtleties this scenario shows: the Service is only read once, when the command starts, to pick
 * one Pod (`web-2` gets nothing, and the forward ends with `web-1`), and the application sees the
 * connection coming from its own loopback, not from your machine or the API server.
 */
export const portForward = {
	id: 'port-forward',
	section: 'exposure',
	services: [webApp],
	zones: [{ id: 'laptop', kind: 'user-machine' }, cluster, controlPlane, nodeA],
	nodes: [
		{ id: 'client', kind: 'client', zone: 'laptop', name: 'curl' },
		// Started as `kubectl port-forward service/web 8080:80`: local port 8080, the Service's port 80.
		{ id: 'port-forward', kind: 'kubectl-port-forward', zone: 'laptop', service: 'web', port: 8080 },
		{ id: 'service', kind: 'service', zone: 'cluster', name: 'web', service: 'web' },
		{ id: 'api-server', kind: 'api-server', zone: 'control-plane', name: 'kube-apiserver' },
		{ id: 'kubelet', kind: 'kubelet', zone: 'node-a' },
		{ id: 'web-1', kind: 'pod', zone: 'node-a', name: 'web-7c9f8-k2x4q', service: 'web', address: '10.244.1.12' },
		{ id: 'web-2', kind: 'pod', zone: 'node-a', name: 'web-7c9f8-p8mzt', service: 'web', address: '10.244.1.13' },
	],
	path: [
		{ from: 'client', to: 'port-forward', protocol: 'TCP', transform: 'port-forward-listen' },
		{ from: 'port-forward', to: 'api-server', protocol: 'HTTPS', transform: 'port-forward-stream' },
		{ from: 'api-server', to: 'kubelet', protocol: 'HTTPS', transform: 'kubelet-stream' },
		{ from: 'kubelet', to: 'web-1', protocol: 'TCP', transform: 'pod-loopback-dial' },
	],
	facts: {
		reach: 'this-machine',
		cost: 'none',
		production: 'never',
	},
} as const satisfies Scenario;
