import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateManifest } from '../../../src/manifests/validate.ts';

/*
 * The deployment files in deploy/: every Kubernetes manifest against the API schema (with
 * src/manifests/validate.ts, which also rejects unknown fields), and the facts that tie the manifests,
 * the nginx configuration and the Containerfile together (port, user, probes, names).
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const K8S = 'deploy/k8s';
const FILES = readdirSync(join(ROOT, K8S)).filter((f) => /\.ya?ml$/.test(f)).sort();

type Manifest = Record<string, any>;

/** Every document of a (multi-document) YAML file, each checked; problems name the file and the document. */
function validateFile(path: string, label = path): { objects: Manifest[]; problems: string[] } {
	const objects: Manifest[] = [];
	const problems: string[] = [];
	const documents = parseAllDocuments(readFileSync(path, 'utf8'));
	for (const [index, document] of (Array.isArray(documents) ? documents : [documents]).entries()) {
		const where = `${label}#${index + 1}`;
		for (const error of document.errors) problems.push(`${where}: YAML ${error.message}`);
		const object = document.toJS() as Manifest | null;
		if (object === null) continue;
		objects.push(object);
		problems.push(...validateManifest(object, where));
	}
	return { objects, problems };
}

const ALL = FILES.flatMap((file) => validateFile(join(ROOT, K8S, file), `${K8S}/${file}`).objects.map((object) => ({ file, object })));
const one = (kind: string): Manifest => {
	const found = ALL.filter((m) => m.object['kind'] === kind);
	expect(found, `exactly one ${kind} in ${K8S}/`).toHaveLength(1);
	return found[0]!.object;
};

describe('deploy/k8s manifests', () => {
	it('are the expected files', () => {
		expect(FILES).toEqual(expect.arrayContaining(['deployment.yaml', 'service.yaml', 'ingress.yaml', 'httproute.yaml']));
	});

	it.each(FILES)('%s: every document passes the Kubernetes API schema', (file) => {
		const { objects, problems } = validateFile(join(ROOT, K8S, file), `${K8S}/${file}`);
		expect(objects.length).toBeGreaterThan(0);
		expect(problems).toEqual([]);
	});

	it('put everything in one namespace', () => {
		const namespaces = new Set(ALL.filter((m) => m.object['kind'] !== 'Namespace').map((m) => m.object['metadata']?.namespace));
		expect([...namespaces]).toEqual(['kube-paths']);
	});

	it('the Deployment: two replicas, probes, resources and a locked-down Pod', () => {
		const deployment = one('Deployment');
		expect(deployment['spec'].replicas).toBe(2);
		const pod = deployment['spec'].template.spec;
		expect(deployment['spec'].template.metadata.labels).toMatchObject(deployment['spec'].selector.matchLabels);
		expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'RuntimeDefault' } });
		expect(pod.containers).toHaveLength(1);
		const container = pod.containers[0];
		expect(container.securityContext).toMatchObject({
			runAsNonRoot: true,
			readOnlyRootFilesystem: true,
			allowPrivilegeEscalation: false,
			capabilities: { drop: ['ALL'] },
			seccompProfile: { type: 'RuntimeDefault' },
		});
		for (const probe of ['readinessProbe', 'livenessProbe']) expect(container[probe].httpGet, probe).toEqual({ path: '/healthz', port: 'http' });
		for (const kind of ['requests', 'limits']) expect(Object.keys(container.resources[kind]).sort(), kind).toEqual(['cpu', 'memory']);
		expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
		const tmp = container.volumeMounts.find((m: Manifest) => m['mountPath'] === '/tmp');
		expect(pod.volumes.find((v: Manifest) => v['name'] === tmp?.name)?.emptyDir).toBeDefined();
	});

	it('the Service is a ClusterIP that selects the Pods and targets their port', () => {
		const service = one('Service');
		const deployment = one('Deployment');
		expect(service['spec'].type).toBe('ClusterIP');
		expect(deployment['spec'].template.metadata.labels).toMatchObject(service['spec'].selector);
		expect(service['spec'].ports).toEqual([expect.objectContaining({ name: 'http', port: 80, targetPort: 'http' })]);
	});

	it('the Ingress: class nginx, TLS, the host, the Service', () => {
		const ingress = one('Ingress');
		expect(ingress['spec'].ingressClassName).toBe('nginx');
		expect(ingress['spec'].tls).toEqual([{ hosts: ['kube-paths.example.org'], secretName: 'kube-paths-tls' }]);
		const [rule] = ingress['spec'].rules;
		expect(rule.host).toBe('kube-paths.example.org');
		expect(rule.http.paths[0].backend.service).toEqual({ name: one('Service')['metadata'].name, port: { name: 'http' } });
	});

	it('the HTTPRoute attaches to web-gateway in `gateway` and needs no ReferenceGrant', () => {
		const route = one('HTTPRoute');
		expect(route['spec'].parentRefs).toEqual([expect.objectContaining({ kind: 'Gateway', name: 'web-gateway', namespace: 'gateway' })]);
		expect(route['spec'].hostnames).toEqual(['kube-paths.example.org']);
		const service = one('Service');
		// The backend is in the route's own namespace: that is what would need a ReferenceGrant otherwise.
		for (const backend of route['spec'].rules.flatMap((r: Manifest) => r['backendRefs'])) {
			expect(backend.namespace ?? route['metadata'].namespace).toBe(service['metadata'].namespace);
			expect(backend).toMatchObject({ name: service['metadata'].name, port: service['spec'].ports[0].port });
		}
		expect(ALL.filter((m) => m.object['kind'] === 'ReferenceGrant')).toEqual([]);
	});
});

