import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLocale, LOCALES } from '../../../src/i18n/index.ts';
import { starlightBuiltIn, starlightOverrides } from '../../e2e/ui-strings.ts';

/*
 * content/i18n/<lang>.json corrects Starlight's own UI strings (its i18n collection, content.config.ts).
 * A misspelt key would be silently ignored, so every key must be one Starlight has.
 */
const FILES = readdirSync(new URL('../../../content/i18n/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe('corrections to Starlight’s UI strings', () => {
	const known = Object.keys(starlightBuiltIn('en'));

	it('are for the site’s languages, with keys Starlight knows', () => {
		expect(FILES.length).toBeGreaterThan(0);
		for (const file of FILES) {
			const locale = file.replace(/\.json$/, '');
			expect(LOCALES as readonly string[], `content/i18n/${file}: not a language of the site`).toContain(locale);
			if (!isLocale(locale)) continue;
			for (const key of Object.keys(starlightOverrides(locale))) expect(known, `content/i18n/${file}: "${key}" is not one of Starlight's UI string keys`).toContain(key);
		}
	});

	it('French: every « Sélectionner » has its accent', () => {
		const fr = { ...starlightBuiltIn('fr'), ...starlightOverrides('fr') };
		expect(Object.entries(fr).filter(([, text]) => /\bSelection/.test(text))).toEqual([]);
	});
});
