/*
 * Parameter sets drawn over the builder's whole space, shared by the property tests (the builder's,
 * the simulation's).
 */
import fc from 'fast-check';
import { AFFINITIES, ENTRIES, FRONTS, LB_MODES, LB_TARGETS, TLS_MODES, TRAFFIC_POLICIES, paramProblems, type ExposureParams } from '../../../src/model/params.ts';

/** Parameter sets, mostly well formed (counts of the right length), with each optional parameter present or not. */
export const params: fc.Arbitrary<ExposureParams> = fc.integer({ min: 1, max: 5 }).chain((nodes) => {
	const counts = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: nodes, maxLength: nodes });
	return fc.integer({ min: 1, max: 3 }).chain((routes) =>
		fc.record(
			{
				entry: fc.constantFrom(...ENTRIES),
				front: fc.constantFrom(...FRONTS),
				nodes: fc.constant(nodes),
				pods: counts,
				backends: fc.array(counts, { minLength: routes, maxLength: routes }),
				via: fc.integer({ min: 1, max: nodes }),
				pick: fc.integer({ min: 1, max: nodes }),
				etp: fc.constantFrom(...TRAFFIC_POLICIES),
				lb: fc.constantFrom(...LB_MODES),
				targets: fc.constantFrom(...LB_TARGETS),
				tls: fc.constantFrom(...TLS_MODES),
				routes: fc.constant(routes),
				affinity: fc.constantFrom(...AFFINITIES),
			},
			{ requiredKeys: ['entry'] },
		),
	);
});

/**
 * Accepted sets, spread over every entry: a drawn set with each parameter the validation names dropped
 * until none is left (so `Local`, `pick`, `via`, TLS and the load balancer's modes all stay in play).
 */
export const accepted: fc.Arbitrary<ExposureParams> = params.map((p) => {
	let current: Record<string, unknown> = { ...p };
	for (let pass = 0; pass < 8; pass++) {
		const problems = paramProblems(current as unknown as ExposureParams);
		if (problems.length === 0) break;
		for (const problem of problems) delete current[problem.param];
		current = { entry: p.entry, ...current };
	}
	return current as unknown as ExposureParams;
});
