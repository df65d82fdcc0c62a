/*
 * `/og/<page>.png`: every page's preview image, rendered at build time. The picture is composed by
 * src/site/preview.ts; resvg rasterizes it with the fonts of an npm package, loaded explicitly, so the
 * image is the same on a fresh machine without system fonts.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { Resvg } from '@resvg/resvg-js';
import { isLocale } from '../i18n/index.ts';
import { PREVIEW, PREVIEW_FONT_FAMILY, PREVIEW_FONT_FILES, previewSvg } from '../site/preview.ts';

// Resolved from the project, not from this module: the build runs a bundled copy of it elsewhere.
const require = createRequire(join(process.cwd(), 'package.json'));
const fontFiles = PREVIEW_FONT_FILES.map((file) => require.resolve(file));

export const getStaticPaths = (async () => {
	const entries = await getCollection('docs');
	return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CollectionEntry<'docs'> }> = ({ props }) => {
	const { entry } = props;
	const locale = entry.id.split('/')[0];
	if (!isLocale(locale)) throw new Error(`Preview image: the page \`content/docs/${entry.id}\` is outside the language folders. Move it under content/docs/en/ or content/docs/fr/.`);
	const svg = previewSvg({ entryId: entry.id, locale, title: entry.data.title, description: entry.data.description ?? entry.data.hero?.tagline });
	const png = new Resvg(svg, {
		fitTo: { mode: 'width', value: PREVIEW.width },
		font: { loadSystemFonts: false, fontFiles, defaultFontFamily: PREVIEW_FONT_FAMILY },
	})
		.render()
		.asPng();
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
