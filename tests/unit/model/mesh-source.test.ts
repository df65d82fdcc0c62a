import { describe, expect, it } from 'vitest';
import { sourceSeenByPod } from '../../../src/model/resolve.ts';
import { serviceMesh } from '../../../src/model/scenarios/service-mesh.ts';
import type { Scenario } from '../../../src/model/types.ts';

/*
 * The source address along the service-mesh path, written by hand from how Istio's sidecar mode works:
 * the application's connection to the `api` Service never leaves its Pod (iptables send it to the local
 * sidecar); the sidecar opens a new mTLS connection to the chosen Pod's sidecar from its own Pod IP; the
 * receiving sidecar hands the request to the application over loopback, bound to 127.0.0.6.
 */
const upTo = (hops: number): Scenario => ({ ...serviceMesh, path: serviceMesh.path.slice(0, hops) });

describe('service mesh: the source each hop leaves with', () => {
	it('over mTLS the api Pod’s sidecar sees the frontend Pod’s IP, 10.244.1.30, not a node’s', () => {
		const seen = sourceSeenByPod(upTo(2));
		expect(seen.source.address).toBe('10.244.1.30');
		expect(seen.forwardedFor).toBeUndefined();
	});

	it('the api container sees 127.0.0.6, the inbound passthrough address, and no X-Forwarded-For', () => {
		const seen = sourceSeenByPod(serviceMesh);
		expect(seen.source.address).toBe('127.0.0.6');
		expect(seen.forwardedFor).toBeUndefined();
	});

	it('the mTLS hop rewrites the source to the sending sidecar’s Pod, whatever came before', () => {
		// The same path with the frontend Pod moved to another address: the source follows the Pod.
		const moved: Scenario = { ...upTo(2), zones: serviceMesh.zones.map((zone) => (zone.id === 'frontend-pod' ? { ...zone, address: '10.244.1.99' } : zone)) };
		expect(sourceSeenByPod(moved).source.address).toBe('10.244.1.99');
	});
});
