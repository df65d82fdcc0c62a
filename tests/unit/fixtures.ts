import type { Scenario } from '../../src/model/types.ts';

/** A deep, mutable copy of a scenario for tests that break or change one thing. */
export function copyOf(scenario: Scenario): Mutable<Scenario> {
	return structuredClone(scenario) as Mutable<Scenario>;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
