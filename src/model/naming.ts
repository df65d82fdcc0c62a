/*
 * One policy for names, addresses and ports, so that the same thing has the same address on every
 * page, in every build and in the explorer. Addresses come from ranges that never route anywhere real:
 * the documentation ranges of RFC 5737 for the public side, private ranges (RFC 1918) inside.
 *
 * - Worker nodes `node-a` … `node-e` at 10.0.1.11 … 10.0.1.15, the control plane at 10.0.1.10.
 * - Pod addresses from each node's Pod CIDR (node-a 10.244.1.0/24, node-b 10.244.2.0/24, …), the
 *   usual shape of an overlay network plugin; or, where a load balancer targets Pod IPs, from the
 *   nodes' own subnet, as a plugin that gives Pods addresses of the cloud network does (Amazon VPC CNI).
 *   Each application has its own block of addresses on each node, so adding a Pod of one never
 *   renumbers another's.
 * - Pod names in Kubernetes' own shape: `<Deployment>-<pod-template-hash>-<suffix>`, drawn from the
 *   alphabet the API server uses for generated names (no vowels, no look-alike characters).
 * - A Service's `nodePort` is 30000 + its port (30080 for 80, 30443 for 443): in the default range, and
 *   easy to tell apart.
 */

/** The letters of the worker nodes: `node-a` is node 1. */
export const NODE_LETTERS = ['a', 'b', 'c', 'd', 'e'] as const;
export const MAX_NODES = NODE_LETTERS.length;
export const MAX_PODS_PER_NODE = 5;

export const CONTROL_PLANE_ADDRESS = '10.0.1.10';

/** Node `index` (0-based) of the cluster. */
export function nodeName(index: number): string {
	return `node-${NODE_LETTERS[index] ?? String(index + 1)}`;
}

export function nodeAddress(index: number): string {
	return `10.0.1.${11 + index}`;
}

/** The client: on the internet (a documentation address), or on the nodes' own network (an office, a VPN). */
export const CLIENT_ADDRESS = { internet: '198.51.100.23', office: '10.0.9.15' } as const;

/**
 * Client `c` (0-based) of many, as the request simulation sends them: client 0 is the one every diagram
 * shows, the others the next addresses of the same range (up to 100 clients, all inside it).
 */
export function clientAddress(c: number, onInternet: boolean): string {
	const [a, b, d, last] = (onInternet ? CLIENT_ADDRESS.internet : CLIENT_ADDRESS.office).split('.');
	return `${a}.${b}.${d}.${Number(last) + c}`;
}

/**
 * The address of Pod `k` (0-based) of the application in block `block` (0 to 4) on node `node`.
 * Overlay: one /24 per node, ten addresses per application from .10. Cloud network: the nodes' subnet,
 * from .40 on, twenty-five addresses per node and five per application.
 */
export function podAddress(node: number, block: number, k: number, network: 'overlay' | 'cloud'): string {
	return network === 'overlay' ? `10.244.${node + 1}.${10 + block * 10 + k}` : `10.0.1.${40 + node * 25 + block * 5 + k}`;
}

/** The characters the API server draws generated names from (`k8s.io/apimachinery/pkg/util/rand`). */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32 bits: a small, stable hash, so names (and packet.ts's source ports) are the same in every build and in the browser. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

function safeString(seed: string, length: number): string {
	let out = '';
	let hash = fnv1a(seed);
	for (let i = 0; i < length; i++) {
		out += SAFE[hash % SAFE.length];
		hash = fnv1a(`${seed}/${i}/${hash}`);
	}
	return out;
}

/**
 * The name of Pod `k` of a Deployment: a ReplicaSet hash shortened to five characters (the real one
 * has up to ten, which would not fit a box on a phone), then the Pod's own five.
 */
export function podName(deployment: string, k: number): string {
	return `${deployment}-${safeString(`rs/${deployment}`, 5)}-${safeString(`pod/${deployment}/${k}`, 5)}`;
}

export function nodePortFor(port: number): number {
	return 30000 + port;
}

/** The public and private addresses of the load balancers, by what they front. */
export const LOAD_BALANCER = {
	app: { public: '203.0.113.10', private: '10.0.0.41' },
	ingress: { public: '203.0.113.20', private: '10.0.0.42' },
	gateway: { public: '203.0.113.40', private: '10.0.0.44' },
} as const;

/**
 * A DNS name in the shape the AWS Load Balancer Controller gives a network load balancer:
 * `k8s-<namespace, 8>-<name, 8>-<hash, 10>-<hash, 16>.elb.<region>.amazonaws.com`.
 */
export function awsLoadBalancerHostname(namespace: string, name: string): string {
	const short = (text: string) => text.replace(/[^a-z0-9]/g, '').slice(0, 8);
	const hex = (seed: string, length: number) => {
		let out = '';
		let hash = fnv1a(seed);
		while (out.length < length) {
			out += hash.toString(16).padStart(8, '0');
			hash = fnv1a(`${seed}/${out}`);
		}
		return out.slice(0, length);
	};
	return `k8s-${short(namespace)}-${short(name)}-${hex(`lb/${namespace}/${name}`, 10)}-${hex(`dns/${namespace}/${name}`, 16)}.elb.eu-west-1.amazonaws.com`;
}
