import { describe, expect, it } from 'vitest';
import { messages } from '../../../src/i18n/index.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import { assertValidScenario, ModelError, validateScenario, validateTranslations, type TranslationTable } from '../../../src/model/validate.ts';
import { copyOf, type Mutable } from '../fixtures.ts';
import type { Scenario } from '../../../src/model/types.ts';

/*
 * One broken thing at a time, and the one sentence that names it: the scenario, the field with its
 * value, and the fix. The limits are Kubernetes' own: TCP ports 1-65535, and the API server's default
 * `--service-node-port-range` 30000-32767; a `ClusterIP` Service has no nodePort, a `LoadBalancer` one
 * has one unless `allocateLoadBalancerNodePorts: false`; an Ingress or HTTPRoute sends to Services in
 * its own namespace.
 */
const broken = <S extends Scenario>(scenario: S, change: (copy: Mutable<Scenario>) => void): string[] => {
	const copy = copyOf(scenario);
	change(copy);
	return validateScenario(copy as Scenario);
};

describe('ids and zones', () => {
	it('a zone, a node or a hop used twice', () => {
		expect(broken(scenarios.nodeport, (s) => s.zones.push({ id: 'node-a', kind: 'worker-node', parent: 'cluster' }))).toEqual([
			'Scenario `nodeport`: zone id `node-a` is used twice. Give each zone its own id.',
		]);
		expect(broken(scenarios.nodeport, (s) => s.nodes.push({ id: 'web-2', kind: 'pod', zone: 'node-b', service: 'web', address: '10.244.2.9' }))).toEqual([
			'Scenario `nodeport`: node id `web-2` is used twice. Give each node its own id.',
		]);
		expect(
			broken(scenarios.nodeport, (s) => {
				s.path.push({ from: 'web-1', to: 'kube-proxy-a', protocol: 'TCP', transform: 'netfilter-match' }, { from: 'kube-proxy-a', to: 'web-1', protocol: 'TCP', transform: 'endpoint-dnat' });
			}),
		).toEqual(['Scenario `nodeport`: hop `kube-proxy-a-to-web-1` appears twice in the path. A request passes each hop once; split the node if it really goes back.']);
	});

	it('a zone of an unknown kind, inside an unknown zone, or inside itself', () => {
		expect(broken(scenarios.nodeport, (s) => (s.zones[1] = { ...s.zones[1]!, kind: 'datacenter' as never }))).toEqual([
			'Scenario `nodeport`: zone `cluster` has unknown kind `datacenter`. Use one of user-machine, internet, cloud-network, cluster, control-plane, worker-node, pod or add the kind to src/model/kinds.ts.',
		]);
		expect(broken(scenarios.nodeport, (s) => (s.zones[2] = { ...s.zones[2]!, parent: 'region' }))).toEqual([
			'Scenario `nodeport`: zone `node-a` is inside unknown zone `region`. Add that zone or fix `parent`.',
		]);
		expect(broken(scenarios.nodeport, (s) => (s.zones[1] = { ...s.zones[1]!, parent: 'node-b' }))).toEqual([
			'Scenario `nodeport`: zone `cluster` is inside itself through `cluster`. Break the loop of `parent` values.',
			'Scenario `nodeport`: zone `node-a` is inside itself through `cluster`. Break the loop of `parent` values.',
			'Scenario `nodeport`: zone `node-b` is inside itself through `node-b`. Break the loop of `parent` values.',
		]);
	});
});