describe('the manifests agree with the image and the nginx configuration', () => {
	const nginx = readFileSync(join(ROOT, 'deploy/nginx/kube-paths.conf'), 'utf8');
	const main = readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8');
	const containerfile = readFileSync(join(ROOT, 'deploy/Containerfile'), 'utf8');

	it('port 8080, /healthz, /tmp', () => {
		expect(nginx).toMatch(/^\s*listen 8080;/m);
		expect(containerfile).toMatch(/^EXPOSE 8080$/m);
		expect(nginx).toMatch(/location = \/healthz \{/);
		for (const line of main.split('\n').filter((l) => /_path |^pid /.test(l.trim()))) expect(line.trim(), 'nginx writes only to /tmp').toMatch(/ \/tmp\//);
	});

	it('a multi-stage build on node:24 and a pinned nginx-unprivileged, as UID 101', () => {
		expect(containerfile).toMatch(/^FROM node:24\S* AS build$/m);
		expect(containerfile).toMatch(/^FROM nginxinc\/nginx-unprivileged:\d+\.\d+[\w.-]*$/m);
		expect(containerfile).toMatch(/^USER 101$/m);
		expect(containerfile).toMatch(/npm ci/);
		expect(containerfile).toMatch(/scripts\/csp-hashes\.mjs dist/);
	});

	it('the image holds every file the nginx configuration includes', () => {
		const included = (file: string): string[] => [...readFileSync(join(ROOT, 'deploy/nginx', file), 'utf8').matchAll(/^\s*include kube-paths\/([\w.-]+);/gm)].map((m) => m[1]!);
		const wanted = new Set<string>();
		for (const file of ['kube-paths.conf', 'security-headers.conf', 'asset-headers.conf']) for (const name of included(file)) wanted.add(name);
		// csp.conf is generated in the build stage; brotli.conf is for an nginx that has the module.
		expect([...wanted].sort()).toEqual(['asset-headers.conf', 'csp.conf', 'security-headers.conf']);
		expect(containerfile).toMatch(/^COPY --from=build \/src\/csp\.conf \/etc\/nginx\/kube-paths\/csp\.conf$/m);
		const copied = /^COPY (deploy\/nginx\/[\w.-]+\.conf(?: deploy\/nginx\/[\w.-]+\.conf)*) \/etc\/nginx\/kube-paths\/$/m.exec(containerfile)?.[1] ?? '';
		expect(copied.split(' ').map((p) => p.replace('deploy/nginx/', '')).sort(), 'deploy/Containerfile: COPY … /etc/nginx/kube-paths/').toEqual(['asset-headers.conf', 'security-headers.conf']);
	});
});

describe('a broken copy is rejected, naming the file and the field', () => {
	const dir = mkdtempSync(join(tmpdir(), 'kp-manifests-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('a misspelt field', () => {
		const path = join(dir, 'deployment.yaml');
		writeFileSync(path, readFileSync(join(ROOT, K8S, 'deployment.yaml'), 'utf8').replace('readOnlyRootFilesystem: true', 'readOnlyRootFileSystem: true'));
		expect(validateFile(path, 'broken/deployment.yaml').problems).toEqual([
			'broken/deployment.yaml#1: apps/v1 Deployment has unknown field `/spec/template/spec/containers/0/securityContext/readOnlyRootFileSystem`. Kubernetes rejects it: remove it or fix its name.',
		]);
	});

	it('a wrong type and a missing field, in the second document of a multi-document file', () => {
		const path = join(dir, 'all.yaml');
		const service = readFileSync(join(ROOT, K8S, 'service.yaml'), 'utf8').replace('port: 80', 'port: "80"');
		const route = readFileSync(join(ROOT, K8S, 'httproute.yaml'), 'utf8').replace(/\n {6}name: web-gateway/, '');
		writeFileSync(path, `${readFileSync(join(ROOT, K8S, 'deployment.yaml'), 'utf8')}\n---\n${service}\n---\n${route}`);
		const { objects, problems } = validateFile(path, 'broken/all.yaml');
		expect(objects.map((o) => o['kind'])).toEqual(['Deployment', 'Service', 'HTTPRoute']);
		expect(problems).toContain('broken/all.yaml#2: v1 Service field `/spec/ports/0/port` must be of type integer. Fix the value where the manifest is built.');
		expect(problems.join('\n')).toMatch(/^broken\/all\.yaml#3: gateway\.networking\.k8s\.io\/v1 HTTPRoute field `\/spec\/parentRefs\/0` is missing `name`/m);
		expect(problems.every((p) => !p.startsWith('broken/all.yaml#1'))).toBe(true);
	});
});
