import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.ts';

/*
 * content/i18n/<lang>.json corrects Starlight's own UI strings (its i18n collection, content.config.ts).
 * A misspelt key would be silently ignored, so every key must be one Starlight has.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = join(ROOT, 'content/i18n');
const STARLIGHT_DIST = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));

function starlightTable(lang: string): Record<string, string> {
	const source = readFileSync(join(STARLIGHT_DIST, 'translations', `${lang}.js`), 'utf8');
	const json = /=\s*(\{[\s\S]*?\});/.exec(source)?.[1];
	if (!json) throw new Error(`Starlight's translations/${lang}.js: no translation object found; update this test.`);
	return JSON.parse(json) as Record<string, string>;
}

describe('corrections to Starlight’s UI strings', () => {
	const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
	const known = Object.keys(starlightTable('en'));

	it('are for the site’s languages, with keys Starlight knows', () => {
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			expect(LOCALES as readonly string[], `content/i18n/${file}: not a language of the site`).toContain(file.replace(/\.json$/, ''));
			const overrides = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, string>;
			for (const key of Object.keys(overrides)) expect(known, `content/i18n/${file}: "${key}" is not one of Starlight's UI string keys`).toContain(key);
		}
	});

	it('French: every « Sélectionner » has its accent', () => {
		const fr = { ...starlightTable('fr'), ...(JSON.parse(readFileSync(join(DIR, 'fr.json'), 'utf8')) as Record<string, string>) };
		expect(Object.entries(fr).filter(([, text]) => /\bSelection/.test(text))).toEqual([]);
	});
});
