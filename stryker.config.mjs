// @ts-check
/*
 * Mutation testing of the model and the diagram (`npm run test:mutation`, not part of `npm test`):
 * Stryker changes one thing at a time in src/model/ and src/diagram/ (a condition, a string, an
 * operator) and runs the unit tests that cover it; a mutant the tests do not notice is a sentence of
 * the site no test checks. The run fails below 80 % of mutants killed.
 *
 * Not mutated:
 * - the scenario data tables (src/model/scenarios/*.ts): they are the facts themselves, not logic;
 *   a changed address there is a different scenario, which the tests check through what it produces;
 * - src/diagram/island.ts: the custom element extends `HTMLElement` at module load and reads
 *   `window.matchMedia`, so it cannot even be imported under Vitest's `node` environment (no DOM
 *   library is a dependency); the browser tests (tests/e2e/) exercise it instead.
 *
 * One run per file while working: `npx stryker run --mutate src/model/resolve.ts`. The incremental
 * file (git-ignored, under reports/) lets a second run re-test only the mutants whose code or tests
 * changed; `npx stryker run --force` ignores it.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	// The Vitest runner, wrapped so that it selects tests by name under Vitest 5 (see that file).
	plugins: ['./scripts/stryker-vitest5.mjs'],
	// Vitest's default isolation (a fresh module graph per test file) is needed: a mutant in a module-level
	// constant is only active when the module loads again, and without isolation it never does.
	vitest: { configFile: 'vitest.config.ts', related: true },
	mutate: ['src/model/**/*.ts', 'src/diagram/**/*.ts', '!src/**/*.d.ts', '!src/model/scenarios/*.ts', '!src/diagram/island.ts'],
	coverageAnalysis: 'perTest',
	// The machine is shared by several engineers: two test processes at most.
	concurrency: 2,
	incremental: true,
	incrementalFile: 'reports/stryker-incremental.json',
	// The score table and each surviving mutant on the terminal; the whole report in reports/mutation/.
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: true, reportScoreTable: true },
	thresholds: { high: 90, low: 80, break: 80 },
	tempDirName: '.stryker-tmp',
	cleanTempDir: true,
};
