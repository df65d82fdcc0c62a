/*
 * Stryker's Vitest runner (9.6.1), made to select tests by name under Vitest 5. Loaded by
 * stryker.config.mjs in place of the plain runner, under the same name (`vitest`) and options.
 *
 * With per-test coverage, the runner runs for each mutant only the tests that reached it, by setting
 * Vitest's `testNamePattern` to their names. It writes a name as the describe chain and the test joined
 * by spaces (`sourcesAlong a NodePort …`); Vitest 5 matches the pattern against the chain joined by
 * ` > ` (its migration guide: "testNamePattern matches full chain with `>`"). Every test inside a
 * `describe` is then skipped, the mutant "survives" with zero tests run, and the score means nothing.
 * Known upstream: stryker-mutator/stryker-js#6210, fix proposed in #6214. Until a release has it, this
 * wrapper lets each space of the pattern match ` > ` too. That can only select more tests, never fewer:
 * a name that really holds ` > ` where the pattern has a space is a test that runs for nothing.
 * Remove this file (and `plugins` in the config) once the runner handles Vitest 5 itself.
 */
import { strykerPlugins as vitestPlugins, strykerValidationSchema } from '@stryker-mutator/vitest-runner';

const vitest = vitestPlugins.find((plugin) => plugin.name === 'vitest');
if (!vitest) throw new Error('scripts/stryker-vitest5.mjs: @stryker-mutator/vitest-runner no longer declares a `vitest` test runner. Remove this wrapper from stryker.config.mjs.');

/** The runner's pattern, each space also matching Vitest 5's ` > ` between a describe and its test. */
const widen = (pattern) => (pattern instanceof RegExp ? new RegExp(pattern.source.replaceAll(' ', '(?: | > )'), pattern.flags) : pattern);

function createRunner(injector) {
	const runner = vitest.factory(injector);
	const init = runner.init.bind(runner);
	runner.init = async () => {
		await init();
		// `ctx` is the runner's Vitest instance; it sets `testNamePattern` on each project's config before each run.
		for (const project of runner.ctx.projects) {
			let pattern = widen(project.config.testNamePattern);
			Object.defineProperty(project.config, 'testNamePattern', {
				configurable: true,
				enumerable: true,
				get: () => pattern,
				set: (value) => {
					pattern = widen(value);
				},
			});
		}
	};
	return runner;
}
createRunner.inject = vitest.factory.inject;

export const strykerPlugins = [{ ...vitest, factory: createRunner }];
export { strykerValidationSchema };
