import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { EPHEMERAL_PORTS, ephemeralPort, formatPacketEndpoint, packetsOf, UNKNOWN_ADDRESS, type Packet, type PacketChangeKind } from '../../../src/model/packet.ts';
import { SCENARIO_IDS, scenarios, type ScenarioId } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

/*
 * The packet on each hop, written by hand from what the kernel, kube-proxy and the proxies on the path
 * do, not from the model's output. Addresses are those of the atlas (src/model/scenarios/*.ts): node-a
 * 10.0.1.11, the office client 10.0.9.15, the internet client 198.51.100.23. Source ports are unknown in
 * advance (each scenario gets its own): `p0`, `p1`… name a connection's port, and the test checks that
 * one connection keeps its port and a new connection gets another.
 */
type Row = [protocol: string, source: string, destination: string, changes: PacketChangeKind[]];

function expectPackets(id: ScenarioId, rows: Row[]) {
	const packets = packetsOf(scenarios[id]);
	expect(packets.map((p) => p.hop)).toEqual(scenarios[id].path.map((h) => `${h.from}-to-${h.to}`));
	const ports = new Map<string, number>();
	packets.forEach((packet, i) => {
		const [protocol, source, destination, changes] = rows[i]!;
		const [host, name] = source.split(/:(?=p\d$)/) as [string, string];
		expect(packet.protocol, packet.hop).toBe(protocol);
		expect(`${packet.source.host ?? UNKNOWN_ADDRESS}`, packet.hop).toBe(host);
		const port = ports.get(name) ?? packet.source.port!;
		ports.set(name, port);
		expect(packet.source.port, `${packet.hop}: connection ${name} keeps its source port`).toBe(port);
		expect(formatPacketEndpoint(packet.destination), packet.hop).toBe(destination);
		expect(
			packet.changes.map((c) => c.kind),
			packet.hop,
		).toEqual(changes);
	});
	expect(packets).toHaveLength(rows.length);
	// One port per connection, none shared.
	expect(new Set(ports.values()).size, 'two connections share a source port').toBe(ports.size);
	return packets;
}

const change = <K extends PacketChangeKind>(packet: Packet | undefined, kind: K) => packet?.changes.find((c) => c.kind === kind) as Extract<Packet['changes'][number], { kind: K }> | undefined;

