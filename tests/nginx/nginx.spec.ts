import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { buildPolicy, collectHashes } from '../../scripts/csp-hashes.mjs';
import { hasBrotli } from '../../scripts/nginx.mjs';
import { DEFAULT_LOCALE } from '../../src/i18n/locales.ts';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { filesUnder, foldersUnder } from '../../src/site/files.ts';
import { SECTIONS } from '../../src/site/pages.ts';
import { COMPRESSIBLE, MIN_BYTES } from '../../src/site/precompress.ts';
import { AFTER_PAINT_ID, type AfterPaint } from '../../src/site/after-paint.ts';

/*
 * The built site behind the production nginx configuration (deploy/nginx/), started by global-setup.ts:
 * every sitemap page in both languages under the Content-Security-Policy, the security and cache
 * headers, compression, the per-language 404 pages, and the two scripts that must keep working under
 * the policy (the diagram island and the search).
 */

const DIST = process.env['KP_DIST'] ?? 'dist';
const POLICY = buildPolicy(collectHashes(DIST));

/** deploy/nginx/asset-headers.conf: on every response. */
const ASSET_HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-resource-policy': 'same-origin',
} as const;
/** deploy/nginx/security-headers.conf: on every response that is or can be a document (all but /_astro/). */
const SECURITY_HEADERS = {
	...ASSET_HEADERS,
	'content-security-policy': POLICY,
	'cross-origin-opener-policy': 'same-origin',
	'x-frame-options': 'DENY',
} as const;
const DOCUMENT_ONLY = [...Object.keys(SECURITY_HEADERS).filter((name) => !(name in ASSET_HEADERS)), 'permissions-policy'];
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Every page of the built sitemap, as a path (`/en/exposure/nodeport/`). */
function sitemapPaths(): string[] {
	const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	const paths = locs(readFileSync(join(DIST, 'sitemap-index.xml'), 'utf8')).flatMap((sitemap) => locs(readFileSync(join(DIST, sitemap), 'utf8')));
	if (paths.length === 0) throw new Error(`${DIST}/sitemap-index.xml lists no page`);
	return [...new Set(paths)].sort();
}
const PAGES = sitemapPaths();

/** Console errors, uncaught exceptions and CSP violations (which Chromium also logs), across navigations. */
async function watch(page: Page): Promise<string[]> {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`);
	});
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	await page.exposeFunction('kpNginxViolation', (text: string) => problems.push(`CSP violation: ${text}`));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { kpNginxViolation: (text: string) => void }).kpNginxViolation;
			report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || location.href}:${event.lineNumber} ${event.sample}`);
		});
	});
	return problems;
}