describe('Service ports', () => {
	const web = (change: (service: Mutable<Scenario>['services'][number]) => void, scenario: Scenario = scenarios.nodeport) => broken(scenario, (s) => change(s.services[0]!));

	it('accepts ports 1 and 65535 and the ends of the NodePort range', () => {
		expect(
			web((service) => {
				service.port = 1;
				service.targetPort = 65535;
				service.nodePort = 30000;
			}),
		).toEqual([]);
		expect(web((service) => (service.nodePort = 32767))).toEqual([]);
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 65535, targetPort: 1, nodePort: 30000 }]))).toEqual([]);
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 9100, targetPort: 9100, nodePort: 32767 }]))).toEqual([]);
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 9100, targetPort: 9100 }]))).toEqual([]);
	});

	it('rejects port 0, 65536 and a fraction, naming the field', () => {
		expect(web((service) => (service.port = 0))).toEqual(['Scenario `nodeport`: Service `web` has `port: 0`, outside 1-65535. Use a valid TCP port.']);
		expect(web((service) => (service.targetPort = 65536))).toEqual(['Scenario `nodeport`: Service `web` has `targetPort: 65536`, outside 1-65535. Use a valid TCP port.']);
		expect(web((service) => (service.port = 80.5))).toEqual(['Scenario `nodeport`: Service `web` has `port: 80.5`, outside 1-65535. Use a valid TCP port.']);
	});

	it('rejects another port outside 1-65535 or a nodePort outside 30000-32767', () => {
		const outside = 'Scenario `nodeport`: Service `web` has port `metrics` outside 1-65535. Use valid TCP ports.';
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 0, targetPort: 9100 }]))).toEqual([outside]);
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 9100, targetPort: 65536 }]))).toEqual([outside]);
		const range = (nodePort: number) =>
			`Scenario \`nodeport\`: Service \`web\` has port \`metrics\` with \`nodePort: ${nodePort}\`, outside the default range 30000-32767. Pick a port in that range.`;
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 9100, targetPort: 9100, nodePort: 29999 }]))).toEqual([range(29999)]);
		expect(web((service) => (service.otherPorts = [{ name: 'metrics', port: 9100, targetPort: 9100, nodePort: 32768 }]))).toEqual([range(32768)]);
	});

	it('rejects a nodePort outside 30000-32767, or not a whole number', () => {
		const range = (nodePort: number) => `Scenario \`nodeport\`: Service \`web\` has \`nodePort: ${nodePort}\`, outside the default range 30000-32767. Pick a port in that range.`;
		expect(web((service) => (service.nodePort = 29999))).toEqual([range(29999)]);
		expect(web((service) => (service.nodePort = 32768))).toEqual([range(32768)]);
		expect(web((service) => (service.nodePort = 30080.5))).toEqual([range(30080.5)]);
	});

	it('a NodePort Service needs a nodePort; a ClusterIP one may not have one', () => {
		// Without it, nothing on the way in has an address to be sent to.
		expect(web((service) => delete service.nodePort)).toEqual([
			'Scenario `nodeport`: Service `web` is of type `NodePort` but has no `nodePort`. Set one in 30000-32767.',
			'Scenario `nodeport`: hop `client-to-nodeport-a` has no destination address: node `nodeport-a` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.',
			'Scenario `nodeport`: hop `nodeport-a-to-kube-proxy-a` has no destination address: node `kube-proxy-a` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.',
		]);
		expect(web((service) => (service.nodePort = 30080), scenarios['kubectl-proxy'])).toEqual([
			'Scenario `kubectl-proxy`: Service `web` is of type `ClusterIP` but sets `nodePort: 30080`. Remove it or change the type.',
		]);
	});

	it('a LoadBalancer needs its address, and a nodePort only while node ports are allocated', () => {
		expect(web((service) => delete service.loadBalancerIP, scenarios.loadbalancer)).toEqual([
			'Scenario `loadbalancer`: Service `web` is of type `LoadBalancer` but has no `loadBalancerIP`. Give it the address the load balancer gets, so the diagram can show it.',
			'Scenario `loadbalancer`: hop `client-to-load-balancer` has no destination address: node `load-balancer` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.',
		]);
		expect(web((service) => (service.allocateLoadBalancerNodePorts = false), scenarios.loadbalancer)).toEqual([
			'Scenario `loadbalancer`: Service `web` sets `allocateLoadBalancerNodePorts: false` and `nodePort: 30080`. Remove one of them.',
		]);
		expect(
			web((service) => {
				service.allocateLoadBalancerNodePorts = true;
				delete service.nodePort;
			}, scenarios.loadbalancer),
		).toEqual(['Scenario `loadbalancer`: Service `web` is of type `LoadBalancer` but has no `nodePort`. Set one in 30000-32767.']);
	});
});

