/*
 * The explorer's state in its URL (a public contract, documented in the README): which parameters,
 * how each value is written, and what happens to a value that a hand-edited or old link gets wrong.
 * Pure, so it runs in the browser and in the unit tests alike.
 *
 * A bad value never blanks the page: it is dropped, the builder's default takes its place, and the
 * page says which parameter was ignored, the value, and the values it accepts with the others given
 * (`allowedValues`, asked of the builder's own validation, so the form and the URL agree with it).
 */
import { buildScenario } from '../model/build.ts';
import { remembered } from '../model/memo.ts';
import { FAILURE_IDS, failuresOf } from '../model/failures.ts';
import { MAX_NODES, MAX_PODS_PER_NODE } from '../model/naming.ts';
import { AFFINITIES, ENTRIES, FRONTS, LB_MODES, LB_TARGETS, MAX_ROUTES, ParamError, TLS_MODES, TRAFFIC_POLICIES, paramProblems, type ExposureParams, type ParamName } from '../model/params.ts';
import { isPresetId, PRESET_IDS, PRESETS, type PresetId } from '../model/presets.ts';
import { DEFAULT_SIMULATION, MAX_CLIENTS, MAX_REQUESTS, MAX_SEED, type SimulationParamName, type SimulationParams } from '../model/simulate.ts';

/** Every URL parameter, in the order a link writes them. */
export const QUERY_PARAMS = ['preset', 'entry', 'front', 'nodes', 'pods', 'backends', 'routes', 'via', 'pick', 'etp', 'lb', 'targets', 'tls', 'affinity', 'fail'] as const satisfies readonly (
	ParamName | 'preset'
)[];
export type QueryParam = (typeof QUERY_PARAMS)[number];

/** What the page shows: an atlas preset as its page builds it, or the reader's own parameters. */
export interface ExplorerState {
	readonly preset: PresetId | undefined;
	readonly params: ExposureParams;
}

/** A parameter of the URL the page did not use, and what it accepts. */
export interface IgnoredParam {
	readonly param: string;
	readonly value: string;
	/**
	 * `unknown`: no such parameter. `values`: the values it takes with the other parameters as they are
	 * (empty when it does not apply to this setup at all).
	 */
	readonly allowed:
		| { readonly kind: 'unknown' }
		| { readonly kind: 'values'; readonly values: readonly string[] }
		/** `pods` and `backends`: one count per node (and, for `backends`, one list per route). */
		| { readonly kind: 'counts'; readonly nodes: number; readonly routes: number | undefined }
		/** `requests`, `clients`, `seed`: a whole number in a range. */
		| { readonly kind: 'range'; readonly min: number; readonly max: number };
}

/** The setup the explorer opens on without parameters: three nodes, Pods on two of them, a cloud load balancer, `Local`. */
export const DEFAULT_PARAMS: ExposureParams = { entry: 'loadbalancer', nodes: 3, pods: [2, 1, 0], via: 1, etp: 'local', lb: 'forward', targets: 'nodes' };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Each parameter's values as the URL writes them, regardless of the others (`pods` and `backends`: the count on one node). */
export const PARAM_DOMAINS: Record<Exclude<QueryParam, 'preset'>, readonly string[]> = {
	entry: ENTRIES,
	front: FRONTS,
	nodes: range(1, MAX_NODES),
	pods: range(0, MAX_PODS_PER_NODE),
	backends: range(0, MAX_PODS_PER_NODE),
	routes: range(1, MAX_ROUTES),
	via: range(1, MAX_NODES),
	pick: range(1, MAX_NODES),
	etp: TRAFFIC_POLICIES,
	lb: LB_MODES,
	targets: LB_TARGETS,
	tls: TLS_MODES,
	affinity: AFFINITIES,
	fail: FAILURE_IDS,
};

const isQueryParam = (name: string): name is QueryParam => (QUERY_PARAMS as readonly string[]).includes(name);

/** The parameters whose value is one word of a fixed list (the form's radio groups). */
export const CHOICES = ['entry', 'front', 'etp', 'lb', 'targets', 'tls', 'affinity'] as const;
export type Choice = (typeof CHOICES)[number];
const isChoice = (name: string): name is Choice => (CHOICES as readonly string[]).includes(name);
/** The parameters whose value is one number (the form's selects). */
const NUMBER_PARAMS = ['nodes', 'routes', 'via', 'pick'] as const;
const isNumberParam = (name: string): name is (typeof NUMBER_PARAMS)[number] => (NUMBER_PARAMS as readonly string[]).includes(name);
const COUNT = /^[0-9]$/;

/** `0,2,1` → `[0, 2, 1]`; undefined when any count is not one digit in range. */
function parseCounts(value: string): number[] | undefined {
	const parts = value.split(',');
	if (!parts.every((part) => COUNT.test(part) && Number(part) <= MAX_PODS_PER_NODE)) return undefined;
	return parts.map(Number);
}

/**
 * Whether a parameter set builds: the builder's checks, and the refusals it can only make while
 * building: `pick` against the node the connection reaches, a `fail` the setup cannot have (build.ts).
 * Without them no build is needed, which keeps the form's every-option check cheap enough to run on
 * each change. The form asks about the same few hundred neighbours of a setup at every change: the
 * answers are kept.
 */
