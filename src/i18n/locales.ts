/** The site's languages, declared once. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Starlight's default locale (astro.config.mjs) and the sitemap's. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in itself: Starlight's locale labels and the language links. */
export const LOCALE_LABELS: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Every language of the site but `locale`, in `LOCALES` order: the ones a page links to as its twins. */
export function otherLocales(locale: Locale): Locale[] {
	return LOCALES.filter((code) => code !== locale);
}
