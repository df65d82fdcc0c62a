import { expect, it } from 'vitest';
import { LOCALES, otherLocales } from '../../src/i18n/index.ts';
import { localeOfPath, localizedPath } from '../../src/i18n/paths.ts';
import { SITE } from '../e2e/helpers.ts';
import { BUILT_PAGES, useServedBuild } from './dist.ts';

/*
 * Both languages, page for page, from the built files: every page has its twin, and the
 * language-neutral root points search engines to every language. What each page shows in its own
 * language, in the browser: tests/e2e/page-gates.spec.ts.
 */

const PAGES = BUILT_PAGES;
const site = useServedBuild();

/** The source of a page: `/fr/exposure/nodeport/` → content/docs/fr/exposure/nodeport.mdx, `/fr/` → content/docs/fr/index.mdx. */
const sourceOf = (path: string) => `content/docs${path.replace(/\/$/, '')}${/^\/[^/]+\/$/.test(path) ? '/index' : ''}.mdx`;

it('every page of the sitemap has its twin in the other language', () => {
	const listed = new Set(PAGES);
	const missing: string[] = [];
	for (const path of PAGES) {
		const locale = localeOfPath(path);
		if (!locale) continue;
		for (const other of otherLocales(locale)) {
			const twin = localizedPath(path, other);
			if (!listed.has(twin)) missing.push(`${path} has no ${other} twin: add ${sourceOf(twin)} (same path as ${sourceOf(path)}).`);
		}
	}
	expect(missing, missing.join('\n')).toEqual([]);
});

for (const path of PAGES.filter((p) => !localeOfPath(p))) {
	it(`${path}: the language-neutral root names every language and itself as the default`, async () => {
		const failures: string[] = [];
		const response = await site.get(path);
		expect(response.status, `${path}: HTTP status`).toBe(200);
		const html = await response.text();
		for (const code of [...LOCALES, 'x-default']) {
			const href = new RegExp(`<link[^>]*rel="alternate"[^>]*hreflang="${code}"[^>]*href="([^"]*)"`).exec(html)?.[1];
			const expected = code === 'x-default' ? `${SITE}/` : `${SITE}/${code}/`;
			if (href !== expected) failures.push(`${path}: <link rel="alternate" hreflang="${code}"> is ${href ?? 'missing'}, expected ${expected} (src/pages/root.astro).`);
		}
		expect(failures, failures.join('\n')).toEqual([]);
	});
}
