/*
 * What Starlight's table of contents shows on a page that has not scrolled yet, written into the HTML.
 *
 * Its script (`starlight-toc`, and `mobile-starlight-toc` for the bar above the content on small
 * screens) marks the entry of the section being read with `aria-current="true"`, and the mobile bar
 * repeats that entry's text. At the top of a page that entry is the page title (`#_top`). The script
 * waits for the reader's first interaction (src/site/after-paint.ts), so this does its first job at
 * build time; the script takes over from the marked link (it starts from `a[aria-current="true"]`).
 */

/** The bundles of Starlight's two table-of-contents components, as Astro names them in `/_astro/`. */
export const TOC_SCRIPTS = /\/_astro\/(Mobile)?TableOfContents\.astro_astro_type_script_[^/]*\.js$/;

const TOC = /<(mobile-starlight-toc|starlight-toc)\b[\s\S]*?<\/\1>/g;
const TOP_LINK = /<a href="#_top"([^>]*)>\s*<span[^>]*>([\s\S]*?)<\/span>/;
const DISPLAY_CURRENT = /(<span class="display-current\b[^"]*"[^>]*>)([^<]*)(<\/span>)/;

/** The page with the `#_top` entry of each table of contents marked current; the page as is without one. */
export function markTableOfContentsStart(html: string, file = 'page'): string {
	return html.replace(TOC, (toc: string, tag: string) => {
		const top = TOP_LINK.exec(toc);
		if (!top) throw new Error(`${file}: <${tag}> has no link to #_top. Did Starlight change its table of contents? See src/site/toc-start.ts.`);
		let out = toc.replace(TOP_LINK, (link, attributes: string) => (attributes.includes('aria-current') ? link : link.replace('<a href="#_top"', '<a href="#_top" aria-current="true"')));
		if (tag === 'mobile-starlight-toc') {
			if (!DISPLAY_CURRENT.test(out)) throw new Error(`${file}: <mobile-starlight-toc> has no .display-current to fill. Did Starlight change its table of contents? See src/site/toc-start.ts.`);
			out = out.replace(DISPLAY_CURRENT, (span, open: string, text: string, close: string) => (text === '' ? `${open}${top[2]}${close}` : span));
		}
		return out;
	});
}
