/*
 * Pages and their languages, by path: the one place that knows a page's language is the first
 * segment of its path after the site's base (`/fr/exposure/nodeport/`), and that both languages keep
 * the same slugs (content/docs/en/<slug>.mdx and content/docs/fr/<slug>.mdx). The language links, the
 * root page, the sitemap and the browser tests all go through it.
 */
import { isLocale, type Locale } from './locales.ts';

/** The segments of a path after the base: `/docs/fr/exposure/` with base `/docs/` → `['fr', 'exposure', '']`. */
function segments(pathname: string, prefix: string): string[] {
	const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
	return rest.split('/');
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/**
 * The language of a page from its path (`/fr/exposure/nodeport/#step` → `fr`), or undefined for a path
 * outside the language folders: the language-neutral root `/`, `/og/…`, `/_astro/…`.
 */
export function localeOfPath(pathname: string, base = '/'): Locale | undefined {
	const [first] = segments(pathname, withSlash(base));
	return isLocale(first) ? first : undefined;
}

/**
 * The same page in another language: only the language segment changes, the rest of the path, its
 * trailing slash, `?query` and `#step` stay (`/en/exposure/nodeport/#client-to-nodeport-a` →
 * `/fr/exposure/nodeport/#client-to-nodeport-a`). A path outside any language gets the language
 * prefixed (`/` → `/fr/`, the French home page).
 */
export function localizedPath(pathname: string, to: Locale, base = '/'): string {
	const prefix = withSlash(base);
	const [first = '', ...others] = segments(pathname, prefix);
	const tail = isLocale(first) ? others : [first, ...others];
	return `${prefix}${[to, ...tail].join('/')}`.replace(/\/{2,}/g, '/');
}
