import type { Messages } from './messages.ts';
import type { HopContext } from '../model/resolve.ts';

const on = (c: HopContext['to']) => (c.machine ? ` on \`${c.machine}\`` : '');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
	ui: {
		previous: 'Previous step',
		next: 'Next step',
		play: 'Play',
		pause: 'Pause',
		copyLink: 'Copy link to this step',
		linkCopied: 'Link copied',
		controls: 'Diagram controls',
		steps: 'Steps of the request',
		stepCounter: (index, total) => `Step ${index} of ${total}`,
		announce: (index, total, title) => `Step ${index} of ${total}: ${title}`,
		language: 'Language',
		readIn: 'Read this page in English',
	},
	home: {
		tagline: 'How outside traffic reaches your Pods in Kubernetes, one hop at a time.',
	},
	diagram: {
		title: (scenarioTitle) => `Request path: ${scenarioTitle}`,
		desc: (stepCount, route) => `The request takes ${plural(stepCount, 'step', 'steps')}: ${route}.`,
		noAddress: 'in the kernel',
	},
	node: {
		client: 'Client',
		'kubectl-proxy': 'kubectl proxy',
		'api-server': 'API server',
		'cloud-load-balancer': 'Cloud load balancer',
		'node-port': 'NodePort',
		'kube-proxy': 'kube-proxy rules',
		service: 'Service',
		'ingress-controller': 'Ingress controller',
		pod: 'Pod',
	},
	zone: {
		'user-machine': 'Your machine',
		internet: 'Internet',
		'cloud-network': 'Cloud provider network',
		cluster: 'Cluster',
		'control-plane': 'Control plane',
		'worker-node': 'Node',
	},
	transform: {
		'loopback-http': {
			title: () => 'Plain HTTP to kubectl proxy, on your machine',
			body: (c) =>
				`The client sends an unencrypted ${c.protocol} request to \`${c.destination}\`. ` +
				'Only programs on this machine can reach that address: `kubectl proxy` listens on the loopback interface and, by default, ' +
				'refuses requests whose `Host` is not `localhost`, `127.0.0.1` or `[::1]`. It does not ask who you are.',
		},
		'api-authenticated-proxy': {
			title: () => 'To the API server, with your credentials',
			body: (c) =>
				`\`kubectl proxy\` opens an HTTPS connection to the API server at \`${c.destination}\` and sends the request again, ` +
				'signed with the credentials of your current kubeconfig context (client certificate or token). ' +
				(c.service
					? `The path \`/api/v1/namespaces/${c.service.namespace}/services/${c.service.name}:${c.service.portName}/proxy/\` names the Service; `
					: '') +
				'the API server authenticates you, then RBAC must allow the `get` verb on the `services/proxy` subresource.',
		},
		'api-service-proxy': {
			title: (c) => `The API server dials a Pod${on(c.to)} itself`,
			body: (c) =>
				(c.service
					? `The API server looks up the endpoints of Service \`${c.service.name}\`, picks one of its ${plural(c.endpointCount, 'ready endpoint', 'ready endpoints')} `
					: 'The API server picks a ready endpoint ') +
				`and connects to \`${c.destination}\`${on(c.to)}. The ClusterIP and kube-proxy's rules are not on this path, ` +
				'and the Pod sees the API server (or the Konnectivity agent of a managed control plane) as its client.',
		},
		'node-port-connect': {
			title: (c) => `Connection to the NodePort of \`${c.to.machine ?? 'a node'}\``,
			body: (c) =>
				`The client opens a ${c.protocol} connection to \`${c.destination}\`. ` +
				(c.service?.nodePort !== undefined
					? `Kubernetes allocated port ${c.service.nodePort} from the \`30000-32767\` range and opened it on every node, so any node address works`
					: 'The port is open on every node, so any node address works') +
				(c.localEndpoints === 0 ? `, even this one, which runs no Pod of the Service.` : '.'),
		},
		'netfilter-match': {
			title: () => 'kube-proxy’s rules catch the packet',
			body: (c) =>
				`No process accepts the connection on \`${c.destination}\`. kube-proxy, which runs on every node, has written ` +
				'packet-filtering rules (iptables by default; nftables mode is GA since Kubernetes 1.33) that match this port in the kernel, ' +
				(c.service ? `and send it down the same chain as the ClusterIP \`${c.service.clusterIP}:${c.service.port}\` of Service \`${c.service.name}\`.` : 'before any socket sees it.'),
		},
		'endpoint-dnat': {
			title: (c) => `Rewritten to a Pod${on(c.to)}`,
			body: (c) =>
				(c.service
					? `The rules choose one of the ${plural(c.endpointCount, 'ready endpoint', 'ready endpoints')} of Service \`${c.service.name}\` at random `
					: 'The rules choose a ready endpoint at random ') +
				`and rewrite the destination to \`${c.destination}\` (DNAT).` +
				(c.crossNode && c.from.machine ? ` That Pod runs on \`${c.to.machine}\`, so the packet leaves \`${c.from.machine}\` over the Pod network.` : '') +
				(c.snat && c.from.machine
					? ` With \`externalTrafficPolicy: Cluster\` (the default) the source is rewritten too: the Pod sees \`${c.from.machineAddress}\`, the address of \`${c.from.machine}\`, not the client’s, and the reply goes back through \`${c.from.machine}\` to be translated back.`
					: ''),
		},
	},
	scenario: {
		'kubectl-proxy': { title: 'kubectl proxy to a ClusterIP Service' },
		nodeport: { title: 'NodePort Service' },
	},
	facts: {
		reach: {
			'this-machine': 'Only the machine running kubectl',
			'node-network': 'Anyone who can reach a node’s IP',
			internet: 'The internet',
		},
		layer: { L4: 'L4 (TCP/UDP)', L7: 'L7 (HTTP)' },
		tlsEnds: {
			'api-server': 'API server (your side); none to the Pod',
			pod: 'In the Pod, if the app serves TLS',
			'load-balancer': 'Cloud load balancer',
			'ingress-controller': 'Ingress controller',
		},
		sourceIp: {
			'api-server': 'The API server’s',
			client: 'The client’s',
			'node-or-client': 'A node’s, unless externalTrafficPolicy: Local',
		},
		cost: {
			none: 'Nothing extra',
			'node-ports': 'Nothing extra; firewall rules for the port range',
			'load-balancer-per-service': 'One cloud load balancer per Service',
			'one-load-balancer': 'One load balancer for many Services',
		},
		production: {
			never: 'No: debugging only',
			limited: 'Limited: behind your own load balancer',
			yes: 'Yes',
		},
	},
} as const satisfies Messages;
