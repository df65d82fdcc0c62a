import type { Messages } from './messages.ts';
import type { HopContext, SeenAddress } from '../model/resolve.ts';
import { AWS_CERTIFICATE_ANNOTATION, type StepContext } from '../model/hop-facts.ts';
import type { OutcomeView } from '../model/outcome.ts';
import { NODE_PORT_RANGE } from '../model/kinds.ts';
import { reviewedMonth } from '../site/checked-against.ts';

const on = (c: HopContext['to']) => (c.machine ? ` on \`${c.machine}\`` : '');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** "one of the 3 ready endpoints", or "the only ready endpoint". */
const oneOfThe = (n: number) => (n === 1 ? 'the only ready endpoint' : `one of the ${n} ready endpoints`);
const atRandom = (n: number) => (n === 1 ? '' : ' at random');
/** The article before a protocol name as it is read aloud: "an HTTP", "a TCP". */
const aOr = (protocol: string) => (/^(HTTP|mTLS)/.test(protocol) ? 'an' : 'a');
const RANGE = `${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`;
/** The end of a proxy step: what `X-Forwarded-For` carries, and why when it is not the client's address. */
const forwarded = (s: SeenAddress): string =>
	s.origin === 'client'
		? `${who(s)}.`
		: `${who(s)}, not the client’s, which ${s.origin === 'node' ? (s.replaced === 'load-balancer' ? 'the load balancer did not pass on, and whose address the node’s source rewriting replaced in turn' : 'the node’s source rewriting replaced before the connection reached the proxy') : 'the load balancer did not pass on'}.`;
/** A source address as a step says it: whose it is, with the address itself when the model has one. */
const who = (s: SeenAddress): string => {
	const at = s.address === undefined ? '' : `\`${s.address}\`, `;
	switch (s.origin) {
		case 'client':
			return s.address === undefined ? 'the client’s address' : `the client’s address, \`${s.address}\``;
		case 'node':
			return `${at}an address of \`${s.machine ?? 'the node'}\``;
		case 'load-balancer':
			return `${at}the load balancer’s private address`;
		case 'api-server':
			return `${at}the API server’s address`;
		case 'proxy':
			return `${at}the proxy’s Pod IP`;
		case 'sidecar':
			return `${at}the sidecar’s address`;
		case 'loopback':
			return `${at}the Pod’s own loopback address`;
	}
};

/** A load balancer that ends TLS: with which certificate, and what it sends on. */
const lbCertificate = (c: StepContext): string =>
	c.facts.tls === 'ends' && c.facts.certificate !== undefined
		? ` It decrypts the connection with the certificate \`${c.facts.certificate}\` that the Service’s annotation \`${AWS_CERTIFICATE_ANNOTATION}\` names, and sends the request on in plain ${c.protocol}.`
		: '';

/** What the client sees, said once for every way a request can stop. */
/** Who `X-Forwarded-For` names: the comparison table's words, also the explorer's notes'. */
const FORWARDED_FOR = {
	client: 'the client’s is in X-Forwarded-For',
	node: 'X-Forwarded-For carries a node’s address',
	'load-balancer': 'X-Forwarded-For carries the load balancer’s private address',
	'api-server': 'X-Forwarded-For carries the API server’s address',
	proxy: 'X-Forwarded-For carries another proxy’s address',
	sidecar: 'X-Forwarded-For carries a sidecar’s address',
	loopback: 'X-Forwarded-For carries a loopback address',
} as const;

const symptom = (o: OutcomeView): string => {
	switch (o.symptom) {
		case 'timeout':
			return 'The client gets no answer: its connection times out.';
		case 'connection-refused':
			return 'The client gets “connection refused” at once.';
		case 'empty-reply':
			return 'The client’s connection is accepted, then closed without a byte of answer: `Empty reply from server`.';
		case 'http-404':
			return 'The client gets `404 Not Found`.';
		case 'http-503':
			return 'The client gets `503 Service Unavailable`.';
		case 'http-403':
			return 'The client gets `403 Forbidden`.';
		case 'http-502':
			return 'The client gets `502 Bad Gateway`.';
		case 'http-504':
			return 'The client gets `504 Gateway Timeout`, after the proxy’s own wait.';
		case 'tls-untrusted':
			return 'The client refuses the certificate it is shown: `SSL certificate problem`.';
		case 'no-address':
		case undefined:
			return '';
	}
};

