import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * src/model/ runs at build time and in the browser: it must not touch the DOM, Astro or d3-selection.
 * This stands in for a lint rule, with a message that says where and why.
 */
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const FORBIDDEN: [RegExp, string][] = [
	[/from ['"]astro(:[^'"]*)?['"]/, 'an Astro import'],
	[/from ['"]d3-selection['"]/, 'd3-selection (DOM)'],
	[/\b(document|window|HTMLElement|customElements|localStorage)\b/, 'a DOM global'],
	[/from ['"]node:/, 'a Node.js built-in'],
];

describe('src/model', () => {
	it.each(files('src/model').filter((f) => f.endsWith('.ts')))('%s is pure TypeScript', (file) => {
		const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
		for (const [pattern, what] of FORBIDDEN) expect(pattern.test(source), `${file} uses ${what}: move that code to src/diagram/ or src/components/.`).toBe(false);
	});

	/*
	 * The model decides, the locales word it: src/i18n/ imports the model, never the other way round
	 * (wording functions such as `stepsFor` and `comparisonRows` live in src/i18n/). Type-only imports
	 * count too: they are how a locale's shape leaks into the model.
	 */
	it.each(files('src/model').filter((f) => f.endsWith('.ts')))('%s imports nothing from src/i18n/', (file) => {
		const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
		const imports = [...source.matchAll(/(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
		const offending = imports.filter((specifier) => /(^|\/)i18n(\/|$)/.test(specifier));
		expect(offending, `${file} imports ${offending.join(', ')}: src/model/ must not depend on the locale tables. Compute the fact in src/model/ and word it in src/i18n/ instead.`).toEqual([]);
	});
});
