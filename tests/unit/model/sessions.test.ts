import { describe, expect, it } from 'vitest';
import { CHARTS, columns, owningGatewayLabels, sessionFor, transcript } from '../../../src/model/commands.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import type { Scenario } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The "Try it" sessions, line by line as kubectl, helm, dig and curl print them: `kubectl get service`
 * columns NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, `<none>` where a Service has no external
 * address, `port:nodePort/TCP` once a node port is allocated; `kubectl apply` names each object as
 * `<resource>.<group>/<name> created`. The addresses are the page's (node-a 10.0.1.11, the Pods'
 * IPs); what `whoami` prints as `RemoteAddr` is the peer Kubernetes gives the Pod.
 */
/**
 * The session as text, whoami's source port checked to be an ephemeral one (32768-60999, Linux's
 * default range) and written `<ephemeral>`: the packet view chooses one per connection.
 */
const session = (scenario: Scenario) =>
	transcript(sessionFor(scenario)).replace(/^(RemoteAddr: [\d.]+):(\d+)$/m, (_, address: string, port: string) => {
		expect(Number(port)).toBeGreaterThanOrEqual(32768);
		expect(Number(port)).toBeLessThanOrEqual(60999);
		return `${address}:<ephemeral>`;
	});

describe('whole sessions', () => {
	it('NodePort: apply, the Service with its node port, the two Pods on node-b, curl to node-a, SNAT to node-a', () => {
		expect(session(scenarios.nodeport)).toBe(
			[
				'$ kubectl apply -f web-deployment.yaml -f web-service.yaml',
				'deployment.apps/web created',
				'service/web created',
				'',
				'$ kubectl get service web',
				'NAME   TYPE       CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE',
				'web    NodePort   10.96.41.7   <none>        80:30080/TCP   2m',
				'',
				'$ kubectl get pods -l app=web -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName',
				'NAME              IP            NODE',
				'web-z6jrr-gq98h   10.244.2.10   node-b',
				'web-z6jrr-qbgg8   10.244.2.11   node-b',
				'',
				"$ curl -s http://10.0.1.11:30080/ | grep -E '^(Hostname|RemoteAddr):'",
				'Hostname: web-z6jrr-gq98h',
				'RemoteAddr: 10.0.1.11:<ephemeral>',
			].join('\n'),
		);
	});

	it('kubectl proxy: a ClusterIP Service with no external address, the proxy on 127.0.0.1:8001, the API server as the peer', () => {
		expect(session(scenarios['kubectl-proxy'])).toBe(
			[
				'$ kubectl apply -f web-deployment.yaml -f web-service.yaml',
				'deployment.apps/web created',
				'service/web created',
				'',
				'$ kubectl get service web',
				'NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE',
				'web    ClusterIP   10.96.41.7   <none>        80/TCP    2m',
				'',
				'$ kubectl get pods -l app=web -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName',
				'NAME              IP            NODE',
				'web-z6jrr-gq98h   10.244.1.10   node-a',
				'web-z6jrr-qbgg8   10.244.1.11   node-a',
				'',
				'$ kubectl proxy &',
				'Starting to serve on 127.0.0.1:8001',
				'',
				"$ curl -s http://127.0.0.1:8001/api/v1/namespaces/default/services/web:http/proxy/ | grep -E '^(Hostname|RemoteAddr):'",
				'Hostname: web-z6jrr-gq98h',
				'RemoteAddr: 10.0.1.10:<ephemeral>',
			].join('\n'),
		);
	});

	it('the mesh: the objects, then the api Service and Pod in the shop namespace, and no curl (the image has no shell)', () => {
		const steps = sessionFor(scenarios['service-mesh']);
		expect(steps.map((step) => step.command)).toEqual([
			'kubectl apply -f frontend-deployment.yaml -f frontend-service.yaml -f api-deployment.yaml -f api-service.yaml',
			'kubectl get service api -n shop',
			'kubectl get pods -n shop -l app=api -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName',
		]);
		expect(steps[2]!.output).toEqual(['NAME              IP           NODE', 'api-64d5c-rw7tn   10.244.2.9   node-b']);
	});

	it('nothing to show for a path that reaches nothing; no curl where the load balancer has no address yet', () => {
		expect(sessionFor({ ...scenarios.nodeport, path: [] })).toEqual([]);
		const noAddress = copyOf(scenarios.loadbalancer);
		delete noAddress.services[0]!.loadBalancerIP;
		const steps = sessionFor(noAddress as Scenario);
		expect(steps.map((step) => step.command.split(' ').slice(0, 3).join(' '))).toEqual(['kubectl apply -f', 'kubectl get service', 'kubectl get pods']);
		expect(steps[1]!.output[1]).toMatch(/^web\s+LoadBalancer\s+10\.96\.41\.7\s+<pending>\s+80:30080\/TCP/);
	});
});