describe('the packet on each hop', () => {
	it('kubectl proxy: curl on the loopback, then kubectl proxy’s own TLS connection from your machine, then the API server’s own connection to the Pod', () => {
		const packets = expectPackets('kubectl-proxy', [
			['HTTP', '127.0.0.1:p0', '127.0.0.1:8001', ['opens']],
			// The laptop's address on its network is not in the model: said so, not invented.
			['HTTPS', `${UNKNOWN_ADDRESS}:p1`, '10.0.1.10:6443', ['new-connection', 'tls']],
			['HTTP', '10.0.1.10:p2', '10.244.1.10:8080', ['new-connection', 'tls']],
		]);
		expect(change(packets[1], 'tls')?.tls).toBe('starts');
		expect(change(packets[2], 'tls')?.tls).toBe('ends');
		expect(packets[1]?.source.host).toBeUndefined();
		expect(packets[2]?.application).toEqual({ remoteAddr: packets[2]?.source, forwardedFor: [] });
		expect(packets[2]?.application?.remoteAddr.host).toBe('10.0.1.10');
	});

	it('NodePort, Cluster, entering node-a without a Pod: DNAT to the Pod on node-b and SNAT to node-a’s address, the source port kept', () => {
		const packets = expectPackets('nodeport', [
			['TCP', '10.0.9.15:p0', '10.0.1.11:30080', ['opens']],
			// kube-proxy's rules match in the kernel: nothing changes yet.
			['TCP', '10.0.9.15:p0', '10.0.1.11:30080', []],
			['TCP', '10.0.1.11:p0', '10.244.2.10:8080', ['dnat', 'snat']],
		]);
		expect(change(packets[2], 'dnat')).toEqual({ kind: 'dnat', from: { host: '10.0.1.11', port: 30080 }, to: { host: '10.244.2.10', port: 8080 } });
		expect(change(packets[2], 'snat')).toEqual({ kind: 'snat', from: '10.0.9.15', to: '10.0.1.11' });
		expect(packets[2]?.changed).toEqual({ protocol: false, source: true, destination: true });
		expect(packets[1]?.changed).toEqual({ protocol: false, source: false, destination: false });
		expect(packets[2]?.application?.remoteAddr).toMatchObject({ host: '10.0.1.11', origin: 'node' });
	});

	it('LoadBalancer, Cluster: the load balancer forwards the client’s packets to a NodePort (DNAT, source kept), then kube-proxy SNATs', () => {
		const packets = expectPackets('loadbalancer', [
			['TCP', '198.51.100.23:p0', '203.0.113.10:80', ['opens']],
			['TCP', '198.51.100.23:p0', '10.0.1.11:30080', ['dnat']],
			['TCP', '198.51.100.23:p0', '10.0.1.11:30080', []],
			['TCP', '10.0.1.11:p0', '10.244.2.10:8080', ['dnat', 'snat']],
		]);
		expect(packets[1]?.changed).toEqual({ protocol: false, source: false, destination: true });
	});

	it('Ingress behind a NodePort, Cluster: the controller opens a new connection from its Pod IP, X-Forwarded-For carries node-a’s address', () => {
		const packets = expectPackets('ingress-nodeport', [
			['HTTP', '10.0.9.15:p0', '10.0.1.11:30080', ['opens']],
			['HTTP', '10.0.9.15:p0', '10.0.1.11:30080', []],
			['HTTP', '10.0.1.11:p0', '10.244.1.40:8000', ['dnat', 'snat']],
			['HTTP', '10.244.1.40:p1', '10.244.2.20:8080', ['new-connection', 'header']],
		]);
		expect(change(packets[3], 'header')).toEqual({ kind: 'header', name: 'X-Forwarded-For', value: '10.0.1.11', origin: 'node' });
		expect(packets[3]?.application).toMatchObject({ remoteAddr: { host: '10.244.1.40', origin: 'proxy' }, forwardedFor: ['10.0.1.11'] });
		expect(packets[3]?.connection).toBe(1);
	});

	it('Ingress behind a load balancer, Local: TLS passes the load balancer and the node unread, the controller ends it and writes the client’s address', () => {
		const packets = expectPackets('ingress-loadbalancer', [
			['HTTPS', '198.51.100.23:p0', '203.0.113.20:443', ['opens', 'tls']],
			['HTTPS', '198.51.100.23:p0', '10.0.1.11:30443', ['dnat', 'tls']],
			['HTTPS', '198.51.100.23:p0', '10.0.1.11:30443', ['tls']],
			// `Local`: DNAT only, the client's address survives.
			['HTTPS', '198.51.100.23:p0', '10.244.1.40:8443', ['dnat', 'tls']],
			['HTTP', '10.244.1.40:p1', '10.244.2.20:8080', ['new-connection', 'tls', 'header']],
		]);
		expect(packets.slice(1, 4).map((p) => change(p, 'tls')?.tls)).toEqual(['passes', 'passes', 'passes']);
		expect(change(packets[4], 'tls')?.tls).toBe('ends');
		expect(packets[4]?.application?.forwardedFor).toEqual(['198.51.100.23']);
		expect(packets[4]?.changed.protocol).toBe(true);
	});

	it('one load balancer per API: the NLB opens its own connection from its private address to the controller’s Pod IP', () => {
		const packets = expectPackets('loadbalancer-per-api', [
			['HTTPS', '198.51.100.23:p0', '203.0.113.30:443', ['opens', 'tls']],
			['HTTPS', '10.0.0.48:p1', '10.0.1.55:8443', ['new-connection', 'tls']],
			['HTTP', '10.0.1.55:p2', '10.0.1.65:8080', ['new-connection', 'tls', 'header']],
		]);
		expect(change(packets[2], 'header')?.value).toBe('10.0.0.48');
	});

	it('Gateway API, Local: the Envoy proxy’s connection from its Pod IP, X-Forwarded-For the client’s', () => {
		const packets = expectPackets('gateway-api', [
			['HTTPS', '198.51.100.23:p0', '203.0.113.40:443', ['opens', 'tls']],
			['HTTPS', '198.51.100.23:p0', '10.0.1.11:30443', ['dnat', 'tls']],
			['HTTPS', '198.51.100.23:p0', '10.0.1.11:30443', ['tls']],
			['HTTPS', '198.51.100.23:p0', '10.244.1.40:10443', ['dnat', 'tls']],
			['HTTP', '10.244.1.40:p1', '10.244.2.20:8080', ['new-connection', 'tls', 'header']],
		]);
		expect(packets[4]?.application).toMatchObject({ remoteAddr: { host: '10.244.1.40' }, forwardedFor: ['198.51.100.23'] });
	});

	it('the mesh: the app calls the ClusterIP from its Pod IP and is redirected to its sidecar’s port 15001; the receiving sidecar connects from 127.0.0.6', () => {
		const packets = expectPackets('service-mesh', [
			['HTTP', '10.244.1.30:p0', '10.96.52.3:80', ['opens', 'redirect']],
			['mTLS', '10.244.1.30:p1', '10.244.2.9:8080', ['new-connection', 'tls']],
			['HTTP', '127.0.0.6:p2', '10.244.2.9:8080', ['new-connection', 'tls']],
		]);
		expect(change(packets[0], 'redirect')?.port).toBe(15001);
		expect(packets[2]?.application?.remoteAddr.host).toBe('127.0.0.6');
	});
});

