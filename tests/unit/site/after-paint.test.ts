import { describe, expect, it } from 'vitest';
import { AFTER_PAINT_ID, AFTER_PAINT_LOADER, afterPaintListOf, checkBuiltPage, deferToFirstPaint, INTERACTION_EVENTS } from '../../../src/site/after-paint.ts';

const page = (head: string, body: string, html = '<html lang="en" data-theme="dark">') => `<!doctype html>${html}<head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/*
 * The markup Astro 7 writes and the plugin finds (as in dist/en/exposure/nodeport/index.html before the
 * middleware, hashes shortened): a component's bundled script is `<script type="module" src="/_astro/…">`
 * with no other attribute, rendered where the component is; Starlight's print stylesheet is
 * `<link rel="stylesheet" href="/_astro/print.….css" media="print">` in <head>. If Astro or Starlight
 * writes them otherwise, the build fails (checkBuiltPage) and these are the cases to update.
 */
const HEAD = [
	'<script>window.StarlightThemeProvider = {};</script>',
	'<script type="module" src="/_astro/page.abc.js"></script>',
	'<link rel="stylesheet" href="/_astro/print.def.css" media="print">',
	'<link rel="stylesheet" href="/_astro/common.ghi.css">',
].join('');
const BODY = [
	'<header><script type="module" src="/_astro/Search.astro_astro_type_script_index_0_lang.jkl.js"></script></header>',
	'<main><h1 id="_top">NodePort</h1><p>Text</p><script type="module">var inlined = 1;</script></main>',
	'<script type="module" src="/_astro/TableOfContents.astro_astro_type_script_index_0_lang.mno.js" data-kp-after="interaction"></script>',
].join('');

/** The JSON list the loader reads, parsed back from a transformed page. */
function listOf(html: string): unknown {
	const list = afterPaintListOf(html);
	if (list === undefined) throw new Error('no after-paint list in the page');
	return list;
}

describe('deferToFirstPaint', () => {
	const { html, deferred } = deferToFirstPaint(page(HEAD, BODY), 'dist/en/exposure/nodeport/index.html');

	it('takes every external module script out of the page, in document order', () => {
		expect(deferred.scripts).toEqual(['/_astro/page.abc.js', '/_astro/Search.astro_astro_type_script_index_0_lang.jkl.js']);
		expect(html).not.toMatch(/<script type="module" src=/);
	});

	it('keeps the scripts tagged data-kp-after="interaction" for the first interaction', () => {
		expect(deferred.interaction).toEqual(['/_astro/TableOfContents.astro_astro_type_script_index_0_lang.mno.js']);
		expect(html).not.toContain('data-kp-after');
		// The loader listens for every event of the list, and loads at once on a page already moved.
		for (const type of INTERACTION_EVENTS) expect(AFTER_PAINT_LOADER).toContain(`'${type}'`);
		expect(AFTER_PAINT_LOADER).toContain('if(scrollY>0||location.hash)now()');
	});

	it('keeps inline scripts and the render-blocking stylesheet where they are, every other byte as it was', () => {
		expect(html).toContain('<script>window.StarlightThemeProvider = {};</script>');
		expect(html).toContain('<script type="module">var inlined = 1;</script>');
		expect(html).toContain('<head><meta charset="utf-8"><script>window.StarlightThemeProvider');
		expect(html).toMatch(/<\/noscript><link rel="stylesheet" href="\/_astro\/common\.ghi\.css"><\/head>/);
		// Only edits, no re-serialization: taking the edits back out gives the page as it was.
		const loader = html.slice(html.indexOf(`<script type="application/json" id="${AFTER_PAINT_ID}">`), html.indexOf('</body>'));
		const original = page(HEAD, BODY);
		const stripped = html.replace(loader, '').replace('<noscript>', '').replace('</noscript>', '');
		expect(stripped).toBe(original.replace(/<script type="module" src="[^"]*"( data-kp-after="interaction")?><\/script>/g, ''));
	});

	it('loads the print stylesheet after the paint, and keeps it for readers without JavaScript', () => {
		expect(deferred.print).toEqual(['/_astro/print.def.css']);
		expect(html).toContain('<noscript><link rel="stylesheet" href="/_astro/print.def.css" media="print"></noscript>');
		expect(html.match(/print\.def\.css/g)).toHaveLength(2);
	});

	it('puts the list and the loader at the end of the body', () => {
		expect(listOf(html)).toEqual({ scripts: deferred.scripts, interaction: deferred.interaction, print: deferred.print });
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

	it('reads the tags as a browser does: any attribute order or quoting, not text that only looks like a tag', () => {
		const body = [
			`<script src='/_astro/a.js' type=MODULE></script>`,
			'<!-- <script type="module" src="/_astro/commented.js"></script> -->',
			'<script>const s = \'<script type="module" src="/_astro/in-a-string.js"></\' + \'script>\';</script>',
			'<pre><code>&lt;script type="module" src="/_astro/shown.js"&gt;&lt;/script&gt;</code></pre>',
			'<LINK media=PRINT href="/_astro/p.css" REL="Stylesheet">',
		].join('');
		const out = deferToFirstPaint(page('', body), 'page.html');
		expect(out.deferred).toEqual({ scripts: ['/_astro/a.js'], interaction: [], print: ['/_astro/p.css'] });
		for (const kept of ['commented.js', 'in-a-string.js', 'shown.js']) expect(out.html).toContain(kept);
	});

	it('leaves a page with nothing to defer as it is', () => {
		const plain = page('<link rel="stylesheet" href="/_astro/common.ghi.css">', '<p>Hello</p><script>1</script>');
		expect(deferToFirstPaint(plain)).toEqual({ html: plain, deferred: { scripts: [], interaction: [], print: [] } });
	});

	it('escapes `<` so that no URL can close the list early', () => {
		const tricky = deferToFirstPaint(page('', '<script type="module" src="/_astro/a.js?x=&lt;/script&gt;"></script>'), 'tricky.html').html;
		expect(tricky).toContain('"scripts":["/_astro/a.js?x=\\u003c/script>"]');
		expect(listOf(tricky)).toEqual({ scripts: ['/_astro/a.js?x=</script>'], interaction: [], print: [] });
	});

	it('fails, naming the file and what Astro changed, on a page it cannot handle', () => {
		expect(() => deferToFirstPaint(html, 'dist/en/index.html')).toThrow(`dist/en/index.html: already has #${AFTER_PAINT_ID}; deferToFirstPaint runs once per page.`);
		expect(() => deferToFirstPaint('<script type="module" src="/a.js"></script>', 'dist/fragment.html')).toThrow('dist/fragment.html: no </body> to put the after-paint loader before');
		// A script the loader's import() could not load the same way: Astro changed its script tags.
		expect(() => deferToFirstPaint(page('', '<script type="module" src="/_astro/a.js" integrity="sha384-x"></script>'), 'dist/en/index.html')).toThrow(
			'dist/en/index.html: <script type="module" src="/_astro/a.js"> has a `integrity` attribute, which the after-paint loader\'s import() would drop. Did Astro change the script tags it writes?',
		);
	});
});

