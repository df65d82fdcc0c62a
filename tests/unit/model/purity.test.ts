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
});