describe('nodes', () => {
	const node = (index: number, change: (n: Mutable<Scenario>['nodes'][number]) => void) => broken(scenarios.nodeport, (s) => change(s.nodes[index]!));

	it('an unknown kind, zone or Service', () => {
		expect(node(0, (n) => (n.kind = 'browser' as never))).toEqual([
			'Scenario `nodeport`: node `client` has unknown kind `browser`. Use one of client, kubectl-proxy, api-server, cloud-load-balancer, node-port, kube-proxy, service, ingress-controller, gateway-proxy, pod, container, sidecar-proxy, kubectl-port-forward, kubelet or add the kind to src/model/kinds.ts.',
			'Scenario `nodeport`: node `client` is a `browser` that belongs to no Service. Set `service`.',
		]);
		expect(node(2, (n) => (n.zone = 'node-z'))).toContain('Scenario `nodeport`: node `nodeport-a` is in unknown zone `node-z`. Add the zone or fix `zone`.');
		// The hop into it still has the address the hop before gave.
		expect(node(5, (n) => (n.service = 'shop'))).toEqual(['Scenario `nodeport`: node `web-1` refers to unknown Service `shop`. Add it to `services` or fix `service`.']);
	});

	it('a port outside 1-65535; 1 and 65535 are ports', () => {
		expect(node(5, (n) => (n.port = 0))).toEqual(['Scenario `nodeport`: node `web-1` has `port: 0`, outside 1-65535. Use a valid TCP port.']);
		expect(node(5, (n) => (n.port = 65536))).toEqual(['Scenario `nodeport`: node `web-1` has `port: 65536`, outside 1-65535. Use a valid TCP port.']);
		expect(node(5, (n) => (n.port = 1))).toEqual([]);
		expect(node(5, (n) => (n.port = 65535))).toEqual([]);
	});

	it('everything but the client, kubectl proxy and the API server belongs to a Service', () => {
		expect(node(3, (n) => delete n.service)).toEqual(['Scenario `nodeport`: node `kube-proxy-a` is a `kube-proxy` that belongs to no Service. Set `service`.']);
		const proxy = copyOf(scenarios['kubectl-proxy']);
		expect(proxy.nodes.filter((n) => n.service === undefined).map((n) => n.kind)).toEqual(['client', 'kubectl-proxy', 'api-server']);
		expect(validateScenario(proxy as Scenario)).toEqual([]);
	});

	it('an endpoint without a Pod IP', () => {
		expect(node(6, (n) => delete n.address)).toEqual(['Scenario `nodeport`: node `web-2` is a `pod` without a Pod IP. Set its `address`, or that of the `pod` zone it is in.']);
		// A container in a Pod zone takes the zone's IP: no address of its own needed.
		expect(validateScenario(scenarios['service-mesh'])).toEqual([]);
	});
});

describe('routing', () => {
	it('a rule to an unknown Service, a relative path, an HTTPRoute without a Gateway', () => {
		expect(
			broken(
				scenarios['ingress-nodeport'],
				(s) =>
					(s.routing!.rules = [
						{ path: '/', service: 'web' },
						{ path: '/api', service: 'api' },
						{ path: '/cart', service: 'cart' },
					]),
			),
		).toEqual(['Scenario `ingress-nodeport`: Ingress `shop` sends `/cart` to unknown Service `cart`. Add the Service or fix the rule.']);
		expect(broken(scenarios['ingress-nodeport'], (s) => (s.routing!.rules = [{ path: 'api', service: 'api' }]))).toEqual([
			'Scenario `ingress-nodeport`: Ingress `shop` has path `api`, which does not start with `/`. Write an absolute path.',
		]);
		expect(broken(scenarios['gateway-api'], (s) => delete s.routing!.gateway)).toEqual([
			'Scenario `gateway-api`: HTTPRoute `shop` has no `gateway` to attach to. Set `gateway: { name, namespace }`.',
		]);
	});

	it('a backend in another namespace, naming both', () => {
		expect(broken(scenarios['gateway-api'], (s) => (s.services[1]!.namespace = 'payments'))).toEqual([
			"Scenario `gateway-api`: HTTPRoute `shop` in namespace `default` sends `/api` to Service `api` in `payments`. Backends must be in the route's namespace (or allowed by a ReferenceGrant): move one of them.",
		]);
	});

	it('a routing hop needs routing of its kind: an Ingress for ingress-route, an HTTPRoute for gateway-route', () => {
		expect(broken(scenarios['ingress-nodeport'], (s) => delete s.routing)).toEqual([
			'Scenario `ingress-nodeport`: hop `traefik-1-to-api-1` uses `ingress-route` but the scenario has no `routing` of kind `Ingress`. Add one.',
		]);
		expect(broken(scenarios['gateway-api'], (s) => (s.routing = { ...s.routing!, kind: 'Ingress' }))).toEqual([
			'Scenario `gateway-api`: hop `envoy-1-to-api-1` uses `gateway-route` but the scenario has no `routing` of kind `HTTPRoute`. Add one.',
		]);
		expect(broken(scenarios['gateway-api'], (s) => (s.routing!.rules = [{ path: '/', service: 'web' }]))).toEqual([
			'Scenario `gateway-api`: hop `envoy-1-to-api-1` reaches Service `api`, which no rule of HTTPRoute `shop` routes to. Add a rule or fix the hop.',
		]);
	});
});

