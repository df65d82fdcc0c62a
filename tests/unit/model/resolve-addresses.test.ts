import { describe, expect, it } from 'vitest';
import {
	destinationOf,
	endpointsOf,
	findNode,
	findService,
	formatEndpoint,
	hopContext,
	hopId,
	listenOf,
	machineOf,
	podAddressOf,
	sourceSeenByPod,
	sourcesAlong,
	trafficPolicyOf,
	type SeenAddress,
} from '../../../src/model/resolve.ts';
import { scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import type { Scenario, ServiceSpec } from '../../../src/model/types.ts';
import { copyOf } from '../fixtures.ts';

/*
 * Where each packet of the atlas goes and where it seems to come from, hop by hop, written by hand
 * from how Kubernetes moves it: the addresses of the shared topology (src/model/scenarios/common.ts:
 * node-a 10.0.1.11, node-b 10.0.1.12, the office client 10.0.9.15, the internet client
 * 198.51.100.23) and the ports of each page's Service (the NodePort on the node's address, the
 * targetPort on the Pod IP, the Service port on the load balancer's public address).
 */
const node = (id: ScenarioId, node: string) => {
	const found = findNode(scenarios[id], node);
	if (!found) throw new Error(`scenario \`${id}\` has no node \`${node}\``);
	return found;
};
const destinations = (id: ScenarioId) => scenarios[id].path.map((_, index) => destinationOf(scenarios[id], index)).map((endpoint) => endpoint && formatEndpoint(endpoint));
const client = (address: string | undefined): SeenAddress => ({ origin: 'client', address });
/** node-a's address after kube-proxy's SNAT, which replaced the client's. */
const nodeA: SeenAddress = { origin: 'node', address: '10.0.1.11', machine: 'node-a', replaced: 'client' };

describe('the address:port each hop is sent to', () => {
	it('kubectl proxy: the loopback port 8001, the API server’s secure port 6443, then the Pod’s targetPort (the ClusterIP is never dialled)', () => {
		expect(destinations('kubectl-proxy')).toEqual(['127.0.0.1:8001', '10.0.1.10:6443', '10.244.1.10:8080']);
	});

	it('NodePort: the entry node’s address and nodePort, kept while the kernel matches the rules, then the Pod after DNAT', () => {
		expect(destinations('nodeport')).toEqual(['10.0.1.11:30080', '10.0.1.11:30080', '10.244.2.10:8080']);
	});

	it('LoadBalancer: the public address on the Service port, the node’s NodePort, then the Pod', () => {
		expect(destinations('loadbalancer')).toEqual(['203.0.113.10:80', '10.0.1.11:30080', '10.0.1.11:30080', '10.244.2.10:8080']);
	});

	it('Ingress behind a NodePort: the controller’s NodePort, its Pod on the entry point’s port 8000, then the backend Pod', () => {
		expect(destinations('ingress-nodeport')).toEqual(['10.0.1.11:30080', '10.0.1.11:30080', '10.244.1.40:8000', '10.244.2.20:8080']);
	});

	it('Ingress behind a load balancer: 443 on the public address, the websecure NodePort 30443, the controller’s 8443, the backend', () => {
		expect(destinations('ingress-loadbalancer')).toEqual(['203.0.113.20:443', '10.0.1.11:30443', '10.0.1.11:30443', '10.244.1.40:8443', '10.244.2.20:8080']);
	});

	it('an NLB with IP targets: no NodePort at all, straight to the controller Pod’s VPC address', () => {
		expect(destinations('loadbalancer-per-api')).toEqual(['203.0.113.30:443', '10.0.1.55:8443', '10.0.1.65:8080']);
	});

	it('Gateway API: Envoy’s Service on 443 / NodePort 30443, the Envoy Pod on 10443, the backend', () => {
		expect(destinations('gateway-api')).toEqual(['203.0.113.40:443', '10.0.1.11:30443', '10.0.1.11:30443', '10.244.1.40:10443', '10.244.2.20:8080']);
	});

	it('the mesh: the application dials the api ClusterIP, its sidecar dials the api Pod, which hands it to the container', () => {
		expect(destinations('service-mesh')).toEqual(['10.96.52.3:80', '10.244.2.9:8080', '10.244.2.9:8080']);
	});

	it('has no destination before the first hop', () => {
		expect(destinationOf(scenarios.nodeport, -1)).toBeUndefined();
	});

	it('without any address on the way, a hop into kube-proxy has no destination to inherit', () => {
		const scenario = copyOf(scenarios.nodeport);
		delete scenario.services[0]!.nodePort;
		expect(destinationOf(scenario, 1)).toBeUndefined();
	});
});

describe('where a node listens', () => {
	it('each kind on its own address and port', () => {
		const listen = (id: ScenarioId, n: string) => {
			const endpoint = listenOf(scenarios[id], node(id, n));
			return endpoint && formatEndpoint(endpoint);
		};
		expect(listen('kubectl-proxy', 'kubectl-proxy')).toBe('127.0.0.1:8001');
		expect(listen('kubectl-proxy', 'api-server')).toBe('10.0.1.10:6443');
		expect(listen('kubectl-proxy', 'service')).toBe('10.96.41.7:80');
		expect(listen('nodeport', 'nodeport-b')).toBe('10.0.1.12:30080');
		expect(listen('nodeport', 'web-2')).toBe('10.244.2.11:8080');
		expect(listen('loadbalancer', 'load-balancer')).toBe('203.0.113.10:80');
		expect(listen('gateway-api', 'envoy-1')).toBe('10.244.1.40:10443');
		// Istio's outbound listener, and the containers of one Pod on its shared IP.
		expect(listen('service-mesh', 'frontend-sidecar')).toBe('10.244.1.30:15001');
		expect(listen('service-mesh', 'api')).toBe('10.244.2.9:8080');
		// Nothing accepts a connection at the client or in kube-proxy's rules.
		expect(listen('nodeport', 'client')).toBeUndefined();
		expect(listen('nodeport', 'kube-proxy-a')).toBeUndefined();
	});

	it('kubectl proxy and the API server on the address and port they are told', () => {
		const scenario = copyOf(scenarios['kubectl-proxy']);
		scenario.nodes[1] = { ...scenario.nodes[1]!, address: '0.0.0.0', port: 8080 };
		scenario.nodes[3] = { ...scenario.nodes[3]!, address: '192.0.2.1', port: 443 };
		expect(listenOf(scenario, scenario.nodes[1]!)).toEqual({ host: '0.0.0.0', port: 8080 });
		expect(listenOf(scenario, scenario.nodes[3]!)).toEqual({ host: '192.0.2.1', port: 443 });
	});

	it('nowhere when what it needs is missing: a machine without an address, a Service without a nodePort or a load balancer address, a Pod without a Service', () => {
		const scenario = copyOf(scenarios.loadbalancer);
		const cp = copyOf(scenarios['kubectl-proxy']);
		delete cp.zones[2]!.address;
		expect(listenOf(cp, findNode(cp, 'api-server')!)).toBeUndefined();
		delete scenario.zones.find((zone) => zone.id === 'node-a')!.address;
		expect(listenOf(scenario, findNode(scenario, 'nodeport-a')!)).toBeUndefined();
		const noNodePort = copyOf(scenarios.loadbalancer);
		delete noNodePort.services[0]!.nodePort;
		delete noNodePort.services[0]!.loadBalancerIP;
		expect(listenOf(noNodePort, findNode(noNodePort, 'nodeport-b')!)).toBeUndefined();
		expect(listenOf(noNodePort, findNode(noNodePort, 'load-balancer')!)).toBeUndefined();
		const orphan = copyOf(scenarios.nodeport);
		delete orphan.nodes[5]!.service;
		expect(listenOf(orphan, orphan.nodes[5]!)).toBeUndefined();
		delete orphan.nodes[1]!.service;
		expect(listenOf(orphan, orphan.nodes[1]!)).toBeUndefined();
	});
});

describe('machines, Pod IPs and endpoints', () => {
	it('finds the node a Pod, a container or a rule runs on by walking up its zones', () => {
		expect(machineOf(scenarios.nodeport, node('nodeport', 'web-1'))?.address).toBe('10.0.1.12');
		expect(machineOf(scenarios.nodeport, node('nodeport', 'kube-proxy-a'))?.name).toBe('node-a');
		expect(machineOf(scenarios['service-mesh'], node('service-mesh', 'api'))?.name).toBe('node-b');
		expect(machineOf(scenarios['kubectl-proxy'], node('kubectl-proxy', 'api-server'))?.address).toBe('10.0.1.10');
		// The client's laptop and the cluster-wide Service object run on no node.
		expect(machineOf(scenarios['kubectl-proxy'], node('kubectl-proxy', 'client'))).toBeUndefined();
		expect(machineOf(scenarios.nodeport, node('nodeport', 'service'))).toBeUndefined();
	});

	it('stops on zones nested in a loop instead of walking forever', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.zones = [
			{ id: 'a', kind: 'cluster', parent: 'b' },
			{ id: 'b', kind: 'cluster', parent: 'a' },
		];
		scenario.nodes = [{ id: 'x', kind: 'pod', zone: 'a', service: 'web', address: '10.244.9.9' }];
		expect(machineOf(scenario, scenario.nodes[0]!)).toBeUndefined();
	});

	it('a Pod IP is the node’s own address or its Pod zone’s, never the worker node’s', () => {
		expect(podAddressOf(scenarios.nodeport, node('nodeport', 'web-1'))).toBe('10.244.2.10');
		expect(podAddressOf(scenarios['service-mesh'], node('service-mesh', 'frontend'))).toBe('10.244.1.30');
		expect(podAddressOf(scenarios.nodeport, node('nodeport', 'kube-proxy-a'))).toBeUndefined();
		expect(podAddressOf(scenarios.nodeport, node('nodeport', 'service'))).toBeUndefined();
	});

	it('a Service’s endpoints are the Pods (or the proxies in them) it selects, not its NodePorts, rules or the Service itself', () => {
		const ids = (id: ScenarioId, service: string) => endpointsOf(scenarios[id], service).map((n) => n.id);
		expect(ids('nodeport', 'web')).toEqual(['web-1', 'web-2']);
		expect(ids('loadbalancer', 'web')).toEqual(['web-2', 'web-1']);
		expect(ids('ingress-nodeport', 'traefik')).toEqual(['traefik-1']);
		expect(ids('gateway-api', 'envoy-gateway-web-gateway-b52444e4')).toEqual(['envoy-1']);
		expect(ids('service-mesh', 'api')).toEqual(['api-sidecar']);
		expect(ids('nodeport', 'api')).toEqual([]);
	});

	it('finds a Service by name, and none for no name', () => {
		expect(findService(scenarios['ingress-nodeport'], 'api')?.clusterIP).toBe('10.96.52.3');
		expect(findService(scenarios['ingress-nodeport'], undefined)).toBeUndefined();
		expect(findService(scenarios['ingress-nodeport'], 'nope')).toBeUndefined();
	});

	it('names a hop after its two ends, and an endpoint as host:port', () => {
		expect(hopId({ from: 'client', to: 'nodeport-a' })).toBe('client-to-nodeport-a');
		expect(formatEndpoint({ host: '10.0.1.11', port: 30080 })).toBe('10.0.1.11:30080');
	});
});

