/*
 * Starlight route middleware: the preview image of every page (`og:image`, its size and alt text, and
 * `twitter:image`), next to the `og:title` and `twitter:card` (summary_large_image) Starlight already
 * writes. The image is the page's own (src/pages/preview-image.ts), addressed absolutely from `site`.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { isLocale, messages } from '../i18n/index.ts';
import { PREVIEW, previewPath } from './preview.ts';

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const locale = route.locale;
	if (!context.site) throw new Error('Preview images need an absolute address: set `site` in astro.config.mjs.');
	if (!isLocale(locale)) return;
	const image = new URL(previewPath(route.entry.id), context.site).href;
	const alt = messages[locale].preview.alt(route.entry.data.title);
	route.head.push(
		{ tag: 'meta', attrs: { property: 'og:image', content: image } },
		{ tag: 'meta', attrs: { property: 'og:image:type', content: 'image/png' } },
		{ tag: 'meta', attrs: { property: 'og:image:width', content: String(PREVIEW.width) } },
		{ tag: 'meta', attrs: { property: 'og:image:height', content: String(PREVIEW.height) } },
		{ tag: 'meta', attrs: { property: 'og:image:alt', content: alt } },
		{ tag: 'meta', attrs: { name: 'twitter:image', content: image } },
		{ tag: 'meta', attrs: { name: 'twitter:image:alt', content: alt } },
	);
});
