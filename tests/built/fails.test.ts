import { expect, it } from 'vitest';
import { DIAGRAM_PAGES } from '../e2e/helpers.ts';
import { attribute, classesOf as classOf, elements, parseWithOffsets, textOf as text, type Element } from '../../src/site/html-parse.ts';
import { readBuilt } from './dist.ts';

/*
 * "If it fails here" under each step of the atlas diagrams (#13), read from the built HTML: it is
 * there without JavaScript (a <details>), it names the failure modes a Kubernetes engineer expects at
 * that hop, each links to the explorer with that hop broken and to its check in the troubleshooting
 * guide, which exists; both languages list the same modes at the same steps.
 */

interface StepFails {
	readonly step: string;
	readonly summary: string;
	readonly modes: readonly { readonly mode: string; readonly title: string; readonly symptom: string; readonly links: readonly string[] }[];
}

/** Each step of the page's first diagram, with its "if it fails here" (no `<details>`: no modes). */
function stepsOf(path: string): StepFails[] {
	const root = parseWithOffsets(readBuilt(path));
	const list = [...elements(root)].find((el) => el.tagName === 'ol' && classOf(el).includes('kp-steps'));
	if (!list) throw new Error(`${path}: no ol.kp-steps`);
	return list.childNodes
		.filter((node): node is Element => node.nodeName === 'li')
		.map((li) => {
			const details = [...elements(li)].find((el) => el.tagName === 'details' && classOf(el).includes('kp-step-fails'));
			const items = details ? [...elements(details)].filter((el) => el.tagName === 'li') : [];
			const summary = details ? [...elements(details)].find((el) => el.tagName === 'summary') : undefined;
			return {
				step: attribute(li, 'id') ?? '',
				summary: summary ? text(summary) : '',
				modes: items.map((item) => {
					const part = (name: string) => [...elements(item)].find((el) => classOf(el).includes(name));
					return {
						mode: attribute(item, 'data-mode') ?? '',
						title: text(part('kp-step-fails-title')!),
						symptom: text(part('kp-step-fails-symptom')!),
						links: [...elements(item)].filter((el) => el.tagName === 'a').map((a) => attribute(a, 'href') ?? ''),
					};
				}),
			};
		});
}

const idsOn = (path: string) => new Set([...elements(parseWithOffsets(readBuilt(path)))].map((el) => attribute(el, 'id')).filter(Boolean));
const modesAt = (path: string, step: string) =>
	stepsOf(path)
		.find((s) => s.step === step)
		?.modes.map((m) => m.mode) ?? [];

