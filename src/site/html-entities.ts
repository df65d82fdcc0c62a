/*
 * The one place that turns character references (`&amp;`, `&#39;`, `&#x27;`, `&nbsp;`) back into
 * characters, for the code that reads built HTML or XML as text, such as the tests that compare
 * what a page says. The decoding is the `entities` package's, the one parse5 (hence Astro) and htmlparser2 use,
 * which follows the HTML standard's table of named references and its rules; we only pick the rule
 * for each context:
 * - text between tags and inside an attribute differ for a legacy reference without `;` (`&amp`,
 *   `&not`): in text it is decoded wherever it stands (`&notit;` → `¬it;`), in an attribute not when a
 *   letter, digit or `=` follows (`?a=1&copy=2` stays as written);
 * - XML (the sitemap) knows only `&amp; &lt; &gt; &quot; &apos;` and numeric references, and needs `;`.
 * Each decodes once (`&amp;lt;` → `&lt;`), and leaves an unknown reference as written (`&nosuch;`).
 *
 * Erasable TypeScript only: the scripts import it under plain `node scripts/….mjs` (Node 24).
 */
import { decodeHTML, decodeHTMLAttribute, decodeXML } from 'entities';

/** An attribute value as the browser reads it: `font-family: &quot;A&amp;B&quot;` → `font-family: "A&B"`. */
export function decodeAttribute(value: string): string {
	return decodeHTMLAttribute(value);
}

/** Text between tags (`<title>`, `<h1>`, a link's words) as the browser reads it: `Pods &amp; Services` → `Pods & Services`. */
export function decodeText(text: string): string {
	return decodeHTML(text);
}

/** Text of an XML document, such as a sitemap's `<loc>`: `/?a=1&amp;b=2` → `/?a=1&b=2`. */
export function decodeXmlText(text: string): string {
	return decodeXML(text);
}
