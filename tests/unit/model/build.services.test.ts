/*
 * The entry Service the builder writes, field by field, from what Kubernetes and the AWS Load Balancer
 * Controller need: a NodePort Service has a nodePort per port; a LoadBalancer one too, unless
 * `allocateLoadBalancerNodePorts: false` (Pod-IP targets); `externalTrafficPolicy` exists only on a
 * NodePort or LoadBalancer Service (Envoy Gateway sets `Local` on the Services it creates); a load
 * balancer that targets Pod IPs or ends TLS is an AWS network load balancer, told so by annotations
 * (`nlb-target-type` `ip` or `instance`; client IP preservation on by default for instance targets, off
 * for IP targets; the certificate and the TLS port); a load balancer nobody implements has no address.
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import type { ExposureParams } from '../../../src/model/params.ts';

const entry = (p: ExposureParams) => buildScenario(p).services[0]!;
const AWS = 'service.beta.kubernetes.io/aws-load-balancer-';
const NLB = { [`${AWS}type`]: 'external', [`${AWS}scheme`]: 'internet-facing' };

describe('the entry Service', () => {
	it('kubectl proxy and port-forward reach a ClusterIP Service: no nodePort, no policy, no load balancer', () => {
		for (const way of ['kubectl-proxy', 'port-forward'] as const) {
			const service = entry({ entry: way });
			expect(service, way).toMatchObject({ name: 'web', type: 'ClusterIP', port: 80, targetPort: 8080, portName: 'http' });
			for (const field of ['nodePort', 'externalTrafficPolicy', 'loadBalancerIP', 'loadBalancerHostname', 'loadBalancerSource', 'allocateLoadBalancerNodePorts', 'annotations'])
				expect(service, `${way} ${field}`).not.toHaveProperty(field);
		}
	});

	it('a NodePort: its nodePort, the policy only when given, no load balancer', () => {
		expect(entry({ entry: 'nodeport' })).toMatchObject({ type: 'NodePort', nodePort: 30080 });
		expect(entry({ entry: 'nodeport' })).not.toHaveProperty('externalTrafficPolicy');
		expect(entry({ entry: 'nodeport', etp: 'local' }).externalTrafficPolicy).toBe('Local');
		expect(entry({ entry: 'nodeport', etp: 'cluster' }).externalTrafficPolicy).toBe('Cluster');
		expect(entry({ entry: 'nodeport', tls: 'pod' })).toMatchObject({ portName: 'https', port: 443, targetPort: 8443, nodePort: 30443 });
		expect(entry({ entry: 'nodeport' })).not.toHaveProperty('loadBalancerIP');
	});

	it('a LoadBalancer that forwards to the nodes: a nodePort and an address, no annotation (any provider does it)', () => {
		const service = entry({ entry: 'loadbalancer' });
		expect(service).toMatchObject({ type: 'LoadBalancer', nodePort: 30080, loadBalancerIP: '203.0.113.10' });
		for (const field of ['annotations', 'loadBalancerHostname', 'loadBalancerSource', 'allocateLoadBalancerNodePorts']) expect(service, field).not.toHaveProperty(field);
	});

	it('a LoadBalancer that proxies: its private address is the source the nodes see', () => {
		expect(entry({ entry: 'loadbalancer', lb: 'proxy' }).loadBalancerSource).toBe('10.0.0.41');
		expect(entry({ entry: 'ingress', lb: 'proxy' }).loadBalancerSource).toBe('10.0.0.42');
		expect(entry({ entry: 'gateway', lb: 'proxy' }).loadBalancerSource).toBe('10.0.0.44');
	});

	it('an AWS NLB with IP targets: no node ports, the Pods registered, client IP preservation on only when it forwards', () => {
		const forward = entry({ entry: 'loadbalancer', targets: 'pods', lb: 'forward' });
		expect(forward).toMatchObject({ allocateLoadBalancerNodePorts: false, loadBalancerIP: '203.0.113.10' });
		expect(forward).not.toHaveProperty('nodePort');
		expect(forward.loadBalancerHostname).toMatch(/^k8s-default-web-[0-9a-f]{10}-[0-9a-f]{16}\.elb\.eu-west-1\.amazonaws\.com$/);
		expect(forward.annotations).toEqual({ ...NLB, [`${AWS}nlb-target-type`]: 'ip', [`${AWS}target-group-attributes`]: 'preserve_client_ip.enabled=true' });
		expect(entry({ entry: 'loadbalancer', targets: 'pods', lb: 'proxy' }).annotations).toEqual({ ...NLB, [`${AWS}nlb-target-type`]: 'ip' });
	});

	it('an AWS NLB that ends TLS in front of the nodes: instance targets, client IP preservation turned off, the certificate on 443', () => {
		const service = entry({ entry: 'loadbalancer', tls: 'lb', lb: 'proxy' });
		expect(service).toMatchObject({ type: 'LoadBalancer', port: 443, targetPort: 8080, portName: 'http', nodePort: 30443, loadBalancerSource: '10.0.0.41' });
		expect(service).not.toHaveProperty('allocateLoadBalancerNodePorts');
		expect(service.annotations).toEqual({
			...NLB,
			[`${AWS}nlb-target-type`]: 'instance',
			[`${AWS}target-group-attributes`]: 'preserve_client_ip.enabled=false',
			[`${AWS}ssl-cert`]: expect.stringMatching(/^arn:aws:acm:eu-west-1:\d{12}:certificate\/[0-9a-f-]{36}$/),
			[`${AWS}ssl-ports`]: '443',
		});
	});

	it('a load balancer nobody implements: no address, no DNS name, the node ports still allocated', () => {
		const pending = entry({ entry: 'loadbalancer', lb: 'none' });
		expect(pending).toMatchObject({ type: 'LoadBalancer', nodePort: 30080 });
		expect(pending).not.toHaveProperty('loadBalancerIP');
		const pendingAws = entry({ entry: 'loadbalancer', lb: 'none', targets: 'pods' });
		expect(pendingAws).not.toHaveProperty('loadBalancerIP');
		expect(pendingAws).not.toHaveProperty('loadBalancerHostname');
		expect(pendingAws.allocateLoadBalancerNodePorts).toBe(false);
		// Nothing reaches a node: the NodePort is open on each, but no node's rules see a packet.
		const s = buildScenario({ entry: 'loadbalancer', lb: 'none' });
		expect(s.nodes.map((n) => n.id)).toEqual(['client', 'load-balancer', 'nodeport-a', 'web-1', 'nodeport-b', 'web-2']);
		expect(s.path).toHaveLength(1);
	});

	it('an Envoy Gateway Service: LoadBalancer with Local unless told, or NodePort with what is given', () => {
		expect(entry({ entry: 'gateway' })).toMatchObject({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerIP: '203.0.113.40', port: 80, targetPort: 10080, portName: 'http-80' });
		expect(entry({ entry: 'gateway', front: 'nodeport' })).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Local', nodePort: 30080 });
		expect(entry({ entry: 'gateway', etp: 'cluster' }).externalTrafficPolicy).toBe('Cluster');
		// Traefik's chart leaves the policy to Kubernetes' default.
		expect(entry({ entry: 'ingress' })).not.toHaveProperty('externalTrafficPolicy');
	});

	it('the Traefik Service: both entry points, the one in use first', () => {
		expect(entry({ entry: 'ingress' })).toMatchObject({
			name: 'traefik',
			type: 'LoadBalancer',
			portName: 'web',
			port: 80,
			targetPort: 8000,
			nodePort: 30080,
			loadBalancerIP: '203.0.113.20',
			otherPorts: [{ name: 'websecure', port: 443, targetPort: 8443, nodePort: 30443 }],
		});
		expect(entry({ entry: 'ingress', tls: 'edge' })).toMatchObject({
			portName: 'websecure',
			port: 443,
			targetPort: 8443,
			otherPorts: [{ name: 'web', port: 80, targetPort: 8000, nodePort: 30080 }],
		});
		// TLS ended at an NLB: its 443 sends plain HTTP to `web`; the Service is the platform's, with the one port.
		const behindTls = entry({ entry: 'ingress', tls: 'lb', lb: 'proxy' });
		expect(behindTls).toMatchObject({ portName: 'websecure', port: 443, targetPort: 8000 });
		expect(behindTls).not.toHaveProperty('otherPorts');
	});
});

describe('the zones and the client', () => {
	it('on the internet behind a load balancer, in the office on the nodes’ network without one, on your laptop with kubectl', () => {
		const behindLb = buildScenario({ entry: 'ingress' });
		expect(behindLb.zones.slice(0, 3).map((z) => [z.id, z.kind])).toEqual([
			['internet', 'internet'],
			['cloud', 'cloud-network'],
			['cluster', 'cluster'],
		]);
		expect(behindLb.nodes[0]).toEqual({ id: 'client', kind: 'client', zone: 'internet', name: 'curl', address: '198.51.100.23' });
		const office = buildScenario({ entry: 'gateway', front: 'nodeport' });
		expect(office.zones.slice(0, 2).map((z) => [z.id, z.kind])).toEqual([
			['office', 'user-machine'],
			['cluster', 'cluster'],
		]);
		expect(office.nodes[0]).toEqual({ id: 'client', kind: 'client', zone: 'office', name: 'curl', address: '10.0.9.15' });
		const laptop = buildScenario({ entry: 'port-forward' });
		expect(laptop.zones.slice(0, 3)).toEqual([
			{ id: 'laptop', kind: 'user-machine' },
			{ id: 'cluster', kind: 'cluster' },
			{ id: 'control-plane', kind: 'control-plane', parent: 'cluster', name: 'control-plane', address: '10.0.1.10' },
		]);
		expect(laptop.nodes[0]).toEqual({ id: 'client', kind: 'client', zone: 'laptop', name: 'curl' });
		expect(buildScenario({ entry: 'nodeport' }).zones.some((z) => z.kind === 'control-plane')).toBe(false);
	});

	it('draws the Service’s own box only where no load balancer or proxy stands for it', () => {
		const box = (p: ExposureParams) => buildScenario(p).nodes.filter((n) => n.kind === 'service');
		expect(box({ entry: 'nodeport' })).toEqual([{ id: 'service', kind: 'service', zone: 'cluster', name: 'web', service: 'web' }]);
		expect(box({ entry: 'kubectl-proxy' })).toHaveLength(1);
		expect(box({ entry: 'loadbalancer' })).toEqual([]);
		expect(box({ entry: 'ingress', front: 'nodeport' })).toEqual([]);
	});

	it('the comparison facts follow the way in', () => {
		const facts = (p: ExposureParams) => buildScenario(p).facts;
		expect(facts({ entry: 'port-forward' })).toEqual({ reach: 'this-machine', cost: 'none', production: 'never' });
		expect(facts({ entry: 'kubectl-proxy' })).toEqual({ reach: 'this-machine', cost: 'none', production: 'never' });
		expect(facts({ entry: 'nodeport' })).toEqual({ reach: 'node-network', cost: 'node-ports', production: 'limited' });
		expect(facts({ entry: 'loadbalancer' })).toEqual({ reach: 'internet', cost: 'load-balancer-per-service', production: 'yes' });
		expect(facts({ entry: 'gateway', front: 'nodeport' })).toEqual({ reach: 'node-network', cost: 'node-ports', production: 'limited' });
		expect(facts({ entry: 'ingress' })).toEqual({ reach: 'internet', cost: 'one-load-balancer', production: 'yes' });
		expect(buildScenario({ entry: 'ingress' }, { facts: { cost: 'load-balancer-per-service' } }).facts?.cost).toBe('load-balancer-per-service');
	});

	it('an id that says what the parameters say, unless the page gives its own', () => {
		expect(buildScenario({ entry: 'gateway', front: 'nodeport' }).id).toBe('gateway-nodeport');
		expect(buildScenario({ entry: 'ingress' }).id).toBe('ingress-loadbalancer');
		expect(buildScenario({ entry: 'port-forward' }).id).toBe('port-forward');
		expect(buildScenario({ entry: 'nodeport' }, { id: 'mine', section: 'patterns' })).toMatchObject({ id: 'mine', section: 'patterns' });
		expect(buildScenario({ entry: 'nodeport' }).section).toBe('exposure');
	});

	it('draws what a page adds beside the path right after the node it names, its Services between the entry’s and the backends’', () => {
		const extra = { id: 'web-extra', kind: 'pod', zone: 'node-a', name: 'web-extra', service: 'web', address: '10.244.1.99' } as const;
		const lonely = { id: 'lb-other', kind: 'cloud-load-balancer', zone: 'cloud', service: 'other' } as const;
		const other = { name: 'other', namespace: 'default', type: 'ClusterIP', clusterIP: '10.96.1.1', portName: 'http', port: 80, targetPort: 8080, app: 'other' } as const;
		const s = buildScenario(
			{ entry: 'ingress', nodes: 1, pods: [1], routes: 1, backends: [[1]] },
			{
				beside: {
					services: [other],
					nodes: [
						{ after: 'client', node: extra },
						{ after: 'no-such-node', node: lonely },
					],
				},
			},
		);
		expect(s.nodes.map((n) => n.id)).toEqual(['client', 'web-extra', 'load-balancer', 'nodeport-a', 'kube-proxy-a', 'traefik-1', 'web-1', 'lb-other']);
		expect(s.services.map((service) => service.name)).toEqual(['traefik', 'other', 'web']);
	});
});
