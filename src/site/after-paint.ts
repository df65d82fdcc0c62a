/*
 * Nothing but the page and its stylesheets before the first paint.
 *
 * Every script of a built page (Starlight's table of contents, menu and theme pickers, expressive-code's
 * copy buttons, the search trigger, the diagram island) only enhances HTML that is already complete:
 * the page reads, and the diagram shows every step, without them. On a slow connection, fetching them at
 * once makes them share the bandwidth with the stylesheet the first paint waits for; the same goes for
 * Starlight's print stylesheet. So, after `astro build`, each page's external module scripts and print
 * stylesheets are taken out of the HTML and loaded by one small inline script once the browser reports
 * the page's first contentful paint (Paint Timing API; where it is missing, at once):
 *
 *   <script type="application/json" id="kp-after-paint">{"scripts":[…],"interaction":[…],"print":[…]}</script>
 *   <script type="module">…AFTER_PAINT_LOADER…</script>
 *
 * Some scripts only follow the reader: Starlight's table of contents marks the section being read as
 * the page scrolls. Those (`untilInteraction.scripts`) wait one step more, for the reader's first
 * scroll, key, touch or click, or load at once with the others when the page opens scrolled or on an
 * `#anchor`; `untilInteraction.opening` writes into the HTML what they would show on a page that has
 * not moved yet, so nothing differs before they arrive.
 *
 * The loader is the same text on every page, so the Content-Security-Policy needs one hash for it
 * (scripts/csp-hashes.mjs); the JSON is data, not a script. Without JavaScript the print stylesheet
 * stays in a <noscript>. The transformation is a pure function of the HTML, unit-tested in
 * tests/unit/site/after-paint.test.ts; the integration below applies it to every built page.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from './files.ts';

export const AFTER_PAINT_ID = 'kp-after-paint';

/** What one page loads after its first paint. */
export interface AfterPaint {
	readonly scripts: readonly string[];
	/** Scripts that wait, after the paint, for the reader's first interaction. */
	readonly interaction: readonly string[];
	readonly print: readonly string[];
}

export interface AfterPaintOptions {
	readonly untilInteraction?: {
		/** Scripts, by URL, that only follow the reader's scrolling and can wait for a first interaction. */
		readonly scripts: RegExp;
		/**
		 * Writes into a page that has such scripts what they would show on opening, unscrolled (for
		 * Starlight's table of contents: src/site/toc-start.ts). Throws, naming the file, when it can't.
		 */
		readonly opening?: (html: string, file: string) => string;
	};
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

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;
const PRINT_STYLESHEET = /<link rel="stylesheet" href="([^"]+)" media="print"\/?>/g;

/** A page's HTML with its module scripts and print stylesheets moved behind the loader. */
export function deferToFirstPaint(html: string, file = 'page', options: AfterPaintOptions = {}): { html: string; deferred: AfterPaint } {
	if (html.includes(`id="${AFTER_PAINT_ID}"`)) throw new Error(`${file}: already has #${AFTER_PAINT_ID}; deferToFirstPaint runs once per build.`);
	const scripts: string[] = [];
	const interaction: string[] = [];
	const print: string[] = [];
	let out = html.replace(MODULE_SCRIPT, (_, src: string) => {
		(options.untilInteraction?.scripts.test(src) ? interaction : scripts).push(src);
		return '';
	});
	if (interaction.length > 0 && options.untilInteraction?.opening) out = options.untilInteraction.opening(out, file);
	out = out.replace(PRINT_STYLESHEET, (tag: string, href: string) => {
		print.push(href);
		return `<noscript>${tag}</noscript>`;
	});
	if (scripts.length + interaction.length + print.length === 0) return { html, deferred: { scripts, interaction, print } };
	const at = out.lastIndexOf('</body>');
	if (at < 0) throw new Error(`${file}: no </body> to put the after-paint loader before. Is it a complete HTML page?`);
	// `<` is escaped so that no URL can close the JSON's <script> element.
	const json = JSON.stringify({ scripts, interaction, print }).replaceAll('<', '\\u003c');
	const loader = `<script type="application/json" id="${AFTER_PAINT_ID}">${json}</script><script type="module">${AFTER_PAINT_LOADER}</script>`;
	return { html: out.slice(0, at) + loader + out.slice(at), deferred: { scripts, interaction, print } };
}

/**
 * The integration: applies deferToFirstPaint to every page of the build. An `untilInteraction` pattern
 * that matches no script at all fails the build: a renamed bundle would otherwise load at paint time
 * again without anyone noticing.
 */
export function afterPaint(options: AfterPaintOptions = {}): AstroIntegration {
	return {
		name: 'kube-paths:after-paint',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				let pages = 0;
				let waiting = 0;
				const files = filesUnder(root, '.html');
				for (const file of files.map((name) => join(root, name))) {
					const { html, deferred } = deferToFirstPaint(await readFile(file, 'utf8'), file, options);
					if (deferred.scripts.length + deferred.interaction.length + deferred.print.length === 0) continue;
					await writeFile(file, html);
					pages++;
					if (deferred.interaction.length > 0) waiting++;
				}
				if (options.untilInteraction && waiting === 0) {
					throw new Error(
						`after-paint: untilInteraction.scripts ${String(options.untilInteraction.scripts)} matched no script of the ${files.length} built pages. ` +
							'Did Astro or Starlight rename the bundle? Update the pattern in astro.config.mjs.',
					);
				}
				logger.info(`${pages} pages load their scripts and print stylesheet after the first paint; on ${waiting} of them some wait for the reader's first interaction`);
			},
		},
	};
}
