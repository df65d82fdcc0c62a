import { describe, expect, it } from 'vitest';
import { otherLocales } from '../../src/i18n/index.ts';
import { localeOfPath, localizedPath } from '../../src/i18n/paths.ts';
import { decodeAttribute, decodeText } from '../../src/site/html-entities.ts';
import { SITE } from '../e2e/helpers.ts';
import { BUILT_PAGES, useServedBuild } from './dist.ts';

/*
 * Links of the built site, crawled from every page of the sitemap (starlight-links-validator checks the
 * Markdown at build time; this checks what was really rendered, components and diagrams included), as
 * the browser tests' static server serves it (scripts/serve.mjs: its redirects and 404s):
 * - every internal `<a href>` answers (no 404), and its `#fragment` names an element of the target page;
 * - a page links only to pages in its own language, except the language switch (`hreflang`) and `/`.
 * Links are all rendered at build time; none is added by a script (so no browser is needed).
 */

const site = useServedBuild();

interface Target {
	status: number;
	ids: Set<string>;
}

/** One request per URL, whichever page links to it. */
const targets = new Map<string, Promise<Target>>();
function fetchTarget(url: string): Promise<Target> {
	let target = targets.get(url);
	if (!target) {
		target = (async () => {
			// fetch follows redirects (a folder without its slash), as the browser does.
			const response = await fetch(url);
			const type = response.headers.get('content-type') ?? '';
			const body = type.includes('html') ? await response.text() : '';
			// Every id in the served HTML (heading anchors, `_top`, diagram step `<li id>`): `&amp;`-style entities decoded.
			const ids = new Set([...body.matchAll(/\sid=(?:"([^"]*)"|'([^']*)')/g)].map((m) => decodeAttribute(m[1] ?? m[2] ?? '')));
			return { status: response.status, ids };
		})();
		targets.set(url, target);
	}
	return target;
}

/** Every `<a href>` of a served page, from its HTML. */
async function linksOf(origin: string, path: string) {
	const response = await site.get(path);
	expect(response.status, `${path}: HTTP status`).toBe(200);
	const html = (await response.text()).replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, (block) => (block.startsWith('<template') ? block.replace(/^<template[^>]*>|<\/template>$/g, '') : ''));
	const attr = (tag: string, name: string) => {
		const value = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
			.exec(tag)
			?.slice(1)
			.find((v) => v !== undefined);
		return value === undefined ? null : decodeAttribute(value);
	};
	return [...html.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)]
		.map((m) => ({ tag: m[0].slice(0, m[0].indexOf('>') + 1), inner: m[1] ?? '' }))
		.filter(({ tag }) => attr(tag, 'href') !== null)
		.map(({ tag, inner }) => {
			const raw = attr(tag, 'href')!;
			return {
				raw,
				href: new URL(raw, `${origin}${path}`).href,
				hreflang: attr(tag, 'hreflang'),
				text: decodeText(inner.replace(/<[^>]+>/g, ' '))
					.trim()
					.replace(/\s+/g, ' ')
					.slice(0, 60),
			};
		});
}

describe('every internal link and anchor resolves, in the page’s language', () => {
	for (const path of BUILT_PAGES) {
		it(`${path}`, async () => {
			const origin = site.origin;
			const links = await linksOf(origin, path);
			expect(links.length, `${path}: no link found on the page`).toBeGreaterThan(0);

			const locale = localeOfPath(path);
			const failures: string[] = [];
			for (const link of links) {
				let url = new URL(link.href);
				// An absolute link to the production site is internal too: check it on the served copy.
				if (url.origin === new URL(SITE).origin) url = new URL(`${url.pathname}${url.search}${url.hash}`, origin);
				if (url.origin !== origin) continue;
				const where = `${path}: link “${link.text}” → ${link.raw}`;
				const target = await fetchTarget(`${url.origin}${url.pathname}${url.search}`);
				if (target.status !== 200) {
					failures.push(`${where}: HTTP ${target.status}. Fix the link (pages end with a slash: /${locale ?? 'en'}/section/page/) or add the page.`);
					continue;
				}
				if (url.hash.length > 1) {
					const id = decodeURIComponent(url.hash.slice(1));
					if (!target.ids.has(id)) failures.push(`${where}: ${url.pathname} has no element with id="${id}". Use an existing heading anchor ({#id}) or diagram step id.`);
				}
				// (c) no link across languages, except the language switch (hreflang) and the language-neutral root.
				const targetLocale = localeOfPath(url.pathname);
				if (locale && targetLocale && targetLocale !== locale && link.hreflang !== targetLocale) {
					failures.push(
						`${where}: a ${locale} page links to a ${targetLocale} page${link.hreflang ? ` with hreflang="${link.hreflang}"` : ''}. ` +
							`Link to ${localizedPath(url.pathname, locale)} instead, or mark a language switch with hreflang="${targetLocale}".`,
					);
				}
			}
			expect(failures, failures.join('\n')).toEqual([]);
		});
	}
});

it('the language switch of every page goes to its twin', async () => {
	const failures: string[] = [];
	for (const path of BUILT_PAGES) {
		const locale = localeOfPath(path);
		if (!locale) continue;
		const html = await (await site.get(path)).text();
		for (const other of otherLocales(locale)) {
			const twin = localizedPath(path, other);
			const switches = [...html.matchAll(/<a\b[^>]*\bhreflang="([^"]+)"[^>]*>/g)].filter((m) => m[1] === other).map((m) => /\bhref="([^"]*)"/.exec(m[0])?.[1]);
			if (switches.length === 0) failures.push(`${path}: no link with hreflang="${other}" (the language switch, src/components/LanguageLinks.astro).`);
			for (const href of switches) if (href !== twin) failures.push(`${path}: the ${other} switch goes to ${href}, not to its twin ${twin}.`);
		}
	}
	expect(failures, failures.join('\n')).toEqual([]);
});
