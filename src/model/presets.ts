/** The pattern's other group, drawn beside the orders group: its own load balancer and its own controller. */
const catalogController: ServiceSpec = {
	name: 'traefik-catalog',
	namespace: 'edge-catalog',
	type: 'LoadBalancer',
	clusterIP: '10.96.200.30',
	portName: 'websecure',
	port: 443,
	targetPort: 8443,
	app: 'traefik-catalog',
	loadBalancerIP: '203.0.113.31',
	loadBalancerHostname: awsLoadBalancerHostname('edge-catalog', 'traefik-catalog'),
	loadBalancerSource: '10.0.0.61',
	annotations: {
		'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
		'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
		'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
	},
	allocateLoadBalancerNodePorts: false,
	role: 'ingress-controller',
};

/*
 * The atlas pages as presets of the builder: each page's setup is a parameter set, plus what only that
 * page needs (its section, and the names of the per-group pattern). The explorer opens these with
 * `?preset=<id>`; the pages are built from them.
 */
import { buildScenario, type BuildOptions } from './build.ts';
import { awsLoadBalancerHostname, podAddress, podName } from './naming.ts';
import type { ExposureParams } from './params.ts';
import type { Scenario, ServiceSpec } from './types.ts';

export interface Preset {
	readonly params: ExposureParams;
	readonly options: BuildOptions;
}

export const PRESETS = {
	/** One node runs both Pods; the API server's service proxy picks one. */
	'kubectl-proxy': { params: { entry: 'kubectl-proxy', nodes: 1, pods: [2] }, options: { section: 'exposure' } },
	/** The same node and Pods: `kubectl port-forward service/web` picks one of them once, when it starts. */
	'port-forward': { params: { entry: 'port-forward', nodes: 1, pods: [2] }, options: { section: 'exposure' } },
	/** The client enters node-a, which runs no Pod: the rules send it to node-b, and `Cluster` rewrites its source. */
	nodeport: { params: { entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'cluster' }, options: { section: 'exposure' } },
	/** The load balancer picks node-a, which runs a Pod, yet the rules send the packet to node-b's: `Cluster` spreads over all. */
	loadbalancer: { params: { entry: 'loadbalancer', nodes: 2, pods: [1, 1], via: 1, pick: 2, etp: 'cluster', lb: 'forward', targets: 'nodes' }, options: { section: 'exposure' } },
	'ingress-nodeport': {
		params: {
			entry: 'ingress',
			front: 'nodeport',
			nodes: 2,
			pods: [1, 0],
			backends: [
				[0, 1],
				[0, 1],
			],
			routes: 2,
			via: 1,
			etp: 'cluster',
			tls: 'none',
		},
		options: { section: 'exposure' },
	},
	'ingress-loadbalancer': {
		params: {
			entry: 'ingress',
			front: 'loadbalancer',
			nodes: 2,
			pods: [1, 0],
			backends: [
				[0, 1],
				[0, 1],
			],
			routes: 2,
			etp: 'local',
			lb: 'forward',
			targets: 'nodes',
			tls: 'edge',
		},
		options: { section: 'exposure' },
	},
	/** One group of the pattern: the orders API behind its own load balancer and controller (the catalog group is drawn beside it). */
	'loadbalancer-per-api': {
		params: {
			entry: 'ingress',
			front: 'loadbalancer',
			nodes: 2,
			pods: [1, 0],
			backends: [
				[0, 1],
				[0, 1],
				[0, 1],
			],
			routes: 3,
			lb: 'proxy',
			targets: 'pods',
			tls: 'edge',
		},
		options: {
			section: 'patterns',
			facts: { cost: 'load-balancer-per-group' },
			controller: { name: 'traefik-orders', namespace: 'edge-orders', clusterIP: '10.96.200.20' },
			backends: [
				{ name: 'payments', namespace: 'orders', clusterIP: '10.96.70.11', path: '/payments' },
				{ name: 'orders', namespace: 'orders', clusterIP: '10.96.70.12', path: '/orders' },
				{ name: 'invoices', namespace: 'orders', clusterIP: '10.96.70.13', path: '/invoices' },
			],
			routing: { name: 'orders-api', namespace: 'orders', host: 'api.orders.example.com', tlsSecret: 'orders-api-tls', className: 'traefik-orders' },
			loadBalancer: { node: 'lb-orders', public: '203.0.113.30', private: '10.0.0.48' },
			beside: {
				services: [catalogController],
				nodes: [
					{ after: 'lb-orders', node: { id: 'lb-catalog', kind: 'cloud-load-balancer', zone: 'cloud', service: 'traefik-catalog' } },
					{
						after: 'traefik-orders-1',
						node: {
							id: 'traefik-catalog-1',
							kind: 'ingress-controller',
							zone: 'node-a',
							name: podName('traefik-catalog', 0),
							service: 'traefik-catalog',
							address: podAddress(0, 4, 0, 'cloud'),
						},
					},
				],
			},
		},
	},
	'gateway-api': {
		params: {
			entry: 'gateway',
			front: 'loadbalancer',
			nodes: 2,
			pods: [1, 0],
			backends: [
				[0, 1],
				[0, 1],
			],
			routes: 2,
			lb: 'forward',
			targets: 'nodes',
			tls: 'edge',
		},
		options: { section: 'beyond' },
	},
} as const satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;

