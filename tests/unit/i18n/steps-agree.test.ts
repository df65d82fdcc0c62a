import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.ts';
import { stepsFor } from '../../../src/i18n/steps.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { splitInlineCode } from '../../../src/model/text.ts';

/*
 * FR and EN word the same facts: every step names the same literal values (addresses, ports, names,
 * fields, between backticks) in every language, so a fact said in one locale cannot be missing from
 * the other. The wording around them is free.
 */
const literals = (text: string) =>
	splitInlineCode(text)
		.filter((run) => run.code)
		.map((run) => run.text)
		.sort();

describe('every locale names the same values in each step', () => {
	it.each(SCENARIO_IDS)('`%s`', (id) => {
		const [first, ...others] = LOCALES.map((locale) => ({ locale, steps: stepsFor(scenarios[id], locale) }));
		for (const other of others)
			first!.steps.forEach((step, index) => {
				const theirs = other.steps[index]!;
				expect(literals(theirs.title + ' ' + theirs.body), `step #${step.id} of \`${id}\`: ${other.locale} and ${first!.locale} name different values`).toEqual(
					literals(step.title + ' ' + step.body),
				);
			});
	});
});
