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
		expect(FILES).toEqual(expect.arrayContaining(['deployment.yaml', 'service.yaml', 'ingress.yaml', 'httproute.yaml', 'networkpolicy.yaml']));
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
		expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
		expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
		for (const kind of ['requests', 'limits']) expect(Object.keys(container.resources[kind]).sort(), kind).toEqual(['cpu', 'memory']);
		expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
		const tmp = container.volumeMounts.find((m: Manifest) => m['mountPath'] === '/tmp');
		expect(pod.volumes.find((v: Manifest) => v['name'] === tmp?.name)?.emptyDir).toBeDefined();
	});

	it('rolls out and shuts down without dropping a request', () => {
		const deployment = one('Deployment');
		// A new Pod must be ready before an old one goes.
		expect(deployment['spec'].strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
		const pod = deployment['spec'].template.spec;
		const container = pod.containers[0];
		const command: string[] = container.lifecycle.preStop.exec.command;
		// The pause: nginx goes on serving while every proxy learns that the endpoint is gone.
		const pause = Number(/\bsleep (\d+)\b/.exec(command.join(' '))?.[1]);
		expect(pause, 'preStop sleeps').toBeGreaterThanOrEqual(10);
		// The pause writes the drain file /readyz looks for, before it sleeps.
		const nginx = readFileSync(join(ROOT, 'deploy/nginx/kube-paths.conf'), 'utf8');
		const drainFile = /location = \/readyz \{[\s\S]*?if \(-f ([^)\s]+)\)/.exec(nginx)?.[1];
		expect(drainFile).toBe('/tmp/kube-paths/draining');
		expect(command.join(' ')).toMatch(new RegExp(`touch ${drainFile}[^;]*&& sleep ${pause}`));
		// Readiness sees it within the pause: at most periodSeconds x failureThreshold.
		const probe = container.readinessProbe;
		expect(probe.periodSeconds * probe.failureThreshold, 'readiness fails before the pause ends').toBeLessThan(pause);
		// The grace period covers the pause and then nginx's graceful stop.
		expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(pause + 10);
		expect(readFileSync(join(ROOT, 'deploy/Containerfile'), 'utf8'), 'nginx stops gracefully on SIGQUIT').toMatch(/^STOPSIGNAL SIGQUIT$/m);
	});

	it('the NetworkPolicy lets only the Gateway and Ingress controller namespaces in, on the http port, and nothing out', () => {
		const policy = one('NetworkPolicy');
		expect(one('Deployment')['spec'].template.metadata.labels).toMatchObject(policy['spec'].podSelector.matchLabels);
		expect(policy['spec'].policyTypes).toEqual(['Ingress', 'Egress']);
		expect(policy['spec'].egress).toEqual([]);
		expect(policy['spec'].ingress).toHaveLength(1);
		const [rule] = policy['spec'].ingress;
		expect(rule.ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
		// Namespaces only, by the label Kubernetes sets on every namespace, never "any Pod anywhere".
		const names = rule.from.map((peer: Manifest) => {
			expect(Object.keys(peer), 'a namespaceSelector alone').toEqual(['namespaceSelector']);
			return peer['namespaceSelector'].matchLabels['kubernetes.io/metadata.name'];
		});
		const route = routes()[0]!;
		expect(names.sort()).toEqual([route['spec'].parentRefs[0].namespace, one('Ingress')['spec'].ingressClassName].sort());
	});

	it('the Service is a ClusterIP that selects the Pods and targets their port', () => {
		const service = one('Service');
		const deployment = one('Deployment');
		expect(service['spec'].type).toBe('ClusterIP');
		expect(deployment['spec'].template.metadata.labels).toMatchObject(service['spec'].selector);
		expect(service['spec'].ports).toEqual([expect.objectContaining({ name: 'http', port: 80, targetPort: 'http' })]);
	});

	it('the Ingress: a maintained controller\'s class, no annotation of any controller, TLS, the host, the Service', () => {
		const ingress = one('Ingress');
		// ingress-nginx (class `nginx`) is retired since March 2026; Traefik is the site's own example.
		expect(ingress['spec'].ingressClassName).toBe('traefik');
		expect(ingress['metadata'].annotations, 'plain Ingress API, for any controller').toBeUndefined();
		expect(ingress['spec'].tls).toEqual([{ hosts: ['kube-paths.example.org'], secretName: 'kube-paths-tls' }]);
		const [rule] = ingress['spec'].rules;
		expect(rule.host).toBe('kube-paths.example.org');
		expect(rule.http.paths[0].backend.service).toEqual({ name: one('Service')['metadata'].name, port: { name: 'http' } });
	});

	const routes = () => ALL.filter((m) => m.object['kind'] === 'HTTPRoute').map((m) => m.object);
	const parent = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web-gateway', namespace: 'gateway' };

	it('the HTTPRoute attaches to the HTTPS listener of web-gateway only, sets HSTS, and needs no ReferenceGrant', () => {
		const route = routes().find((r) => r['metadata'].name === 'kube-paths')!;
		expect(route['spec'].parentRefs).toEqual([{ ...parent, sectionName: 'https' }]);
		expect(route['spec'].hostnames).toEqual(['kube-paths.example.org']);
		const service = one('Service');
		for (const rule of route['spec'].rules) {
			// HSTS on every response of the HTTPS listener, at least a year (browsers' preload lists ask as much).
			const hsts = rule.filters?.find((f: Manifest) => f['type'] === 'ResponseHeaderModifier')?.responseHeaderModifier.set.find((h: Manifest) => h['name'] === 'Strict-Transport-Security');
			expect(Number(/^max-age=(\d+)/.exec(hsts?.value ?? '')?.[1]), 'Strict-Transport-Security').toBeGreaterThanOrEqual(31536000);
			// The backend is in the route's own namespace: that is what would need a ReferenceGrant otherwise.
			for (const backend of rule.backendRefs) {
				expect(backend.namespace ?? route['metadata'].namespace).toBe(service['metadata'].namespace);
				expect(backend).toMatchObject({ name: service['metadata'].name, port: service['spec'].ports[0].port });
			}
		}
		expect(ALL.filter((m) => m.object['kind'] === 'ReferenceGrant')).toEqual([]);
	});

	it('a second HTTPRoute, on the HTTP listener, redirects everything to HTTPS with a 301 and has no backend', () => {
		expect(routes()).toHaveLength(2);
		const redirect = routes().find((r) => r['metadata'].name !== 'kube-paths')!;
		expect(redirect['spec'].parentRefs).toEqual([{ ...parent, sectionName: 'http' }]);
		expect(redirect['spec'].hostnames).toEqual(['kube-paths.example.org']);
		expect(redirect['spec'].rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }]);
	});
});

