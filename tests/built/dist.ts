import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { siteHandler } from '../../scripts/serve.mjs';
import { diagramsIn, sitemapPathsWith, type PageDiagram } from '../e2e/helpers.ts';

/*
 * The built site for the Vitest files of tests/built/ (`npm run test:built`, run by `npm test` after
 * `astro build`): the checks that only read the built HTML, XML and images, without a browser. They
 * read `$KP_DIST` (dist/) from disk, or through the same static server the browser tests use
 * (scripts/serve.mjs's handler, in this process on a free port), where what a server answers matters
 * (a status, a redirect, a link's target).
 */

export const DIST_DIR = process.env['KP_DIST'] ?? 'dist';

/** Fails at once, naming the folder and the fix, when there is no build to read. */
export function assertBuilt(dir = DIST_DIR): void {
	for (const file of ['index.html', 'sitemap-index.xml']) {
		if (!existsSync(join(dir, file))) {
			throw new Error(
				`tests/built/ reads the built site, and ${join(dir, file)} does not exist. Build first: \`npx astro build\` (or \`npm test\`, which builds before running them); KP_DIST names another build folder.`,
			);
		}
	}
}
assertBuilt();

/** The file a served path comes from: `/en/` → dist/en/index.html, `/og/x.png` → dist/og/x.png. */
export function builtFile(path: string): string {
	return join(DIST_DIR, path.endsWith('/') ? `${path}index.html` : path);
}

/** A built file's text, by the path it is served at; a clear error when it is not there. */
export function readBuilt(path: string): string {
	const file = builtFile(path);
	if (!existsSync(file)) throw new Error(`${path}: ${file} was not built.`);
	return readFileSync(file, 'utf8');
}

/** Every page of the built sitemap, as paths (`/en/exposure/nodeport/`), read from the files. */
export const BUILT_PAGES: string[] = await sitemapPathsWith(readBuilt);

/** Every diagram on the built pages, with its step ids in order. */
export const BUILT_DIAGRAMS: PageDiagram[] = await diagramsIn(BUILT_PAGES, readBuilt);

/**
 * Serves the build for the tests of the calling file, as the browser tests' static server does
 * (trailing-slash redirects, the site's 404 page), on a free port of 127.0.0.1: `site.origin` is set
 * before the first test, `site.get(path)` fetches from it.
 */
export function useServedBuild(): { origin: string; get: (path: string, init?: RequestInit) => Promise<Response> } {
	let server: Server | undefined;
	const site = {
		origin: '',
		get: (path: string, init?: RequestInit) => fetch(new URL(path, site.origin), init),
	};
	beforeAll(async () => {
		server = createServer(siteHandler(resolve(DIST_DIR)));
		await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
		site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise((done) => server?.close(done));
	});
	return site;
}