describe('the path', () => {
	it('an empty path', () => {
		expect(broken(scenarios.nodeport, (s) => (s.path = []))).toEqual(['Scenario `nodeport` has an empty path. Add at least one hop.']);
	});

	it('an unknown transform, an unknown end, an unknown addressee', () => {
		expect(broken(scenarios.nodeport, (s) => (s.path[1]!.transform = 'teleport' as never))).toEqual([
			'Scenario `nodeport`: hop `nodeport-a-to-kube-proxy-a` has unknown transform `teleport`. Use one of loopback-http, api-authenticated-proxy, api-service-proxy, node-port-connect, netfilter-match, endpoint-dnat, load-balancer-connect, load-balancer-to-node, load-balancer-to-pod, ingress-route, gateway-route, sidecar-outbound, mesh-mtls, sidecar-inbound, port-forward-listen, port-forward-stream, kubelet-stream, pod-loopback-dial or add it to src/model/kinds.ts.',
		]);
		expect(broken(scenarios.nodeport, (s) => (s.path[0]!.from = 'laptop'))).toEqual([
			'Scenario `nodeport`: hop `laptop-to-nodeport-a` comes from unknown node `laptop`. Add it to the topology or fix the hop.',
		]);
		expect(broken(scenarios['service-mesh'], (s) => (s.path[0]!.addressedTo = 'api-svc'))).toEqual([
			'Scenario `service-mesh`: hop `frontend-to-frontend-sidecar` is addressed to unknown node `api-svc`. Add it to the topology or fix `addressedTo`.',
			'Scenario `service-mesh`: hop `frontend-to-frontend-sidecar` has no destination address: node `frontend-sidecar` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.',
		]);
	});

	it('a hop to itself, and a path that jumps', () => {
		expect(
			broken(scenarios.nodeport, (s) => {
				s.path = [s.path[0]!, { from: 'nodeport-a', to: 'nodeport-a', protocol: 'TCP', transform: 'netfilter-match' }];
			}),
		).toEqual(['Scenario `nodeport`: hop `nodeport-a-to-nodeport-a` goes from a node to itself. Remove it or point it to the next node.']);
		expect(broken(scenarios.nodeport, (s) => (s.path = [s.path[0]!, s.path[2]!]))).toEqual([
			'Scenario `nodeport`: hop `kube-proxy-a-to-web-1` starts at `kube-proxy-a` but the hop before it ends at `nodeport-a`: the path is disconnected. Make each hop start where the previous one ends.',
		]);
	});

	it('a first hop into kube-proxy’s rules has no address to be sent to', () => {
		expect(broken(scenarios.nodeport, (s) => (s.path = [{ from: 'client', to: 'kube-proxy-a', protocol: 'TCP', transform: 'netfilter-match' }]))).toEqual([
			'Scenario `nodeport`: hop `client-to-kube-proxy-a` has no destination address: node `kube-proxy-a` has none and no hop before it gives one. Give the node an address (or its zone one) or its Service the port it needs.',
		]);
	});
});