describe('externalTrafficPolicy in force', () => {
	const service = (type: ServiceSpec['type'], policy?: 'Cluster' | 'Local'): ServiceSpec => ({
		name: 'web',
		namespace: 'default',
		type,
		clusterIP: '10.96.41.7',
		portName: 'http',
		port: 80,
		targetPort: 8080,
		app: 'web',
		...(policy === undefined ? {} : { externalTrafficPolicy: policy }),
	});
	it('defaults to Cluster for NodePort and LoadBalancer, does not exist for ClusterIP', () => {
		expect(trafficPolicyOf(service('NodePort'))).toBe('Cluster');
		expect(trafficPolicyOf(service('LoadBalancer', 'Local'))).toBe('Local');
		expect(trafficPolicyOf(service('ClusterIP'))).toBeUndefined();
		expect(trafficPolicyOf(service('ClusterIP', 'Local'))).toBeUndefined();
		expect(trafficPolicyOf(undefined)).toBeUndefined();
	});
});

describe('the source address each receiver sees', () => {
	it('kubectl proxy: the loopback, then your machine (unknown here), then the API server on the control plane', () => {
		expect(sourcesAlong(scenarios['kubectl-proxy'])).toEqual([client('127.0.0.1'), client(undefined), { origin: 'api-server', address: '10.0.1.10', machine: 'control-plane' }]);
	});

	it('NodePort with Cluster: the client until kube-proxy’s DNAT, then node-a by SNAT', () => {
		expect(sourcesAlong(scenarios.nodeport)).toEqual([client('10.0.9.15'), client('10.0.9.15'), nodeA]);
	});

	it('a load balancer that forwards packets keeps the client’s address; Cluster then replaces it with node-a’s', () => {
		const c = client('198.51.100.23');
		expect(sourcesAlong(scenarios.loadbalancer)).toEqual([c, c, c, nodeA]);
	});

	it('Local behind a forwarding load balancer: the controller sees the client, the backend the controller’s Pod IP', () => {
		const c = client('198.51.100.23');
		expect(sourcesAlong(scenarios['ingress-loadbalancer'])).toEqual([c, c, c, c, { origin: 'proxy', address: '10.244.1.40' }]);
		expect(sourcesAlong(scenarios['gateway-api']).at(-1)).toEqual({ origin: 'proxy', address: '10.244.1.40' });
	});

	it('an NLB that proxies (IP targets over TCP): its private address from the second hop on', () => {
		expect(sourcesAlong(scenarios['loadbalancer-per-api'])).toEqual([client('198.51.100.23'), { origin: 'load-balancer', address: '10.0.0.48' }, { origin: 'proxy', address: '10.0.1.55' }]);
	});

	it('the mesh: the calling sidecar’s Pod IP over mTLS, then Istio’s inbound passthrough address', () => {
		expect(sourcesAlong(scenarios['service-mesh']).slice(1)).toEqual([
			{ origin: 'sidecar', address: '10.244.1.30' },
			{ origin: 'sidecar', address: '127.0.0.6' },
		]);
	});

	it('a proxying load balancer with Local: the Pod sees the load balancer’s address; a forwarding one: the client’s', () => {
		const local = copyOf(scenarios.loadbalancer);
		local.services[0]!.externalTrafficPolicy = 'Local';
		// With Local the rules on node-a only send to node-a's own Pod.
		local.path[3]!.to = 'web-2';
		expect(sourceSeenByPod(local).source).toEqual(client('198.51.100.23'));
		local.services[0]!.loadBalancerSource = '10.0.0.5';
		expect(sourceSeenByPod(local)).toEqual({ source: { origin: 'load-balancer', address: '10.0.0.5' }, forwardedFor: undefined, lostToClusterPolicy: false });
	});

	it('a proxying load balancer’s address is found through the node it reaches when the load balancer box names no Service', () => {
		const proxying = copyOf(scenarios.loadbalancer);
		proxying.services[0]!.loadBalancerSource = '10.0.0.5';
		delete proxying.nodes.find((n) => n.id === 'load-balancer')!.service;
		expect(sourcesAlong(proxying)[1]).toEqual({ origin: 'load-balancer', address: '10.0.0.5' });
	});

	it('a proxying load balancer with Cluster: node-a’s SNAT replaces the load balancer’s address, and Local would not have kept the client’s', () => {
		const proxying = copyOf(scenarios.loadbalancer);
		proxying.services[0]!.loadBalancerSource = '10.0.0.5';
		expect(sourcesAlong(proxying).slice(1)).toEqual([
			{ origin: 'load-balancer', address: '10.0.0.5' },
			{ origin: 'load-balancer', address: '10.0.0.5' },
			{ ...nodeA, replaced: 'load-balancer' },
		]);
		expect(sourceSeenByPod(proxying).lostToClusterPolicy).toBe(false);
	});
});