describe('the manifests agree with the image and the nginx configuration', () => {
	const nginx = readFileSync(join(ROOT, 'deploy/nginx/kube-paths.conf'), 'utf8');
	const main = readFileSync(join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8');
	const containerfile = readFileSync(join(ROOT, 'deploy/Containerfile'), 'utf8');

	it('port 8080, /healthz, /tmp', () => {
		expect(nginx).toMatch(/^\s*listen 8080;/m);
		// IPv6 only where the Pod has it: the start script writes the listener the server block includes.
		expect(nginx).toMatch(/^\s*include \/tmp\/kube-paths\/listen-\*\.conf;/m);
		expect(readFileSync(join(ROOT, 'deploy/nginx/kube-paths-start.sh'), 'utf8')).toMatch(/if \[ -f \/proc\/net\/if_inet6 \]; then\n\s*echo 'listen \[::\]:8080 ipv6only=on;' > \/tmp\/kube-paths\/listen-ipv6\.conf/);
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
		// The CSP include is checked at build time, and again by the entrypoint at each start.
		expect(containerfile).toMatch(/^COPY --chmod=0755 deploy\/nginx\/kube-paths-start\.sh \/docker-entrypoint\.d\/\d+-kube-paths\.sh$/m);
		expect(containerfile).toMatch(/^RUN \/docker-entrypoint\.d\/\d+-kube-paths\.sh check-csp \/etc\/nginx\/kube-paths\/csp\.conf && nginx -t/m);
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
		const route = readFileSync(join(ROOT, K8S, 'httproute.yaml'), 'utf8').split('\n---\n')[0]!.replace(/\n {6}name: web-gateway/, '');
		writeFileSync(path, `${readFileSync(join(ROOT, K8S, 'deployment.yaml'), 'utf8')}\n---\n${service}\n---\n${route}`);
		const { objects, problems } = validateFile(path, 'broken/all.yaml');
		expect(objects.map((o) => o['kind'])).toEqual(['Deployment', 'Service', 'HTTPRoute']);
		expect(problems).toContain('broken/all.yaml#2: v1 Service field `/spec/ports/0/port` must be of type integer. Fix the value where the manifest is built.');
		expect(problems.join('\n')).toMatch(/^broken\/all\.yaml#3: gateway\.networking\.k8s\.io\/v1 HTTPRoute field `\/spec\/parentRefs\/0` is missing `name`/m);
		expect(problems.every((p) => !p.startsWith('broken/all.yaml#1'))).toBe(true);
	});
});
