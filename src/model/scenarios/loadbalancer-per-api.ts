import type { Scenario } from '../types.ts';
import { internetZones, internetClient } from './common.ts';

/*
 * One load balancer and one Ingress per group of related Services (here: the orders API; the
 * catalog API has its own pair). Each group gets one public entry point and one bill, however many
 * Services it has. The load balancers target the controller Pods directly (IP target mode), so no
 * NodePort is allocated.
 *
 * As AWS really does it: the Amazon VPC CNI gives Pods addresses from the VPC subnets (that is what
 * lets an NLB target them), the Service's status carries a DNS name rather than an address, and an
 * NLB with IP targets over TCP does not keep the client's address unless the target group attribute
 * `preserve_client_ip.enabled` or the PROXY protocol says so: the controller sees one of the NLB's
 * private addresses.
 */
const awsIpTarget = {
	'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
	'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
	'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
} as const;

export const loadbalancerPerApi = {
	id: 'loadbalancer-per-api',
	section: 'patterns',
	services: [
		{
			name: 'traefik-orders',
			namespace: 'edge-orders',
			type: 'LoadBalancer',
			clusterIP: '10.96.200.20',
			portName: 'websecure',
			port: 443,
			targetPort: 8443,
			app: 'traefik-orders',
			loadBalancerIP: '203.0.113.30',
			loadBalancerHostname: 'k8s-edgeorde-traefiko-4d2c8e1f7a-9b3e51c07d2a6f48.elb.eu-west-1.amazonaws.com',
			loadBalancerSource: '10.0.0.48',
			allocateLoadBalancerNodePorts: false,
			annotations: awsIpTarget,
			role: 'ingress-controller',
		},
		{
			name: 'traefik-catalog',
			namespace: 'edge-catalog',
			type: 'LoadBalancer',
			clusterIP: '10.96.200.30',
			portName: 'websecure',
			port: 443,
			targetPort: 8443,
			app: 'traefik-catalog',
			loadBalancerIP: '203.0.113.31',
			loadBalancerHostname: 'k8s-edgecata-traefikc-7b1e9d3c5f-2c7a90e4b18d3f65.elb.eu-west-1.amazonaws.com',
			loadBalancerSource: '10.0.0.61',
			allocateLoadBalancerNodePorts: false,
			annotations: awsIpTarget,
			role: 'ingress-controller',
		},
		{ name: 'payments', namespace: 'orders', type: 'ClusterIP', clusterIP: '10.96.70.11', portName: 'http', port: 80, targetPort: 8080, app: 'payments' },
		{ name: 'orders', namespace: 'orders', type: 'ClusterIP', clusterIP: '10.96.70.12', portName: 'http', port: 80, targetPort: 8080, app: 'orders' },
		{ name: 'invoices', namespace: 'orders', type: 'ClusterIP', clusterIP: '10.96.70.13', portName: 'http', port: 80, targetPort: 8080, app: 'invoices' },
	],
	routing: {
		kind: 'Ingress',
		name: 'orders-api',
		namespace: 'orders',
		className: 'traefik-orders',
		controller: 'traefik.io/ingress-controller',
		host: 'api.orders.example.com',
		tlsSecret: 'orders-api-tls',
		rules: [
			{ path: '/payments', service: 'payments' },
			{ path: '/orders', service: 'orders' },
			{ path: '/invoices', service: 'invoices' },
		],
	},
	zones: internetZones,
	nodes: [
		internetClient,
		{ id: 'lb-orders', kind: 'cloud-load-balancer', zone: 'cloud', service: 'traefik-orders' },
		{ id: 'lb-catalog', kind: 'cloud-load-balancer', zone: 'cloud', service: 'traefik-catalog' },
		{ id: 'traefik-orders-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-orders-8f6c4-2ld9s', service: 'traefik-orders', address: '10.0.1.45' },
		{ id: 'traefik-catalog-1', kind: 'ingress-controller', zone: 'node-a', name: 'traefik-catalog-59b7d-h4kqw', service: 'traefik-catalog', address: '10.0.1.46' },
		{ id: 'payments-1', kind: 'pod', zone: 'node-b', name: 'payments-7f9c2-mt6xv', service: 'payments', address: '10.0.1.77' },
		{ id: 'orders-1', kind: 'pod', zone: 'node-b', name: 'orders-5c8d1-wq3rz', service: 'orders', address: '10.0.1.78' },
		{ id: 'invoices-1', kind: 'pod', zone: 'node-b', name: 'invoices-6a4e7-kp8jn', service: 'invoices', address: '10.0.1.79' },
	],
	path: [
		{ from: 'client', to: 'lb-orders', protocol: 'HTTPS', transform: 'load-balancer-connect' },
		{ from: 'lb-orders', to: 'traefik-orders-1', protocol: 'HTTPS', transform: 'load-balancer-to-pod' },
		{ from: 'traefik-orders-1', to: 'payments-1', protocol: 'HTTP', transform: 'ingress-route' },
	],
	facts: {
		reach: 'internet',
		cost: 'load-balancer-per-group',
		production: 'yes',
	},
} as const satisfies Scenario;