/** The failure catalogue's words (src/model/failures.ts), outside the table so the outcome sentences can use them. */
const FAILURE_WORDS = {
	mode: {
		'selector-matches-nothing': {
			title: 'The Service selects no Pod',
			cause: 'The Service’s `selector` matches no Pod’s labels (a typo, a label changed in the Deployment but not in the Service): the Service has no endpoint, and whatever sends to it has nowhere to go.',
			fix: "Make the selector and the Pod template’s labels the same: compare `kubectl get service … -o jsonpath='{.spec.selector}'` with `kubectl get pods --show-labels`.",
		},
		'no-ready-pod': {
			title: 'No Pod is ready',
			cause: 'The Pods run but fail their readiness probe (or have not passed it yet): their endpoints are marked not ready, and nothing sends them traffic.',
			fix: 'Read why with `kubectl describe pod …` (the `Readiness probe failed` events): fix the application, or the probe’s path, port or delay.',
		},
		'wrong-target-port': {
			title: 'The targetPort is not the container’s port',
			cause: 'The Service sends to its `targetPort` (`kubectl port-forward service/…` forwards there too), and nothing in the Pod listens there: the Pod’s kernel answers the connection with a reset. A port-forward then prints `error forwarding port` and closes the connection it had accepted.',
			fix: 'Set `targetPort` to the port the container listens on, or to the name of its `containerPort`, so that a change of port follows by itself.',
		},
		'node-port-blocked': {
			title: 'A firewall drops the node port',
			cause: 'A firewall, security group or network ACL between the client (or the load balancer) and the nodes drops packets to the node port: nobody answers, the connection times out.',
			fix: 'Allow TCP to the node port (or the whole range, 30000–32767 by default) from the clients’ or the load balancer’s addresses, on every node they may use.',
		},
		'local-no-endpoint': {
			title: '`Local` on a node without a Pod',
			cause: 'With `externalTrafficPolicy: Local` the rules of a node only send to that node’s own ready Pods: a client that reaches a node without one gets its packets dropped.',
			fix: 'Send clients only to nodes that run a Pod (a load balancer that health-checks the `healthCheckNodePort` does), run a Pod on every node (a DaemonSet), or use `Cluster` if the client’s address does not matter.',
		},
		'load-balancer-pending': {
			title: 'The load balancer stays pending',
			cause: 'No controller in the cluster implements `type: LoadBalancer` (bare metal without MetalLB, a cloud controller missing or without permissions): the Service gets no address, and `EXTERNAL-IP` stays `<pending>`.',
			fix: 'Install a load balancer implementation (MetalLB, kube-vip, the provider’s controller) and read the Service’s events (`kubectl describe service …`) for what it says.',
		},
		'no-ingress-class': {
			title: 'No controller reads the Ingress',
			cause: 'The Ingress names an `ingressClassName` no running controller watches, or none while no class is the default: no controller takes it, so none has its rules, and the controller that gets the request answers 404.',
			fix: 'Set `ingressClassName` to a class of a running controller (`kubectl get ingressclass`), or mark one class as the default.',
		},
		'no-matching-rule': {
			title: 'No rule for this host or path',
			cause: 'The request’s `Host` or path matches no rule of the Ingress or of the HTTPRoute (a missing `www.`, a path without its prefix): the proxy has no route for it and answers 404 itself.',
			fix: 'Compare the host and path the client sends (`curl -v` shows them) with the rules, and add the host or path, or a rule for `/`.',
		},
		'tls-secret-missing': {
			title: 'The TLS Secret is missing',
			cause: 'The Ingress names a TLS Secret that is not in its own namespace (missing, misspelt, or in another one): Traefik presents its own default certificate instead, which no client trusts.',
			fix: 'Create the Secret (`kubectl create secret tls …`, or let cert-manager issue it) in the Ingress’s namespace, under the name its `tls` section gives.',
		},
		'route-not-accepted': {
			title: 'The Gateway does not accept the HTTPRoute',
			cause: 'The HTTPRoute’s `parentRefs` name another Gateway or listener, or the listener’s `allowedRoutes` does not admit the route’s namespace: its status says `Accepted: False`, the Gateway has no route for the request and answers 404.',
			fix: 'Read the reason in the route’s status (`NotAllowedByListeners`, `NoMatchingParent`, …), then fix the `parentRefs` or label the namespace as the listener’s `allowedRoutes` asks.',
		},
		'network-policy-denies-proxy': {
			title: 'A NetworkPolicy shuts the proxy out',
			cause: 'A NetworkPolicy selects the backend’s Pods and admits nothing from the Pods of the proxy that sends to them (the Ingress controller’s, the Gateway’s, or in a mesh the caller’s own sidecar): the proxy’s connections get no answer, and it gives up after its dial timeout.',
			fix: 'Add a policy that allows ingress to the backend’s Pods from the proxy’s Pods (a `namespaceSelector` on `kubernetes.io/metadata.name` for another namespace, a `podSelector` for the caller’s), on the backend’s port.',
		},
		'proxy-rbac-forbidden': {
			title: 'No permission on services/proxy',
			cause: 'The user `kubectl proxy` authenticates as may not `get` the `services/proxy` subresource in this namespace: the API server refuses the request itself.',
			fix: 'Grant a Role with the `services/proxy` resource and the verbs the requests use (`get` for a GET), bound to that user, or use `kubectl port-forward`, which needs `pods/portforward`.',
		},
		'authorization-policy-denies': {
			title: 'An AuthorizationPolicy turns the caller away',
			cause: 'An Istio `AuthorizationPolicy` selects the called Pods, and none of its rules admits the caller’s identity (the service account its mTLS certificate names), or a `DENY` rule matches it: the called Pod’s sidecar answers `403` itself, with the body `RBAC: access denied`, and the application never sees the request.',
			fix: 'Add the caller to an `ALLOW` rule (`from.source.principals: cluster.local/ns/<namespace>/sa/<service account>`), or narrow the `DENY` rule that matches it: `kubectl get authorizationpolicy … -o yaml` shows each policy’s `selector` and rules.',
		},
	},
	symptom: {
		timeout: 'The connection times out',
		'connection-refused': 'Connection refused',
		'empty-reply': 'An empty reply',
		'http-403': 'HTTP 403 Forbidden',
		'http-404': 'HTTP 404 Not Found',
		'http-502': 'HTTP 502 Bad Gateway',
		'http-503': 'HTTP 503 Service Unavailable',
		'http-504': 'HTTP 504 Gateway Timeout',
		'tls-untrusted': 'A certificate the client does not trust',
		'no-address': '`EXTERNAL-IP` stays `<pending>`',
	},
} as const satisfies Messages['failures'];

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
		startPath: 'Follow the learning path',
		startPathHint: 'Every page in order, from `kubectl proxy` to the Gateway API, each building on the ones before.',
		startChoose: 'Choose a way in',
		startChooseHint: 'A few yes-or-no questions about your traffic and your cluster.',
	},
	preview: {
		alt: (title) => `${title}: the request’s path, from the kube-paths site`,
		siteLine: 'kube-paths · how traffic reaches your Pods',
	},
	search: {
		clear: 'Clear',
		loading: 'Loading the search…',
		unavailable: 'The search could not be loaded. Check your connection and open it again.',
		results: { one: '{count} result for “{term}”', other: '{count} results for “{term}”' },
		noResults: 'No results for “{term}”',
		more: 'More results',
	},
	diagram: {
		title: (scenarioTitle) => `Request path: ${scenarioTitle}`,
		desc: (stepCount, route) => `The request takes ${plural(stepCount, 'step', 'steps')}: ${route}.`,
		stops: (kind, node) => ({ dropped: `It is dropped at ${node}.`, refused: `It is refused at ${node}.`, pending: `It cannot start: ${node} has no address yet.` })[kind],
		noAddress: 'in the kernel',
	},
	packet: {
		heading: 'The packet on this hop',
		protocol: 'Protocol',
		source: 'Source',
		destination: 'Destination',
		changes: 'What changed',
		changed: 'changed',
		application: 'The application sees',
		unknownHost: (port) => `your machine’s address, port ${port}`,
		unknown: 'not known yet',
		change: {
			opens: 'The client opens the connection, from a port the kernel picks.',
			'new-connection': 'A new connection: the sender opens its own, from a new source port.',
			dnat: (from, to) => `Destination rewritten (DNAT): ${from} → ${to}.`,
			redirect: (port) => `Redirected to port ${port} of the sidecar, which can still read the original destination.`,
			snat: (from, to) => `Source rewritten (SNAT): ${from} → ${to}, the port kept.`,
			tls: {
				starts: 'TLS starts here.',
				ends: 'TLS ends here: the request goes on in clear.',
				passes: 'TLS passes unread.',
				restarts: 'A new TLS connection starts here: the one before ended at the sender.',
			},
			header: (name, value) => `Adds \`${name}: ${value}\`.`,
			none: 'Nothing: the packet goes on as it arrived.',
		},
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
		'gateway-proxy': 'Gateway proxy',
		pod: 'Pod',
		container: 'Container',
		'sidecar-proxy': 'Sidecar proxy',
		'kubectl-port-forward': 'kubectl port-forward',
		kubelet: 'kubelet',
	},
	zone: {
		'user-machine': 'Your machine',
		internet: 'Internet',
		'cloud-network': 'Cloud provider network',
		cluster: 'Cluster',
		'control-plane': 'Control plane',
		'worker-node': 'Node',
		pod: 'Pod',
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
				'authenticated with the credentials of your current kubeconfig context: a client certificate or a bearer token. ' +
				(c.service ? `The path \`/api/v1/namespaces/${c.service.namespace}/services/${c.service.name}:${c.service.portName}/proxy/\` names the Service. ` : '') +
				'The API server authenticates you, then RBAC must allow the `get` verb on the `services/proxy` subresource.',
		},
		'api-service-proxy': {
			title: (c) => `The API server dials a Pod${on(c.to)} itself`,
			body: (c) =>
				(c.service ? `The API server looks up the endpoints of Service \`${c.service.name}\`, picks ${oneOfThe(c.endpointCount)} ` : 'The API server picks a ready endpoint ') +
				`and connects to \`${c.destination}\`${on(c.to)}. The ClusterIP and kube-proxy’s rules are not on this path, ` +
				'and the Pod sees the API server (or the Konnectivity agent of a managed control plane) as its client.',
		},
		'node-port-connect': {
			title: (c) => `Connection to the NodePort of \`${c.to.machine ?? 'a node'}\``,
			body: (c) =>
				`The client opens ${aOr(c.protocol)} ${c.protocol} connection to \`${c.destination}\`. ` +
				(c.service?.nodePort !== undefined
					? `The Service’s node port, ${c.service.nodePort}, taken from the \`${RANGE}\` range, is open on every node, so any node address works`
					: 'The port is open on every node, so any node address works') +
				(c.facts.noLocalEndpoint ? `, even this one, which runs no Pod of the Service.` : '.'),
		},
		'netfilter-match': {
			title: () => 'kube-proxy’s rules catch the packet',
			body: (c) =>
				`No process accepts the connection on \`${c.destination}\`. kube-proxy, which runs on every node, has written ` +
				'packet-filtering rules (iptables by default; the nftables mode is generally available since Kubernetes 1.33) that match this port in the kernel, ' +
				(c.service ? `and send it down the same chain as the ClusterIP \`${c.service.clusterIP}:${c.service.port}\` of Service \`${c.service.name}\`.` : 'before any socket sees it.'),
		},
		'endpoint-dnat': {
			title: (c) => `Rewritten to a Pod${on(c.to)}`,
			body: (c) =>
				(c.service ? `The rules choose ${oneOfThe(c.endpointCount)} of Service \`${c.service.name}\`${atRandom(c.endpointCount)} ` : 'The rules choose a ready endpoint at random ') +
				`and rewrite the destination to \`${c.destination}\` (DNAT).` +
				(c.crossNode && c.from.machine ? ` That Pod runs on \`${c.to.machine}\`, so the packet leaves \`${c.from.machine}\` over the Pod network.` : '') +
				{
					'snat-to-node': ` With \`externalTrafficPolicy: Cluster\` (the default) the source is rewritten too: the Pod sees ${who(c.sourceOut)}, not ${c.sourceIn.origin === 'client' ? 'the client’s' : 'the one it arrived with'}, and the reply goes back through \`${c.from.machine ?? ''}\` to be translated back.`,
					'kept-local': ` With \`externalTrafficPolicy: Local\` the rules only choose among the Pods of this node, and leave the source alone: the Pod sees ${who(c.sourceOut)}.`,
					none: '',
				}[c.facts.sourceNat],
		},
		'load-balancer-connect': {
			title: () => 'To the load balancer’s public address',
			body: (c) =>
				c.facts.addressPending
					? `Service \`${c.service?.name ?? ''}\` is of type \`LoadBalancer\`: the client needs the address of the load balancer it asks for.`
					: `The client opens ${aOr(c.protocol)} ${c.protocol} connection to \`${c.destination}\`` +
						(c.service?.loadBalancerHostname
							? `, one of the addresses that \`${c.service.loadBalancerHostname}\` resolves to: the provider gave the load balancer of Service \`${c.service.name}\` a DNS name, which \`kubectl get service\` shows as its \`EXTERNAL-IP\`.`
							: c.service
								? `, the address the cloud gave the load balancer of Service \`${c.service.name}\` (the \`EXTERNAL-IP\` that \`kubectl get service\` shows).`
								: '.') +
						(c.facts.receiverEndsTls
							? ' This load balancer holds the certificate: it ends the client’s TLS itself, then opens its own connection into the cluster.'
							: c.facts.encrypted
								? ' This is a network (L4) load balancer: it forwards the encrypted bytes without reading them.'
								: ' This is a network (L4) load balancer: it forwards TCP connections without reading them.'),
		},
		'load-balancer-to-node': {
			title: (c) => `The load balancer picks \`${c.to.machine ?? 'a node'}\``,
			body: (c) =>
				`It forwards the connection to \`${c.destination}\`, the NodePort of Service \`${c.service?.name ?? ''}\`${on(c.to)}. ` +
				(c.facts.trafficPolicy !== 'Local'
					? 'With `externalTrafficPolicy: Cluster` every healthy node is a target, whether it runs a Pod of the Service or not; many providers check kube-proxy’s `/healthz` endpoint on port `10256` to know.'
					: c.facts.noLocalEndpoint
						? `With \`externalTrafficPolicy: Local\`, its health checks ask every node’s \`healthCheckNodePort\`, and only nodes that run a ready Pod of the Service answer. \`${c.to.machine ?? ''}\` runs none: its check fails, and the load balancer stops sending there once it has noticed. A connection sent before that finds no Pod.`
						: `With \`externalTrafficPolicy: Local\`, its health checks ask every node’s \`healthCheckNodePort\`, and only nodes that run a ready Pod of the Service answer: here \`${c.to.machine ?? ''}\`, with ${plural(c.localEndpoints, 'local endpoint', 'local endpoints')}. The other nodes get no traffic.`) +
				lbCertificate(c) +
				(c.facts.loadBalancer === 'proxies-connections'
					? ` This load balancer opens connections of its own: the node sees ${who(c.sourceOut)}, not the client’s.`
					: ' This load balancer forwards packets rather than opening connections of its own, so their source is still the client’s address.'),
		},
		'load-balancer-to-pod': {
			title: (c) => `Straight to a Pod${on(c.to)}`,
			body: (c) =>
				`The load balancer targets Pod IPs, not nodes: it sends the connection to \`${c.destination}\`. ` +
				(c.facts.targetController === 'aws-load-balancer-controller'
					? 'The AWS Load Balancer Controller, told so by the Service’s annotations, registers the ready Pods of the Service as targets and keeps that list up to date, '
					: 'Its controller registers the ready Pods of the Service as targets and keeps that list up to date, ') +
				'so there is no NodePort and no kube-proxy hop on the way in, and the Service sets `allocateLoadBalancerNodePorts: false`.' +
				lbCertificate(c) +
				(c.facts.loadBalancer === 'proxies-connections'
					? ` The Pod sees ${who(c.sourceOut)}, not the client’s: ` +
						(c.facts.targetController === 'aws-load-balancer-controller'
							? 'an NLB with IP targets over TCP keeps the client’s address only when the target group attribute `preserve_client_ip.enabled` is `true`, and otherwise can pass it in a PROXY protocol header.'
							: 'this load balancer does not keep the client’s address, and may pass it in a PROXY protocol header.')
					: ' The client’s address reaches the Pod unchanged.'),
		},
		'ingress-route': {
			title: (c) => (c.facts.certificate ? 'TLS ends at the Ingress controller, which routes by host and path' : 'The Ingress controller routes by host and path'),
			body: (c) =>
				(c.facts.certificate ? `The controller decrypts the connection with the certificate in Secret \`${c.facts.certificate}\`. ` : '') +
				(c.routing && c.rule
					? `It reads the request, \`Host: ${c.routing.host}\` and a path under \`${c.rule.path}\`, and matches it against Ingress \`${c.routing.name}\` (class \`${c.routing.className}\`): that rule sends it to Service \`${c.rule.service}\`. `
					: '') +
				`Like most controllers, it does not go through the ClusterIP: it picks ${oneOfThe(c.endpointCount)} of the Service and opens its own ${c.protocol} connection to \`${c.destination}\`${on(c.to)}. ` +
				`The Pod sees the controller’s Pod IP as the source; the controller writes the address it received the request from into \`X-Forwarded-For\`: ${c.facts.header ? forwarded(c.facts.header.value) : ''}`,
		},
		'gateway-route': {
			title: (c) => (c.facts.certificate ? 'TLS ends at the Gateway, which matches the HTTPRoute' : 'The Gateway matches the HTTPRoute'),
			body: (c) =>
				(c.facts.certificate
					? `The proxy that implements Gateway \`${c.routing?.gateway?.name ?? ''}\` (class \`${c.routing?.className ?? ''}\`) decrypts the connection with the certificate in Secret \`${c.facts.certificate}\`, named by the Gateway’s HTTPS listener. `
					: '') +
				(c.routing && c.rule
					? `The request for \`${c.routing.host}${c.rule.path}\` matches HTTPRoute \`${c.routing.name}\` from namespace \`${c.routing.namespace}\`, attached to that Gateway; its rule sends it to Service \`${c.rule.service}\`. `
					: '') +
				`The proxy picks ${oneOfThe(c.endpointCount)} and opens a new ${c.protocol} connection to \`${c.destination}\`${on(c.to)}. ` +
				`The Pod sees the proxy’s Pod IP as the source; the proxy writes the address it received the request from into \`X-Forwarded-For\`: ${c.facts.header ? forwarded(c.facts.header.value) : ''}`,
		},
		'sidecar-outbound': {
			title: () => 'The sidecar catches the outgoing call',
			body: (c) =>
				`The \`${c.from.name ?? ''}\` application connects to \`${c.destination}\`` +
				(c.addressedService ? `, the ClusterIP of Service \`${c.addressedService.name}\`, as if there were no mesh. ` : '. ') +
				`Rules the mesh installed in the Pod’s network namespace redirect the connection to the \`${c.to.name ?? ''}\` sidecar in the same Pod` +
				(c.toPort !== undefined ? ` (port \`${c.toPort}\`)` : '') +
				', which reads the original destination and applies the mesh’s routing to it.',
		},
		'mesh-mtls': {
			title: () => 'Sidecar to sidecar, over mutual TLS',
			body: (c) =>
				(c.service
					? `The sidecar picks ${oneOfThe(c.endpointCount)} of Service \`${c.service.name}\` itself, bypassing kube-proxy’s ClusterIP rules, `
					: 'The sidecar picks a ready endpoint itself ') +
				`and connects to \`${c.destination}\`${on(c.to)}. Both sidecars present certificates the mesh issued for their workload identity: the connection is encrypted and each side knows who the other is. ` +
				'Retries, timeouts and traffic splitting are applied here, by the calling side’s sidecar.',
		},
		'sidecar-inbound': {
			title: () => 'Handed to the application in the Pod',
			body: (c) =>
				`The receiving sidecar caught the connection on the Pod’s IP. It checks the mesh’s authorization policy, ends the mutual TLS and passes the plain ${c.protocol} request to \`${c.to.name ?? ''}\` at \`${c.destination}\`. ` +
				'Since Istio 1.10 it uses the Pod’s IP rather than `127.0.0.1`, so an application that listens only on localhost is not reachable through the mesh.',
		},
		'port-forward-listen': {
			title: () => 'To kubectl port-forward, on your machine',
			body: (c) =>
				`The client opens ${aOr(c.protocol)} ${c.protocol} connection to \`${c.destination}\`, the local port \`kubectl port-forward\` listens on. ` +
				'By default it binds the loopback interface only, `127.0.0.1` and `::1`, so only programs on this machine can connect; `--address` changes that. ' +
				(c.service && c.facts.forwardTo
					? `When the command started, kubectl read Service \`${c.service.name}\` once and picked ${c.endpointCount === 1 ? 'its only Pod' : `one of the ${c.endpointCount} Pods its \`selector\` matches`}, \`${c.facts.forwardTo.pod}\`: every connection goes to that Pod, with no load balancing, and the forward ends when that Pod goes away. `
					: '') +
				'kubectl does not read what the client sends, so any TCP protocol works; UDP cannot be forwarded.',
		},
		'port-forward-stream': {
			title: () => 'To the API server, inside a stream',
			body: (c) =>
				`kubectl opens an HTTPS connection to the API server at \`${c.destination}\`, authenticated with the credentials of your current kubeconfig context` +
				(c.facts.forwardTo ? `, and asks for \`/api/v1/namespaces/${c.facts.forwardTo.namespace}/pods/${c.facts.forwardTo.pod}/portforward\`. ` : '. ') +
				'The connection is then upgraded to a long-lived stream: a WebSocket since Kubernetes 1.31 (kubectl falls back to SPDY if the server refuses it), SPDY before. ' +
				'Each connection to the local port gets its own data and error channels inside that stream, and its bytes travel through unread. ' +
				'RBAC must allow `create` on the `pods/portforward` subresource, and `get` too, since the WebSocket upgrade is a GET.',
		},
		'kubelet-stream': {
			title: (c) => `The API server opens a stream to the kubelet${on(c.to)}`,
			body: (c) =>
				`The API server knows which node runs the Pod, and connects to that node’s kubelet at \`${c.destination}\`` +
				(c.facts.tls === 'restarts'
					? ' over a TLS connection of its own, with its own client certificate: your credentials stop at the API server. '
					: ', with its own client certificate: your credentials stop at the API server. ') +
				'It passes the stream on without reading the bytes it carries. The ClusterIP, kube-proxy’s rules and the Pod IP play no part: the bytes follow the control plane’s own route to the node, which on a managed control plane may be a tunnel such as Konnectivity.',
		},
		'pod-loopback-dial': {
			title: (c) => `Inside the Pod, to \`${c.destination}\``,
			body: (c) =>
				`The kubelet hands the stream to the container runtime (containerd, CRI-O), which enters the network namespace of Pod \`${c.to.name ?? ''}\` and connects to \`${c.destination}\`: port ${c.toPort ?? ''} on the Pod’s own loopback interface. ` +
				`From then on it copies the bytes both ways. The application sees its client at ${who(c.sourceOut)}, not your machine’s or the API server’s. It answers even if it listens on localhost only, where no Service could reach it.`,
		},
	},
	outcome: (o) => {
		const service = `Service \`${o.service?.name ?? ''}\``;
		switch (o.reason) {
			case 'no-local-endpoint':
				return `\`externalTrafficPolicy: Local\` sends external traffic only to Pods of the node it arrives on, and \`${o.machine ?? ''}\` runs no ready Pod of ${service}: the rules drop the packets. ${symptom(o)}`;
			case 'no-endpoints':
				if (o.stoppedAt === 'kubectl-port-forward')
					return `${service} selects no running Pod: \`kubectl port-forward\` waits for one (\`--pod-running-timeout\`, a minute by default), then exits with \`error: timed out waiting for the condition\`, never listening on its local port. ${symptom(o)}`;
				if (o.symptom === 'connection-refused') return `${service} has no ready endpoint on any node: kube-proxy’s rules reject the connection. ${symptom(o)}`;
				if (o.symptom === 'timeout') return `No Pod of ${service} is ready, so the load balancer has no registered target to send the connection to. ${symptom(o)}`;
				if (o.rule && o.routing?.kind === 'Ingress')
					return `${service}, which the rule for \`${o.rule.path}\` names, has no ready endpoint. Traefik leaves a route to a Service without endpoints out of its configuration (its \`allowEmptyServices\` option is off by default), so no rule matches and it answers itself. ${symptom(o)}`;
				if (o.rule)
					return `${service}, which HTTPRoute \`${o.routing?.name ?? ''}\` sends \`${o.rule.path}\` to, has no ready endpoint: the Gateway’s proxy has nowhere to send the request and answers itself (Envoy says \`no healthy upstream\`). ${symptom(o)}`;
				return `${service} has no ready endpoint: the API server answers itself, with \`no endpoints available for service "${o.service?.name ?? ''}"\`. ${symptom(o)}`;
			case 'no-load-balancer-implementation':
				return (
					`Nothing in this cluster implements \`type: LoadBalancer\` (a cluster on bare metal without MetalLB or a similar controller): the Service’s \`EXTERNAL-IP\` stays \`<pending>\`, and the client has nothing to connect to.` +
					(o.service?.nodePort !== undefined ? ` The NodePort it was given, \`${o.service.nodePort}\`, works meanwhile on every node.` : '')
				);
			case undefined:
				return '';
			default:
				// A hop broken on purpose (the explorer's `fail`): the catalogue's words.
				return `${FAILURE_WORDS.mode[o.reason].cause} ${symptom(o)}`;
		}
	},
	scenario: {
		'kubectl-proxy': { title: 'kubectl proxy to a ClusterIP Service' },
		'port-forward': { title: 'kubectl port-forward to one Pod' },
		nodeport: { title: 'NodePort Service' },
		loadbalancer: { title: 'LoadBalancer Service' },
		'ingress-nodeport': { title: 'Ingress behind a NodePort' },
		'ingress-loadbalancer': { title: 'Ingress behind a cloud load balancer' },
		'loadbalancer-per-api': { title: 'One load balancer and one Ingress per API' },
		'gateway-api': { title: 'Gateway API' },
		'service-mesh': { title: 'Service mesh, east-west' },
	},
	compare: {
		caption: 'Every way in, side by side. Each value comes from the scenario behind the page’s diagram.',
		columns: {
			scenario: 'Way in',
			entry: 'Entry point',
			reach: 'Reachable from',
			ports: 'Ports along the path',
			layer: 'Layer',
			tlsEnds: 'Where TLS ends',
			sourceIp: 'Source IP the Pod sees',
			cost: 'Cost driver',
			production: 'For production?',
			hops: 'Hops',
		},
	},
	decision: {
		yes: 'Yes',
		no: 'No',
		restart: 'Start again',
		back: 'Back',
		answer: 'Your answers',
		goTo: 'Read the page:',
		answerHeading: (title) => `Answer: ${title}`,
		factsLabel: 'Key facts, from the comparison table',
		runnerUp: 'Runner-up:',
		tipLabel: 'Tip:',
		startOver: 'Back to the first question',
		invalidAnswers: (param, value) => `This link’s \`${param}=${value}\` does not lead through the guide: it takes y and n letters, one per question asked. Starting from the first question.`,
		questions: {
			outside: { text: 'Does the traffic come from outside the cluster?', hint: 'No means calls between your own Services (east-west traffic).' },
			'dev-only': { text: 'Is it only you, from your machine, to develop or debug?', hint: 'Nobody else needs to reach it, and your kubeconfig already reaches the cluster.' },
			'dev-http': { text: 'Do you reach it over HTTP?', hint: '`kubectl proxy` forwards HTTP requests only; a database, a message broker or any other TCP protocol needs a tunnel instead.' },
			http: { text: 'Is all of it HTTP or HTTPS?', hint: 'No if any client speaks another TCP or UDP protocol: a database, MQTT, gRPC without HTTP routing, DNS…' },
			'cloud-l4': { text: 'Does the cluster have a load balancer implementation?', hint: 'A cloud provider’s, or MetalLB or a similar one on bare metal.' },
			'client-ip': { text: 'Do the Pods need the client’s IP address?', hint: 'For logs, rate limits or allow-lists.' },
			'many-services': { text: 'Do you expose more than one Service?', hint: 'Several applications, or several APIs of one application.' },
			groups: {
				text: 'Do they form separate groups that each need their own entry point?',
				hint: 'For example two APIs of about ten Services each, owned by different teams, with their own domain and limits.',
			},
			greenfield: { text: 'Are you starting now, without existing Ingress resources to keep?', hint: 'A new cluster or a new platform, or a planned migration.' },
			'cloud-l7': { text: 'Does the cluster have a load balancer implementation?', hint: 'A cloud provider’s, or MetalLB or a similar one on bare metal.' },
		},
		tips: {
			'external-traffic-policy-local':
				'Set `externalTrafficPolicy: Local` on the Service. It keeps the client’s address only if the load balancer forwards packets without changing their source; a load balancer that proxies connections opens its own, and the Pods see its address whatever the policy (the PROXY protocol can then carry the client’s, if the application reads it). With `Local`, the load balancer’s health checks keep traffic away from nodes without a ready Pod, and the load spreads less evenly.',
			metallb: 'Without a load balancer implementation, put your own load balancer in front of the node ports, or install one such as MetalLB to get `LoadBalancer` Services.',
		},
		answers: {
			'east-west': {
				reason: 'Calls between workloads inside the cluster need no way in: a ClusterIP `Service` already gives them one stable name and address, and kube-proxy spreads the connections over its Pods. A service mesh is optional: add one for what it brings on top, such as mutual TLS, workload identity, retries or per-request metrics. Its page follows one such call.',
			},
			'dev-proxy': {
				reason: 'Only you need it and it speaks HTTP: `kubectl proxy` reaches the `Service` through the API server, authenticated with your kubeconfig and limited by your RBAC rights, and exposes nothing to anyone else.',
				runnerUp: 'for another protocol, or to reach one Pod rather than the `Service`.',
			},
			'dev-port-forward': {
				reason: 'Only you need it, but it is not HTTP, and `kubectl proxy` forwards HTTP requests only. `kubectl port-forward` tunnels TCP connections from a port on your machine to a port of one Pod, through the API server and the kubelet, authenticated as you: any TCP protocol, but no UDP, and one Pod picked when the command starts, with no load balancing.',
				runnerUp: 'if the service does speak HTTP: it reaches the `Service`, not one of its Pods.',
			},
			'nodeport-own-lb': {
				reason: 'Without a load balancer implementation, a `NodePort` `Service` is what the cluster offers on its own: every node listens on the same port, for any TCP or UDP protocol, and your own load balancer or DNS spreads the clients over the nodes.',
				runnerUp: 'once the cluster has an implementation (a cloud provider’s, MetalLB): one stable address in front of the nodes.',
			},
			'lb-client-ip': {
				reason: 'A `LoadBalancer` `Service` gives clients one stable address in front of the nodes and carries any TCP or UDP protocol. Whether the Pods see the client’s address then depends on two things: the Service’s `externalTrafficPolicy` and the kind of load balancer (see the tip).',
				runnerUp: 'if you run your own load balancer in front of the nodes, with the same `externalTrafficPolicy` choice.',
			},
			lb: {
				reason: 'A `LoadBalancer` `Service` gives clients one stable address in front of the nodes, for any TCP or UDP protocol, HTTP included (TLS can end in the Pod), with nothing to install but the implementation the cluster already has.',
				runnerUp: 'if you would rather run your own load balancer in front of the nodes.',
			},
			'lb-per-group': {
				reason: 'Separate groups with their own entry point: one load balancer and one Ingress controller per group keep one team’s configuration mistake or overload away from the other’s, at the price of one load balancer per group.',
				runnerUp: 'if the groups can share one entry point after all.',
			},
			gateway: {
				reason: 'Several HTTP Services and nothing to migrate: the Gateway API is where new routing features go, and it separates the platform’s Gateway from the application teams’ routes.',
				runnerUp: 'if your team and your controller already know Ingress well: the API is frozen, not removed.',
			},
			'ingress-lb': {
				reason: 'Several HTTP Services, Ingress resources to keep and a load balancer implementation: one cloud load balancer in front of the Ingress controller, which routes by host name and path.',
				runnerUp: 'when you migrate: the features the Ingress API lacks now go there.',
			},
			'ingress-nodeport': {
				reason: 'Several HTTP Services but no load balancer implementation: the Ingress controller listens on node ports, and your own load balancer sends the clients to the nodes. With the controller’s `Service` on `externalTrafficPolicy: Cluster`, the default, the controller sees a node’s address, and that is what it puts in `X-Forwarded-For`; to pass the client’s on, it needs `Local` behind a load balancer that forwards packets, or the PROXY protocol.',
				runnerUp: 'once the cluster has a load balancer implementation (a cloud provider’s, MetalLB).',
			},
		},
	},
	site: {
		checkedAgainst: (c) =>
			`Checked against Kubernetes ${c.kubernetes} and Gateway API ${c.gatewayApi}, ${reviewedMonth(c).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })}`,
	},
	learningPath: {
		label: 'Learning path',
	},
	facts: {
		reach: {
			'this-machine': 'Only the machine running kubectl',
			'node-network': 'Anyone who can reach a node’s IP',
			internet: 'The internet',
		},
		layer: { L4: 'L4 (TCP/UDP)', L7: 'L7 (HTTP)' },
		layerTcpOnly: 'L4 (TCP only)',
		tlsEnds: {
			'api-server': 'API server (your side); none to the Pod',
			pod: 'In the Pod, if the app serves TLS',
			'load-balancer': 'Cloud load balancer',
			'ingress-controller': 'Ingress controller',
			gateway: 'Gateway (its proxy Pods)',
		},
		tlsNotInExample: '(none here: the example sends plain HTTP)',
		sourceIp: {
			peer: {
				client: 'The client’s',
				node: 'A node’s address (SNAT)',
				'load-balancer': 'The load balancer’s private address',
				'api-server': 'The API server’s (or a Konnectivity agent’s)',
				proxy: 'The proxy’s Pod IP',
				sidecar: 'The sidecar’s',
				loopback: 'The Pod’s own loopback, 127.0.0.1',
			},
			forwardedFor: FORWARDED_FOR,
			withForwarded: (peer, forwardedFor) => `${peer}; ${forwardedFor}`,
			withLocal: 'The client’s with externalTrafficPolicy: Local',
			withPreservation: 'The client’s only with client IP preservation or the PROXY protocol',
		},
		cost: {
			none: 'Nothing extra',
			'node-ports': 'Nothing extra; firewall rules for the port range',
			'load-balancer-per-service': 'One cloud load balancer per Service',
			'one-load-balancer': 'One load balancer for many Services',
			'load-balancer-per-group': 'One load balancer per group of Services',
		},
		production: {
			never: 'No: debugging only',
			limited: 'Limited: behind your own load balancer',
			yes: 'Yes',
		},
	},
	failures: FAILURE_WORDS,
	troubleshoot: {
		index: 'What the client sees',
		checks: (count) => (count === 1 ? 'One check:' : `${count} checks, in the order the request meets them:`),
		clientSees: 'The client sees',
		noOutput: '(nothing: the command prints no line)',
		run: 'Run',
		healthy: 'When all is well',
		broken: 'When this is the cause',
		fix: 'Fix',
		onPage: 'This hop on its page',
		inExplorer: 'Break it in the explorer',
		label: (text) => `${text}:`,
		ifItFailsHere: (count) => `If it fails here: ${count === 1 ? 'one cause' : `${count} causes`}`,
		howToCheck: 'How to check',
		source: {
			title: 'The application logs the wrong client address',
			intro: 'The request arrives, but the address the application logs is a node’s, a proxy’s or a load balancer’s. Each way in replaces the client’s address at known hops: find yours below, the hop where it changes, and how to keep it. Behind an HTTP proxy the application’s peer is always the proxy; the client’s address can only come in `X-Forwarded-For`, written by the proxy from the address it saw itself.',
			seen: (peer, forwardedFor) => `Here the application’s peer is ${peer}${forwardedFor === undefined ? '' : `, and \`X-Forwarded-For\` carries ${forwardedFor}`}.`,
			look: 'See what the application receives (whoami, as on the atlas page)',
			answers: 'It answers',
			becomes: (address, decides) =>
				`From this hop on, the source is ${address}: ${decides === 'peer' ? 'the peer the application sees' : 'the address the proxy writes into `X-Forwarded-For`'}.`,
			cause: {
				'cluster-snat': {
					title: '`externalTrafficPolicy: Cluster` rewrites the source',
					cause: 'With `Cluster`, the node’s rules may send the connection to a Pod on another node, so they also replace its source with the node’s own address, for the reply to come back through that node.',
					fix: 'Set `externalTrafficPolicy: Local`: a node then sends only to its own ready Pods, and keeps the source. Nodes without one drop what reaches them; a load balancer in front stops sending to them once its health check on `healthCheckNodePort` fails.',
				},
				'lb-proxies': {
					title: 'The load balancer connects from its own address',
					cause: 'This load balancer sends the connection on from one of its own addresses (it proxies connections, or its client IP preservation is off): no Service field brings the client’s back.',
					fix: 'Use a load balancer that passes the client’s address on (client IP preservation, where the provider offers it), or enable the PROXY protocol on the load balancer and on what receives its connections, which then reads the client’s address from the PROXY header.',
				},
				'routed-proxy': {
					title: 'The Ingress controller or the Gateway proxies the request',
					cause: 'An HTTP proxy ends the client’s connection and opens its own to the backend Pod: the Pod’s peer is the proxy Pod’s address, whatever the setup in front. The proxy writes the address it saw into `X-Forwarded-For`.',
					fix: 'Log the client’s address from `X-Forwarded-For` in the application, trusting the header only from the proxy (a client can send its own), and make sure the proxy itself sees the right address: the check before this one, where there is one.',
				},
				'api-server-proxy': {
					title: 'The API server opens the connection',
					cause: 'Through the API server, the connection to the Pod starts on the control plane: the Pod sees the API server’s address. This way in is for a developer reaching a Service, not for clients.',
					fix: 'Nothing to fix here. To see clients’ addresses, expose the Service with a way in made for them: a NodePort, a LoadBalancer or an Ingress.',
				},
				'runtime-loopback': {
					title: '`kubectl port-forward` dials from inside the Pod',
					cause: 'The kubelet and the container runtime open the connection from the Pod’s own network namespace, to `localhost`: the application sees `127.0.0.1`.',
					fix: 'Nothing to fix: port-forward is a developer’s tunnel. To see clients’ addresses, expose the Service with a NodePort, a LoadBalancer or an Ingress.',
				},
				'sidecar-inbound': {
					title: 'The sidecar hands the connection over from 127.0.0.6',
					cause: 'Istio’s sidecar takes the inbound connection, ends mutual TLS and connects to the application from `127.0.0.6`, its source for inbound traffic: the caller is known by its identity, not by this address.',
					fix: 'Identify the caller by its mTLS identity: the `X-Forwarded-Client-Cert` header the sidecar adds, or an `AuthorizationPolicy` whose `principals` name it. Where the application needs the caller’s address, Istio’s `TPROXY` interception mode keeps it as the source.',
				},
			},
			tryLocal: 'Try `Local` in the explorer',
		},
	},
	explorer: {
		form: 'Your setup',
		legend: {
			preset: 'Start from',
			entry: 'Way in',
			cluster: 'Cluster',
			pods: { app: 'Pods of the application per node', ingress: 'Ingress controller Pods per node', gateway: 'Gateway proxy Pods per node' },
			routes: 'Routes',
			backend: (index, path, service) => `Route ${index}: \`${path}\` to \`${service}\`, Pods per node`,
			path: 'Where the connection goes',
			policy: 'externalTrafficPolicy',
			loadBalancer: 'Load balancer',
			tls: 'Where TLS ends',
			fail: 'Break a hop',
		},
		label: {
			preset: 'Setup',
			front: 'In front of the proxies',
			nodes: 'Worker nodes',
			podsOn: (node) => `Pods on ${node}`,
			routes: 'Backends routed by path',
			via: 'Node the connection reaches first',
			pick: 'Node whose Pod answers',
			lb: 'What the load balancer does',
			targets: 'What it sends to',
			affinity: 'sessionAffinity',
			fail: 'What goes wrong',
		},
		notApplicable: 'Does not apply to this way in.',
		ownSetup: 'My own setup',
		decides: 'Let Kubernetes decide',
		noFailure: 'Nothing: everything works',
		value: {
			entry: {
				'kubectl-proxy': 'kubectl proxy',
				'port-forward': 'kubectl port-forward',
				nodeport: 'NodePort Service',
				loadbalancer: 'LoadBalancer Service',
				ingress: 'Ingress',
				gateway: 'Gateway API',
			},
			front: { nodeport: 'A NodePort Service', loadbalancer: 'A LoadBalancer Service' },
			etp: { cluster: 'Cluster', local: 'Local' },
			lb: { forward: 'Forwards packets (keeps the client’s address)', proxy: 'Proxies connections (its own address)', none: 'None: no implementation in this cluster' },
			targets: { nodes: 'The nodes, on their NodePort', pods: 'The Pod IPs directly' },
			tls: { none: 'Nowhere: plain HTTP', lb: 'At the load balancer', edge: 'At the Ingress controller or the Gateway', pod: 'At the Pod' },
			affinity: { none: 'None (the default)', clientip: 'ClientIP: one Pod per client address' },
		},
		hint: {
			entry: 'How the client’s first connection reaches the cluster.',
			front: 'How the Ingress controller’s or the Gateway’s own Pods are exposed.',
			via: 'With a NodePort the client picks the node; with a load balancer, the load balancer does.',
			pick: 'Among the Pods the rules may choose, the one this request gets.',
			etp: '`Cluster` sends to any ready Pod and rewrites the source; `Local` keeps the source and only uses the node’s own Pods.',
			lb: 'A provider’s load balancer either passes the packets on or opens its own connections.',
			targets: 'Pod IPs as targets need a Pod network the load balancer can route to.',
			tls: 'The component that ends TLS holds the certificate and reads the requests.',
			fail: 'A common mistake or outage, among those this setup can have: the picture shows where the request stops, and the result what the client sees and the command that shows why.',
			affinity: 'Where kube-proxy’s rules pick the Pod, `ClientIP` sends each source address back to the Pod chosen for it the first time.',
		},
		copyLink: 'Copy link to this setup',
		linkCopied: 'Link copied',
		resultHeading: 'What happens',
		outcome: (kind, where, machine, hop, hops) => {
			const at = machine === undefined ? where : `${where} on \`${machine}\``;
			return {
				delivered: `Delivered in ${hops} ${hops === 1 ? 'hop' : 'hops'}. Destination: ${at}.`,
				dropped: `Dropped at hop ${hop}. Where it stops: ${at}. The client waits, then times out.`,
				refused: `Refused at hop ${hop}. Where it stops: ${at}. The client gets an error at once.`,
				pending: `Pending at hop ${hop}. Where it stops: ${at}, which has no address yet; no client can connect.`,
			}[kind];
		},
		nowOutcome: (sentence) => `Now: ${sentence}`,
		presetOf: (title) => `The setup of the page “${title}”.`,
		notesHeading: 'What follows from this setup',
		notes: {
			'local-drops': (c) =>
				`\`Local\`: ${c.nodes.map((n) => `\`${n}\``).join(', ')} ${c.nodes.length === 1 ? 'runs' : 'run'} no ready Pod of \`${c.service}\`, and connections that reach ${c.nodes.length === 1 ? 'it' : 'them'} are dropped. ` +
				(c.healthChecked
					? 'A load balancer that health-checks the nodes (the Service’s `healthCheckNodePort`) stops sending there.'
					: 'A client that picks such a node gets no answer: nothing in front of a NodePort checks the nodes.'),
			'local-uneven': (c) => {
				const share = (pods: number) => Math.round(100 / c.shares.length / pods);
				return (
					`\`Local\` behind a load balancer that spreads connections evenly over the healthy nodes: each of the ${c.shares.length} nodes with a Pod takes the same share, whatever its number of Pods. ` +
					`${c.shares.map((s) => `Each Pod on \`${s.node}\` gets about ${share(s.pods)} %`).join('; ')}. Some providers can weigh nodes by their Pods instead.`
				);
			},
			'local-keeps-source': (c) =>
				`\`Local\` sends traffic only to Pods on the node it arrives at: no second hop and no source NAT, so the Pods of \`${c.service}\` see the address the packets arrived with.`,
			'cluster-snat': (c) =>
				`\`Cluster\`: the rules on \`${c.node}\` pick among ${c.endpoints === 1 ? 'the only ready endpoint' : `all ${c.endpoints} ready endpoints`} of \`${c.service}\`, on any node, and rewrite the source to the address of \`${c.node}\` so that the reply comes back through it: the Pod logs a node’s address, not the client’s.` +
				(c.across ? ' Here the Pod runs on another node: one more hop across the network.' : ''),
			'node-port-everywhere': (c) =>
				`kube-proxy opens node port \`${c.port}\` on ${c.nodes === 1 ? 'the node' : `all ${c.nodes} nodes`}, those without a Pod of \`${c.service}\` too: firewalls and security groups must allow it on every node a client or a load balancer may use.`,
			'lb-proxies': (c) =>
				`This load balancer opens its own connections, from \`${c.address}\`: the client’s address stops there, whatever \`externalTrafficPolicy\` says (\`Local\` passes the load balancer’s address on, \`Cluster\` replaces it with a node’s). Only the PROXY protocol, enabled on both the load balancer and the application, carries the client’s address.`,
			'lb-targets-pods': () =>
				'The load balancer sends straight to the Pod IPs (`allocateLoadBalancerNodePorts: false`, IP targets): no node port, no kube-proxy hop, and `externalTrafficPolicy` plays no part. The Pod network must be routable from the load balancer, as with the AWS VPC CNI.',
			'lb-pending': (c) =>
				'No controller in this cluster implements `type: LoadBalancer` (bare metal without MetalLB, for example): `EXTERNAL-IP` stays `<pending>` and clients have no address to connect to.' +
				(c.nodePort === undefined ? '' : ` Meanwhile node port \`${c.nodePort}\` is open on every node.`),
			'gateway-local-default': (c) =>
				`Envoy Gateway creates the Gateway’s Service, \`${c.service}\`, with \`externalTrafficPolicy: Local\` by default, so that its proxies see the client’s address; an \`EnvoyProxy\` resource changes it.`,
			'port-forward-one-pod': (c) =>
				`\`kubectl port-forward service/${c.service}\` picks ${c.endpoints === 1 ? 'the only running Pod' : `one of the ${c.endpoints} running Pods`} when it starts and sends every connection there: no load balancing, and the forwarding stops when that Pod goes away.`,
			'api-proxy-rbac': (c) =>
				`Whoever may use the \`services/proxy\` subresource in \`${c.namespace}\` (the RBAC verb follows the HTTP method: \`get\` for a GET) reaches \`${c.service}\` this way, and the local port of \`kubectl proxy\` trusts every process of your machine: a tool for the person who runs it, not a way in for users.`,
			'client-affinity': (c) =>
				`\`sessionAffinity: ClientIP\`: the rules that pick a Pod of \`${c.service}\` send a source address back to the Pod they chose for it the first time, for three hours by default (\`sessionAffinityConfig.clientIP.timeoutSeconds: 10800\`).` +
				(c.nodes > 1 ? ' Each node’s rules keep their own memory: a client the load balancer sends to another node may land on another Pod.' : '') +
				(c.shared === undefined ? '' : ` Here every connection comes from the load balancer’s own address, \`${c.shared}\`: each node sends them all to one Pod.`),
			'routed-source': (c) => `The backend Pods see the proxy’s Pod IP as their peer, never the client’s; ${FORWARDED_FOR[c.forwardedFor]}.`,
		},
		rowHeading: 'This setup in the comparison',
		manifestsHeading: 'Manifests',
		manifestsChecked:
			'The page does not load the Kubernetes schema: the property tests build setups across the whole parameter space and check each one’s manifests against the Kubernetes API schema and the Gateway API’s rules at build time.',
		manifestsLoading: 'Loading the manifests…',
		sessionHeading: 'Try it',
		ignoredHeading: 'This link has parameters the explorer ignored',
		ignored: (param, value, allowed) =>
			allowed.kind === 'unknown'
				? `\`${param}=${value}\`: no such parameter; it was ignored.`
				: allowed.kind === 'range'
					? `\`${param}=${value}\` was ignored: give a whole number from ${allowed.min} to ${allowed.max}.`
					: allowed.kind === 'counts'
						? `\`${param}=${value}\` was ignored: give ${allowed.routes === undefined ? '' : `${allowed.routes} lists separated by \`;\`, each of `}${allowed.nodes} ${allowed.nodes === 1 ? 'count' : 'counts'} (one per node, 0 to 5) separated by commas.`
						: allowed.values.length === 0
							? `\`${param}=${value}\` was ignored: this parameter does not apply to this setup.`
							: `\`${param}=${value}\` was ignored: with the other parameters, it takes ${allowed.values.map((v) => `\`${v}\``).join(', ')}.`,
		simulation: {
			heading: 'Send many requests',
			intro: 'Each request is decided as the components on its path decide it: the load balancer’s choice of node and its health checks, kube-proxy’s random pick among the ready endpoints, `Local` dropping on nodes without one, `sessionAffinity`, the Ingress controller’s or the Gateway’s choice of backend. The choices are random but seeded: the same link gives the same numbers.',
			requests: 'Requests',
			clients: 'Client addresses',
			seed: 'Seed',
			hint: (maxRequests, maxClients) => `Up to ${maxRequests} requests from up to ${maxClients} clients, each client sending its share in turn. Another seed, other random choices.`,
			send: 'Send the requests',
			summary: (requests, clients, delivered) => `${requests} requests from ${clients} ${clients === '1' ? 'client' : 'clients'}: ${delivered} reached the application.`,
			failed: (failed, count) => (count === 0 ? 'None was lost.' : `${failed} did not.`),
			podsHeading: 'Requests per Pod',
			nodesHeading: 'Requests per node',
			column: {
				pod: 'Pod',
				node: 'Node',
				requests: 'Requests',
				share: 'Share',
				sources: 'Source addresses it logged',
				entered: 'Connections that entered here',
				served: 'Served by its Pods',
				hop: 'Step',
			},
			dropsHeading: 'Where the others stopped',
			drop: (count, kind, symptom, where, machine) =>
				`${count} ${{ dropped: 'dropped', refused: 'refused', pending: 'never sent' }[kind]} at ${machine === undefined ? where : `${where} on \`${machine}\``}. ${symptom}.`,
			hopsHeading: 'Requests per step of the diagram',
			sourcesHeading: 'The source addresses the application logged',
			origin: {
				client: 'a client’s own address',
				node: 'a node’s address (source NAT)',
				'load-balancer': 'the load balancer’s address',
				'api-server': 'the API server’s node',
				proxy: 'a proxy Pod’s address',
				sidecar: 'a sidecar’s address',
				loopback: 'the Pod’s loopback',
			},
			more: (count) => `and ${count} more`,
			sendAtlas: (requests) => `Send ${requests} requests`,
			lbChooses: 'The load balancer chooses a node for each connection: the form’s “node the connection reaches first” and “node whose Pod answers” describe one request and play no part here.',
		},
		openInExplorer: 'Open this setup in the explorer',
		whatIfLegend: 'What if',
		whatIf: {
			local: '`externalTrafficPolicy: Local`',
			'other-node': 'The client enters `node-b`',
			proxy: 'The load balancer proxies',
			'tls-at-lb': 'TLS ends at the load balancer',
			cluster: '`externalTrafficPolicy: Cluster`',
			'no-pods': 'No ready Pod',
		},
		noScript:
			'The explorer builds any way in from a few choices (the way in, the nodes and their Pods, the traffic policy, the load balancer, where TLS ends) and draws its path, its packets and its manifests in your browser. It needs JavaScript. Every setup below has its own page, readable without it:',
		diagramTitle: 'Your setup',
	},
} as const satisfies Messages;
