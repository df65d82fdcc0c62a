/*
 * The explorer's form as data: for a setup, which controls apply, their values, and which of their
 * options build a setup with the others. Pure: the build renders the form from it and the browser
 * sets the same controls from it, so the two cannot disagree. Which values apply is asked of the
 * builder's own validation (query.ts `allowedValues`), never decided here.
 */
import { buildScenario } from '../model/build.ts';
import { MAX_NODES } from '../model/naming.ts';
import { MAX_ROUTES, type ExposureParams } from '../model/params.ts';
import type { Scenario } from '../model/types.ts';
import { failuresOf } from '../model/failures.ts';
import { allowedValues, PARAM_DOMAINS, type Choice } from './query.ts';

export { settle } from './query.ts';

/** The radio groups of the form, in order; each group's `name` is its URL parameter (query.ts). */
export { CHOICES, type Choice } from './query.ts';
/** The `<select>`s of the form whose value is a number; `via` and `pick` also have "let Kubernetes decide" (the empty value). */
export const NUMBERS = ['nodes', 'routes', 'via', 'pick'] as const;
export type NumberControl = (typeof NUMBERS)[number];

export interface ControlState {
	/** The parameter exists for this way in. */
	readonly applies: boolean;
	/** The value shown: the parameter's, or the default the builder applies. */
	readonly value: string;
	/** The options that build a setup with the other parameters as they are. */
	readonly allowed: readonly string[];
}

export interface FormModel {
	readonly choices: Record<Choice, ControlState>;
	readonly numbers: Record<NumberControl, ControlState>;
	/** "Break a hop": the failure modes this setup can have (its `value` empty when nothing is broken). */
	readonly fail: ControlState;
	/** Pods per node of the Service the traffic enters, `MAX_NODES` counts (those past `nodes` do not apply). */
	readonly pods: readonly number[];
	/** Per route, Pods per node of its backend: `MAX_ROUTES` × `MAX_NODES` counts. */
	readonly backends: readonly (readonly number[])[];
	readonly nodes: number;
	readonly routes: number;
	readonly routed: boolean;
}

const isRouted = (params: ExposureParams) => params.entry === 'ingress' || params.entry === 'gateway';

/** The form for a setup that builds (after `settle`). */
export function formModel(params: ExposureParams, scenario: Scenario = buildScenario(params)): FormModel {
	const routed = isRouted(params);
	const nodes = params.nodes ?? 2;
	const routes = routed ? (params.routes ?? (params.tls === 'pod' ? 1 : 2)) : 2;
	const resolved = scenario.params;
	const choice = (name: Choice, value: string | undefined): ControlState => {
		const allowed = allowedValues(params, name);
		return { applies: allowed.length > 0, value: value ?? allowed[0] ?? '', allowed };
	};
	const number = (name: NumberControl, value: number | undefined, applies: boolean): ControlState => {
		const allowed = applies ? allowedValues(params, name) : [];
		return { applies: applies && allowed.length > 0, value: value === undefined ? '' : String(value), allowed };
	};
	// The Service's `externalTrafficPolicy` in force, where the parameter was left to its default.
	const policy = scenario.services[0]?.externalTrafficPolicy;
	const etp = params.etp ?? (policy === 'Local' ? 'local' : policy === 'Cluster' || scenario.services[0]?.type !== 'ClusterIP' ? 'cluster' : undefined);
	const pods = resolved?.pods ?? [];
	const backends = resolved?.backends ?? [];
	return {
		choices: {
			entry: choice('entry', params.entry),
			front: choice('front', resolved?.front),
			etp: choice('etp', etp),
			lb: choice('lb', resolved?.lb),
			targets: choice('targets', resolved?.targets),
			tls: choice('tls', resolved?.tls),
			// `none` builds everywhere; the choice only applies where kube-proxy's rules pick the Pod.
			affinity: ((state) => ({ ...state, applies: state.allowed.includes('clientip') }))(choice('affinity', resolved?.affinity ?? 'none')),
		},
		numbers: {
			nodes: number('nodes', nodes, true),
			routes: number('routes', routes, routed),
			via: number('via', params.via, true),
			pick: number('pick', params.pick, true),
		},
		// Without a failure the setup shown is the whole one: its modes are read from it, with no second build.
		fail: ((allowed) => ({ applies: allowed.length > 0, value: params.fail ?? '', allowed }))(
			params.fail === undefined ? failuresOf(scenario).map((mode) => mode.id) : allowedValues(params, 'fail'),
		),
		pods: Array.from({ length: MAX_NODES }, (_, i) => pods[i] ?? 1),
		backends: Array.from({ length: MAX_ROUTES }, (_, r) => Array.from({ length: MAX_NODES }, (_, i) => backends[r]?.[i] ?? (i === nodes - 1 ? 1 : 0))),
		nodes,
		routes,
		routed,
	};
}

/** The domain of a choice, for rendering every option (those not allowed are disabled). */
export const choiceValues = (name: Choice): readonly string[] => PARAM_DOMAINS[name];
