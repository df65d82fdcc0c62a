/*
 * Starlight route middleware: the preview image of every page (`og:image`, its size and alt text, and
 * `twitter:image`), next to the `og:title` and `twitter:card` (summary_large_image) Starlight already
 * writes. The image is the page's own (src/pages/preview-image.ts), addressed absolutely from `site`.
 * And the content width of the pages that need more room than Starlight's 45rem column.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { isLocale, messages } from '../i18n/index.ts';
import { PREVIEW, previewPath } from './preview.ts';

/**
 * The explorer's form sits beside its result (Explorer.astro). Set on the page's root by its own head,
 * not by a `:root:has(kp-explorer)` rule: with that rule, every element the explorer added or removed
 * made the browser test the whole document against it again, about 1 ms of each control change at 4x.
 */
const CONTENT_WIDTH: Readonly<Record<string, string>> = { explore: '78rem' };

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const locale = route.locale;
	if (!context.site) throw new Error('Preview images need an absolute address: set `site` in astro.config.mjs.');
	if (!isLocale(locale)) return;
	const width = CONTENT_WIDTH[route.entry.id.slice(locale.length + 1)];
	if (width) route.head.push({ tag: 'style', content: `:root{--sl-content-width:${width}}` });
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
