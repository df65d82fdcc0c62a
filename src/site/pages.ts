/*
 * The site's structure, declared once: the sidebar (astro.config.mjs), the home page's learning path
 * and the tests that check every page has its twin all read it. Slugs are the same in both languages.
 */
import type { Locale } from '../i18n/locales.ts';

export interface SidebarGroup {
	readonly label: Record<Locale, string>;
	readonly slugs: readonly string[];
}

export const SIDEBAR: readonly SidebarGroup[] = [
	{
		label: { en: 'Ways in', fr: 'Voies d’entrée' },
		slugs: ['exposure/kubectl-proxy', 'exposure/port-forward', 'exposure/nodeport', 'exposure/loadbalancer', 'exposure/ingress-nodeport', 'exposure/ingress-loadbalancer'],
	},
	{ label: { en: 'Patterns', fr: 'Modèles' }, slugs: ['patterns/loadbalancer-per-api'] },
	{ label: { en: 'Beyond Ingress', fr: 'Au-delà d’Ingress' }, slugs: ['beyond/gateway-api', 'beyond/service-mesh'] },
	{ label: { en: 'Choose', fr: 'Choisir' }, slugs: ['compare', 'choose', 'explore'] },
	{ label: { en: 'Reference', fr: 'Référence' }, slugs: ['troubleshoot', 'glossary'] },
];

/** The order in which a newcomer should read the site (the home page numbers it). */
export const LEARNING_PATH: readonly string[] = SIDEBAR.flatMap((group) => group.slugs);

/** The folders of the learning path (`exposure`, `patterns`, `beyond`): each has an index page listing its pages. */
export const SECTIONS: readonly string[] = [...new Set(LEARNING_PATH.filter((slug) => slug.includes('/')).map((slug) => slug.slice(0, slug.indexOf('/'))))];

/** The pages of one section, in the learning path's order. */
export function sectionSlugs(section: string): readonly string[] {
	return LEARNING_PATH.filter((slug) => slug.startsWith(`${section}/`));
}

/** Every page of the site, home included, as slugs without language. */
export const ALL_SLUGS: readonly string[] = ['', ...LEARNING_PATH];

export function pageHref(locale: Locale, slug: string): string {
	return slug === '' ? `/${locale}/` : `/${locale}/${slug}/`;
}