export const buildsSetup: (params: ExposureParams) => boolean = remembered(4096, decide);

function decide(params: ExposureParams): boolean {
	if (paramProblems(params).length > 0) return false;
	if (params.pick === undefined && params.fail === undefined) return true;
	try {
		buildScenario(params);
		return true;
	} catch (error) {
		if (error instanceof ParamError) return false;
		throw error;
	}
}

/**
 * Drops, one at a time, the parameters that do not fit the others (the builder names them), until the
 * set builds; `keep` is the parameter the reader just changed, dropped last. Returns the names dropped.
 */
export function settle(params: ExposureParams, keep?: ParamName): { params: ExposureParams; dropped: ParamName[] } {
	let current: Record<string, unknown> = { ...params };
	const dropped: ParamName[] = [];
	for (let round = 0; round < 16; round++) {
		const problems = paramProblems(current as unknown as ExposureParams);
		let names = problems.map((p) => p.param);
		if (names.length === 0) {
			try {
				buildScenario(current as unknown as ExposureParams);
				break;
			} catch (error) {
				if (!(error instanceof ParamError)) throw error;
				names = error.problems.map((p) => p.param);
			}
		}
		const culprit = names.find((name) => name !== keep && name !== 'entry') ?? names[0];
		if (culprit === undefined || culprit === 'entry') break;
		const { [culprit]: _, ...rest } = current;
		current = rest;
		dropped.push(culprit);
	}
	return { params: current as unknown as ExposureParams, dropped };
}

/** The parameters with one removed. */
function without(params: ExposureParams, name: ParamName): ExposureParams {
	const { [name]: _, ...rest } = params;
	return rest as ExposureParams;
}

/**
 * The values of one parameter that build a setup together with the others, in the URL's words.
 * `pods` and `backends` are lists: their entries are each node's count, so this says which counts
 * a node may have (every one, unless the parameter does not apply).
 */
export function allowedValues(params: ExposureParams, name: Exclude<QueryParam, 'preset'>): string[] {
	const base = without(params, name);
	const nodes = params.nodes ?? 2;
	const candidate = (value: string): ExposureParams => {
		if (isChoice(name)) return { ...base, [name]: value } as ExposureParams;
		if (isNumberParam(name)) return { ...base, [name]: Number(value) } as ExposureParams;
		if (name === 'pods') return { ...base, pods: Array.from({ length: nodes }, () => Number(value)) };
		const routes = params.routes ?? 2;
		return { ...base, backends: Array.from({ length: routes }, () => Array.from({ length: nodes }, () => Number(value))) };
	};
	// `entry`, `nodes` and `routes` change what the rest means: a form sizes the counts to them, so the
	// counts (and the nodes they name) are left out of the question.
	// The failure modes the setup can have: asked of the catalogue once, with the setup built without one.
	if (name === 'fail') {
		if (!buildsSetup(base)) return [];
		return failuresOf(buildScenario(base)).map((mode) => mode.id);
	}
	if (name === 'entry') return PARAM_DOMAINS.entry.filter((value) => buildsSetup({ entry: value as ExposureParams['entry'] }));
	if (name === 'nodes') {
		const { pods: _p, backends: _b, via: _v, pick: _k, ...rest } = base;
		return PARAM_DOMAINS.nodes.filter((value) => buildsSetup({ ...rest, nodes: Number(value) }));
	}
	if (name === 'routes') {
		const { backends: _b, ...rest } = base;
		return PARAM_DOMAINS.routes.filter((value) => buildsSetup({ ...rest, routes: Number(value) }));
	}
	return PARAM_DOMAINS[name].filter((value) => buildsSetup(candidate(value)));
}

/** What an ignored parameter accepts, given the parameters the page kept. */
function allowedFor(params: ExposureParams, name: Exclude<QueryParam, 'preset'>): IgnoredParam['allowed'] {
	const nodes = params.nodes ?? 2;
	if (name === 'pods') return { kind: 'counts', nodes, routes: undefined };
	if (name === 'backends') {
		const routed = params.entry === 'ingress' || params.entry === 'gateway';
		return routed ? { kind: 'counts', nodes, routes: params.routes ?? 2 } : { kind: 'values', values: [] };
	}
	return { kind: 'values', values: allowedValues(params, name) };
}

