import { getEntry } from 'astro:content';
import type { Locale } from '../i18n/index.ts';
import { pageHref } from '../site/pages.ts';

export interface PageLink {
	readonly href: string;
	readonly title: string;
	readonly description: string | undefined;
}

/**
 * Links to pages of the site by slug, titled and described by each page's own front matter. Throws,
 * naming `where` and the missing file, when a slug of src/site/pages.ts has no page in `locale`.
 */
export async function pageLinks(locale: Locale, slugs: readonly string[], where: string): Promise<PageLink[]> {
	return Promise.all(
		slugs.map(async (slug) => {
			const entry = await getEntry('docs', `${locale}/${slug}`);
			if (!entry) throw new Error(`${where}: no page \`content/docs/${locale}/${slug}.mdx\`. Write it, or remove \`${slug}\` from src/site/pages.ts.`);
			return { href: pageHref(locale, slug), title: entry.data.title, description: entry.data.description };
		}),
	);
}
