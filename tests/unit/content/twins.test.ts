import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.ts';
import { SCENARIO_IDS, scenarios } from '../../../src/model/scenarios/index.ts';
import { filesUnder } from '../../../src/site/files.ts';
import { ALL_SLUGS } from '../../../src/site/pages.ts';

const ROOT = 'content/docs';
const pagesOf = (locale: string): string[] => filesUnder(join(ROOT, locale)).filter((file) => /\.mdx?$/.test(file));
const anchors = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^#{2,3} .*\{#([a-z0-9-]+)\}\s*$/gm)].map((m) => m[1]);
const components = (file: string) => [...readFileSync(file, 'utf8').matchAll(/<(Diagram|Manifest|TryIt|Comparison|DecisionGuide|LearningPath)\b[^>]*\/>/g)].map((m) => m[0]);

describe('the two languages', () => {
	const [first, ...others] = LOCALES;

	it.each(others)(`have the same pages in ${first} and %s (a missing twin is named)`, (other) => {
		const a = pagesOf(first);
		const b = pagesOf(other);
		const missing = [...a.filter((p) => !b.includes(p)).map((p) => `${ROOT}/${other}/${p} (twin of ${ROOT}/${first}/${p})`), ...b.filter((p) => !a.includes(p)).map((p) => `${ROOT}/${first}/${p} (twin of ${ROOT}/${other}/${p})`)];
		expect(missing, `Missing twins: write ${missing.join(', ')}`).toEqual([]);
	});

	it.each(pagesOf(first))('give %s the same section anchors and the same generated parts in every language', (page) => {
		for (const other of others) {
			expect(anchors(join(ROOT, other, page)), `${ROOT}/${other}/${page}: anchors differ from ${ROOT}/${first}/${page}`).toEqual(anchors(join(ROOT, first, page)));
			expect(components(join(ROOT, other, page)), `${ROOT}/${other}/${page}: components differ from ${ROOT}/${first}/${page}`).toEqual(components(join(ROOT, first, page)));
		}
	});

	it('have a page for every slug of the site structure and every scenario', () => {
		for (const locale of LOCALES) {
			const pages = pagesOf(locale).map((p) => p.replace(/(^|\/)index\.mdx?$/, '').replace(/\.mdx?$/, ''));
			for (const slug of ALL_SLUGS) expect(pages, `content/docs/${locale}/${slug || 'index'}.mdx is missing`).toContain(slug);
			for (const id of SCENARIO_IDS) {
				const slug = `${scenarios[id].section}/${id}`;
				expect(pages, `scenario \`${id}\` has no page content/docs/${locale}/${slug}.mdx`).toContain(slug);
				expect(readFileSync(join(ROOT, locale, `${slug}.mdx`), 'utf8'), `${slug}.mdx (${locale}) does not draw its scenario`).toContain(`<Diagram scenario="${id}" />`);
			}
		}
	});
});
