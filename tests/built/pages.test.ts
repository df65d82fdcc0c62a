import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { LOCALES, messages } from '../../src/i18n/index.ts';
import { comparisonRows } from '../../src/i18n/compare.ts';
import { decodeAttribute, decodeText } from '../../src/site/html-entities.ts';
import { ALL_SLUGS, pageHref } from '../../src/site/pages.ts';
import { SITE } from '../e2e/helpers.ts';
import { useServedBuild } from './dist.ts';

/*
 * The preview images, the home page's weight and the comparison's links, from the built files as they
 * are served (what a reader sees at each width: tests/e2e/pages.spec.ts, atlas.spec.ts).
 */

const site = useServedBuild();

/** Width and height from a PNG's header (the IHDR chunk right after the 8-byte signature). */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const meta = (html: string, key: string): string | undefined => {
	const tag = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]).find((t) => new RegExp(`(?:property|name)="${key}"`).test(t));
	return tag ? /content="([^"]*)"/.exec(tag)?.[1] : undefined;
};

it('every page, in both languages, has a 1200×630 preview image of its own and a large card', async () => {
	const seen = new Set<string>();
	for (const locale of LOCALES) {
		for (const slug of [...ALL_SLUGS, '404']) {
			const path = pageHref(locale, slug);
			const html = await (await site.get(path)).text();
			const image = meta(html, 'og:image');
			expect(image, `${path}: og:image`).toBeDefined();
			// Absolute, from the site's address, and one image per page.
			expect(image!.startsWith(`${SITE}/og/`), `${path}: ${image}`).toBe(true);
			expect(seen.has(image!), `${path} shares its image`).toBe(false);
			seen.add(image!);
			const png = await site.get(new URL(image!).pathname);
			expect(png.status, image).toBe(200);
			expect(png.headers.get('content-type')).toMatch(/^image\/png/);
			expect(pngSize(Buffer.from(await png.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
			expect(meta(html, 'og:image:width')).toBe('1200');
			expect(meta(html, 'og:image:height')).toBe('630');
			expect(meta(html, 'twitter:card')).toBe('summary_large_image');
			expect(meta(html, 'twitter:image')).toBe(image);
			// The title of the page in its own language: the same words as its heading.
			const heading = decodeText(
				/<h1[^>]*>([\s\S]*?)<\/h1>/
					.exec(html)?.[1]
					?.replace(/<[^>]+>/g, '')
					.trim() ?? '',
			);
			expect(decodeAttribute(meta(html, 'og:title') ?? ''), path).toBe(heading);
			expect(meta(html, 'og:locale'), path).toBe(locale);
			expect(decodeAttribute(meta(html, 'og:image:alt') ?? ''), path).toBe(messages[locale].preview.alt(heading));
		}
	}
});

for (const locale of LOCALES) {
	it(`/${locale}/ still fits in the first round trip: its HTML under 14.6 KB gzip`, async () => {
		const html = Buffer.from(await (await site.get(`/${locale}/`)).arrayBuffer());
		// Level 6, as deploy/nginx/kube-paths.conf serves it; 10 segments of 1,460 bytes is the initial window.
		expect(gzipSync(html, { level: 6 }).length).toBeLessThan(14_600);
	});
}

for (const locale of LOCALES) {
	it(`/${locale}/compare/: each row's page exists (no 404) and draws that scenario`, async () => {
		for (const row of comparisonRows(locale)) {
			const response = await site.get(row.href);
			expect(response.status, row.href).toBe(200);
			const figures = [...(await response.text()).matchAll(/<figure\b[^>]*\bdata-scenario="([^"]*)"/g)].filter((m) => m[1] === row.id);
			expect(figures, `${row.href}: <figure data-scenario="${row.id}">`).toHaveLength(1);
		}
	});
}