export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

export function isPresetId(value: unknown): value is PresetId {
	return typeof value === 'string' && Object.hasOwn(PRESETS, value);
}

/** The atlas page's scenario: its preset, built. */
export function presetScenario(id: PresetId): Scenario {
	const preset: Preset = PRESETS[id];
	return buildScenario(preset.params, { ...preset.options, id });
}

/** The "what if" switches of the atlas diagrams: one change of parameters each, which matters for that page. */
export const WHAT_IF_IDS = ['local', 'other-node', 'proxy', 'tls-at-lb', 'cluster', 'no-pods'] as const;
export type WhatIfId = (typeof WHAT_IF_IDS)[number];

export interface WhatIf {
	readonly id: WhatIfId;
	/** Laid over the preset's parameters; `undefined` removes one (the builder's default applies). */
	readonly params: { readonly [K in keyof ExposureParams]?: ExposureParams[K] | undefined };
}

/**
 * Per atlas page, its one or two switches: the change a reader of that page asks about first.
 * NodePort: `Local`, which drops on node-a (no Pod there), or the client entering node-b; a load
 * balancer that proxies; TLS ended at the load balancer in front of an Ingress controller; `Cluster`
 * instead of Envoy Gateway's `Local`; no ready Pod for the two kubectl ways in.
 */
export const WHAT_IFS: Record<PresetId, readonly WhatIf[]> = {
	'kubectl-proxy': [{ id: 'no-pods', params: { pods: [0] } }],
	'port-forward': [{ id: 'no-pods', params: { pods: [0] } }],
	nodeport: [
		{ id: 'local', params: { etp: 'local' } },
		{ id: 'other-node', params: { via: 2 } },
	],
	loadbalancer: [
		{ id: 'local', params: { etp: 'local', via: undefined } },
		{ id: 'proxy', params: { lb: 'proxy' } },
	],
	'ingress-nodeport': [
		{ id: 'local', params: { etp: 'local' } },
		{ id: 'other-node', params: { via: 2 } },
	],
	'ingress-loadbalancer': [
		{ id: 'tls-at-lb', params: { tls: 'lb', lb: 'proxy' } },
		{ id: 'cluster', params: { etp: 'cluster' } },
	],
	'loadbalancer-per-api': [
		{
			id: 'no-pods',
			params: {
				backends: [
					[0, 0],
					[0, 1],
					[0, 1],
				],
			},
		},
	],
	'gateway-api': [{ id: 'cluster', params: { etp: 'cluster' } }],
};

/** A preset's parameters with some of its switches on. */
export function whatIfParams(id: PresetId, on: readonly WhatIfId[]): ExposureParams {
	const params: Record<string, unknown> = { ...PRESETS[id].params };
	for (const change of WHAT_IFS[id].filter((w) => on.includes(w.id))) {
		for (const [name, value] of Object.entries(change.params)) {
			if (value === undefined) delete params[name];
			else params[name] = value;
		}
	}
	return params as unknown as ExposureParams;
}

/** A preset with some of its switches on: its own id and options, so its step ids stay those of its page. */
export function whatIfScenario(id: PresetId, on: readonly WhatIfId[]): Scenario {
	if (on.length === 0) return presetScenario(id);
	return buildScenario(whatIfParams(id, on), { ...PRESETS[id].options, id });
}
