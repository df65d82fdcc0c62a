import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Locale } from './locales.ts';
import type { Messages } from './messages.ts';

export { LOCALES, LOCALE_LABELS, isLocale, otherLocales, type Locale } from './locales.ts';
export type { Messages } from './messages.ts';

/** Every locale's table. Typed as `Record<Locale, Messages>`: a locale without a table does not compile. */
export const messages: Record<Locale, Messages> = { en, fr };

export function t(locale: Locale): Messages {
	return messages[locale];
}