describe('the proxy in front', () => {
	it('Traefik from its chart repository, as a NodePort on 30080 (the web entry point), no Local', () => {
		const steps = sessionFor(scenarios['ingress-nodeport']);
		expect(steps[0]).toEqual({ command: 'helm repo add traefik https://traefik.github.io/charts', output: ['"traefik" has been added to your repositories'] });
		expect(steps[1]).toEqual({
			command: 'helm install traefik traefik/traefik --version 41.3.0 -n traefik --create-namespace --set service.spec.type=NodePort --set ports.web.nodePort=30080',
			output: ['NAME: traefik', 'LAST DEPLOYED: Tue Dec  1 09:14:07 2026', 'NAMESPACE: traefik', 'STATUS: deployed', 'REVISION: 1', 'TEST SUITE: None', 'NOTES:', '…'],
		});
	});

	it('the controller Service lists both ports, lowest first, each with its node port', () => {
		const text = session(scenarios['ingress-loadbalancer']);
		expect(text).toContain(
			'$ kubectl get service traefik -n traefik\nNAME      TYPE           CLUSTER-IP     EXTERNAL-IP    PORT(S)                      AGE\ntraefik   LoadBalancer   10.96.200.10   203.0.113.20   80:30080/TCP,443:30443/TCP   2m',
		);
	});

	it('a controller Service with provider annotations comes from the platform team’s values: no helm line', () => {
		expect(sessionFor(scenarios['loadbalancer-per-api']).some((step) => step.command.startsWith('helm'))).toBe(false);
	});

	it('a chart install without a node port: only the type', () => {
		const scenario = copyOf(scenarios['ingress-loadbalancer']);
		scenario.services[0]!.allocateLoadBalancerNodePorts = false;
		delete scenario.services[0]!.nodePort;
		delete scenario.services[0]!.externalTrafficPolicy;
		expect(sessionFor(scenario as Scenario)[1]!.command).toBe('helm install traefik traefik/traefik --version 41.3.0 -n traefik --create-namespace --set service.spec.type=LoadBalancer');
	});

	it('Envoy Gateway pinned, its Service and Pod found by the labels of the Gateway they serve', () => {
		expect(CHARTS.envoyGateway).toEqual({ chart: 'oci://docker.io/envoyproxy/gateway-helm', version: 'v1.9.0' });
		expect(owningGatewayLabels({ name: 'web-gateway', namespace: 'gateway' })).toBe('gateway.envoyproxy.io/owning-gateway-namespace=gateway,gateway.envoyproxy.io/owning-gateway-name=web-gateway');
		const text = session(scenarios['gateway-api']);
		expect(text).toContain(
			'$ kubectl get pods -n envoy-gateway-system -l gateway.envoyproxy.io/owning-gateway-namespace=gateway,gateway.envoyproxy.io/owning-gateway-name=web-gateway -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName\nNAME                                             IP            NODE\nenvoy-gateway-web-gateway-b52444e4-dt48t-z824n   10.244.1.40   node-a',
		);
	});
});

