import { describe, expect, it } from 'vitest';
import { otherLocales } from '../../../src/i18n/locales.ts';
import { localeOfPath, localizedPath } from '../../../src/i18n/paths.ts';

describe('localizedPath', () => {
	it('swaps the language segment and keeps the slug', () => {
		expect(localizedPath('/en/exposure/nodeport/', 'fr')).toBe('/fr/exposure/nodeport/');
		expect(localizedPath('/fr/exposure/nodeport/', 'en')).toBe('/en/exposure/nodeport/');
		expect(localizedPath('/fr/', 'en')).toBe('/en/');
		expect(localizedPath('/en/glossary/', 'en')).toBe('/en/glossary/');
	});
	it('keeps the step anchor and the query (a link to one step of a diagram, a shared answer)', () => {
		expect(localizedPath('/fr/exposure/nodeport/#client-to-nodeport-a', 'en')).toBe('/en/exposure/nodeport/#client-to-nodeport-a');
		expect(localizedPath('/en/exposure/nodeport/#client-to-nodeport-a', 'fr')).toBe('/fr/exposure/nodeport/#client-to-nodeport-a');
		expect(localizedPath('/en/choose/?answers=ynnyy', 'fr')).toBe('/fr/choose/?answers=ynnyy');
	});
	it('goes from the 404 page of one language to the other’s', () => {
		expect(localizedPath('/en/404/', 'fr')).toBe('/fr/404/');
		expect(localizedPath('/fr/404/', 'en')).toBe('/en/404/');
	});
	it('prefixes a path outside any language: the root chooser leads to each home page', () => {
		expect(localizedPath('/', 'fr')).toBe('/fr/');
		expect(localizedPath('/', 'en')).toBe('/en/');
		expect(localizedPath('/glossary/', 'fr')).toBe('/fr/glossary/');
	});
	it('keeps the trailing slash as it is', () => {
		expect(localizedPath('/en/exposure/nodeport', 'fr')).toBe('/fr/exposure/nodeport');
		expect(localizedPath('/en', 'fr')).toBe('/fr');
	});
	it('takes only the first segment for the language: a slug that looks like one stays', () => {
		expect(localizedPath('/en/fr/', 'fr')).toBe('/fr/fr/');
		expect(localizedPath('/english/', 'fr')).toBe('/fr/english/');
	});
	it('respects a base path, with or without its trailing slash', () => {
		expect(localizedPath('/docs/en/exposure/nodeport/', 'fr', '/docs/')).toBe('/docs/fr/exposure/nodeport/');
		expect(localizedPath('/docs/fr/exposure/nodeport/#step', 'en', '/docs')).toBe('/docs/en/exposure/nodeport/#step');
		expect(localizedPath('/docs/', 'fr', '/docs/')).toBe('/docs/fr/');
		expect(localizedPath('/docs/en/404/', 'fr', '/docs/')).toBe('/docs/fr/404/');
	});
});

describe('localeOfPath', () => {
	it('reads the language from the first segment', () => {
		expect(localeOfPath('/fr/exposure/nodeport/#client-to-nodeport-a')).toBe('fr');
		expect(localeOfPath('/en/')).toBe('en');
		expect(localeOfPath('/en')).toBe('en');
		expect(localeOfPath('/fr/404/')).toBe('fr');
	});
	it('says none for the root chooser and the files outside the language folders', () => {
		expect(localeOfPath('/')).toBeUndefined();
		expect(localeOfPath('/og/en/exposure/nodeport.png')).toBeUndefined();
		expect(localeOfPath('/_astro/')).toBeUndefined();
		expect(localeOfPath('/english/')).toBeUndefined();
		expect(localeOfPath('/de/')).toBeUndefined();
	});
	it('reads it after a base path', () => {
		expect(localeOfPath('/docs/fr/exposure/', '/docs/')).toBe('fr');
		expect(localeOfPath('/docs/fr/exposure/', '/docs')).toBe('fr');
		expect(localeOfPath('/docs/', '/docs/')).toBeUndefined();
	});
});

describe('otherLocales', () => {
	it('lists the languages a page links to as its twins', () => {
		expect(otherLocales('en')).toEqual(['fr']);
		expect(otherLocales('fr')).toEqual(['en']);
	});
});
