import fc from 'fast-check';
import { paramProblems } from '../src/model/params.ts';
import { buildScenario } from '../src/model/build.ts';
import { ENTRIES, FRONTS, LB_MODES, LB_TARGETS, TLS_MODES, TRAFFIC_POLICIES } from '../src/model/params.ts';
const BUILT = ENTRIES.filter((entry) => entry !== 'port-forward');
const params = fc.integer({ min: 1, max: 5 }).chain((nodes) => {
	const counts = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: nodes, maxLength: nodes });
	return fc.integer({ min: 1, max: 3 }).chain((routes) => fc.record({ entry: fc.constantFrom(...BUILT), front: fc.constantFrom(...FRONTS), nodes: fc.constant(nodes), pods: counts, backends: fc.array(counts, { minLength: routes, maxLength: routes }), via: fc.integer({ min: 1, max: nodes }), pick: fc.integer({ min: 1, max: nodes }), etp: fc.constantFrom(...TRAFFIC_POLICIES), lb: fc.constantFrom(...LB_MODES), targets: fc.constantFrom(...LB_TARGETS), tls: fc.constantFrom(...TLS_MODES), routes: fc.constant(routes) }, { requiredKeys: ['entry'] }));
});
const accepted = params.map((p) => { let c: any = { ...p }; for (let i = 0; i < 8; i++) { const pr = paramProblems(c); if (!pr.length) break; for (const x of pr) delete c[x.param]; c = { entry: p.entry, ...c }; } return c; });
const sample = fc.sample(accepted, 2000);
let ok = 0; const byEntry: Record<string, number> = {}; const outcomes: Record<string, number> = {};
for (const p of sample) { if (paramProblems(p).length) continue; try { const s = buildScenario(p); ok++; byEntry[p.entry] = (byEntry[p.entry] ?? 0) + 1; const k = s.outcome?.kind ?? 'delivered'; outcomes[k] = (outcomes[k] ?? 0) + 1; } catch {} }
console.log(ok, byEntry, outcomes);
const { validateScenario } = await import('../src/model/validate.ts');
const { manifestsFor, controllerServiceFor } = await import('../src/model/manifests.ts');
const { validateManifest } = await import('../src/manifests/validate.ts');
const { stepsFor } = await import('../src/i18n/steps.ts');
const { layoutScenario } = await import('../src/diagram/layout.ts');
const { sessionFor } = await import('../src/model/commands.ts');
const built = sample.flatMap((p) => { try { return [buildScenario(p)]; } catch { return []; } }).slice(0, 400);
const t = (name: string, f: (s: any) => void) => { const t0 = performance.now(); for (const s of built) f(s); console.log(name, (performance.now() - t0).toFixed(0), 'ms /', built.length); };
t('validate', validateScenario);
t('manifests', (s) => { for (const m of [...manifestsFor(s), controllerServiceFor(s)].filter(Boolean)) validateManifest(m.object, m.file); });
t('steps', (s) => { stepsFor(s, 'en'); stepsFor(s, 'fr'); });
t('session', sessionFor);
t('layout', (s) => { layoutScenario(s); });
console.log('avg nodes', built.reduce((a, s) => a + s.nodes.length, 0) / built.length);
