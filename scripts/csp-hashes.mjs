// Writes the nginx `Content-Security-Policy` header for a built site:
//   node scripts/csp-hashes.mjs [dist] [out]      (defaults: dist, deploy/nginx/csp.conf)
// with Node 24 (`npx node …` in the checkout), which reads the TypeScript modules of src/site/ it imports.
//
// It reads every dist/**/*.html, hashes (sha256) every inline <script> and <style> and every distinct
// `style="…"` attribute value, and writes one `add_header Content-Security-Policy …` line that allows
// exactly those and nothing else inline. The output is generated: never edit it by hand, run this
// again after a build (the Containerfile and the nginx browser tests do).
//
// Why one policy for the whole site: the inline scripts are Starlight's (theme provider, sidebar
// state, search shortcut) plus the language chooser at `/`, identical on every page, so a per-page
// policy would be only marginally tighter and would need a `map $uri` per page.
//
// Exceptions to "hashes only", each measured on the built site (see the README's Deploy section):
// - `'wasm-unsafe-eval'` in script-src: Pagefind's search compiles its WebAssembly module
//   (`/pagefind/wasm.<lang>.pagefind`) with `WebAssembly.instantiate`, which a CSP blocks unless
//   script-src has it. It allows WebAssembly compilation only, not `eval()` or `new Function()`.
// - `style-src-attr 'unsafe-hashes' 'sha256-…'`: Starlight (`style="--sl-icon-size: 1em"`, sidebar
//   `--depth`) and expressive-code (token colours `--0:#…;--1:#…`) put CSS custom properties in
//   `style` attributes. Hashing each distinct value keeps them to the measured set; 'unsafe-inline'
//   would allow any inline style.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../src/site/files.ts';
import { attribute, elements, parseWithOffsets } from '../src/site/html-parse.ts';

/**
 * The directives that do not depend on the build. `default-src 'none'`: whatever a directive below
 * does not name is refused; each one names what the pages were measured to need (tests/nginx/ loads
 * every sitemap page, a diagram and the search under this policy):
 * - img-src: the favicon and the SVG icons Starlight and expressive-code inline as `data:` URLs in CSS;
 * - connect-src: Pagefind fetches its index and WebAssembly, Astro prefetches same-origin pages;
 * - worker-src: Pagefind searches in a web worker (`/pagefind/pagefind-worker.js`);
 * - base-uri, form-action 'none': no page has a <base> nor a form that submits (the search form's
 *   submit is handled by script), so neither may be injected to redirect links or a submission.
 */
export const FIXED_DIRECTIVES = [
	['default-src', "'none'"],
	['img-src', "'self' data:"],
	['connect-src', "'self'"],
	['worker-src', "'self'"],
	['base-uri', "'none'"],
	['form-action', "'none'"],
	['frame-ancestors', "'none'"],
];

/** The variable the include defines and security-headers.conf sends: nginx refuses an include without it. */
export const CSP_VARIABLE = 'kp_csp_from_csp_conf';
/** The include's last line: deploy/nginx/kube-paths-start.sh takes a file without it for one cut short. */
export const CSP_END = '# end of csp.conf';

/** Script types a browser runs, so whose inline text needs a hash. */
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The text a raw-text element holds, as the browser reads it (the parser's text, line ends normalized). */
const textOf = (element) => element.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : '')).join('');

/** Every element of a document, `<template>` content included: a clone of it shows its styles. */
function* everyElement(root) {
	for (const element of elements(root)) {
		yield element;
		if (element.tagName === 'template' && element.content) yield* everyElement(element.content);
	}
}

/**
 * What one HTML document has inline, read by the WHATWG parser (parse5) as the browser reads it: a
 * script's text is raw (`<b style="x">` inside it is text, not a tag), a comment holds no element,
 * an attribute's value has its character references decoded, and `<style>` inside `<svg>` counts.
 */
