import { describe, expect, it } from 'vitest';
import { schemaValidatorFor, validateManifest } from '../../../src/manifests/validate.ts';
import { manifestsFor } from '../../../src/model/manifests.ts';
import { scenarios } from '../../../src/model/scenarios/index.ts';

/*
 * The Gateway CRD's CEL rules on listeners (Gateway API v1.x), which the JSON schema lets through: each
 * manifest below is one the API server rejects, written by hand from the CRD's rules.
 */
const gateway = () => structuredClone(manifestsFor(scenarios['gateway-api']).find((m) => m.object['kind'] === 'Gateway')!.object) as any;
const problems = (object: Record<string, unknown>) => validateManifest(object, 'gateway.yaml').join('\n');

describe('Gateway listeners: the CRD’s CEL rules', () => {
	it('the site’s own Gateway passes, and has an HTTPS listener with a certificate', () => {
		const ours = gateway();
		expect(validateManifest(ours, 'gateway.yaml')).toEqual([]);
		expect(ours.spec.listeners.some((l: any) => l.protocol === 'HTTPS' && l.tls.certificateRefs.length > 0)).toBe(true);
	});

	it('rejects tls on an HTTP listener (the schema alone accepts it)', () => {
		const broken = gateway();
		broken.spec.listeners = [{ name: 'web', protocol: 'HTTP', port: 80, tls: { mode: 'Terminate', certificateRefs: [{ name: 'shop-tls' }] } }];
		expect(problems(broken)).toBe("gateway.yaml: Gateway listener 0 (`web`, HTTP): tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']. Remove `tls`, or use HTTPS or TLS.");
		// The package's schema validator alone passes it: only our rule (src/manifests/gateway-rules.ts) stops it.
		expect(schemaValidatorFor('gateway.networking.k8s.io/v1 Gateway')?.(broken)).toBe(true);
	});

	it('rejects Passthrough on HTTPS, a hostname on TCP, and Terminate without a certificate', () => {
		const broken = gateway();
		broken.spec.listeners = [
			{ name: 'https', protocol: 'HTTPS', port: 443, tls: { mode: 'Passthrough' } },
			{ name: 'tcp', protocol: 'TCP', port: 5432, hostname: 'db.example.com' },
			{ name: 'tls', protocol: 'TLS', port: 8443, tls: {} },
		];
		const text = problems(broken);
		expect(text).toContain('listener 0 (`https`, HTTPS): tls mode must be Terminate for protocol HTTPS (got `Passthrough`)');
		expect(text).toContain("listener 1 (`tcp`, TCP): hostname must not be specified for protocols ['TCP', 'UDP']");
		expect(text).toContain('listener 2 (`tls`, TLS): certificateRefs or options must be specified when mode is Terminate');
		expect(text).not.toContain('listener 0 (`https`, HTTPS): certificateRefs');
	});

	it('rejects two listeners with one name, and two with the same port, protocol and hostname', () => {
		const broken = gateway();
		broken.spec.listeners = [
			{ name: 'web', protocol: 'HTTP', port: 80 },
			{ name: 'web', protocol: 'HTTP', port: 8080 },
			{ name: 'other', protocol: 'HTTP', port: 80 },
			{ name: 'shop', protocol: 'HTTP', port: 80, hostname: 'shop.example.com' },
		];
		const text = problems(broken);
		expect(text).toContain('listener 1 (`web`, HTTP): Listener name must be unique within the Gateway');
		expect(text).toContain('listener 2 (`other`, HTTP): Combination of port, protocol and hostname must be unique for each listener (same as listener 0)');
		expect(text).not.toContain('listener 3');
	});
});
