/*
 * Properties of the builder over its whole parameter space (fast-check): every accepted parameter set
 * builds a scenario the model accepts, whose manifests the Kubernetes schema accepts, whose steps exist
 * in both languages with the same ids, and whose layout is deterministic, fits a 360 px phone and
 * overlaps nothing; every rejected set says which parameter is wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../../src/model/build.ts';
import { paramProblems, ParamError, type ExposureParams } from '../../../src/model/params.ts';
import { accepted, params } from './arbitraries.ts';
import { validateScenario } from '../../../src/model/validate.ts';
import { controllerServiceFor, manifestsFor } from '../../../src/model/manifests.ts';
import { validateManifest } from '../../../src/manifests/validate.ts';
import { stepsFor } from '../../../src/i18n/steps.ts';
import { estimateWidth, LAYOUT, layoutScenario, TEXT_EM, type Layout, type LayoutNode } from '../../../src/diagram/layout.ts';
import { sessionFor } from '../../../src/model/commands.ts';
import { LAYOUT_LABELS } from '../../../src/i18n/diagram.ts';
import { copyOf } from '../fixtures.ts';

const overlaps = (a: LayoutNode, b: LayoutNode) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every hop label that overlaps a box, or crosses a zone's border (the label is right-aligned at `label.x`, two lines). */
function labelClashes(layout: Layout): string[] {
	const clashes: string[] = [];
	for (const hop of layout.hops) {
		const width = Math.max(estimateWidth(hop.protocol, TEXT_EM.sans), estimateWidth(hop.destination, TEXT_EM.mono));
		const box = { left: hop.label.x - width, right: hop.label.x, top: hop.label.y - 12, bottom: hop.label.y + LAYOUT.line + 3 };
		for (const node of layout.nodes)
			if (!(box.right <= node.x || box.left >= node.x + node.width || box.bottom <= node.y || box.top >= node.y + node.height)) clashes.push(`${hop.id}'s label overlaps ${node.id}`);
		for (const zone of layout.zones) {
			const inside = box.left >= zone.x && box.right <= zone.x + zone.width && box.top >= zone.y && box.bottom <= zone.y + zone.height;
			const outside = box.right <= zone.x || box.left >= zone.x + zone.width || box.bottom <= zone.y || box.top >= zone.y + zone.height;
			if (!inside && !outside) clashes.push(`${hop.id}'s label crosses zone ${zone.id}`);
		}
	}
	return clashes;
}

/** Builds, or returns the rejection: a `ParamError` is the only error the builder may throw. */
function attempt(p: ExposureParams) {
	try {
		return { scenario: buildScenario(p) };
	} catch (error) {
		if (!(error instanceof ParamError)) throw error;
		return { error };
	}
}

describe('buildScenario over the parameter space', () => {
	it('builds, from every accepted set, a scenario that the model, the schema, both languages and the layout accept', () => {
		fc.assert(
			fc.property(accepted, (p) => {
				const { scenario } = attempt(p);
				if (!scenario) return;
				expect(validateScenario(scenario), JSON.stringify(p)).toEqual([]);
				const manifests = [...manifestsFor(scenario), controllerServiceFor(scenario)].filter((m) => m !== undefined);
				for (const manifest of manifests) expect(validateManifest(manifest.object, manifest.file), JSON.stringify(p)).toEqual([]);
				const en = stepsFor(scenario, 'en');
				const fr = stepsFor(scenario, 'fr');
				expect(fr.map((s) => s.id)).toEqual(en.map((s) => s.id));
				for (const step of [...en, ...fr]) {
					expect(step.title.trim()).not.toBe('');
					expect(step.body.trim()).not.toBe('');
					expect(step.body).not.toMatch(/undefined|NaN|\[object/);
				}
				sessionFor(scenario);
				const layout = layoutScenario(scenario, LAYOUT_LABELS);
				expect(JSON.stringify(layoutScenario(copyOf(scenario), LAYOUT_LABELS))).toBe(JSON.stringify(layout));
				expect(layout.width).toBeLessThanOrEqual(320);
				const clash = layout.nodes.flatMap((node, i) =>
					layout.nodes
						.slice(i + 1)
						.filter((other) => overlaps(node, other))
						.map((other) => `${node.id} overlaps ${other.id}`),
				);
				expect(clash, JSON.stringify(p)).toEqual([]);
				expect(labelClashes(layout), JSON.stringify(p)).toEqual([]);
				if (scenario.outcome) expect(scenario.outcome.atHop).toBe(scenario.path.length - 1);
			}),
			{ numRuns: 300 },
		);
	}, 60_000);

	it('a hop back up to a node the path left the zone of keeps its label inside that zone (found by this property)', () => {
		// Cluster sends the connection entering node-b to the controller on node-c, which routes back to web on node-b.
		const p: ExposureParams = { entry: 'ingress', nodes: 3, pods: [0, 0, 1], backends: [[0, 1, 0]], via: 2, routes: 1 };
		const layout = layoutScenario(buildScenario(p), LAYOUT_LABELS);
		expect(layout.hops.map((hop) => hop.id)).toContain('traefik-1-to-web-1');
		expect(labelClashes(layout)).toEqual([]);
	});

	it('names the parameter and its value in every rejection, and says what to choose instead', () => {
		fc.assert(
			fc.property(params, (p) => {
				const { error } = attempt(p);
				if (!error) return;
				expect(error.problems.length).toBeGreaterThan(0);
				for (const problem of error.problems) {
					expect(Object.keys(p), problem.message).toContain(problem.param);
					expect(problem.message.startsWith(`\`${problem.param}=${problem.value}\``), problem.message).toBe(true);
					expect(problem.message, problem.message).toMatch(/Choose|choose|Leave|Give|Set|Use|name a node|route 1/);
				}
			}),
			{ numRuns: 400 },
		);
	});

	it('rejects values outside each parameter’s range, naming it', () => {
		const cases: [ExposureParams, string][] = [
			[{ entry: 'nodeport', nodes: 9 }, 'nodes'],
			[{ entry: 'nodeport', nodes: 2, pods: [1] }, 'pods'],
			[{ entry: 'nodeport', nodes: 2, pods: [1, 7] }, 'pods'],
			[{ entry: 'kubectl-proxy', etp: 'local' }, 'etp'],
			[{ entry: 'nodeport', lb: 'proxy' }, 'lb'],
			[{ entry: 'nodeport', tls: 'edge' }, 'tls'],
			[{ entry: 'loadbalancer', tls: 'lb', lb: 'forward' }, 'tls'],
			[{ entry: 'ingress', tls: 'pod' }, 'tls'],
			[{ entry: 'nodeport', routes: 2 }, 'routes'],
			[{ entry: 'nodeport', nodes: 2, via: 3 }, 'via'],
			[{ entry: 'loadbalancer', targets: 'pods', etp: 'local' }, 'etp'],
			[{ entry: 'banana' as never }, 'entry'],
		];
		for (const [p, param] of cases)
			expect(
				paramProblems(p).map((problem) => problem.param),
				JSON.stringify(p),
			).toContain(param);
		expect(paramProblems({ entry: 'kubectl-proxy', etp: 'local' })[0]!.message).toBe(
			'`etp=local`: externalTrafficPolicy applies to NodePort and LoadBalancer Services, not to kubectl proxy. Leave it out, or choose `entry=nodeport` or `entry=loadbalancer`.',
		);
	});
});
