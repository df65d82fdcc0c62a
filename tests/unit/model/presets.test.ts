/*
 * The atlas pages are presets of the builder. This compares each preset with what its page showed when
 * its scenario was assembled by hand (tests/fixtures/atlas-before.json, dumped at commit e0ffe85): its
 * steps in both languages, manifests, session, comparison row and layout. They must be identical once
 * the names and addresses that the one naming policy (src/model/naming.ts) renumbered are mapped, and
 * every other difference is listed below with its reason.
 */
import { describe, expect, it } from 'vitest';
import before from '../../fixtures/atlas-before.json' with { type: 'json' };
import { ATLAS_IDS, dumpAtlas, type AtlasDump } from '../../fixtures/atlas-dump.ts';

const web = { 'web-7c9f8-k2x4q': 'web-z6jrr-gq98h', 'web-7c9f8-p8mzt': 'web-z6jrr-qbgg8' };
const shop = { ...web, 'api-64d5c-rw7tn': 'api-2w2vr-gcvzn', '10.244.2.7': '10.244.2.10', '10.244.2.9': '10.244.2.20' };

/** Old → new, per page: Pod names from one hash, Pod addresses from one block per application, nodePort = 30000 + port. */
const RENUMBERED: Record<(typeof ATLAS_IDS)[number], Record<string, string>> = {
	'kubectl-proxy': { ...web, '10.244.1.12': '10.244.1.10', '10.244.1.13': '10.244.1.11' },
	nodeport: { ...web, '10.244.2.7': '10.244.2.10', '10.244.2.8': '10.244.2.11' },
	loadbalancer: { ...web, '10.244.1.8': '10.244.1.10', '10.244.2.7': '10.244.2.10', '31380': '30080' },
	'ingress-nodeport': { ...shop, 'traefik-5d7b9-xq2lm': 'traefik-pq5j6-gzxtg', '10.244.1.20': '10.244.1.40', '31725': '30443' },
	'ingress-loadbalancer': { ...shop, 'traefik-5d7b9-xq2lm': 'traefik-pq5j6-gzxtg', '10.244.1.20': '10.244.1.40', '31443': '30443', '30512': '30080' },
	'loadbalancer-per-api': {
		'traefik-orders-8f6c4-2ld9s': 'traefik-orders-r92f2-gdzz2',
		'payments-7f9c2-mt6xv': 'payments-htdk9-5gqfp',
		'orders-5c8d1-wq3rz': 'orders-65b5x-9qwlj',
		'invoices-6a4e7-kp8jn': 'invoices-m9248-9lsmx',
		'10.0.1.45': '10.0.1.55',
		'10.0.1.77': '10.0.1.65',
		'10.0.1.78': '10.0.1.70',
		'10.0.1.79': '10.0.1.75',
		'k8s-edgeorde-traefiko-4d2c8e1f7a-9b3e51c07d2a6f48': 'k8s-edgeorde-traefiko-d07ae69e9d-a374f2d36068da82',
	},
	'gateway-api': { ...shop, 'envoy-gateway-web-gateway-b52444e4-7f6c5d8b9-zt5pc': 'envoy-gateway-web-gateway-b52444e4-dt48t-z824n', '32443': '30443' },
	'service-mesh': {},
};

function renumber(value: unknown, map: Record<string, string>): unknown {
	if (typeof value === 'string') {
		const keys = Object.keys(map).sort((a, b) => b.length - a.length);
		if (keys.length === 0) return value;
		const escaped = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		return value.replace(new RegExp(`(?<![\\w.-])(${escaped.join('|')})(?![\\w-]|\\.\\d)`, 'g'), (m) => map[m] ?? m);
	}
	if (typeof value === 'number') return String(value) in map ? Number(map[String(value)]) : value;
	if (Array.isArray(value)) return value.map((v) => renumber(v, map));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renumber(v, map)]));
	return value;
}

const now = await dumpAtlas('src');
const old = before as unknown as Record<string, AtlasDump>;
const mapped = (id: (typeof ATLAS_IDS)[number]) => renumber(old[id], RENUMBERED[id]) as AtlasDump;

describe('every atlas preset reproduces its page', () => {
	describe.each(ATLAS_IDS)('`%s`', (id) => {
		it('has the same steps, word for word, in both languages', () => {
			expect(now[id]!.steps).toEqual(mapped(id).steps);
		});
		it('has the same comparison row', () => {
			expect(JSON.parse(JSON.stringify(now[id]!.comparison))).toEqual(JSON.parse(JSON.stringify(mapped(id).comparison)));
		});
		it('has the same hops in its layout', () => {
			expect(now[id]!.layout.hops).toEqual(mapped(id).layout.hops);
			expect(now[id]!.layout.width).toBe(mapped(id).layout.width);
		});
	});

	it('draws the same boxes, except the NodePort the Ingress page now shows on node-b too (the port opens on every node)', () => {
		for (const id of ATLAS_IDS) {
			const expected = mapped(id).layout.nodes;
			const extra = id === 'ingress-nodeport' ? ['nodeport-b'] : [];
			expect([...now[id]!.layout.nodes].sort(), id).toEqual([...expected, ...extra].sort());
		}
	});

	it('writes the same manifests; with routes, the backends come in route order', () => {
		for (const id of ATLAS_IDS) {
			const byFile = (list: readonly unknown[]) => Object.fromEntries((list as { file: string; object: unknown }[]).map((m) => [m.file, m.object]));
			expect(byFile(now[id]!.manifests), id).toEqual(byFile(mapped(id).manifests));
		}
	});

	it("prints the same session, except the order of the backends, the width of kubectl's columns, and whoami's source port (now the last connection's)", () => {
		for (const id of ATLAS_IDS) {
			// kubectl pads each column to its widest value: a longer address widens it.
			const files = (line: string) => (line.startsWith('$ kubectl apply ') ? `$ kubectl apply ${line.split(' -f ').slice(1).sort().join(' -f ')}` : line);
			const lines = (text: string) =>
				text
					.split('\n')
					.map((line) =>
						files(line)
							.replace(/ {2,}/g, '  ')
							.replace(/^(RemoteAddr: [\d.]+):\d+$/, '$1:<port>'),
					)
					.sort();
			expect(lines(now[id]!.session), id).toEqual(lines(mapped(id).session));
		}
	});
});
