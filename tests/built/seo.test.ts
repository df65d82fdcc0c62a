import { expect, it } from 'vitest';
import { decodeAttribute, decodeText } from '../../src/site/html-entities.ts';
import { builtHtmlPaths, SITE } from '../e2e/helpers.ts';
import { BUILT_PAGES, DIST_DIR, useServedBuild } from './dist.ts';

/*
 * Search-engine basics, from the built HTML as the static server serves it (tests/built/dist.ts): a title and a description on every page, unique within
 * its language; a canonical URL that is the page's own on the configured `site`; and a sitemap that
 * lists every built page (the 404 pages excepted) and nothing else.
 */

const PAGES = BUILT_PAGES;
const site = useServedBuild();
const IS_404 = (path: string) => /(^|\/)404(\.html|\/)$/.test(path);

interface Head {
	lang: string;
	title: string;
	description: string | undefined;
	canonicals: string[];
	/** `<link rel="alternate" hreflang>` as `lang url`. */
	alternates: string[];
}

async function head(path: string): Promise<Head> {
	const response = await site.get(path);
	expect(response.status, `${path}: HTTP status`).toBe(200);
	const html = await response.text();
	const headHtml = html.slice(0, html.search(/<\/head>/i) + 1 || undefined);
	const attr = (tag: string, name: string) =>
		new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`)
			.exec(tag)
			?.slice(1)
			.find((v) => v !== undefined);
	const metas = [...headHtml.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
	const description = metas.find((m) => attr(m, 'name') === 'description');
	const links = [...headHtml.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
	return {
		lang: attr(/<html\b[^>]*>/i.exec(html)?.[0] ?? '', 'lang') ?? '',
		title: decodeText(/<title>([\s\S]*?)<\/title>/i.exec(headHtml)?.[1] ?? '').trim(),
		description: description === undefined ? undefined : decodeAttribute(attr(description, 'content') ?? '').trim(),
		canonicals: links.filter((l) => attr(l, 'rel') === 'canonical').map((l) => decodeAttribute(attr(l, 'href') ?? '')),
		alternates: links.filter((l) => attr(l, 'rel') === 'alternate' && attr(l, 'hreflang')).map((l) => `${attr(l, 'hreflang')} ${decodeAttribute(attr(l, 'href') ?? '')}`),
	};
}

for (const path of PAGES) {
	it(`${path} has a title, a description and its own canonical URL`, async () => {
		const h = await head(path);
		const failures: string[] = [];
		if (!h.title) failures.push(`${path}: empty or missing <title>: give the page a \`title\` in its frontmatter.`);
		if (!h.description) failures.push(`${path}: empty or missing <meta name="description">: give the page a \`description\` in its frontmatter.`);
		const expected = `${SITE}${path}`;
		if (h.canonicals.length !== 1 || h.canonicals[0] !== expected) {
			failures.push(`${path}: <link rel="canonical"> is ${h.canonicals.join(', ') || 'missing'}, expected exactly one, ${expected} (the page's own URL on \`site\` in astro.config.mjs).`);
		}
		expect(failures, failures.join('\n')).toEqual([]);
	});
}

it('titles and descriptions are unique within each language', async () => {
	const heads = await Promise.all(PAGES.map(async (path) => ({ path, ...(await head(path)) })));
	const failures: string[] = [];
	for (const field of ['title', 'description'] as const) {
		const groups = new Map<string, string[]>();
		for (const h of heads) {
			const value = h[field];
			if (!value) continue;
			const key = `${h.lang}\u0000${value}`;
			groups.set(key, [...(groups.get(key) ?? []), h.path]);
		}
		for (const [key, paths] of groups) {
			if (paths.length > 1) {
				const [lang, value] = key.split('\u0000');
				failures.push(`${paths.join(', ')} share the same ${lang} ${field} “${value}”: make each page's \`${field}\` (frontmatter) say what is on that page.`);
			}
		}
	}
	expect(failures, failures.join('\n')).toEqual([]);
});

it('the sitemap’s language alternates are those each page declares', async () => {
	const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!);
	const files = locs(await (await site.get('/sitemap-index.xml')).text()).map((url) => new URL(url).pathname);
	const failures: string[] = [];
	for (const file of files) {
		for (const [, entry] of (await (await site.get(file)).text()).matchAll(/<url>([\s\S]*?)<\/url>/g)) {
			const path = new URL(locs(entry!)[0]!).pathname;
			const listed = [...entry!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
			const declared = (await head(path)).alternates;
			// Starlight's pages also declare an x-default the sitemap does not repeat; every listed one must be declared.
			const undeclared = listed.filter((alternate) => !declared.includes(alternate));
			if (undeclared.length) failures.push(`${file}, ${path}: the sitemap lists ${undeclared.join(', ')}, the page declares ${declared.join(', ')} (src/site/sitemap.ts).`);
			for (const lang of new Set(listed.map((a) => a.split(' ')[0]))) {
				if (listed.filter((a) => a.startsWith(`${lang} `)).length > 1) failures.push(`${file}, ${path}: more than one ${lang} alternate.`);
			}
		}
	}
	expect(failures, failures.join('\n')).toEqual([]);
});

it('the sitemap lists every built page except 404, and only those', () => {
	const built = builtHtmlPaths(DIST_DIR).filter((path) => !IS_404(path));
	const listed = new Set(PAGES);
	const missing = built.filter((path) => !listed.has(path));
	const extra = PAGES.filter((path) => !built.includes(path));
	const failures = [
		...missing.map((path) => `${path} is built (${DIST_DIR}) but not in the sitemap: is it excluded by a sitemap filter, or a draft?`),
		...extra.map((path) => `${path} is in the sitemap but no ${DIST_DIR}${path}index.html was built.`),
		...PAGES.filter(IS_404).map((path) => `${path}: a 404 page is in the sitemap.`),
	];
	expect(failures, failures.join('\n')).toEqual([]);
});
