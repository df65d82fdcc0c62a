import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The boundary of src/model/ is an ESLint rule (eslint.config.js, run by `npm run lint`); this checks
 * that the rule is there and bites, on code that breaks it, so a config edit cannot drop it silently.
 */
const eslint = new ESLint();
// Loading the config and the TypeScript parser takes seconds on a busy machine: once, before the cases.
beforeAll(() => eslint.lintText('export {};\n', { filePath: 'src/model/probe.ts' }), 60_000);
const rulesHit = async (filePath: string, code: string) => (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => `${m.ruleId}: ${m.message}`);

describe('src/model imports no DOM, Astro, d3-selection, Node.js built-in or locale table', () => {
	it.each([
		["import { select } from 'd3-selection';", /no-restricted-imports: 'd3-selection'/],
		["import type { AstroGlobal } from 'astro';", /no-restricted-imports: 'astro'/],
		["import { readFileSync } from 'node:fs';", /no-restricted-imports: 'node:fs'/],
		["import { t } from '../i18n/index.ts';", /no-restricted-imports: '\.\.\/i18n\/index\.ts'/],
		['export const title = () => document.title;', /no-restricted-globals: Unexpected use of 'document'/],
	])('%s is reported in src/model/', async (code, expected) => {
		const messages = await rulesHit('src/model/probe.ts', `${code}\nexport {};\n`);
		expect(messages.join('\n')).toMatch(expected);
	});

	it('no file of src/model is an exception: the wording modules live in src/i18n', async () => {
		for (const filePath of ['src/model/compare.ts', 'src/model/validate.ts', 'src/model/resolve.ts']) {
			expect((await rulesHit(filePath, "import { t } from '../i18n/index.ts';\nexport { t };\n")).join('\n'), filePath).toMatch(/no-restricted-imports: '\.\.\/i18n\/index\.ts'/);
		}
	});

	it('outside src/model the same imports are allowed', async () => {
		expect(await rulesHit('src/diagram/probe.ts', "import { select } from 'd3-selection';\nexport { select };\n")).toEqual([]);
	});
});

describe('src/diagram imports no locale table: its caller hands it the words', () => {
	it.each(['src/diagram/probe.ts', 'src/diagram/layout.ts', 'src/diagram/render.ts', 'src/diagram/island.ts'])('an import of src/i18n is reported in %s, naming the way out', async (filePath) => {
		for (const code of ["import { messages } from '../i18n/index.ts';", "import { stepsFor } from '../i18n/steps.ts';"]) {
			const messages = (await rulesHit(filePath, `${code}\nexport {};\n`)).join('\n');
			expect(messages, `${filePath}: ${code}`).toMatch(/no-restricted-imports: '\.\.\/i18n\/(index|steps)\.ts'.*labels argument/);
		}
	});

	it('the model stays importable from src/diagram, and src/components may import both', async () => {
		expect(await rulesHit('src/diagram/probe.ts', "import { hopId } from '../model/resolve.ts';\nexport { hopId };\n")).toEqual([]);
		expect(await rulesHit('src/components/probe.ts', "import { messages } from '../i18n/index.ts';\nexport { messages };\n")).toEqual([]);
	});
});