describe('what the application sees (RemoteAddr, X-Forwarded-For) and whether Cluster cost the client’s address', () => {
	const seen = (id: ScenarioId) => sourceSeenByPod(scenarios[id]);
	it('NodePort and LoadBalancer with Cluster: node-a, no header, and Local would have kept the client', () => {
		expect(seen('nodeport')).toEqual({ source: nodeA, forwardedFor: undefined, lostToClusterPolicy: true });
		expect(seen('loadbalancer')).toEqual({ source: nodeA, forwardedFor: undefined, lostToClusterPolicy: true });
	});

	it('Ingress behind a NodePort with Cluster: X-Forwarded-For holds node-a, lost to Cluster', () => {
		expect(seen('ingress-nodeport')).toEqual({ source: { origin: 'proxy', address: '10.244.1.40' }, forwardedFor: nodeA, lostToClusterPolicy: true });
	});

	it('Local behind a forwarding load balancer: X-Forwarded-For holds the client', () => {
		expect(seen('ingress-loadbalancer')).toEqual({ source: { origin: 'proxy', address: '10.244.1.40' }, forwardedFor: client('198.51.100.23'), lostToClusterPolicy: false });
		expect(seen('gateway-api').forwardedFor).toEqual(client('198.51.100.23'));
	});

	it('behind the proxying NLB: X-Forwarded-For holds the NLB’s address, not a policy’s doing', () => {
		expect(seen('loadbalancer-per-api')).toEqual({
			source: { origin: 'proxy', address: '10.0.1.55' },
			forwardedFor: { origin: 'load-balancer', address: '10.0.0.48' },
			lostToClusterPolicy: false,
		});
	});

	it('kubectl proxy: the API server, no header; the mesh: 127.0.0.6', () => {
		expect(seen('kubectl-proxy')).toEqual({ source: { origin: 'api-server', address: '10.0.1.10', machine: 'control-plane' }, forwardedFor: undefined, lostToClusterPolicy: false });
		expect(seen('service-mesh').source).toEqual({ origin: 'sidecar', address: '127.0.0.6' });
	});

	it('a path with no hop: the client, as it is', () => {
		const empty: Scenario = { ...scenarios.nodeport, path: [] };
		expect(sourcesAlong(empty)).toEqual([]);
		expect(sourceSeenByPod(empty)).toEqual({ source: client(undefined), forwardedFor: undefined, lostToClusterPolicy: false });
	});
});