export function inlineSources(html) {
	const scripts = [];
	const styles = [];
	const styleAttributes = [];
	const eventHandlers = [];
	for (const element of everyElement(parseWithOffsets(html))) {
		if (element.tagName === 'script') {
			const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
			if (attribute(element, 'src') === undefined && EXECUTABLE_TYPES.has(type)) scripts.push(textOf(element));
		} else if (element.tagName === 'style') styles.push(textOf(element));
		const style = attribute(element, 'style');
		if (style !== undefined) styleAttributes.push(style);
		for (const { name, value } of element.attrs) if (/^on[a-z]+$/.test(name)) eventHandlers.push(`${name}="${value}"`);
	}
	return { scripts, styles, styleAttributes, eventHandlers };
}

/** Every inline hash a built site needs, and the inline event handlers it has (there must be none). */
export function collectHashes(dist) {
	const root = resolve(dist);
	const files = filesUnder(root, '.html');
	if (files.length === 0) throw new Error(`${root} has no .html file: build the site first (npx astro build).`);
	const script = new Set();
	const style = new Set();
	const styleAttr = new Set();
	const handlers = [];
	for (const file of files) {
		const found = inlineSources(readFileSync(join(root, file), 'utf8'));
		found.scripts.forEach((s) => script.add(sha256(s)));
		found.styles.forEach((s) => style.add(sha256(s)));
		found.styleAttributes.forEach((s) => styleAttr.add(sha256(s)));
		found.eventHandlers.forEach((h) => handlers.push(`${file}: ${h}`));
	}
	const sorted = (set) => [...set].sort();
	return { pages: files.length, script: sorted(script), style: sorted(style), styleAttr: sorted(styleAttr), handlers };
}

/** The policy string for the hashes of one build. */
export function buildPolicy({ script, style, styleAttr }) {
	const directives = [
		...FIXED_DIRECTIVES,
		['script-src', ["'self'", "'wasm-unsafe-eval'", ...script].join(' ')],
		// No inline event handler (`onclick="…"`) exists, and none may.
		['script-src-attr', "'none'"],
		['style-src', ["'self'", ...style].join(' ')],
		['style-src-attr', styleAttr.length > 0 ? ["'unsafe-hashes'", ...styleAttr].join(' ') : "'none'"],
	];
	return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * The nginx include (http context) that defines the policy as a variable, which
 * deploy/nginx/security-headers.conf sends with `add_header … always` (on 404 pages too). Fails closed:
 * without the variable (file missing or empty) nginx does not start; a file cut short fails nginx's
 * syntax check or, cut at a line's end, lacks CSP_END, which deploy/nginx/kube-paths-start.sh checks.
 */
export function nginxInclude(policy, { pages, script, style, styleAttr }) {
	return [
		'# GENERATED by scripts/csp-hashes.mjs from the built site: do not edit, run it again after a build.',
		`# ${pages} HTML pages; ${script.length} inline script hashes, ${style.length} inline <style> hashes, ${styleAttr.length} style="" attribute hashes.`,
		`map $uri $${CSP_VARIABLE} {`,
		`    default "${policy}";`,
		'}',
		CSP_END,
		'',
	].join('\n');
}

/** Writes the include for `dist` to `out` and returns the policy. Throws on an inline event handler. */
export function writeCspInclude(dist, out) {
	const hashes = collectHashes(dist);
	if (hashes.handlers.length > 0) {
		throw new Error(`Inline event handlers cannot be allowed by hash without 'unsafe-hashes' for scripts; move them to a <script>:\n- ${hashes.handlers.join('\n- ')}`);
	}
	const policy = buildPolicy(hashes);
	mkdirSync(dirname(resolve(out)), { recursive: true });
	// Written beside, then renamed: a reader (nginx, a COPY) sees the old file or the whole new one.
	const partial = `${out}.${process.pid}.tmp`;
	writeFileSync(partial, nginxInclude(policy, hashes));
	renameSync(partial, out);
	return { policy, ...hashes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dist = process.argv[2] ?? 'dist';
	const out = process.argv[3] ?? 'deploy/nginx/csp.conf';
	const { policy, pages, script, style, styleAttr } = writeCspInclude(dist, out);
	console.log(`${out}: ${pages} pages, ${script.length} script / ${style.length} style / ${styleAttr.length} style-attribute hashes (${policy.length} characters).`);
}