function expectSecurityHeaders(headers: Record<string, string>, where: string): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${where}: ${name}`).toBe(value);
	const permissions = headers['permissions-policy'] ?? '';
	for (const off of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(permissions, `${where}: Permissions-Policy`).toContain(off);
	expect(permissions, `${where}: the diagrams copy links`).toContain('clipboard-write=(self)');
	expect(headers['server'] ?? '', `${where}: server_tokens off`).not.toMatch(/\d/);
}

/** One JS and one CSS bundle the page loads from /_astro/. */
async function assetsOf(request: APIRequestContext, path: string): Promise<{ js: string; css: string }> {
	const html = await (await request.get(path)).text();
	// The scripts are listed for the after-paint loader (src/site/after-paint.ts), not in <script src>.
	const list = new RegExp(`<script type="application/json" id="${AFTER_PAINT_ID}">(.*?)</script>`).exec(html)?.[1];
	const js = list ? (JSON.parse(list) as AfterPaint).scripts.find((src) => src.startsWith('/_astro/')) : undefined;
	const css = /<link[^>]+href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
	if (!js || !css) throw new Error(`${path} loads no /_astro/ script or stylesheet`);
	return { js, css };
}

test.describe('every sitemap page under the production nginx configuration', () => {
	test('the sitemap has pages in both languages', () => {
		expect(PAGES.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(0);
		expect(PAGES.filter((p) => p.startsWith('/fr/')).length).toBe(PAGES.filter((p) => p.startsWith('/en/')).length);
	});

	for (const path of PAGES) {
		test(`${path}: security and cache headers, no CSP violation, no console error`, async ({ page }) => {
			const problems = await watch(page);
			const response = await page.goto(path, { waitUntil: 'networkidle' });
			expect(response?.status(), path).toBe(200);
			const headers = (await response?.allHeaders()) ?? {};
			expectSecurityHeaders(headers, path);
			expect(headers['cache-control'], `${path}: HTML is revalidated`).toBe('no-cache');
			expect(headers['etag'] ?? headers['last-modified'], `${path}: a validator for revalidation`).toBeTruthy();
			// `/` sends the reader on to a language with its inline script, which the policy must allow.
			if (path === '/') await expect(page).toHaveURL(/\/(en|fr)\/$/);
			expect(problems).toEqual([]);
		});
	}
});

test.describe('headers', () => {
	test('hashed assets are immutable; HTML and unhashed Pagefind files are revalidated', async ({ request }) => {
		const { js, css } = await assetsOf(request, '/en/exposure/nodeport/');
		for (const asset of [js, css]) {
			const response = await request.get(asset);
			expect(response.status(), asset).toBe(200);
			expect(response.headers()['cache-control'], asset).toBe(IMMUTABLE);
		}
		const entry = JSON.parse(await (await request.get('/pagefind/pagefind-entry.json')).text()) as { languages: Record<string, { hash: string }> };
		const [language, { hash }] = Object.entries(entry.languages)[0]!;
		const meta = await request.get(`/pagefind/pagefind.${hash}.pf_meta`);
		expect(meta.status()).toBe(200);
		expect(meta.headers()['cache-control'], 'hashed Pagefind index').toBe(IMMUTABLE);
		for (const folder of ['index', 'fragment']) {
			const chunk = `/pagefind/${folder}/${readdirSync(join(DIST, 'pagefind', folder))[0]}`;
			const response = await request.get(chunk);
			expect(response.status(), chunk).toBe(200);
			expect(response.headers()['cache-control'], chunk).toBe(IMMUTABLE);
		}
		for (const path of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', `/pagefind/wasm.${language}.pagefind`, '/en/', '/sitemap-index.xml']) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['cache-control'], path).toBe('no-cache');
		}
	});

	test('bundles carry the asset headers only; anything that can be a document carries them all', async ({ request }) => {
		// /_astro/ gets the lean set because it holds nothing a browser would render as a document.
		const kinds = new Set(readdirSync(join(DIST, '_astro')).map((name) => /\.\w+(?=(\.gz|\.br)?$)/.exec(name)?.[0]));
		expect([...kinds].sort(), `${DIST}/_astro/ holds only scripts and stylesheets; for anything else, give /_astro/ security-headers.conf in deploy/nginx/kube-paths.conf`).toEqual([
			'.css',
			'.js',
		]);
		const { js, css } = await assetsOf(request, '/en/exposure/nodeport/');
		for (const asset of [js, css]) {
			const headers = (await request.get(asset)).headers();
			for (const [name, value] of Object.entries(ASSET_HEADERS)) expect(headers[name], `${asset}: ${name}`).toBe(value);
			for (const name of DOCUMENT_ONLY) expect(headers[name], `${asset}: no ${name} on a bundle`).toBeUndefined();
		}
		for (const path of ['/favicon.svg', '/sitemap-index.xml', '/pagefind/pagefind-worker.js', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/en/no-such-page/']) {
			const response = await request.get(path);
			expectSecurityHeaders(response.headers(), path);
		}
	});

	test("Pagefind's binary files (index chunks, WebAssembly) carry the asset headers only", async ({ request }) => {
		const entry = JSON.parse(await (await request.get('/pagefind/pagefind-entry.json')).text()) as { languages: Record<string, { hash: string }> };
		const binaries = [
			...Object.entries(entry.languages).flatMap(([language, { hash }]) => [`/pagefind/pagefind.${hash}.pf_meta`, `/pagefind/wasm.${language}.pagefind`]),
			...['index', 'fragment'].map((folder) => `/pagefind/${folder}/${readdirSync(join(DIST, 'pagefind', folder))[0]}`),
		];
		for (const path of binaries) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const headers = response.headers();
			for (const [name, value] of Object.entries(ASSET_HEADERS)) expect(headers[name], `${path}: ${name}`).toBe(value);
			for (const name of DOCUMENT_ONLY) expect(headers[name], `${path}: no ${name} on a binary file`).toBeUndefined();
		}
	});

	test('HTML, JavaScript and CSS are compressed for clients that accept it', async ({ request }) => {
		const { js, css } = await assetsOf(request, '/en/exposure/nodeport/');
		// scripts/nginx.mjs loads the brotli modules when Debian's are installed (scripts/ensure-nginx.mjs tries).
		const encodings = hasBrotli() ? ['gzip', 'br'] : ['gzip'];
		for (const path of ['/en/exposure/nodeport/', '/fr/', js, css, '/pagefind/pagefind-ui.js']) {
			for (const encoding of encodings) {
				const response = await request.get(path, { headers: { 'accept-encoding': encoding } });
				expect(response.headers()['content-encoding'], `${path} with Accept-Encoding: ${encoding}`).toBe(encoding);
				expect(response.headers()['vary'], path).toMatch(/accept-encoding/i);
			}
			const plain = await request.get(path, { headers: { 'accept-encoding': 'identity' } });
			expect(plain.headers()['content-encoding'], `${path} without compression`).toBeUndefined();
		}
		if (!encodings.includes('br')) test.info().annotations.push({ type: 'note', description: 'nginx has no brotli module here: gzip only' });
	});

	test('every .gz and .br of the build decompresses to exactly its file, and every text file has both', () => {
		const all = filesUnder(DIST);
		const copies = all.filter((f) => /\.(gz|br)$/.test(f));
		expect(copies.length).toBeGreaterThan(40);
		for (const copy of copies) {
			const original = readFileSync(join(DIST, copy.slice(0, -3)));
			const unpacked = copy.endsWith('.gz') ? gunzipSync(readFileSync(join(DIST, copy))) : brotliDecompressSync(readFileSync(join(DIST, copy)));
			expect(unpacked.equals(original), `${copy} is ${copy.slice(0, -3)} as it is now (compressed after every rewrite of the build)`).toBe(true);
		}
		const missing = all.filter((f) => COMPRESSIBLE.test(f) && statSync(join(DIST, f)).size >= MIN_BYTES && !(copies.includes(`${f}.gz`) && copies.includes(`${f}.br`)));
		expect(missing, 'text files without their precompressed copies').toEqual([]);
	});

	test('nginx sends the precompressed bytes as they are (gzip_static, brotli_static), with their length', async ({ request }) => {
		const { js, css } = await assetsOf(request, '/en/exposure/nodeport/');
		const encodings = hasBrotli() ? { gzip: '.gz', br: '.br' } : { gzip: '.gz' };
		for (const [path, file] of [
			['/en/exposure/nodeport/', 'en/exposure/nodeport/index.html'],
			['/fr/', 'fr/index.html'],
			[js, js.slice(1)],
			[css, css.slice(1)],
			['/en/no-such-page/', 'en/404/index.html'],
		] as const) {
			for (const [encoding, suffix] of Object.entries(encodings)) {
				const response = await request.get(path, { headers: { 'accept-encoding': encoding } });
				const copy = readFileSync(join(DIST, file + suffix));
				expect(response.headers()['content-encoding'], `${path} ${encoding}`).toBe(encoding);
				// Compressed on the fly, a response is chunked; precompressed, it has the copy's length.
				expect(response.headers()['content-length'], `${path} ${encoding}: the length of ${file}${suffix}`).toBe(String(copy.length));
			}
		}
	});

	test('a directory without its trailing slash redirects to it, with a relative Location', async ({ request }) => {
		const response = await request.get('/en/exposure/nodeport', { maxRedirects: 0 });
		expect(response.status()).toBe(301);
		expect(response.headers()['location']).toBe('/en/exposure/nodeport/');
	});
});

test.describe('page not found', () => {
	for (const { path, lang, title } of [
		{ path: '/fr/nexiste-pas/', lang: 'fr', title: 'Page introuvable' },
		{ path: '/fr/exposure/nope', lang: 'fr', title: 'Page introuvable' },
		{ path: '/en/does-not-exist/', lang: 'en', title: 'Page not found' },
		{ path: '/nowhere', lang: 'en', title: 'Page not found' },
	]) {
		test(`${path} answers 404 with the ${lang} page`, async ({ page }) => {
			const problems = await watch(page);
			const response = await page.goto(path, { waitUntil: 'networkidle' });
			expect(response?.status()).toBe(404);
			expectSecurityHeaders(await response!.allHeaders(), path);
			expect(response?.headers()['cache-control']).toBe('no-cache');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
			// The browser reports the document's own 404 status as a failed load: that one is expected.
			expect(problems.filter((p) => !p.endsWith(`(${response?.url()})`) || !p.includes('404'))).toEqual([]);
		});
	}

	test('a missing asset is a 404 that is not cached as immutable', async ({ request }) => {
		const response = await request.get('/_astro/missing.0000000.js');
		expect(response.status()).toBe(404);
		expect(response.headers()['cache-control']).toBe('no-cache');
	});
});

test.describe('every folder of the build', () => {
	const folders = ['', ...foldersUnder(DIST)];

	test('has a real answer: its index page, or the site’s 404 page in its language; never 403', async ({ request }) => {
		expect(folders).toEqual(expect.arrayContaining(['_astro', 'pagefind', 'en/exposure', 'fr/beyond']));
		// Each folder on its own, all at once (one by one, the round trips made this the suite's longest test).
		const check = async (folder: string) => {
			const path = folder === '' ? '/' : `/${folder}/`;
			const hasIndex = readdirSync(join(DIST, folder)).includes('index.html');
			const lang = localeOfPath(path) ?? DEFAULT_LOCALE;
			const response = await request.get(path, { maxRedirects: 0 });
			const html = await response.text();
			if (hasIndex) {
				expect(response.status(), path).toBe(200);
				expect(html, path).toBe(readFileSync(join(DIST, folder, 'index.html'), 'utf8'));
			} else {
				expect(response.status(), `${path} has no index.html`).toBe(404);
				expect(html, `${path}: the site's own ${lang} 404 page`).toBe(readFileSync(join(DIST, lang, '404/index.html'), 'utf8'));
			}
			expectSecurityHeaders(response.headers(), path);
			if (folder === '') return;
			const bare = await request.get(`/${folder}`, { maxRedirects: 0 });
			if (hasIndex) {
				expect(bare.status(), `/${folder}`).toBe(301);
				expect(bare.headers()['location'], `/${folder}`).toBe(`/${folder}/`);
			} else expect(bare.status(), `/${folder}`).toBe(404);
		};
		// Every folder is checked even when one fails; the first failure (it names its folder) is the test's.
		const failed = (await Promise.allSettled(folders.map(check))).filter((result) => result.status === 'rejected');
		if (failed.length > 0) throw (failed[0] as PromiseRejectedResult).reason;
	});

	test('section folders are pages that list their pages, in both languages', async ({ page }) => {
		expect(SECTIONS).toEqual(['exposure', 'patterns', 'beyond']);
		for (const path of ['en', 'fr'].flatMap((lang) => SECTIONS.map((section) => `/${lang}/${section}/`))) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
			const section = path.slice(0, path.indexOf('/', 4) + 1);
			const inSection = links.filter((href) => href.startsWith(section) && href !== section);
			expect(inSection.length, `${path} lists its pages`).toBeGreaterThan(0);
			for (const folder of readdirSync(join(DIST, section)).filter((name) => !name.includes('.'))) expect(inSection, `${path} lists ${section}${folder}/`).toContain(`${section}${folder}/`);
		}
	});
});