/** The parameters of a URL query (`?entry=nodeport&nodes=3&pods=0,2,1`), every bad one dropped and reported. */
export function parseQuery(search: string): { state: ExplorerState; ignored: IgnoredParam[] } {
	const query = new URLSearchParams(search);
	const ignored: IgnoredParam[] = [];
	const seen = new Set<string>();
	let preset: PresetId | undefined;
	const given: Record<string, unknown> = {};
	const bad = (param: string, value: string) => ignored.push({ param, value, allowed: { kind: 'values', values: [] } });

	for (const [name, value] of query) {
		if (isSimulationParam(name)) continue;
		if (!isQueryParam(name)) {
			ignored.push({ param: name, value, allowed: { kind: 'unknown' } });
			continue;
		}
		// A parameter given twice: the first one counts, as `URLSearchParams.get` reads it.
		if (seen.has(name)) continue;
		seen.add(name);
		if (name === 'preset') {
			if (isPresetId(value)) preset = value;
			else ignored.push({ param: name, value, allowed: { kind: 'values', values: PRESET_IDS } });
		} else if (isChoice(name) || isNumberParam(name) || name === 'fail') {
			if (PARAM_DOMAINS[name].includes(value)) given[name] = isNumberParam(name) ? Number(value) : value;
			else bad(name, value);
		} else {
			// `pods`: counts per node; `backends`: one list of them per route, separated by `;`.
			const lists = (name === 'pods' ? [value] : value.split(';')).map(parseCounts);
			if (lists.every((list) => list !== undefined)) given[name] = name === 'pods' ? lists[0] : lists;
			else bad(name, value);
		}
	}
	const others = Object.keys(given).length > 0;
	// A preset alone opens exactly its atlas page; with other parameters it is their starting point.
	let params: Record<string, unknown> = { ...(preset ? PRESETS[preset].params : DEFAULT_PARAMS), ...given };
	if (!preset && given['entry'] !== undefined) params = { ...given };
	if (typeof params['entry'] !== 'string') params['entry'] = DEFAULT_PARAMS.entry;

	// A value of the right shape that does not fit the others: dropped, one at a time, the builder's words deciding.
	const settled = settle(params as unknown as ExposureParams);
	for (const name of settled.dropped) if (name in given) ignored.push({ param: name, value: writeValue(name, given[name]), allowed: { kind: 'values', values: [] } });
	params = settled.params as unknown as Record<string, unknown>;
	// Each ignored value is reported with what the parameter accepts next to the parameters kept.
	const kept = params as unknown as ExposureParams;
	const reported = ignored.map((entry): IgnoredParam =>
		entry.allowed.kind === 'values' && entry.param !== 'preset' && entry.param in PARAM_DOMAINS ? { ...entry, allowed: allowedFor(kept, entry.param as Exclude<QueryParam, 'preset'>) } : entry,
	);
	return { state: { preset: preset && !others ? preset : undefined, params: kept }, ignored: reported };
}

function writeValue(name: string, value: unknown): string {
	if (name === 'backends' && Array.isArray(value)) return value.map((list: unknown) => (Array.isArray(list) ? list.join(',') : String(list))).join(';');
	return Array.isArray(value) ? value.join(',') : String(value);
}

/** The query that reproduces a state: `?preset=<id>`, or every parameter the setup uses, in `QUERY_PARAMS` order. */
export function formatQuery(state: ExplorerState): string {
	if (state.preset) return `?preset=${state.preset}`;
	const params = state.params as unknown as Record<string, unknown>;
	// `affinity=none` is the API's own default and the builder's absence: a link leaves it out.
	const parts = QUERY_PARAMS.filter((name) => name !== 'preset' && params[name] !== undefined && !(name === 'affinity' && params[name] === 'none')).map(
		(name) => `${name}=${writeValue(name, params[name])}`,
	);
	return `?${parts.join('&')}`;
}

/**
 * The request simulation's parameters, after the setup's in a link: `requests` (1 to 10,000), `clients`
 * (1 to 100) and `seed`. A link with `requests` runs the simulation when the page opens; `clients` and
 * `seed` without it only fill the form. A bad value takes the default and is reported like the others.
 */
export const SIMULATION_PARAMS = ['requests', 'clients', 'seed'] as const satisfies readonly SimulationParamName[];
const SIMULATION_RANGES: Record<SimulationParamName, { readonly min: number; readonly max: number }> = {
	requests: { min: 1, max: MAX_REQUESTS },
	clients: { min: 1, max: MAX_CLIENTS },
	seed: { min: 0, max: MAX_SEED },
};
const isSimulationParam = (name: string): name is SimulationParamName => (SIMULATION_PARAMS as readonly string[]).includes(name);

export function parseSimulation(search: string): { simulation: SimulationParams; run: boolean; ignored: IgnoredParam[] } {
	const query = new URLSearchParams(search);
	const ignored: IgnoredParam[] = [];
	const values: Record<string, number> = { ...DEFAULT_SIMULATION };
	for (const name of SIMULATION_PARAMS) {
		const value = query.get(name);
		if (value === null) continue;
		const { min, max } = SIMULATION_RANGES[name];
		const number = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
		if (Number.isInteger(number) && number >= min && number <= max) values[name] = number;
		else ignored.push({ param: name, value, allowed: { kind: 'range', min, max } });
	}
	return { simulation: values as unknown as SimulationParams, run: query.has('requests'), ignored };
}

/** A setup's query with a simulation's parameters after it. */
export function withSimulation(query: string, simulation: SimulationParams | undefined): string {
	if (!simulation) return query;
	const parts = SIMULATION_PARAMS.map((name) => `${name}=${simulation[name]}`).join('&');
	return query === '?' || query === '' ? `?${parts}` : `${query}&${parts}`;
}