it('every step of every atlas diagram has its failure modes, each linked to the explorer (on a way in) and to a check that exists', () => {
	const guides = { en: idsOn('/en/troubleshoot/'), fr: idsOn('/fr/troubleshoot/') };
	for (const { path, scenario } of DIAGRAM_PAGES) {
		// The explorer builds the ways in; the mesh's east-west call is not one, so its modes link to the guide only.
		const wayIn = scenario !== 'service-mesh';
		const locale = path.slice(1, 3) as 'en' | 'fr';
		const steps = stepsOf(path);
		const all = steps.flatMap((s) => s.modes);
		expect(all.length, `${path}: no step has "if it fails here"`).toBeGreaterThan(0);
		for (const step of steps) {
			if (step.modes.length === 0) continue;
			expect(step.summary, `${path}#${step.step}: the summary counts its causes`).toMatch(
				locale === 'en' ? /^If it fails here: (one cause|\d causes)$/ : /^Si la requête échoue ici\u00a0: (une cause|\d\u00a0causes)$/,
			);
			for (const m of step.modes) {
				const where = `${path}#${step.step} ${m.mode}`;
				expect(m.title.trim(), `${where}: a title`).not.toBe('');
				expect(m.symptom.trim(), `${where}: what the client sees`).not.toBe('');
				const [explore, check] = wayIn ? m.links : [undefined, ...m.links];
				expect(m.links.length, `${where}: its links`).toBe(wayIn ? 2 : 1);
				if (wayIn) expect(explore, `${where}: the explorer link`).toBe(`/${locale}/explore/?preset=${scenario}&fail=${m.mode}`);
				expect(check, `${where}: the guide's check`).toMatch(new RegExp(`^/${locale}/troubleshoot/#s-[a-z0-9-]+-${scenario}-${m.mode}$`));
				expect(guides[locale].has(check!.split('#')[1]), `${where}: ${check} is no anchor of the guide`).toBe(true);
			}
		}
		// The same modes at the same steps in the other language.
		const twin = path.replace(/^\/(en|fr)\//, (_, l: string) => `/${l === 'en' ? 'fr' : 'en'}/`);
		expect(
			steps.map((s) => [s.step, s.modes.map((m) => m.mode)]),
			`${path} and ${twin}`,
		).toEqual(stepsOf(twin).map((s) => [s.step, s.modes.map((m) => m.mode)]));
	}
});

it('each hop lists what breaks there, as Kubernetes fails', () => {
	// NodePort: a firewall in front of the node port; the node's rules with no endpoint; the Pod's port.
	expect(modesAt('/en/exposure/nodeport/', 'client-to-nodeport-a')).toEqual(['node-port-blocked']);
	expect(modesAt('/en/exposure/nodeport/', 'nodeport-a-to-kube-proxy-a')).toEqual(expect.arrayContaining(['selector-matches-nothing', 'no-ready-pod']));
	// `Cluster` on this page: no drop for want of a local endpoint.
	expect(stepsOf('/en/exposure/nodeport/').flatMap((s) => s.modes.map((m) => m.mode))).not.toContain('local-no-endpoint');
	// A LoadBalancer Service with no implementation stays pending: the request cannot start.
	expect(modesAt('/en/exposure/loadbalancer/', 'client-to-load-balancer')).toContain('load-balancer-pending');
	// kubectl proxy: the API server refuses without RBAC on services/proxy, and finds no endpoint without a ready Pod.
	expect(modesAt('/en/exposure/kubectl-proxy/', 'kubectl-proxy-to-api-server')).toEqual(expect.arrayContaining(['proxy-rbac-forbidden', 'no-ready-pod']));
	// The Ingress controller: no IngressClass it serves, no rule for the path, no TLS Secret where TLS ends there.
	expect(modesAt('/en/exposure/ingress-loadbalancer/', 'kube-proxy-a-to-traefik-1')).toEqual(expect.arrayContaining(['no-ingress-class', 'no-matching-rule', 'tls-secret-missing']));
	// The Gateway's proxy: an HTTPRoute not accepted; a NetworkPolicy in front of the backend Pods.
	expect(modesAt('/en/beyond/gateway-api/', 'kube-proxy-a-to-envoy-1')).toContain('route-not-accepted');
	expect(modesAt('/en/beyond/gateway-api/', 'envoy-1-to-api-1')).toEqual(expect.arrayContaining(['wrong-target-port', 'network-policy-denies-proxy']));
	// A mesh's call: no endpoint where the caller's sidecar picks one; the policies where the called Pod takes it in; the port inside it.
	expect(modesAt('/fr/beyond/service-mesh/', 'frontend-to-frontend-sidecar')).toEqual(['selector-matches-nothing', 'no-ready-pod']);
	expect(modesAt('/fr/beyond/service-mesh/', 'frontend-sidecar-to-api-sidecar')).toEqual(['network-policy-denies-proxy', 'authorization-policy-denies']);
	expect(modesAt('/fr/beyond/service-mesh/', 'api-sidecar-to-api')).toEqual(['wrong-target-port']);
	// And a port-forward's last hop: the targetPort kubectl forwards to.
	expect(modesAt('/en/exposure/port-forward/', stepsOf('/en/exposure/port-forward/').at(-1)!.step)).toEqual(['wrong-target-port']);
});
