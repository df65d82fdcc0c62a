import { describe, expect, it } from 'vitest';
import { AFTER_PAINT_ID, AFTER_PAINT_LOADER, deferToFirstPaint, INTERACTION_EVENTS } from '../../../src/site/after-paint.ts';

const page = (head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

const HEAD = [
	'<script>window.StarlightThemeProvider = {};</script>',
	'<script type="module" src="/_astro/page.abc.js"></script>',
	'<link rel="stylesheet" href="/_astro/print.def.css" media="print">',
	'<link rel="stylesheet" href="/_astro/common.ghi.css">',
].join('');
const BODY = [
	'<header><script type="module" src="/_astro/Search.jkl.js"></script></header>',
	'<main><h1 id="_top">NodePort</h1><p>Text</p><script type="module">var inlined = 1;</script></main>',
	'<script type="module" src="/_astro/TableOfContents.mno.js"></script>',
].join('');

/** The JSON list the loader reads, parsed back from a transformed page. */
function listOf(html: string): unknown {
	const json = new RegExp(`<script type="application/json" id="${AFTER_PAINT_ID}">(.*?)</script>`).exec(html)?.[1];
	if (json === undefined) throw new Error('no after-paint list in the page');
	return JSON.parse(json);
}

describe('deferToFirstPaint', () => {
	const { html, deferred } = deferToFirstPaint(page(HEAD, BODY), 'dist/en/exposure/nodeport/index.html');

	it('takes every external module script out of the page, in document order', () => {
		expect(deferred.scripts).toEqual(['/_astro/page.abc.js', '/_astro/Search.jkl.js', '/_astro/TableOfContents.mno.js']);
		expect(html).not.toMatch(/<script type="module" src=/);
	});

	it('keeps inline scripts and the render-blocking stylesheet where they are', () => {
		expect(html).toContain('<script>window.StarlightThemeProvider = {};</script>');
		expect(html).toContain('<script type="module">var inlined = 1;</script>');
		expect(html).toContain('<head><meta charset="utf-8"><script>window.StarlightThemeProvider');
		expect(html).toMatch(/<\/noscript><link rel="stylesheet" href="\/_astro\/common\.ghi\.css"><\/head>/);
	});

	it('loads the print stylesheet after the paint, and keeps it for readers without JavaScript', () => {
		expect(deferred.print).toEqual(['/_astro/print.def.css']);
		expect(html).toContain('<noscript><link rel="stylesheet" href="/_astro/print.def.css" media="print"></noscript>');
		expect(html.match(/print\.def\.css/g)).toHaveLength(2);
	});

	it('puts the list and the loader at the end of the body', () => {
		expect(listOf(html)).toEqual({ scripts: deferred.scripts, interaction: [], print: deferred.print });
		expect(html.endsWith(`<script type="module">${AFTER_PAINT_LOADER}</script></body></html>`)).toBe(true);
		expect(html.match(/<script type="module">/g)).toHaveLength(2);
	});

	it('writes the same loader on every page, so the CSP needs one hash for it', () => {
		const other = deferToFirstPaint(page('', '<script type="module" src="/_astro/Diagram.pqr.js"></script>'), 'other.html').html;
		const loaderOf = (text: string) => [...text.matchAll(/<script type="module">(.*?)<\/script>/g)].map((m) => m[1]).at(-1);
		expect(loaderOf(other)).toBe(loaderOf(html));
		expect(AFTER_PAINT_LOADER).toContain(`getElementById('${AFTER_PAINT_ID}')`);
		expect(AFTER_PAINT_LOADER).toContain("'first-contentful-paint'");
	});

	it('leaves a page with nothing to defer as it is', () => {
		const plain = page('<link rel="stylesheet" href="/_astro/common.ghi.css">', '<p>Hello</p><script>1</script>');
		expect(deferToFirstPaint(plain)).toEqual({ html: plain, deferred: { scripts: [], interaction: [], print: [] } });
	});

	it('escapes `<` so that no URL can close the list early', () => {
		const tricky = deferToFirstPaint(page('', '<script type="module" src="/_astro/a.js?x=</script>"></script>'), 'tricky.html').html;
		expect(tricky).toContain('"scripts":["/_astro/a.js?x=\\u003c/script>"]');
		expect(listOf(tricky)).toEqual({ scripts: ['/_astro/a.js?x=</script>'], interaction: [], print: [] });
	});

	it('keeps the scripts `untilInteraction` names for the first interaction', () => {
		const waiting = deferToFirstPaint(page(HEAD, BODY), 'toc.html', { untilInteraction: { scripts: /\/TableOfContents\.[^/]*\.js$/ } });
		expect(waiting.deferred.scripts).toEqual(['/_astro/page.abc.js', '/_astro/Search.jkl.js']);
		expect(waiting.deferred.interaction).toEqual(['/_astro/TableOfContents.mno.js']);
		expect(listOf(waiting.html)).toEqual({ scripts: waiting.deferred.scripts, interaction: ['/_astro/TableOfContents.mno.js'], print: ['/_astro/print.def.css'] });
		expect(waiting.html).not.toContain('<script type="module" src=');
		// The loader listens for every event of the list, and loads at once on a page already moved.
		for (const type of INTERACTION_EVENTS) expect(AFTER_PAINT_LOADER).toContain(`'${type}'`);
		expect(AFTER_PAINT_LOADER).toContain('if(scrollY>0||location.hash)now()');
	});

	it('writes the opening state of the waiting scripts, on the pages that have them only', () => {
		const calls: string[] = [];
		const opening = (html: string, file: string) => {
			calls.push(file);
			return html.replace('<p>Text</p>', '<p>Text</p><p>opened</p>');
		};
		const options = { untilInteraction: { scripts: /\/TableOfContents\.[^/]*\.js$/, opening } };
		expect(deferToFirstPaint(page(HEAD, BODY), 'toc.html', options).html).toContain('<p>opened</p>');
		expect(deferToFirstPaint(page(HEAD, '<p>Text</p>'), 'plain.html', options).html).not.toContain('<p>opened</p>');
		expect(calls).toEqual(['toc.html']);
	});

	it('fails, naming the file, on a page it cannot handle', () => {
		expect(() => deferToFirstPaint(html, 'dist/en/index.html')).toThrow(`dist/en/index.html: already has #${AFTER_PAINT_ID}; deferToFirstPaint runs once per build.`);
		expect(() => deferToFirstPaint('<script type="module" src="/a.js"></script>', 'dist/fragment.html')).toThrow('dist/fragment.html: no </body> to put the after-paint loader before');
	});
});
