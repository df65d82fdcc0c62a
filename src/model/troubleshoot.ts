/*
 * The troubleshooting guide's tree, from the failure catalogue (failures.ts) and the atlas pages:
 * start from what the client sees, then the way in (or the mesh's east-west call, the one atlas page
 * that is not a way in), then the checks in the order of the path (the hop
 * nearest the client first), each a failure mode with its command, its healthy and broken output, the
 * hop where it stops on its atlas page and the setup it breaks. Pure: the page renders it at build
 * time, readable without JavaScript; every branch has its own anchor.
 */
import { buildScenario } from './build.ts';
import { FAILURES, failureMode, failuresOf, stopStep, type FailureCheck, type FailureId } from './failures.ts';
import type { ExposureParams } from './params.ts';
import { SYMPTOMS, type Symptom } from './kinds.ts';
import { isPresetId, PRESETS } from './presets.ts';
import { SCENARIO_IDS, scenarios, type ScenarioId } from './scenarios/index.ts';
import { hopId } from './resolve.ts';

export interface TroubleshootCheck {
	readonly mode: FailureId;
	/** The step of the atlas page where the request stops: its anchor there. */
	readonly step: string;
	/** Its position on the path (0 is the client's first hop). */
	readonly atHop: number;
	readonly client: string | undefined;
	readonly check: FailureCheck;
	/** What the atlas setup needs changed before this mode can happen in it (`Local` instead of the page's `Cluster`). */
	readonly needs: { readonly etp: 'local' } | undefined;
}

export interface TroubleshootBranch {
	/** The atlas page (a way in's preset, or the mesh's page) whose setup the checks are written for. */
	readonly page: ScenarioId;
	/** The branch's anchor: `s-<symptom>-<page>`. */
	readonly id: string;
	readonly checks: readonly TroubleshootCheck[];
}

export interface TroubleshootSymptom {
	readonly symptom: Symptom;
	/** The symptom's anchor: `s-<symptom>`. */
	readonly id: string;
	readonly branches: readonly TroubleshootBranch[];
}

export const symptomAnchor = (symptom: Symptom) => `s-${symptom}`;
export const branchAnchor = (symptom: Symptom, page: ScenarioId) => `s-${symptom}-${page}`;
export const checkAnchor = (symptom: Symptom, page: ScenarioId, mode: FailureId) => `s-${symptom}-${page}-${mode}`;

let built: readonly TroubleshootSymptom[] | undefined;

/** Every symptom some atlas setup can show, in the catalogue's order, each with its atlas pages and their checks (built once). */
export function troubleshootTree(): readonly TroubleshootSymptom[] {
	return (built ??= buildTree());
}

function buildTree(): TroubleshootSymptom[] {
	const bySymptom = new Map<Symptom, Map<ScenarioId, TroubleshootCheck[]>>();
	for (const id of SCENARIO_IDS) {
		const page = scenarios[id];
		const modes = failuresOf(page);
		// A NodePort's page may use `Cluster`; a reader's own Service may use `Local`, and then meets this one too.
		const local = failureMode('local-no-endpoint');
		const params: ExposureParams | undefined = isPresetId(id) ? PRESETS[id].params : undefined;
		if (isPresetId(id) && !modes.includes(local) && params?.etp === 'cluster') {
			const { via: _via, pick: _pick, ...rest } = params;
			if (local.appliesTo(buildScenario({ ...rest, etp: 'local' }, { ...PRESETS[id].options, id }))) modes.push(local);
		}
		for (const mode of FAILURES.filter((m) => modes.includes(m))) {
			const effect = mode.effect(page);
			// The step on the page's own path into the same kind of box (a `Local` drop is shown on another node's).
			const atHop = Math.max(0, stopStep(page, mode));
			const branches = bySymptom.get(effect.symptom) ?? new Map<ScenarioId, TroubleshootCheck[]>();
			const checks = branches.get(id) ?? [];
			const needs = failuresOf(page).includes(mode) ? undefined : ({ etp: 'local' } as const);
			checks.push({ mode: mode.id, step: hopId(page.path[atHop]!), atHop, client: effect.client, check: mode.check(page), needs });
			branches.set(id, checks);
			bySymptom.set(effect.symptom, branches);
		}
	}
	return SYMPTOMS.filter((symptom) => bySymptom.has(symptom)).map((symptom) => ({
		symptom,
		id: symptomAnchor(symptom),
		branches: SCENARIO_IDS.filter((page) => bySymptom.get(symptom)!.has(page)).map((page) => ({
			page,
			id: branchAnchor(symptom, page),
			// In the order of the path: what the request meets first is checked first.
			checks: [...bySymptom.get(symptom)!.get(page)!].sort((a, b) => a.atHop - b.atHop),
		})),
	}));
}
