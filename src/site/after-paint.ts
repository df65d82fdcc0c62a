/*
 * Nothing but the page and its stylesheets before the first paint: the `kube-paths:after-paint`
 * Starlight plugin (`afterPaint()` below, listed in astro.config.mjs's Starlight `plugins`).
 *
 * Every script of a page (Starlight's table of contents, menu and theme pickers, expressive-code's
 * copy buttons, the search trigger, the diagram island) only enhances HTML that is already complete:
 * the page reads, and the diagram shows every step, without them. On a slow connection, fetching them at
 * once makes them share the bandwidth with the stylesheet the first paint waits for; the same goes for
 * Starlight's print stylesheet. So each page's external module scripts and print stylesheets are taken
 * out of the HTML and loaded by one small inline script once the browser reports the page's first
 * contentful paint (Paint Timing API; where it is missing, at once):
 *
 *   <script type="application/json" id="kp-after-paint">{"scripts":[…],"interaction":[…],"print":[…]}</script>
 *   <script type="module">…AFTER_PAINT_LOADER…</script>
 *
 * Some scripts only follow the reader: Starlight's table of contents marks the section being read as
 * the page scrolls. Those (tagged `data-kp-after="interaction"` by our overrides of Starlight's two
 * table-of-contents components, src/site/toc-start.ts, which also render what they show on opening)
 * wait one step more, for the reader's first scroll, key, touch or click, or load at once with the
 * others when the page opens scrolled or on an `#anchor`.
 *
 * How it is applied, the same way by `astro dev` and `astro build`: an Astro middleware
 * (src/site/after-paint-middleware.ts) passes every HTML response through `deferToFirstPaint`, which
 * finds the tags with an HTML parser (parse5, src/site/html-parse.ts) and edits only them. Where dev
 * and build still differ, and why:
 * - in dev, Vite's own client (`/@vite/client`, hot reload) and Astro's dev toolbar are module
 *   scripts like any other, so they too wait for the paint; the build has neither;
 * - in dev, the stylesheets are inline `<style>` elements (Vite serves CSS as modules), in the build
 *   `<link>`s; either way they stay in place and the first paint waits for them;
 * - only the build checks every page at once (`checkBuiltPage`, at `astro:build:done`): in dev each
 *   page is checked as it is rendered, by the functions that transform it.
 *
 * The loader is the same text on every page, so the Content-Security-Policy needs one hash for it
 * (scripts/csp-hashes.mjs); the JSON is data, not a script. Without JavaScript the print stylesheet
 * stays in a <noscript>. The transformation is a pure function of the HTML, unit-tested in
 * tests/unit/site/after-paint.test.ts, which also names the Astro markup it relies on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { filesUnder } from './files.ts';
import { applyEdits, attribute, elements, offsets, parseWithOffsets, type Edit, type Element } from './html-parse.ts';
import { isExternalModuleScript, WAIT_ATTRIBUTE, WAIT_VALUE } from './toc-start.ts';

export const AFTER_PAINT_ID = 'kp-after-paint';

/** What one page loads after its first paint. */
export interface AfterPaint {
	readonly scripts: readonly string[];
	/** Scripts that wait, after the paint, for the reader's first interaction. */
	readonly interaction: readonly string[];
	readonly print: readonly string[];
}

/** The events that count as the reader's first interaction. */
export const INTERACTION_EVENTS = ['scroll', 'keydown', 'pointerdown', 'touchstart', 'focusin'] as const;

/**
 * The loader: reads the JSON list, waits for the first contentful paint, then imports the scripts (all
 * at once; each one defines its own custom elements, so their order does not matter), adds the print
 * stylesheets and, on the first interaction (or at once on a page already scrolled or opened on an
 * anchor), imports the `interaction` scripts. A page opened in a background tab paints, and so
 * enhances, when it is shown; a browser without Paint Timing loads everything at once; one that never
 * reports the paint, after 3 s.
 */