describe('the routing objects and the request', () => {
	it('kubectl apply names each kind with its API group', () => {
		const text = session(scenarios['gateway-api']);
		expect(text).toContain(
			[
				// The backends in route order: `/api` first.
				'deployment.apps/api created',
				'service/api created',
				'deployment.apps/web created',
				'service/web created',
				'gatewayclass.gateway.networking.k8s.io/eg created',
				'gateway.gateway.networking.k8s.io/web-gateway created',
				'httproute.gateway.networking.k8s.io/shop created',
			].join('\n'),
		);
		expect(session(scenarios['ingress-nodeport'])).toContain('service/web created\ningress.networking.k8s.io/shop created');
	});

	it('the Gateway programmed on the load balancer’s address, the HTTPRoute with its hostname', () => {
		const text = session(scenarios['gateway-api']);
		expect(text).toContain('$ kubectl get gateway web-gateway -n gateway\nNAME          CLASS   ADDRESS        PROGRAMMED   AGE\nweb-gateway   eg      203.0.113.40   True         2m');
		expect(text).toContain('$ kubectl get httproute shop\nNAME   HOSTNAMES              AGE\nshop   ["shop.example.com"]   1m');
	});

	it('an Ingress without TLS serves port 80 only, and has no address behind a NodePort', () => {
		expect(session(scenarios['ingress-nodeport'])).toContain(
			'$ kubectl get ingress shop\nNAME   CLASS     HOSTS              ADDRESS   PORTS   AGE\nshop   traefik   shop.example.com             80      1m',
		);
		expect(session(scenarios['ingress-loadbalancer'])).toContain('shop   traefik   shop.example.com   203.0.113.20   80, 443   1m');
	});

	it('plain HTTP names the host in a header; TLS resolves it to the entry address, so SNI and the certificate match', () => {
		expect(session(scenarios['ingress-nodeport'])).toContain(
			"$ curl -s -H 'Host: shop.example.com' http://10.0.1.11:30080/api/ | grep -E '^(Hostname|RemoteAddr|X-Forwarded-For):'\nHostname: api-2w2vr-gcvzn\nRemoteAddr: 10.244.1.40:<ephemeral>\nX-Forwarded-For: 10.0.1.11",
		);
		expect(session(scenarios['gateway-api'])).toContain('$ curl -s https://shop.example.com/api/ --resolve shop.example.com:443:203.0.113.40 |');
	});

	it('a rule for `/` is requested as `/`, and a backend without a rule as `/`', () => {
		const web = copyOf(scenarios['ingress-nodeport']);
		web.path[3]!.to = 'web-1';
		expect(session(web as Scenario)).toContain("http://10.0.1.11:30080/ | grep -E '^(Hostname|RemoteAddr|X-Forwarded-For):'\nHostname: web-z6jrr-gq98h");
	});

	it('the NLB’s DNS name in EXTERNAL-IP and in the Ingress’s ADDRESS, resolved with dig to its address', () => {
		const text = session(scenarios['loadbalancer-per-api']);
		// The shape the AWS Load Balancer Controller gives an NLB's name: k8s-<namespace, 8>-<name, 8>-<10 hex>-<16 hex>.elb.<region>.amazonaws.com.
		const hostname = /k8s-edgeorde-traefiko-[0-9a-f]{10}-[0-9a-f]{16}\.elb\.eu-west-1\.amazonaws\.com/.exec(text)![0];
		expect(text).toContain(`$ dig +short ${hostname}\n203.0.113.30`);
		expect(text).toContain(`traefik-orders   LoadBalancer   10.96.200.20   ${hostname}   443/TCP   2m`);
		expect(text).toContain(`orders-api   traefik-orders   api.orders.example.com   ${hostname}   80, 443   1m`);
		expect(text).toContain('$ kubectl get service payments -n orders\n');
		expect(text).toContain('payments-htdk9-5gqfp   10.0.1.65   node-b');
	});
});

describe('what kubectl and whoami print about Pods', () => {
	it('whoami’s Hostname is the Pod’s name, not its container’s, when the Pod is drawn as a zone', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones.push({ id: 'web-pod', kind: 'pod', parent: 'node-b', name: 'web-z6jrr-gq98h', address: '10.244.2.10' });
		const pod = scenario.nodes.find((node) => node.id === 'web-1')!;
		pod.zone = 'web-pod';
		pod.name = 'whoami';
		delete pod.address;
		const text = session(scenario as Scenario);
		expect(text).toContain('web-z6jrr-gq98h   10.244.2.10   node-b');
		expect(text).toContain('Hostname: web-z6jrr-gq98h\nRemoteAddr: 10.0.1.11:<ephemeral>');
	});

	it('a Pod not scheduled yet has no IP and no node: `<none>` in both columns', () => {
		const scenario = copyOf(scenarios.nodeport);
		const pending = scenario.nodes.find((node) => node.id === 'web-2')!;
		pending.zone = 'cluster';
		delete pending.address;
		expect(session(scenario as Scenario)).toContain('web-z6jrr-qbgg8   <none>        <none>');
	});

	it('a backend no rule names is requested at `/`', () => {
		const scenario = copyOf(scenarios['ingress-nodeport']);
		scenario.routing!.rules = [{ path: '/api', service: 'api' }];
		scenario.path[3]!.to = 'web-1';
		expect(session(scenario as Scenario)).toContain("$ curl -s -H 'Host: shop.example.com' http://10.0.1.11:30080/ | grep");
	});

	it('no session when the last hop reaches nothing the model knows, or a node of no Service', () => {
		const ghost = copyOf(scenarios.nodeport);
		ghost.path[2]!.to = 'ghost';
		expect(sessionFor(ghost as Scenario)).toEqual([]);
		const orphan = copyOf(scenarios.nodeport);
		delete orphan.nodes.find((node) => node.id === 'web-1')!.service;
		expect(sessionFor(orphan as Scenario)).toEqual([]);
	});

	it('Envoy Gateway’s chart installs as the release `eg`', () => {
		expect(sessionFor(scenarios['gateway-api'])[0]!.output.slice(0, 3)).toEqual(['NAME: eg', 'LAST DEPLOYED: Tue Dec  1 09:14:07 2026', 'NAMESPACE: envoy-gateway-system']);
	});
});

describe('columns', () => {
	it('pads every column but the last to its widest cell plus three spaces, and trims the end', () => {
		expect(
			columns([
				['NAME', 'ADDRESS', 'AGE'],
				['shop', '', ''],
				['a', 'b', 'c'],
			]),
		).toEqual(['NAME   ADDRESS   AGE', 'shop', 'a      b         c']);
		expect(columns([])).toEqual([]);
	});
});
