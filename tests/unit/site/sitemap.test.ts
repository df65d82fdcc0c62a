import { describe, expect, it } from 'vitest';
import { sitemapAlternates } from '../../../src/site/sitemap.ts';

const SITE = 'https://kube-paths.example.org';
/** What @astrojs/sitemap's i18n option produced before the fix. */
const asGenerated = (path: string) => ({
	url: `${SITE}${path}`,
	links: [
		{ lang: 'en', url: `${SITE}/` },
		{ lang: 'en', url: `${SITE}/en/` },
		{ lang: 'fr', url: `${SITE}/fr/` },
	],
});

describe('sitemapAlternates', () => {
	it('gives the language chooser at / the alternates its own head declares', () => {
		expect(sitemapAlternates(asGenerated('/')).links).toEqual([
			{ lang: 'en', url: `${SITE}/en/` },
			{ lang: 'fr', url: `${SITE}/fr/` },
			{ lang: 'x-default', url: `${SITE}/` },
		]);
	});

	it('no longer offers / as the English version of a home page', () => {
		for (const home of ['/en/', '/fr/']) {
			expect(sitemapAlternates(asGenerated(home)).links).toEqual([
				{ lang: 'en', url: `${SITE}/en/` },
				{ lang: 'fr', url: `${SITE}/fr/` },
			]);
		}
	});

	it('leaves any other page as it is', () => {
		const page = {
			url: `${SITE}/fr/exposure/nodeport/`,
			links: [
				{ lang: 'en', url: `${SITE}/en/exposure/nodeport/` },
				{ lang: 'fr', url: `${SITE}/fr/exposure/nodeport/` },
			],
		};
		expect(sitemapAlternates(page)).toEqual(page);
		expect(sitemapAlternates({ url: `${SITE}/en/glossary/` })).toEqual({ url: `${SITE}/en/glossary/` });
	});
});
