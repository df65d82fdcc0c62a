import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesUnder, foldersUnder, servedPath } from '../../../src/site/files.ts';

/* A small built site, written here: what the walker lists, how and in which order. */
const dir = mkdtempSync(join(tmpdir(), 'kp-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const folder of ['en/exposure/nodeport', 'fr/404', '_astro', 'pagefind/index', 'empty']) mkdirSync(join(dir, folder), { recursive: true });
for (const file of [
	'index.html',
	'404.html',
	'en/index.html',
	'en/exposure/nodeport/index.html',
	'fr/404/index.html',
	'_astro/page.B1x.js',
	'_astro/page.B1x.js.gz',
	'pagefind/index/en_1.pf_index',
	'sitemap-index.xml',
]) {
	writeFileSync(join(dir, file), file);
}
// A link is not a file of the build: it is not listed, nor is what it points to listed twice.
symlinkSync(join(dir, 'en'), join(dir, 'en-link'));
symlinkSync(join(dir, 'index.html'), join(dir, 'link.html'));

describe('filesUnder', () => {
	it('lists every regular file at any depth, relative, with `/`, sorted', () => {
		expect(filesUnder(dir)).toEqual([
			'404.html',
			'_astro/page.B1x.js',
			'_astro/page.B1x.js.gz',
			'en/exposure/nodeport/index.html',
			'en/index.html',
			'fr/404/index.html',
			'index.html',
			'pagefind/index/en_1.pf_index',
			'sitemap-index.xml',
		]);
	});
	it('keeps only the names that end with the suffix', () => {
		expect(filesUnder(dir, '.html')).toEqual(['404.html', 'en/exposure/nodeport/index.html', 'en/index.html', 'fr/404/index.html', 'index.html']);
		expect(filesUnder(dir, '.js')).toEqual(['_astro/page.B1x.js']);
		expect(filesUnder(join(dir, 'empty'))).toEqual([]);
	});
	it('names the folder it cannot read', () => {
		expect(() => filesUnder(join(dir, 'no-such-folder'))).toThrow(/no-such-folder/);
	});
});

describe('foldersUnder', () => {
	it('lists every folder at any depth but the one walked, sorted', () => {
		expect(foldersUnder(dir)).toEqual(['_astro', 'empty', 'en', 'en/exposure', 'en/exposure/nodeport', 'fr', 'fr/404', 'pagefind', 'pagefind/index']);
	});
});

describe('servedPath', () => {
	it('serves a folder’s index.html at the folder, with its trailing slash', () => {
		expect(servedPath('index.html')).toBe('/');
		expect(servedPath('en/index.html')).toBe('/en/');
		expect(servedPath('en/exposure/nodeport/index.html')).toBe('/en/exposure/nodeport/');
		expect(servedPath('fr/404/index.html')).toBe('/fr/404/');
	});
	it('serves any other file at its own path', () => {
		expect(servedPath('404.html')).toBe('/404.html');
		expect(servedPath('en/notindex.html')).toBe('/en/notindex.html');
		expect(servedPath('sitemap-index.xml')).toBe('/sitemap-index.xml');
	});
});
