import { LOCALES, type Locale } from './locales.ts';

/**
 * The same page in another language: both languages keep the same slugs, so only the first path
 * segment changes (`/en/exposure/nodeport/` → `/fr/exposure/nodeport/`). A path outside any locale
 * gets the locale prefixed.
 */
export function localizedPath(pathname: string, to: Locale, base = '/'): string {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\//, '');
	const [first = '', ...others] = rest.split('/');
	const tail = (LOCALES as readonly string[]).includes(first) ? others : [first, ...others];
	return `${prefix}${[to, ...tail].join('/')}`.replace(/\/{2,}/g, '/');
}