export const AFTER_PAINT_LOADER = [
	`const list=JSON.parse(document.getElementById('${AFTER_PAINT_ID}').textContent);`,
	'let done=false;',
	'const load=(srcs)=>{for(const src of srcs)import(src)};',
	'const go=()=>{if(done)return;done=true;setTimeout(()=>{',
	'load(list.scripts);',
	"for(const href of list.print){const link=document.createElement('link');link.rel='stylesheet';link.media='print';link.href=href;document.head.append(link)}",
	'if(list.interaction.length===0)return;',
	`const events=${JSON.stringify(INTERACTION_EVENTS).replaceAll('"', "'")};`,
	'const now=()=>{for(const type of events)removeEventListener(type,now,true);load(list.interaction)};',
	'if(scrollY>0||location.hash)now();',
	'else for(const type of events)addEventListener(type,now,{capture:true,passive:true,once:true})',
	'})};',
	"const painted=(entries)=>entries.some((e)=>e.name==='first-contentful-paint');",
	"if(!PerformanceObserver.supportedEntryTypes?.includes('paint')||painted(performance.getEntriesByType('paint')))go();",
	"else{const observer=new PerformanceObserver((l)=>{if(painted(l.getEntries())){observer.disconnect();go()}});observer.observe({type:'paint'});setTimeout(go,3000)}",
].join('');

/** The attributes a module script may have for the loader to import it the same way (`import(src)`). */
const SCRIPT_ATTRIBUTES = new Set(['type', 'src', WAIT_ATTRIBUTE]);

const isPrintStylesheet = (element: Element) =>
	element.tagName === 'link' &&
	(attribute(element, 'rel') ?? '').toLowerCase().split(/\s+/).includes('stylesheet') &&
	attribute(element, 'media')?.trim().toLowerCase() === 'print' &&
	attribute(element, 'href') !== undefined;

/** A page's HTML with its module scripts and print stylesheets moved behind the loader. */
export function deferToFirstPaint(html: string, file = 'page'): { html: string; deferred: AfterPaint } {
	const document = parseWithOffsets(html);
	const all = [...elements(document)];
	if (all.some((element) => attribute(element, 'id') === AFTER_PAINT_ID)) throw new Error(`${file}: already has #${AFTER_PAINT_ID}; deferToFirstPaint runs once per page.`);
	const scripts: string[] = [];
	const interaction: string[] = [];
	const print: string[] = [];
	const edits: Edit[] = [];
	for (const element of all) {
		if (isExternalModuleScript(element)) {
			const other = element.attrs.find((a) => !SCRIPT_ATTRIBUTES.has(a.name));
			if (other) {
				throw new Error(
					`${file}: <script type="module" src="${attribute(element, 'src')}"> has a \`${other.name}\` attribute, which the after-paint loader's import() would drop. ` +
						'Did Astro change the script tags it writes? Update src/site/after-paint.ts (SCRIPT_ATTRIBUTES) and its test.',
				);
			}
			(attribute(element, WAIT_ATTRIBUTE) === WAIT_VALUE ? interaction : scripts).push(attribute(element, 'src') ?? '');
			const { start, end } = offsets(element, file);
			edits.push({ start, end, text: '' });
		} else if (isPrintStylesheet(element)) {
			print.push(attribute(element, 'href') ?? '');
			const { start, end } = offsets(element, file);
			edits.push({ start, end, text: `<noscript>${html.slice(start, end)}</noscript>` });
		}
	}
	const deferred = { scripts, interaction, print };
	if (edits.length === 0) return { html, deferred };
	const body = all.find((element) => element.tagName === 'body');
	// A <body> the parser implied (no tags in the text) has no end tag to insert before.
	const at = body?.sourceCodeLocation?.endTag?.startOffset;
	if (at === undefined) throw new Error(`${file}: no </body> to put the after-paint loader before. Is it a complete HTML page?`);
	// `<` is escaped so that no URL can close the JSON's <script> element.
	const json = JSON.stringify(deferred).replaceAll('<', '\\u003c');
	edits.push({ start: at, end: at, text: `<script type="application/json" id="${AFTER_PAINT_ID}">${json}</script><script type="module">${AFTER_PAINT_LOADER}</script>` });
	return { html: applyEdits(html, edits), deferred };
}

/** The after-paint list of a page the loader was added to; `undefined` on a page without one. */
export function afterPaintListOf(html: string, file = 'page', all: readonly Element[] = [...elements(parseWithOffsets(html))]): AfterPaint | undefined {
	const list = all.find((element) => attribute(element, 'id') === AFTER_PAINT_ID);
	if (!list) return undefined;
	const text = list.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
	try {
		return JSON.parse(text) as AfterPaint;
	} catch (error) {
		throw new Error(`${file}: #${AFTER_PAINT_ID} is not JSON (${String(error)})`, { cause: error });
	}
}

/**
 * What a built page must show for the plugin to have done its work: its after-paint list, and the
 * problems (none when all is well), each naming the Astro or Starlight markup that is no longer what
 * the plugin finds.
 */