describe('source ports', () => {
	it.each(SCENARIO_IDS)('`%s`: plausible Linux ephemeral ports, and the same on every build', (id) => {
		const ports = packetsOf(scenarios[id]).map((p) => p.source.port!);
		for (const port of ports) {
			expect(port).toBeGreaterThanOrEqual(32768);
			expect(port).toBeLessThanOrEqual(60999);
		}
		expect(packetsOf(copyOf(scenarios[id])).map((p) => p.source.port)).toEqual(ports);
	});

	it('are not the same number everywhere: the atlas’s first connections use as many ports as there are scenarios', () => {
		const first = SCENARIO_IDS.map((id) => packetsOf(scenarios[id])[0]?.source.port);
		expect(new Set(first).size).toBe(SCENARIO_IDS.length);
	});

	it('skip a port a connection of the same path already uses, staying in the range', () => {
		const taken = ephemeralPort('x', 1);
		expect(ephemeralPort('x', 1, [taken])).toBe(taken === EPHEMERAL_PORTS.max ? EPHEMERAL_PORTS.min : taken + 1);
	});
});

describe('outcomes', () => {
	it('a request dropped at a hop has packets up to that hop and no application view', () => {
		// externalTrafficPolicy: Local, entering node-a, which runs no Pod: kube-proxy's rules drop the packets there.
		const packets = packetsOf(buildScenario({ entry: 'nodeport', nodes: 2, pods: [0, 2], via: 1, etp: 'local' }));
		expect(packets.map((p) => p.hop)).toEqual(['client-to-nodeport-a', 'nodeport-a-to-kube-proxy-a']);
		expect(packets.every((p) => p.application === undefined)).toBe(true);
	});

	it('a destination the model cannot resolve (a load balancer still pending) is said unknown, not invented', () => {
		const packets = packetsOf(buildScenario({ entry: 'loadbalancer', lb: 'none' }));
		expect(packets).toHaveLength(1);
		expect(formatPacketEndpoint(packets[0]!.destination)).toBe(`${UNKNOWN_ADDRESS}:${UNKNOWN_ADDRESS}`);
	});
});
