/*
 * The after-paint plugin's middleware (src/site/after-paint.ts): every HTML page, in `astro dev` as in
 * `astro build` (where it runs as each page is prerendered), goes through deferToFirstPaint. Other
 * responses (the preview images, the sitemap) pass as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { deferToFirstPaint } from './after-paint.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (!(response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html')) return response;
	const { html } = deferToFirstPaint(await response.text(), context.url.pathname);
	const headers = new Headers(response.headers);
	headers.delete('content-length');
	return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
