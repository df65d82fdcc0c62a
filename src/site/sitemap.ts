/*
 * The sitemap's language alternates, made to agree with the pages' own <link rel="alternate">.
 *
 * Starlight configures @astrojs/sitemap with the locales; the sitemap then takes any URL without a
 * locale prefix for the default locale, so it listed the root page `/` (the language chooser,
 * src/pages/root.astro) as the English version of `/` and of `/en/`. The root page's own head says
 * otherwise: English is `/en/`, French `/fr/`, and `/` is the `x-default`. This fixes each entry.
 */
import type { SitemapItem } from '@astrojs/sitemap';
import { LOCALES } from '../i18n/locales.ts';
import { localizedPath } from '../i18n/paths.ts';

export function sitemapAlternates(item: SitemapItem): SitemapItem {
	const root = new URL('/', item.url).href;
	if (item.url === root) {
		const links = [...LOCALES.map((lang) => ({ lang, url: new URL(localizedPath('/', lang), root).href })), { lang: 'x-default', url: root }];
		return { ...item, links };
	}
	const links = item.links?.filter((link) => link.url !== root);
	return links ? { ...item, links } : item;
}