describe('checkBuiltPage', () => {
	const TOC = '<starlight-toc><nav><ul><li><a aria-current="true" href="#_top"><span>Overview</span></a></li></ul></nav></starlight-toc>';
	const built = deferToFirstPaint(page(HEAD, BODY + TOC), 'built.html').html;

	it('finds nothing wrong with a page the plugin has done its work on', () => {
		expect(checkBuiltPage(built, 'built.html')).toEqual({ list: listOf(built), problems: [] });
	});

	it('names what changed when a page is not what the plugin expects', () => {
		const problems = (html: string) => checkBuiltPage(html, 'dist/en/x/index.html').problems;
		// The middleware did not run.
		expect(problems(page(HEAD, BODY))[0]).toMatch(/^dist\/en\/x\/index\.html: module scripts left in the HTML \(\/_astro\/page\.abc\.js, .*the after-paint middleware did not run/);
		// The table of contents' script was not where Astro used to render it (inside the component's output).
		const untagged = deferToFirstPaint(page(HEAD, BODY.replace(' data-kp-after="interaction"', '') + TOC)).html;
		expect(problems(untagged)).toEqual([
			'dist/en/x/index.html: Astro changed how a component\'s <script> is rendered: the page has <starlight-toc> but no script waits for the first interaction. src/site/toc-start.ts expects the component\'s own <script type="module" src> inside its rendered HTML; update it.',
		]);
		// The opening state is missing (our overrides are not set).
		expect(problems(deferToFirstPaint(page(HEAD, BODY + TOC.replace(' aria-current="true"', ''))).html)).toEqual([
			'dist/en/x/index.html: <starlight-toc> opens with no current entry: are our TableOfContents overrides set (src/site/after-paint.ts)?',
		]);
		// Starlight's print stylesheet is no longer a <link media="print">.
		expect(problems(deferToFirstPaint(page(HEAD.replace(' media="print"', ''), BODY + TOC)).html)).toEqual([
			'dist/en/x/index.html: 0 print stylesheets deferred, Starlight has one: did it change its <link rel="stylesheet" media="print">? Update src/site/after-paint.ts.',
		]);
		// The language chooser at `/` is not a Starlight page: it has no print stylesheet to defer.
		expect(problems(deferToFirstPaint(page('', '<script type="module" src="/_astro/page.abc.js"></script>', '<html lang="en">')).html)).toEqual([]);
	});
});
