import { isLocale, type Locale } from '../i18n/index.ts';

/**
 * The page's language as Starlight resolved it. Throws rather than guessing: a page outside `en/` or
 * `fr/` would otherwise get one language's words silently.
 */
export function pageLocale(locals: { starlightRoute?: { locale: string | undefined } }, where: string): Locale {
	const locale = locals.starlightRoute?.locale;
	if (!isLocale(locale)) {
		throw new Error(`${where}: the page's locale \`${String(locale)}\` is not one of the site's languages. Put the page under content/docs/en/ or content/docs/fr/.`);
	}
	return locale;
}