test.describe('probes', () => {
	test('/healthz stays 200 while draining; /readyz turns 503 as soon as the drain file exists', async ({ request }) => {
		const prefix = process.env['KP_NGINX_PREFIX'];
		expect(prefix, 'global-setup.ts exports the prefix of the run').toBeTruthy();
		const drain = join(prefix!, 'tmp/kube-paths/draining');
		expect((await request.get('/readyz')).status()).toBe(200);
		writeFileSync(drain, '');
		try {
			const ready = await request.get('/readyz');
			expect(ready.status()).toBe(503);
			expect(ready.headers()['cache-control']).toBe('no-store');
			expect((await request.get('/healthz')).status(), 'liveness: a draining Pod must not be restarted').toBe(200);
			expect((await request.get('/en/')).status(), 'still serving while draining').toBe(200);
		} finally {
			rmSync(drain);
		}
		expect((await request.get('/readyz')).status()).toBe(200);
	});
});

test.describe('scripts under the policy', () => {
	test('the diagram island moves the active step', async ({ page }) => {
		const problems = await watch(page);
		await page.goto('/en/exposure/nodeport/');
		const current = page.locator('figure[data-scenario] ol > li[aria-current="step"]');
		const first = await current.getAttribute('id');
		await page.getByRole('button', { name: 'Next step' }).click();
		await expect(current).not.toHaveAttribute('id', first ?? '');
		await expect(page).toHaveURL(/#.+-to-.+$/);
		expect(problems).toEqual([]);
	});

	for (const { path, query, expected } of [
		{ path: '/en/', query: 'NodePort', expected: /NodePort/ },
		{ path: '/fr/', query: 'nœud', expected: /NodePort|kubectl/ },
	]) {
		test(`${path}: the search dialog opens and returns results (Pagefind WebAssembly)`, async ({ page }) => {
			const problems = await watch(page);
			await page.goto(path);
			await page.locator('button[data-open-modal]').first().click();
			const dialog = page.getByRole('dialog');
			await expect(dialog).toBeVisible();
			await dialog.locator('input').first().fill(query);
			await expect(dialog.getByRole('link', { name: expected }).first()).toBeVisible({ timeout: 10_000 });
			expect(problems).toEqual([]);
		});
	}
});
