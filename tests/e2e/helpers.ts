import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LOCALES, type Locale } from '../../src/i18n/index.ts';
import { localeOfPath } from '../../src/i18n/paths.ts';
import { SCENARIO_IDS, scenarioPath, scenarios, type ScenarioId } from '../../src/model/scenarios/index.ts';
import { filesUnder, servedPath } from '../../src/site/files.ts';
import { decodeXmlText } from '../../src/site/html-entities.ts';

/** Every page with a live diagram, in every language: derived from the model, not listed by hand. */
export const DIAGRAM_PAGES = SCENARIO_IDS.flatMap((scenario) =>
	LOCALES.map((locale) => ({ scenario, locale, path: scenarioPath(scenarios[scenario], locale) }) satisfies { scenario: ScenarioId; locale: Locale; path: string }),
);

/** Collects console errors and uncaught exceptions for the rest of the test. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(`console: ${message.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
	return errors;
}

/* ---------------------------------------------------------------------------------------------------
 * Quality gates (a11y, links, privacy, SEO, i18n): every page of the sitemap, read from the served site.
 * ------------------------------------------------------------------------------------------------- */

/**
 * Where the browser tests serve the build (same variables as playwright.config.ts; `KP_BASE_URL` for a
 * run whose `baseURL` is another server, e.g. nginx). Only read while the tests are listed: the tests
 * themselves use Playwright's `baseURL`.
 */
export const DIST_DIR = process.env['KP_DIST'] ?? 'dist';
export const SERVED_ORIGIN = process.env['KP_BASE_URL']?.replace(/\/$/, '') ?? `http://127.0.0.1:${Number(process.env['KP_PORT'] ?? 4322)}`;

/** The `site` of astro.config.mjs, read from its source so the tests never load the Astro config itself. */
export const SITE: string = (() => {
	const source = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
	const match = /^\s*site:\s*['"]([^'"]+)['"]/m.exec(source);
	if (!match?.[1]) throw new Error("astro.config.mjs: no `site: 'https://…'` found; the SEO tests compare canonical URLs with it.");
	return match[1].replace(/\/$/, '');
})();

const locsOf = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => decodeXmlText(m[1]!));

async function readServedOrBuilt(path: string): Promise<string> {
	let response: Response;
	try {
		response = await fetch(`${SERVED_ORIGIN}${path}`);
	} catch (error) {
		// No server (`playwright test --list` loads the specs without starting one): read the same bytes from disk.
		const file = join(DIST_DIR, path.endsWith('/') ? `${path}index.html` : path);
		if (!existsSync(file)) throw new Error(`${path}: neither served at ${SERVED_ORIGIN} (${String(error)}) nor in ${DIST_DIR}/. Build the site first (npm run build).`, { cause: error });
		return readFileSync(file, 'utf8');
	}
	if (!response.ok) throw new Error(`${SERVED_ORIGIN}${path}: HTTP ${response.status}. Is the server serving the build in ${DIST_DIR}/?`);
	return response.text();
}

/**
 * Every page of the sitemap, as paths (`/en/exposure/nodeport/`), from the served `sitemap-index.xml`
 * and the sitemaps it lists. Fails if a `<loc>` is not on the configured `site`.
 */
export function sitemapPaths(): Promise<string[]> {
	return sitemapPathsWith(readServedOrBuilt);
}

/** The same, reading each file with `read` (by the path it is served at): tests/built/ reads them from disk. */
export async function sitemapPathsWith(read: (path: string) => string | Promise<string>): Promise<string[]> {
	const index = await read('/sitemap-index.xml');
	const sitemaps = locsOf(index);
	if (sitemaps.length === 0) throw new Error('sitemap-index.xml lists no sitemap: is @astrojs/sitemap (Starlight adds it when `site` is set) still enabled?');
	const paths: string[] = [];
	for (const sitemap of sitemaps) {
		if (!sitemap.startsWith(`${SITE}/`)) throw new Error(`sitemap-index.xml: ${sitemap} is not on the configured site ${SITE}.`);
		for (const loc of locsOf(await read(sitemap.slice(SITE.length)))) {
			if (loc !== SITE && !loc.startsWith(`${SITE}/`)) throw new Error(`${sitemap}: <loc>${loc}</loc> is not on the configured site ${SITE}.`);
			paths.push(new URL(loc).pathname);
		}
	}
	if (paths.length === 0) throw new Error('The sitemap lists no page.');
	return [...new Set(paths)].sort();
}

/** Every built HTML file under the dist folder, as the path it is served at (`en/index.html` → `/en/`). */
export function builtHtmlPaths(dir = DIST_DIR): string[] {
	return filesUnder(dir, '.html').map(servedPath).sort();
}

/** Forces Starlight's theme (and the system colour scheme, for pages outside Starlight) before any script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	await page.addInitScript((value) => {
		try {
			localStorage.setItem('starlight-theme', value);
		} catch {
			/* storage disabled: prefers-color-scheme above still applies */
		}
	}, theme);
}

declare global {
	interface Window {
		__kpCspViolations?: string[];
	}
}

/**
 * Like `collectErrors`, and also reports Content-Security-Policy violations: an init script records
 * every `securitypolicyviolation` event on `window.__kpCspViolations` and logs it as a console error,
 * so it fails the test even when the browser would only warn. Await it before `page.goto`.
 */
export async function watchErrors(page: Page): Promise<string[]> {
	await page.addInitScript(() => {
		window.__kpCspViolations = [];
		document.addEventListener('securitypolicyviolation', (event) => {
			const text = `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile || location.href}:${event.lineNumber} (policy: ${event.originalPolicy})`;
			window.__kpCspViolations?.push(text);
			console.error(`CSP violation: ${text}`);
		});
	});
	return collectErrors(page);
}

/** A live diagram found on a page of the sitemap, with its step ids in order (read from the served HTML). */
export interface PageDiagram {
	path: string;
	locale: Locale;
	scenario: string;
	stepIds: string[];
}

/** Every diagram on the given pages, read from the served HTML (so pages still being written are never assumed). */
export function diagramsOn(paths: readonly string[]): Promise<PageDiagram[]> {
	return diagramsIn(paths, readServedOrBuilt);
}

/** The same, reading each page with `read`: tests/built/ reads them from disk. */
export async function diagramsIn(paths: readonly string[], read: (path: string) => string | Promise<string>): Promise<PageDiagram[]> {
	const out: PageDiagram[] = [];
	for (const path of paths) {
		const locale = localeOfPath(path);
		if (!locale) continue;
		const html = await read(path);
		for (const figure of html.split(/<figure\b/).slice(1)) {
			const scenario = /^[^>]*\bdata-scenario="([^"]+)"/.exec(figure)?.[1];
			const list = /<ol class="kp-steps"[^>]*>([\s\S]*?)<\/ol>/.exec(figure)?.[1];
			if (!scenario || !list) continue;
			out.push({ path, locale, scenario, stepIds: [...list.matchAll(/<li\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]!) });
		}
	}
	return out;
}
