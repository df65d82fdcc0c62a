import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateManifest } from '../../../src/manifests/validate.ts';
import { controllerServiceFor, manifestsFor } from '../../../src/model/manifests.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { copyOf } from '../fixtures.ts';

describe('manifestsFor', () => {
	it.each(SCENARIO_IDS)('builds manifests for `%s` that the Kubernetes API schema accepts', (id) => {
		const manifests = manifestsFor(scenarios[id]);
		expect(manifests.length).toBeGreaterThanOrEqual(2);
		for (const manifest of manifests) expect(validateManifest(manifest.object, manifest.file)).toEqual([]);
	});

	it('takes ports and replicas from the model', () => {
		const [deployment, service] = manifestsFor(scenarios.nodeport);
		expect(stringify(service!.object)).toContain('nodePort: 30080');
		expect(stringify(service!.object)).toContain('externalTrafficPolicy: Cluster');
		expect((deployment!.object['spec'] as { replicas: number }).replicas).toBe(2);
		const changed = copyOf(scenarios.nodeport);
		changed.services[0]!.nodePort = 31999;
		expect(stringify(manifestsFor(changed)[1]!.object)).toContain('nodePort: 31999');
	});

	it('builds the Ingress from the scenario routing, TLS included', () => {
		const ingress = manifestsFor(scenarios['ingress-loadbalancer']).find((m) => m.object['kind'] === 'Ingress')!;
		const text = stringify(ingress.object);
		expect(text).toContain('ingressClassName: traefik');
		expect(text).toContain('secretName: shop-example-com-tls');
		expect(text).toMatch(/path: \/api\n\s+pathType: Prefix\n\s+backend:\n\s+service:\n\s+name: api/);
	});

	it('builds GatewayClass, Gateway and HTTPRoute for the Gateway API scenario', () => {
		const kinds = manifestsFor(scenarios['gateway-api']).map((m) => m.object['kind']);
		expect(kinds.slice(-3)).toEqual(['GatewayClass', 'Gateway', 'HTTPRoute']);
		const route = stringify(manifestsFor(scenarios['gateway-api']).at(-1)!.object);
		expect(route).toContain('namespace: gateway');
		expect(route).toContain('value: /api');
	});
});

describe('validateManifest', () => {
	const service = () => structuredClone(manifestsFor(scenarios.nodeport)[1]!.object) as any;

	it('rejects an unknown field, naming the file and the field', () => {
		const broken = service();
		broken.spec.ports[0].nodeport = 30080;
		expect(validateManifest(broken, 'web-service.yaml')).toEqual(['web-service.yaml: v1 Service has unknown field `/spec/ports/0/nodeport`. Kubernetes rejects it: remove it or fix its name.']);
	});

	it('rejects a wrong type and a value outside an enum', () => {
		const broken = service();
		broken.spec.ports[0].port = '80';
		broken.spec.externalTrafficPolicy = 'Nearest';
		const problems = validateManifest(broken, 'web-service.yaml');
		expect(problems).toContain('web-service.yaml: v1 Service field `/spec/ports/0/port` must be of type integer. Fix the value where the manifest is built.');
		expect(problems.join('\n')).toMatch(/`\/spec\/externalTrafficPolicy` must be one of \["Cluster","Local"\]/);
	});

	it('rejects a missing required field', () => {
		const broken = service();
		delete broken.spec.ports[0].port;
		expect(validateManifest(broken, 'web-service.yaml').join('\n')).toMatch(/`\/spec\/ports\/0` is missing `port`/);
	});

	it('refuses a kind it has no schema for instead of passing it', () => {
		expect(validateManifest({ apiVersion: 'v1', kind: 'Pdo' }, 'x.yaml')).toEqual(['x.yaml: no schema for `v1 Pdo`. Add its validator to src/manifests/validate.ts.']);
	});

	it('shows the per-API controller’s own LoadBalancer Service, schema-valid, with the AWS annotations and no node ports', () => {
		const manifest = controllerServiceFor(scenarios['loadbalancer-per-api'])!;
		expect(validateManifest(manifest.object, manifest.file)).toEqual([]);
		const text = stringify(manifest.object);
		expect(text).toContain('service.beta.kubernetes.io/aws-load-balancer-type: external');
		expect(text).toContain('service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip');
		expect(text).toContain('allocateLoadBalancerNodePorts: false');
		expect(text).toContain('type: LoadBalancer');
		expect(text).not.toContain('nodePort');
		// The Traefik chart's selector, so the Service finds the controller Pods the chart created.
		expect(text).toContain('app.kubernetes.io/instance: traefik-orders-edge-orders');
		expect(controllerServiceFor(scenarios['ingress-loadbalancer'])).toBeUndefined();
	});
});
