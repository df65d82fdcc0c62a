/*
 * The packet on each hop of built exposures the atlas does not show, written by hand from what the load
 * balancer, the kernel and kube-proxy do: a load balancer that proxies opens its own connection from
 * its private address (10.0.0.41 for an application's); one that forwards to Pod IPs rewrites only the
 * destination; one that ends TLS reads HTTPS and sends plain TCP on; kube-proxy's DNAT under `Local`
 * keeps the source, under `Cluster` rewrites it to the node's (node-a 10.0.1.11). `web` Pods: overlay
 * 10.244.<n>.10, cloud network 10.0.1.40 (node-a).
 */
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { EPHEMERAL_PORTS, ephemeralPort, formatPacketEndpoint, packetsOf, type Packet } from '../../../src/model/packet.ts';
import type { ExposureParams } from '../../../src/model/params.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

const rows = (p: ExposureParams) => packetsOf(buildScenario(p));
const row = (packet: Packet) => [packet.protocol, `${packet.source.host}`, formatPacketEndpoint(packet.destination), packet.changes.map((c) => c.kind), packet.connection];
const tlsOf = (packet: Packet) => packet.changes.flatMap((c) => (c.kind === 'tls' ? [c.tls] : []));

describe('packets of built exposures', () => {
	it('a load balancer that proxies, with Local: its own connection from its private address, which the Pod sees', () => {
		const packets = rows({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], etp: 'local', lb: 'proxy' });
		expect(packets.map(row)).toEqual([
			['TCP', '198.51.100.23', '203.0.113.10:80', ['opens'], 0],
			['TCP', '10.0.0.41', '10.0.1.11:30080', ['new-connection'], 1],
			['TCP', '10.0.0.41', '10.0.1.11:30080', [], 1],
			['TCP', '10.0.0.41', '10.244.1.10:8080', ['dnat'], 1],
		]);
		expect(packets[1]!.source.port).not.toBe(packets[0]!.source.port);
		expect(packets[3]!.source.port).toBe(packets[1]!.source.port);
		expect(packets[1]!.changed).toEqual({ protocol: false, source: true, destination: true });
		expect(packets[3]!.application).toEqual({ remoteAddr: packets[3]!.source, forwardedFor: [] });
		expect(packets[3]!.application!.remoteAddr).toMatchObject({ host: '10.0.0.41', origin: 'load-balancer' });
		expect(packets.slice(0, 3).every((p) => p.application === undefined)).toBe(true);
	});

	it('a load balancer that forwards to Pod IPs: the destination rewritten to the Pod, the client’s address and port kept', () => {
		const packets = rows({ entry: 'loadbalancer', nodes: 2, pods: [1, 1], targets: 'pods', lb: 'forward' });
		expect(packets.map(row)).toEqual([
			['TCP', '198.51.100.23', '203.0.113.10:80', ['opens'], 0],
			['TCP', '198.51.100.23', '10.0.1.40:8080', ['dnat'], 0],
		]);
		expect(packets[1]!.changes[0]).toEqual({ kind: 'dnat', from: { host: '203.0.113.10', port: 80 }, to: { host: '10.0.1.40', port: 8080 } });
		expect(packets[1]!.changed).toEqual({ protocol: false, source: false, destination: true });
		expect(packets[1]!.source.port).toBe(packets[0]!.source.port);
	});

	it('a load balancer that ends TLS: HTTPS to it, its own plain TCP connection on, then kube-proxy’s SNAT under Cluster', () => {
		const packets = rows({ entry: 'loadbalancer', nodes: 2, pods: [1, 0], lb: 'proxy', tls: 'lb' });
		expect(packets.map(row)).toEqual([
			['HTTPS', '198.51.100.23', '203.0.113.10:443', ['opens', 'tls'], 0],
			['TCP', '10.0.0.41', '10.0.1.11:30443', ['new-connection', 'tls'], 1],
			['TCP', '10.0.0.41', '10.0.1.11:30443', [], 1],
			['TCP', '10.0.1.11', '10.244.1.10:8080', ['dnat', 'snat'], 1],
		]);
		expect(packets.map(tlsOf)).toEqual([['starts'], ['ends'], [], []]);
		expect(packets[1]!.changed.protocol).toBe(true);
		expect(packets[3]!.changes[1]).toEqual({ kind: 'snat', from: '10.0.0.41', to: '10.0.1.11' });
		expect(packets[3]!.changed).toEqual({ protocol: false, source: true, destination: true });
	});

	it('kubectl port-forward: four connections, each from its own port', () => {
		const packets = rows({ entry: 'port-forward', nodes: 1, pods: [1] });
		expect(packets.map((p) => p.connection)).toEqual([0, 1, 2, 3]);
		expect(new Set(packets.map((p) => p.source.port)).size).toBe(4);
		expect(packets.at(-1)!.application?.remoteAddr.host).toBe('127.0.0.1');
	});
});

describe('where the request stops', () => {
	it('the packets end at the outcome’s hop, even where the path goes on, and no application sees anything', () => {
		const cut = copyOf(scenarios.nodeport);
		cut.outcome = { kind: 'dropped', atHop: 1, reason: 'no-local-endpoint', symptom: 'timeout' };
		const packets = packetsOf(cut);
		expect(packets.map((p) => p.hop)).toEqual(['client-to-nodeport-a', 'nodeport-a-to-kube-proxy-a']);
		expect(packets.every((p) => p.application === undefined)).toBe(true);
		// An outcome past the end of the path keeps the whole path.
		const late = copyOf(scenarios.nodeport);
		late.outcome = { kind: 'refused', atHop: 7, reason: 'no-endpoints', symptom: 'connection-refused' };
		expect(packetsOf(late)).toHaveLength(scenarios.nodeport.path.length);
		expect(packetsOf(late).at(-1)!.application).toBeUndefined();
	});
});

describe('ephemeral ports', () => {
	it('wrap from the top of the range to its bottom when the top is taken', () => {
		// Some id lands on the top of the range (one in 28,232 does); look for it, but not forever.
		let id = 0;
		while (ephemeralPort(`s${id}`, 0) !== EPHEMERAL_PORTS.max && id < 500_000) id++;
		expect(ephemeralPort(`s${id}`, 0), 'no id lands on the top of the range').toBe(EPHEMERAL_PORTS.max);
		expect(ephemeralPort(`s${id}`, 0, [EPHEMERAL_PORTS.max])).toBe(EPHEMERAL_PORTS.min);
		expect(ephemeralPort(`s${id}`, 0, [EPHEMERAL_PORTS.max, EPHEMERAL_PORTS.min])).toBe(EPHEMERAL_PORTS.min + 1);
	});

	it('differ from one connection to the next and from one scenario to another', () => {
		expect(ephemeralPort('nodeport', 0)).not.toBe(ephemeralPort('nodeport', 1));
		expect(ephemeralPort('nodeport', 0)).not.toBe(ephemeralPort('loadbalancer', 0));
	});
});
