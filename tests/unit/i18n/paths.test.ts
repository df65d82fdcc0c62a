import { describe, expect, it } from 'vitest';
import { localizedPath } from '../../../src/i18n/paths.ts';

describe('localizedPath', () => {
	it('swaps the language segment and keeps the slug', () => {
		expect(localizedPath('/en/exposure/nodeport/', 'fr')).toBe('/fr/exposure/nodeport/');
		expect(localizedPath('/fr/', 'en')).toBe('/en/');
	});
	it('prefixes a path outside any language', () => {
		expect(localizedPath('/glossary/', 'fr')).toBe('/fr/glossary/');
	});
	it('respects a base path', () => {
		expect(localizedPath('/docs/en/exposure/nodeport/', 'fr', '/docs/')).toBe('/docs/fr/exposure/nodeport/');
	});
});