describe('hopContext: what a step may say about its hop', () => {
	const at = (id: ScenarioId, hop: string) => {
		const index = scenarios[id].path.findIndex((h) => hopId(h) === hop);
		if (index < 0) throw new Error(`scenario \`${id}\` has no hop \`${hop}\``);
		return hopContext(scenarios[id], index);
	};

	it('NodePort, entering node-a: no Pod of web there (both run on node-b), no previous protocol, the client’s own address', () => {
		const context = at('nodeport', 'client-to-nodeport-a');
		expect(context).toMatchObject({
			id: 'client-to-nodeport-a',
			transform: 'node-port-connect',
			protocol: 'TCP',
			destination: '10.0.1.11:30080',
			endpointCount: 2,
			localEndpoints: 0,
			crossNode: false,
			snat: false,
			toPort: 30080,
		});
		expect(context.incomingProtocol).toBeUndefined();
		expect(context.sourceIn).toEqual(client('10.0.9.15'));
		expect(context.from).toEqual({ id: 'client', kind: 'client', name: 'curl', machine: undefined, machineAddress: undefined });
		expect(context.to).toEqual({ id: 'nodeport-a', kind: 'node-port', name: undefined, machine: 'node-a', machineAddress: '10.0.1.11' });
		expect(context.service?.name).toBe('web');
		expect(context.routing).toBeUndefined();
		expect(context.rule).toBeUndefined();
		expect(context.addressedService).toBeUndefined();
	});

	it('NodePort, kube-proxy’s DNAT: the packet crosses to node-b, SNAT to node-a, and the entry node is node-a', () => {
		const context = at('nodeport', 'kube-proxy-a-to-web-1');
		expect(context).toMatchObject({ destination: '10.244.2.10:8080', endpointCount: 2, localEndpoints: 2, crossNode: true, snat: true, incomingProtocol: 'TCP', toPort: 8080 });
		expect(context.sourceIn).toEqual(client('10.0.9.15'));
		expect(context.sourceOut).toEqual(nodeA);
		expect(context.entryMachine).toEqual({ id: 'nodeport-a', kind: 'node-port', name: undefined, machine: 'node-a', machineAddress: '10.0.1.11' });
	});

	it('LoadBalancer with Cluster: node-a runs one of the two Pods, yet the rules may pick the one on node-b', () => {
		expect(at('loadbalancer', 'load-balancer-to-nodeport-a')).toMatchObject({ localEndpoints: 1, endpointCount: 2, crossNode: false, snat: false });
		// web-1 runs on node-b, beside no other Pod of web.
		expect(at('loadbalancer', 'kube-proxy-a-to-web-1')).toMatchObject({ localEndpoints: 1, crossNode: true, snat: true });
	});

	it('the hop to the load balancer reaches no node: no local Pods to count, nothing crosses', () => {
		expect(at('loadbalancer', 'client-to-load-balancer')).toMatchObject({ endpointCount: 2, localEndpoints: 0, crossNode: false, destination: '203.0.113.10:80' });
		expect(at('loadbalancer', 'client-to-load-balancer').to.machine).toBeUndefined();
	});

	it('Local: kube-proxy’s DNAT keeps the source', () => {
		expect(at('ingress-loadbalancer', 'kube-proxy-a-to-traefik-1')).toMatchObject({ snat: false, crossNode: false, localEndpoints: 1, incomingProtocol: 'HTTPS', protocol: 'HTTPS' });
	});

	it('the Ingress controller’s hop: the api Service, the `/api` rule, one Pod on another node, HTTPS arriving and HTTP leaving', () => {
		const context = at('ingress-loadbalancer', 'traefik-1-to-api-1');
		expect(context.service?.name).toBe('api');
		expect(context.rule).toEqual({ path: '/api', service: 'api' });
		expect(context.routing?.tlsSecret).toBe('shop-example-com-tls');
		expect(context).toMatchObject({ endpointCount: 1, localEndpoints: 1, crossNode: true, snat: false, incomingProtocol: 'HTTPS', protocol: 'HTTP', destination: '10.244.2.20:8080' });
	});

	it('kubectl proxy: the API server dials the Pod from the control plane to node-a, with no entry node', () => {
		const context = at('kubectl-proxy', 'api-server-to-web-1');
		expect(context).toMatchObject({ crossNode: true, endpointCount: 2, localEndpoints: 2, snat: false });
		expect(context.entryMachine).toBeUndefined();
		expect(context.sourceOut).toEqual({ origin: 'api-server', address: '10.0.1.10', machine: 'control-plane' });
	});

	it('the mesh: the application addresses the api Service, its own sidecar on 15001 receives it', () => {
		const context = at('service-mesh', 'frontend-to-frontend-sidecar');
		expect(context.addressedService?.name).toBe('api');
		expect(context.service?.name).toBe('frontend');
		expect(context).toMatchObject({ destination: '10.96.52.3:80', toPort: 15001, crossNode: false });
	});

	it('refuses a hop that does not exist, and one whose nodes do not', () => {
		expect(() => hopContext(scenarios.nodeport, 3)).toThrow(new RangeError('Scenario `nodeport` has no hop at index 3.'));
		const broken = copyOf(scenarios.nodeport);
		broken.path[0]!.to = 'ghost';
		expect(() => hopContext(broken, 0)).toThrow('Scenario `nodeport`: hop `client-to-ghost` names a node that does not exist. Run validateScenario first.');
		broken.path[0]!.to = 'nodeport-a';
		broken.path[0]!.from = 'ghost';
		expect(() => hopContext(broken, 0)).toThrow(/hop `ghost-to-nodeport-a` names a node that does not exist/);
	});
});

