/** The site's languages, declared once. English is Starlight's default locale (see astro.config.mjs). */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself: Starlight's locale labels and the language links. */
export const LOCALE_LABELS: Record<Locale, string> = { en: 'English', fr: 'Français' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
