/*
 * The troubleshooting guide's tree, from the failure catalogue (failures.ts) and the atlas presets:
 * start from what the client sees, then the way in, then the checks in the order of the path (the hop
 * nearest the client first), each a failure mode with its command, its healthy and broken output, the
 * hop where it stops on its atlas page and the setup it breaks. Pure: the page renders it at build
 * time, readable without JavaScript; every branch has its own anchor.
 */
import { buildScenario } from './build.ts';
import { FAILURES, failureMode, failuresOf, stopStep, type FailureCheck, type FailureId } from './failures.ts';
import type { ExposureParams } from './params.ts';
import { SYMPTOMS, type Symptom } from './kinds.ts';
import { PRESET_IDS, PRESETS, presetScenario, type PresetId } from './presets.ts';
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
	readonly preset: PresetId;
	/** The branch's anchor: `s-<symptom>-<preset>`. */
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
export const branchAnchor = (symptom: Symptom, preset: PresetId) => `s-${symptom}-${preset}`;
export const checkAnchor = (symptom: Symptom, preset: PresetId, mode: FailureId) => `s-${symptom}-${preset}-${mode}`;

let built: readonly TroubleshootSymptom[] | undefined;

/** Every symptom some atlas setup can show, in the catalogue's order, each with its ways in and their checks (built once). */
export function troubleshootTree(): readonly TroubleshootSymptom[] {
	return (built ??= buildTree());
}

function buildTree(): TroubleshootSymptom[] {
	const bySymptom = new Map<Symptom, Map<PresetId, TroubleshootCheck[]>>();
	for (const preset of PRESET_IDS) {
		const page = presetScenario(preset);
		const modes = failuresOf(page);
		// A NodePort's page may use `Cluster`; a reader's own Service may use `Local`, and then meets this one too.
		const local = failureMode('local-no-endpoint');
		const params: ExposureParams = PRESETS[preset].params;
		if (!modes.includes(local) && params.etp === 'cluster') {
			const { via: _via, pick: _pick, ...rest } = params;
			if (local.appliesTo(buildScenario({ ...rest, etp: 'local' }, { ...PRESETS[preset].options, id: preset }))) modes.push(local);
		}
		for (const mode of FAILURES.filter((m) => modes.includes(m))) {
			const effect = mode.effect(page);
			// The step on the page's own path into the same kind of box (a `Local` drop is shown on another node's).
			const atHop = Math.max(0, stopStep(page, mode));
			const branches = bySymptom.get(effect.symptom) ?? new Map<PresetId, TroubleshootCheck[]>();
			const checks = branches.get(preset) ?? [];
			const needs = failuresOf(page).includes(mode) ? undefined : ({ etp: 'local' } as const);
			checks.push({ mode: mode.id, step: hopId(page.path[atHop]!), atHop, client: effect.client, check: mode.check(page), needs });
			branches.set(preset, checks);
			bySymptom.set(effect.symptom, branches);
		}
	}
	return SYMPTOMS.filter((symptom) => bySymptom.has(symptom)).map((symptom) => ({
		symptom,
		id: symptomAnchor(symptom),
		branches: PRESET_IDS.filter((preset) => bySymptom.get(symptom)!.has(preset)).map((preset) => ({
			preset,
			id: branchAnchor(symptom, preset),
			// In the order of the path: what the request meets first is checked first.
			checks: [...bySymptom.get(symptom)!.get(preset)!].sort((a, b) => a.atHop - b.atHop),
		})),
	}));
}
