import type { Scenario } from '../../src/model/types.ts';

/** A deep, mutable copy of a scenario for tests that break or change one thing. */
export function copyOf(scenario: Scenario): Mutable<Scenario> {
	return structuredClone(scenario) as Mutable<Scenario>;
}

/** Deeply writable, through arrays and optional objects alike. */
export type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
