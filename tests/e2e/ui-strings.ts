import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messages, type Locale } from '../../src/i18n/index.ts';

/*
 * The UI strings a page shows in its chrome, per language, from their sources: Starlight's built-in
 * translations (with the project's overrides in content/i18n/<lang>.json, if any), expressive-code's
 * English defaults (Starlight ships no English expressive-code strings), and our own tables in src/i18n.
 */

/** Starlight's `dist/` folder, wherever the package manager put it. */
const STARLIGHT_DIST = dirname(fileURLToPath(import.meta.resolve('@astrojs/starlight')));

/** expressive-code's own English strings, used when Starlight's table has none. */
const EXPRESSIVE_CODE_DEFAULTS: Record<string, string> = {
	'expressiveCode.copyButtonTooltip': 'Copy to clipboard',
	'expressiveCode.copyButtonCopied': 'Copied!',
	'expressiveCode.terminalWindowFallbackTitle': 'Terminal window',
};

/** Starlight's own table for one language: `dist/translations/<lang>.js` is one JSON object in a module. */
export function starlightBuiltIn(locale: Locale): Record<string, string> {
	const file = join(STARLIGHT_DIST, 'translations', `${locale}.js`);
	const source = readFileSync(file, 'utf8');
	const json = /=\s*(\{[\s\S]*?\});/.exec(source)?.[1];
	if (!json) throw new Error(`${file}: no translation object found; Starlight changed how it ships translations, update tests/e2e/ui-strings.ts.`);
	return JSON.parse(json) as Record<string, string>;
}

/** The project's corrections to that table (content/i18n/<lang>.json, Starlight's i18n collection), if any. */
export function starlightOverrides(locale: Locale): Record<string, string> {
	const overrides = new URL(`../../content/i18n/${locale}.json`, import.meta.url);
	return existsSync(overrides) ? (JSON.parse(readFileSync(overrides, 'utf8')) as Record<string, string>) : {};
}

/** The strings a page shows: expressive-code's English defaults, Starlight's table, the corrections. */
function starlightTable(locale: Locale): Record<string, string> {
	return { ...(locale === 'en' ? EXPRESSIVE_CODE_DEFAULTS : {}), ...starlightBuiltIn(locale), ...starlightOverrides(locale) };
}

export const STARLIGHT: Record<Locale, Record<string, string>> = { en: starlightTable('en'), fr: starlightTable('fr') };

/** Every fixed UI string of a language: Starlight's, expressive-code's and ours (diagram controls, node and zone names). */
export function uiStrings(locale: Locale): string[] {
	const ours = messages[locale];
	const values = [
		...Object.values(STARLIGHT[locale]),
		...Object.values(ours.ui).filter((v): v is string => typeof v === 'string'),
		...Object.values(ours.node),
		...Object.values(ours.zone),
		ours.diagram.noAddress,
	];
	// `Section titled “{{title}}”`: keep the fixed part before the placeholder.
	return [...new Set(values.map((v) => v.split('{{')[0]!.trim()).filter((v) => v.length >= 3))];
}

/** The other language's UI strings that this language does not also use (so `Pause` or `Service` never count). */
export function foreignUiStrings(locale: Locale, other: Locale): string[] {
	const own = new Set(uiStrings(locale).map((s) => s.toLowerCase()));
	return uiStrings(other).filter((s) => !own.has(s.toLowerCase()));
}
