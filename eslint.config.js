// @ts-check
/*
 * ESLint for the TypeScript, the .mjs scripts and the Astro components (`npm run lint`, part of
 * `npm test`). The recommended sets of ESLint, typescript-eslint and eslint-plugin-astro, plus the
 * boundary of src/model/: it runs at build time and in the browser, so it imports no DOM, no Astro, no
 * d3-selection, no Node.js built-in, and no locale table (decisions about the network live in the model,
 * words in src/i18n, and the words depend on the model, not the other way round).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What src/model/ may not import, and why (the message names the way out). */
const MODEL_IMPORTS = [
	{ group: ['astro', 'astro:*', 'astro/*'], message: 'src/model is pure TypeScript: Astro belongs in src/components/.' },
	{ group: ['d3-selection'], message: 'src/model runs without a DOM: d3-selection belongs in src/diagram/.' },
	{ group: ['node:*'], message: 'src/model also runs in the browser: no Node.js built-ins.' },
];
const NO_I18N = { group: ['**/i18n', '**/i18n/*'], message: 'src/model decides, src/i18n words: the model must not import a locale table.' };
const DOM_GLOBALS = ['document', 'window', 'HTMLElement', 'customElements', 'localStorage'].map((name) => ({
	name,
	message: 'src/model runs at build time too: no DOM. Move that code to src/diagram/ or src/components/.',
}));

export default defineConfig(
	{ ignores: ['dist/', 'node_modules/', '.astro/', 'test-results/', 'playwright-report/', 'bench-results/', '.stryker-tmp/', 'reports/'] },
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			// `_name` marks a value destructured away on purpose (playwright.nginx.config.ts).
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// `a && b;` and `c ? d() : e();` as statements are the house style of the scripts and islands.
			'@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
			// French typography: the locale tables hold real U+00A0 / U+202F before « : ; ? ! » and inside « ».
			'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
			// The browser tests match recorded text in which two spaces are two spaces.
			'no-regex-spaces': 'off',
		},
	},
	{
		// Tests build broken and hostile objects on purpose (a manifest with a wrong field, a locale table with a hole).
		files: ['tests/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	{
		files: ['src/model/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': ['error', { patterns: [...MODEL_IMPORTS, NO_I18N] }],
			'no-restricted-globals': ['error', ...DOM_GLOBALS],
		},
	},
);