export function checkBuiltPage(html: string, file = 'page'): { list: AfterPaint | undefined; problems: string[] } {
	const all = [...elements(parseWithOffsets(html))];
	const problems: string[] = [];
	const left = all.filter(isExternalModuleScript).map((element) => attribute(element, 'src'));
	if (left.length > 0) problems.push(`${file}: module scripts left in the HTML (${left.join(', ')}): the after-paint middleware did not run on this page (src/site/after-paint-middleware.ts).`);
	const list = afterPaintListOf(html, file, all);
	const tocs = all.filter((element) => element.tagName === 'starlight-toc' || element.tagName === 'mobile-starlight-toc');
	if (tocs.length > 0 && (list?.interaction.length ?? 0) === 0) {
		problems.push(
			`${file}: Astro changed how a component's <script> is rendered: the page has <${tocs[0]?.tagName}> but no script waits for the first interaction. ` +
				'src/site/toc-start.ts expects the component\'s own <script type="module" src> inside its rendered HTML; update it.',
		);
	}
	for (const toc of tocs) {
		const top = [...elements(toc)].find((element) => element.tagName === 'a' && attribute(element, 'href') === '#_top');
		if (attribute(top ?? toc, 'aria-current') !== 'true') problems.push(`${file}: <${toc.tagName}> opens with no current entry: are our TableOfContents overrides set (src/site/after-paint.ts)?`);
	}
	// Starlight's pages (its <html data-theme>) link its print stylesheet; the language chooser at `/` does not.
	const starlight = all.some((element) => element.tagName === 'html' && attribute(element, 'data-theme') !== undefined);
	if (starlight && list?.print.length !== 1)
		problems.push(`${file}: ${list?.print.length ?? 0} print stylesheets deferred, Starlight has one: did it change its <link rel="stylesheet" media="print">? Update src/site/after-paint.ts.`);
	return { list, problems };
}

/** Our overrides of Starlight's components: the table of contents renders its opening state (src/site/toc-start.ts). */
export const TABLE_OF_CONTENTS_OVERRIDES = {
	TableOfContents: fileURLToPath(new URL('../components/TableOfContents.astro', import.meta.url)),
	MobileTableOfContents: fileURLToPath(new URL('../components/MobileTableOfContents.astro', import.meta.url)),
} as const;

/**
 * The Starlight plugin: sets the table-of-contents overrides and adds the integration whose middleware
 * transforms every page, in dev and in the build; the build then checks every page (checkBuiltPage)
 * and fails, naming the pages and the markup, when one is not what the plugin expects.
 */
export function afterPaint(): StarlightPlugin {
	return {
		name: 'kube-paths:after-paint',
		hooks: {
			'config:setup': ({ config, updateConfig, addIntegration }) => {
				for (const name of Object.keys(TABLE_OF_CONTENTS_OVERRIDES)) {
					if (config.components?.[name as keyof typeof TABLE_OF_CONTENTS_OVERRIDES]) {
						throw new Error(`kube-paths:after-paint overrides Starlight's ${name} itself (src/site/toc-start.ts); remove components.${name} from astro.config.mjs, or wrap ours.`);
					}
				}
				updateConfig({ components: { ...config.components, ...TABLE_OF_CONTENTS_OVERRIDES } });
				addIntegration({
					name: 'kube-paths:after-paint',
					hooks: {
						'astro:config:setup': ({ addMiddleware }) => {
							// 'pre': outermost, so that it sees the response every other middleware has made.
							addMiddleware({ entrypoint: new URL('./after-paint-middleware.ts', import.meta.url), order: 'pre' });
						},
						'astro:build:done': async ({ dir, logger }) => {
							const root = fileURLToPath(dir);
							const files = filesUnder(root, '.html');
							const problems: string[] = [];
							let deferred = 0;
							let waiting = 0;
							for (const name of files) {
								const html = await readFile(join(root, name), 'utf8');
								const { list, problems: found } = checkBuiltPage(html, name);
								problems.push(...found);
								if (list) deferred++;
								if (list && list.interaction.length > 0) waiting++;
							}
							if (deferred === 0) problems.push(`none of the ${files.length} built pages has the after-paint loader: the middleware did not run (src/site/after-paint-middleware.ts).`);
							if (problems.length > 0) throw new Error(`after-paint:\n- ${problems.join('\n- ')}`);
							logger.info(
								`${deferred} pages load their scripts and print stylesheet after the first paint; on ${waiting} of them the table of contents waits for the reader's first interaction`,
							);
						},
					},
				});
			},
		},
	};
}