describe('what the model cannot place', () => {
	it('a managed control plane (the API server on no node of yours): no address to listen on or to be seen from', () => {
		const managed = copyOf(scenarios['kubectl-proxy']);
		managed.nodes.find((n) => n.id === 'api-server')!.zone = 'cluster';
		expect(listenOf(managed, findNode(managed, 'api-server')!)).toBeUndefined();
		expect(sourcesAlong(managed)[2]).toEqual({ origin: 'api-server', address: undefined, machine: undefined });
		expect(hopContext(managed, 2).crossNode).toBe(false);
	});

	it('a Pod not scheduled yet (no node, no IP): listens nowhere, is no local endpoint, and a hop to it crosses no node', () => {
		const pending = copyOf(scenarios.nodeport);
		const pod = pending.nodes.find((n) => n.id === 'web-1')!;
		pod.zone = 'cluster';
		delete pod.address;
		expect(listenOf(pending, pod)).toBeUndefined();
		expect(podAddressOf(pending, pod)).toBeUndefined();
		const context = hopContext(pending, 2);
		expect(context).toMatchObject({ crossNode: false, endpointCount: 2, localEndpoints: 0 });
		// The hop keeps the destination of the hop before it.
		expect(context.destination).toBe('10.0.1.11:30080');
	});

	it('a node in a zone the model lacks has no Pod IP', () => {
		const lost = copyOf(scenarios.nodeport);
		const pod = lost.nodes.find((n) => n.id === 'web-2')!;
		pod.zone = 'nowhere';
		delete pod.address;
		expect(podAddressOf(lost, pod)).toBeUndefined();
	});

	it('a hop with no destination says so with an empty string; a hop of no Service counts no endpoints', () => {
		const scenario = copyOf(scenarios.nodeport);
		delete scenario.services[0]!.nodePort;
		expect(hopContext(scenario, 0).destination).toBe('');
		expect(hopContext(scenarios['kubectl-proxy'], 0)).toMatchObject({ endpointCount: 0, localEndpoints: 0, service: undefined });
	});

	it('a path that starts in kube-proxy’s rules (a process on the node dialling the NodePort): the first hop’s DNAT already SNATs', () => {
		const scenario = copyOf(scenarios.nodeport);
		scenario.path = [scenario.path[2]!];
		expect(sourceSeenByPod(scenario)).toEqual({ source: nodeA, forwardedFor: undefined, lostToClusterPolicy: true });
		const ghost = copyOf(scenarios.nodeport);
		ghost.path[0]!.from = 'ghost';
		expect(sourceSeenByPod(ghost).source).toEqual(nodeA);
	});

	it('the Ingress rule of a hop is the one for its own Service, not the first', () => {
		const scenario = copyOf(scenarios['ingress-nodeport']);
		scenario.path[3]!.to = 'web-1';
		expect(hopContext(scenario, 3).rule).toEqual({ path: '/', service: 'web' });
	});
});