describe('translations', () => {
	const without = (change: (fr: Record<string, any>) => void): Record<string, TranslationTable> => {
		const fr: Record<string, any> = {
			...messages.fr,
			node: { ...messages.fr.node },
			zone: { ...messages.fr.zone },
			transform: { ...messages.fr.transform },
			scenario: { ...messages.fr.scenario },
		};
		change(fr);
		return { en: messages.en, fr };
	};

	it('a zone label, a blank node label, a step template without its body, a scenario without a title', () => {
		expect(
			validateTranslations(
				scenarios.nodeport,
				without((fr) => delete fr['zone']['worker-node']),
			),
		).toEqual(["Scenario `nodeport`: zone kind `worker-node` has no FR text. Add `zone['worker-node']` to src/i18n/fr.ts."]);
		expect(
			validateTranslations(
				scenarios.nodeport,
				without((fr) => (fr['node']['pod'] = '   ')),
			),
		).toEqual(["Scenario `nodeport`: node kind `pod` has no FR text. Add `node['pod']` to src/i18n/fr.ts."]);
		expect(
			validateTranslations(
				scenarios.nodeport,
				without((fr) => (fr['transform']['netfilter-match'] = { title: messages.fr.transform['netfilter-match'].title })),
			),
		).toEqual([
			"Scenario `nodeport`: hop `nodeport-a-to-kube-proxy-a` uses transform `netfilter-match`, which has no FR step template. Add `transform['netfilter-match']` with `title` and `body` to src/i18n/fr.ts.",
		]);
		expect(
			validateTranslations(
				scenarios.nodeport,
				without((fr) => (fr['transform']['netfilter-match'] = { body: messages.fr.transform['netfilter-match'].body })),
			),
		).toHaveLength(1);
		expect(
			validateTranslations(
				scenarios.nodeport,
				without((fr) => delete fr['scenario']['nodeport']),
			),
		).toEqual(["Scenario `nodeport` has no FR title. Add `scenario['nodeport']` to src/i18n/fr.ts."]);
		expect(validateTranslations(scenarios.nodeport, { en: {} })).toEqual([
			"Scenario `nodeport`: node kind `client` has no EN text. Add `node['client']` to src/i18n/en.ts.",
			"Scenario `nodeport`: node kind `service` has no EN text. Add `node['service']` to src/i18n/en.ts.",
			"Scenario `nodeport`: node kind `node-port` has no EN text. Add `node['node-port']` to src/i18n/en.ts.",
			"Scenario `nodeport`: node kind `kube-proxy` has no EN text. Add `node['kube-proxy']` to src/i18n/en.ts.",
			"Scenario `nodeport`: node kind `pod` has no EN text. Add `node['pod']` to src/i18n/en.ts.",
			"Scenario `nodeport`: zone kind `user-machine` has no EN text. Add `zone['user-machine']` to src/i18n/en.ts.",
			"Scenario `nodeport`: zone kind `cluster` has no EN text. Add `zone['cluster']` to src/i18n/en.ts.",
			"Scenario `nodeport`: zone kind `worker-node` has no EN text. Add `zone['worker-node']` to src/i18n/en.ts.",
			"Scenario `nodeport`: hop `client-to-nodeport-a` uses transform `node-port-connect`, which has no EN step template. Add `transform['node-port-connect']` with `title` and `body` to src/i18n/en.ts.",
			"Scenario `nodeport`: hop `nodeport-a-to-kube-proxy-a` uses transform `netfilter-match`, which has no EN step template. Add `transform['netfilter-match']` with `title` and `body` to src/i18n/en.ts.",
			"Scenario `nodeport`: hop `kube-proxy-a-to-web-1` uses transform `endpoint-dnat`, which has no EN step template. Add `transform['endpoint-dnat']` with `title` and `body` to src/i18n/en.ts.",
			"Scenario `nodeport` has no EN title. Add `scenario['nodeport']` to src/i18n/en.ts.",
		]);
	});

	it('assertValidScenario returns a valid scenario itself, and throws every problem of both kinds at once', () => {
		expect(assertValidScenario(scenarios.nodeport, messages)).toBe(scenarios.nodeport);
		const copy = copyOf(scenarios.nodeport);
		copy.path = [];
		let error: unknown;
		try {
			assertValidScenario(
				copy as Scenario,
				without((fr) => delete fr['scenario']['nodeport']),
			);
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(ModelError);
		expect((error as ModelError).name).toBe('ModelError');
		expect((error as ModelError).problems).toEqual([
			'Scenario `nodeport` has an empty path. Add at least one hop.',
			"Scenario `nodeport` has no FR title. Add `scenario['nodeport']` to src/i18n/fr.ts.",
		]);
		expect((error as ModelError).message).toBe(
			"Scenario `nodeport` is not valid:\n- Scenario `nodeport` has an empty path. Add at least one hop.\n- Scenario `nodeport` has no FR title. Add `scenario['nodeport']` to src/i18n/fr.ts.",
		);
	});
});

describe('fields only one type of Service may set', () => {
	it('rejects `allocateLoadBalancerNodePorts` on a NodePort Service, as the API server does', () => {
		expect(validateScenario({ ...scenarios.nodeport, services: [{ ...scenarios.nodeport.services[0]!, allocateLoadBalancerNodePorts: false }] })).toContain(
			'Scenario `nodeport`: Service `web` is of type `NodePort` but sets `allocateLoadBalancerNodePorts`, which only a `LoadBalancer` Service may set. Remove it or change the type.',
		);
		expect(validateScenario(scenarios['loadbalancer-per-api'])).toEqual([]);
	});
});
