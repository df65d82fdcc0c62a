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
import { SYMPTOMS, type Symptom, type TransformKind } from './kinds.ts';
import { isPresetId, PRESETS } from './presets.ts';
import { SCENARIO_IDS, scenarios, type ScenarioId } from './scenarios/index.ts';
import { entrySourceOf, findNode, findService, FORWARDING_TRANSFORMS, hopId, sourceSeenByPod, sourcesAlong, type SeenAddress } from './resolve.ts';
import { sessionFor, type TerminalCommand } from './commands.ts';
import type { Scenario } from './types.ts';

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

/*
 * "The application logs the wrong client address": not a failure (the request is delivered), so not in
 * the catalogue, but a question the guide must answer for every way in. From the model's sources along
 * the path (resolve.ts `sourcesAlong`): the hop that gave the Pod the peer it sees and, behind an HTTP
 * proxy, the hop that gave the proxy the address it writes into `X-Forwarded-For`; each with why the
 * address changed there and, where one command shows the setting behind it, that command. Before them,
 * the atlas page's own request to `whoami`, whose answer shows both addresses.
 */

/** Why a hop replaced the address the application ends up with. */
export const SOURCE_CAUSES = ['cluster-snat', 'lb-proxies', 'routed-proxy', 'api-server-proxy', 'runtime-loopback', 'sidecar-inbound'] as const;
export type SourceCause = (typeof SOURCE_CAUSES)[number];

const CAUSE_OF: Partial<Record<TransformKind, SourceCause>> = {
	'endpoint-dnat': 'cluster-snat',
	'load-balancer-to-node': 'lb-proxies',
	'load-balancer-to-pod': 'lb-proxies',
	'ingress-route': 'routed-proxy',
	'gateway-route': 'routed-proxy',
	'api-service-proxy': 'api-server-proxy',
	'kubelet-stream': 'api-server-proxy',
	'pod-loopback-dial': 'runtime-loopback',
	'sidecar-inbound': 'sidecar-inbound',
};

export interface SourceCheck {
	readonly cause: SourceCause;
	/** The step of the atlas page where the address changes: its anchor there. */
	readonly step: string;
	readonly atHop: number;
	/** The address from that hop on. */
	readonly becomes: SeenAddress;
	/** What it decides: the peer the application sees, or what the proxy writes into `X-Forwarded-For`. */
	readonly decides: 'peer' | 'forwarded-for';
	/** The command that shows the setting behind it, where one does. */
	readonly check: FailureCheck | undefined;
	/** The explorer's parameter that removes it, where one does (the atlas page's setup with `Local`). */
	readonly fix: { readonly etp: 'local' } | undefined;
}

export interface SourceBranch {
	readonly page: ScenarioId;
	/** `s-wrong-source-<page>`. */
	readonly id: string;
	/** The peer of the application's connection, and what `X-Forwarded-For` carries behind a proxy. */
	readonly seen: SeenAddress;
	readonly forwardedFor: SeenAddress | undefined;
	/** The request of the atlas page's session, and what `whoami` answers (its peer, `X-Forwarded-For`): what to look at first. */
	readonly request: TerminalCommand | undefined;
	readonly checks: readonly SourceCheck[];
}

export const SOURCE_ANCHOR = 's-wrong-source';
export const sourceBranchAnchor = (page: ScenarioId) => `${SOURCE_ANCHOR}-${page}`;
export const sourceCheckAnchor = (page: ScenarioId, cause: SourceCause) => `${SOURCE_ANCHOR}-${page}-${cause}`;

let builtSources: readonly SourceBranch[] | undefined;

/** Every atlas page whose application does not see the client's address, with where and why it changed (built once). */
export function sourceTree(): readonly SourceBranch[] {
	return (builtSources ??= SCENARIO_IDS.flatMap((page) => {
		const branch = sourceBranch(page, scenarios[page]);
		return branch ? [branch] : [];
	}));
}

/** The hops of `scenario` that decide the address its application logs, or undefined when that is the client's own. */
export function sourceBranch(page: ScenarioId, scenario: Scenario): SourceBranch | undefined {
	const sources = sourcesAlong(scenario);
	const entry = entrySourceOf(scenario);
	const seen = sourceSeenByPod(scenario);
	/** The last hop before `end` (exclusive) that changed the address; -1 if none did, or if that change made it the client's own again (kubectl proxy's loopback). */
	const lastChange = (end: number): number => {
		for (let i = end - 1; i >= 0; i--) {
			const before = i === 0 ? entry : sources[i - 1]!;
			if (sources[i]!.address !== before.address || sources[i]!.origin !== before.origin) return sources[i]!.origin === 'client' ? -1 : i;
		}
		return -1;
	};
	const checks: SourceCheck[] = [];
	const add = (index: number, decides: SourceCheck['decides']) => {
		const hop = scenario.path[index];
		const cause = hop && CAUSE_OF[hop.transform];
		if (!hop || !cause || checks.some((c) => c.atHop === index)) return;
		const snat = cause === 'cluster-snat';
		checks.push({ cause, step: hopId(hop), atHop: index, becomes: sources[index]!, decides, check: snat ? policyCheck(scenario, index) : undefined, fix: snat ? { etp: 'local' } : undefined });
	};
	if (seen.forwardedFor && seen.forwardedFor.origin !== 'client') {
		const forwarding = scenario.path.reduce((last, hop, i) => (FORWARDING_TRANSFORMS.includes(hop.transform) ? i : last), -1);
		const at = lastChange(forwarding);
		if (at >= 0) add(at, 'forwarded-for');
	}
	if (seen.source.origin !== 'client') {
		const at = lastChange(sources.length);
		if (at >= 0) add(at, 'peer');
	}
	if (checks.length === 0) return undefined;
	const request = sessionFor(scenario).find((step) => step.output.some((line) => line.startsWith('RemoteAddr: ')));
	return { page, id: sourceBranchAnchor(page), seen: seen.source, forwardedFor: seen.forwardedFor, request, checks: checks.sort((a, b) => a.atHop - b.atHop) };
}

/** `externalTrafficPolicy` of the Service whose rules rewrote the source at hop `index`. */
function policyCheck(scenario: Scenario, index: number): FailureCheck | undefined {
	const hop = scenario.path[index]!;
	const service = findService(scenario, findNode(scenario, hop.to)?.service) ?? findService(scenario, findNode(scenario, hop.from)?.service);
	if (!service) return undefined;
	return {
		command: `kubectl get service ${service.name} -n ${service.namespace} -o jsonpath='{.spec.externalTrafficPolicy}{"\\n"}'`,
		healthy: ['Local'],
		broken: ['Cluster'],
	};
}
