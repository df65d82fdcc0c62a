import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { LOCALES, messages, otherLocales, type Locale } from '../../src/i18n/index.ts';
import { localeOfPath, localizedPath } from '../../src/i18n/paths.ts';
import { diagramContrast } from './contrast.ts';
import { SITE, useTheme } from './helpers.ts';
import { foreignUiStrings, STARLIGHT } from './ui-strings.ts';

/*
 * The checks that share one visit of a page (tests/e2e/page-gates.spec.ts runs them all on every page
 * of the sitemap; a11y.spec.ts and privacy.spec.ts use them on the search dialog). Each reads the page
 * as it is and returns what is wrong, in words that name the page and the fix, so that a test can run
 * several on one visit and report each with `expect.soft`:
 * - `openForChecks`: the page in one theme, its islands live, its code blocks laid out;
 * - `watchRequests` / `inspectOrigins`: what the page loads from other origins (privacy);
 * - `interfaceFailures`: `<html lang>`, hreflang alternates, UI strings in the page's language (i18n);
 * - `axeReport`: axe with its default rules (a11y);
 * - `contrastFailures`: the diagram's SVG text, dimmed hops, step numbers and buttons, step by step.
 */

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Opens a page in one theme. The root `/` redirects with a script to the reader's language; what stays
 * on screen is the page a reader without JavaScript gets, so it is checked with its scripts blocked (by
 * a CSP header: axe itself still runs).
 */
export async function openForChecks(page: Page, path: string, theme: Theme): Promise<void> {
	await useTheme(page, theme);
	if (!localeOfPath(path)) {
		await page.route(
			(url) => url.pathname === path,
			async (route) => {
				const response = await route.fetch();
				await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
			},
		);
	}
	const response = await page.goto(path);
	expect(response?.status(), `${path}: HTTP status`).toBe(200);
	if (localeOfPath(path)) {
		await expect(page.locator('html'), `${path}: Starlight did not apply the ${theme} theme`).toHaveAttribute('data-theme', theme);
		// Check the page with its scripts run: the live diagram, not the static one.
		for (const diagram of await page.locator('kp-diagram').all()) await expect(diagram).toHaveClass(/is-live/);
		await expect(page.locator('button[data-open-modal]').first()).toBeEnabled();
		// Code blocks far down are laid out as the reader nears them (`content-visibility: auto`,
		// src/styles/content.css). axe checks them as a reader meets them on the way down: rendered,
		// with expressive-code's script having made each one that scrolls focusable.
		await page.evaluate(() => {
			for (const block of document.querySelectorAll<HTMLElement>('.sl-markdown-content > *')) block.style.contentVisibility = 'visible';
		});
		const unreachable = () => [...document.querySelectorAll('.expressive-code pre')].filter((pre) => pre.scrollWidth > pre.clientWidth && !pre.hasAttribute('tabindex')).length;
		// Checked on every frame until none is left (expressive-code's script marks them as it sees them), then asserted.
		await page.waitForFunction(`(${unreachable})() === 0`, undefined, { polling: 'raf', timeout: 5_000 }).catch(() => undefined);
		expect(await page.evaluate(unreachable), `${path}: code blocks that scroll but take no keyboard focus`).toBe(0);
	}
}

/** Switches the open page to the other theme the way a reader does: Starlight's theme menu (or the OS setting). */
export async function switchTheme(page: Page, path: string, theme: Theme): Promise<void> {
	await page.emulateMedia({ colorScheme: theme });
	if (!localeOfPath(path)) return;
	await page.locator('starlight-theme-select select').locator('visible=true').first().selectOption(theme);
	await expect(page.locator('html'), `${path}: the theme menu did not switch to ${theme}`).toHaveAttribute('data-theme', theme);
}

/**
 * axe with its default rule set: every WCAG 2.0/2.1/2.2 A and AA rule (the tags below, asserted to be
 * part of it) and the best practices; no rule disabled, nothing excluded. Only violations are collected,
 * and axe runs in the page itself ("legacy mode": the site has no iframe for the frame-by-frame mode to
 * visit, and that mode opens an extra page per run: about three times slower).
 */
export const axe = (page: Page) => new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);

export function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'], where: string): string {
	return violations
		.map((v) =>
			[
				`${where}: [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
				...v.nodes.slice(0, 8).map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ')}`),
				v.nodes.length > 8 ? `    … and ${v.nodes.length - 8} more` : '',
			]
				.filter(Boolean)
				.join('\n'),
		)
		.join('\n');
}

/** axe on the open page, as it is now: the violations described, or nothing. */
export async function axeReport(page: Page, where: string): Promise<string[]> {
	const results = await axe(page).analyze();
	return results.violations.length > 0 ? [describeViolations(results.violations, where)] : [];
}

/** The advice every axe failure message starts with. */
export const AXE_FIX = "Fix these in the page, in a Starlight component override (src/components/) or with Starlight's CSS custom properties (customCss), never by disabling a rule:";

/** Names that analytics and tag managers put on `window`. */
export const ANALYTICS_GLOBALS = [
	'ga',
	'gtag',
	'dataLayer',
	'_gaq',
	'_paq',
	'plausible',
	'umami',
	'fathom',
	'analytics',
	'posthog',
	'mixpanel',
	'clarity',
	'Matomo',
	'_hsq',
	'heap',
	'amplitude',
	'hj',
];

/** Records every request of the page and every `navigator.sendBeacon`; aborts requests that leave the origin. */
export async function watchRequests(page: Page, origin: string): Promise<{ outside: string[]; all: string[] }> {
	const all: string[] = [];
	const outside: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		all.push(url);
		if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== origin) outside.push(`${request.resourceType()} ${url}`);
	});
	await page.context().route(
		(url) => url.origin !== origin && !/^(data|blob|about):/.test(url.href),
		(route) => route.abort('blockedbyclient'),
	);
	await page.addInitScript(() => {
		const beacons: string[] = [];
		(window as unknown as { __kpBeacons: string[] }).__kpBeacons = beacons;
		const original = navigator.sendBeacon?.bind(navigator);
		if (original) {
			navigator.sendBeacon = (url, data) => {
				beacons.push(String(url));
				return original(url, data);
			};
		}
	});
	return { outside, all };
}

/** What the loaded page itself reveals: web fonts from elsewhere, analytics globals, beacons sent. */
export async function inspectOrigins(page: Page, origin: string) {
	return page.evaluate((siteOrigin) => {
		const fonts: string[] = [];
		const visit = (rules: CSSRuleList, sheetHref: string) => {
			for (const rule of rules) {
				if (rule instanceof CSSFontFaceRule) {
					for (const m of rule.style.getPropertyValue('src').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
						const url = new URL(m[1]!, sheetHref);
						if (url.protocol !== 'data:' && url.origin !== siteOrigin) fonts.push(`${url.href} (in ${sheetHref})`);
					}
				} else if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) {
					visit(rule.cssRules, sheetHref);
				}
			}
		};
		for (const sheet of document.styleSheets) {
			const href = sheet.href ?? location.href;
			if (new URL(href).origin !== siteOrigin) {
				fonts.push(`stylesheet ${href}`);
				continue;
			}
			visit(sheet.cssRules, href);
		}
		return {
			fonts,
			beacons: (window as unknown as { __kpBeacons?: string[] }).__kpBeacons ?? [],
		};
	}, origin);
}

/** What a page shows of each UI string, read in the page: [where, value] pairs, for the probes that exist on it. */
interface Probe {
	where: string;
	selector: string;
	read: 'text' | 'firstText' | `attr:${string}`;
	expected: (locale: Locale) => string;
	/** Compare only the start (strings with a placeholder, like the heading anchors' labels). */
	prefix?: boolean;
}

const t = (key: string) => (locale: Locale) => {
	const value = STARLIGHT[locale][key];
	if (value === undefined) throw new Error(`Starlight has no \`${key}\` string for ${locale}.`);
	return value;
};
const ui = (key: 'previous' | 'next' | 'play' | 'copyLink' | 'linkCopied' | 'controls' | 'steps' | 'language') => (locale: Locale) => messages[locale].ui[key];

const PROBES: Probe[] = [
	{ where: 'skip link', selector: 'a.sl-skip-link', read: 'text', expected: t('skipLink.label') },
	{ where: 'search button name', selector: 'button[data-open-modal]', read: 'attr:aria-label', expected: t('search.label') },
	{ where: 'search button text', selector: 'button[data-open-modal] > span', read: 'text', expected: t('search.label') },
	{ where: 'search dialog name', selector: 'kp-search dialog', read: 'attr:aria-label', expected: t('search.label') },
	{ where: 'search cancel button', selector: 'button[data-close-modal]', read: 'text', expected: t('search.cancelLabel') },
	{ where: 'theme select label', selector: 'starlight-theme-select .sr-only', read: 'text', expected: t('themeSelect.accessibleLabel') },
	{ where: 'theme option dark', selector: 'starlight-theme-select option[value="dark"]', read: 'text', expected: t('themeSelect.dark') },
	{ where: 'theme option light', selector: 'starlight-theme-select option[value="light"]', read: 'text', expected: t('themeSelect.light') },
	{ where: 'theme option auto', selector: 'starlight-theme-select option[value="auto"]', read: 'text', expected: t('themeSelect.auto') },
	{ where: 'menu button', selector: 'button.sl-menu-button .sr-only', read: 'text', expected: t('menuButton.accessibleLabel') },
	{ where: 'sidebar navigation name', selector: 'nav.sidebar', read: 'attr:aria-label', expected: t('sidebarNav.accessibleLabel') },
	{ where: '“On this page”', selector: '#starlight__on-this-page', read: 'text', expected: t('tableOfContents.onThisPage') },
	{ where: '“On this page” (mobile)', selector: '#starlight__on-this-page--mobile .toggle', read: 'firstText', expected: t('tableOfContents.onThisPage') },
	{ where: 'table of contents “Overview”', selector: 'starlight-toc a[href="#_top"]', read: 'text', expected: t('tableOfContents.overview') },
	{ where: 'pagination “Next”', selector: '.pagination-links a[rel="next"] > span', read: 'firstText', expected: t('page.nextLink') },
	{ where: 'pagination “Previous”', selector: '.pagination-links a[rel="prev"] > span', read: 'firstText', expected: t('page.previousLink') },
	{ where: 'heading anchor label', selector: '.sl-anchor-link .sr-only', read: 'text', expected: t('heading.anchorLabel'), prefix: true },
	{ where: 'code copy button', selector: '.expressive-code .copy button', read: 'attr:title', expected: t('expressiveCode.copyButtonTooltip') },
	{ where: 'code copy button (copied)', selector: '.expressive-code .copy button', read: 'attr:data-copied', expected: t('expressiveCode.copyButtonCopied') },
	{ where: 'terminal window label', selector: '.expressive-code figcaption .sr-only', read: 'text', expected: t('expressiveCode.terminalWindowFallbackTitle') },
	{ where: 'language links name', selector: 'nav.kp-lang', read: 'attr:aria-label', expected: ui('language') },
	{ where: 'diagram controls name', selector: '.kp-controls', read: 'attr:aria-label', expected: ui('controls') },
	{ where: 'diagram “Previous step”', selector: '.kp-controls [data-action="previous"]', read: 'attr:aria-label', expected: ui('previous') },
	{ where: 'diagram “Next step”', selector: '.kp-controls [data-action="next"]', read: 'attr:aria-label', expected: ui('next') },
	{ where: 'diagram “Play”', selector: '.kp-controls [data-action="play"]', read: 'attr:aria-label', expected: ui('play') },
	{ where: 'diagram “Copy link”', selector: '.kp-controls [data-action="copy"] span', read: 'text', expected: ui('copyLink') },
	{ where: 'diagram “Link copied”', selector: '.kp-controls [data-action="copy"]', read: 'attr:data-label-done', expected: ui('linkCopied') },
	{ where: 'diagram steps caption', selector: 'figcaption.kp-steps-caption', read: 'text', expected: ui('steps') },
];

/**
 * What is wrong with the language of a loaded page of `locale` (its islands live): `<html lang>`, the
 * hreflang alternates, each UI string that exists on it, and strings of the other language.
 */
export async function interfaceFailures(page: Page, path: string, locale: Locale): Promise<string[]> {
	const failures: string[] = [];
	// <html lang> matches the path.
	const lang = await page.locator('html').getAttribute('lang');
	if (lang !== locale) failures.push(`${path}: <html lang="${lang}">, expected "${locale}": the page is not under content/docs/${locale}/ or the locale config is wrong.`);

	// hreflang alternates: every language, each to its twin on the configured site (+ x-default if emitted).
	const alternates = await page.locator('head link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''] as const));
	const byLang = new Map<string, string[]>();
	for (const [code, href] of alternates) byLang.set(code, [...(byLang.get(code) ?? []), href]);
	for (const code of LOCALES) {
		const expected = `${SITE}${localizedPath(path, code)}`;
		const hrefs = byLang.get(code) ?? [];
		if (hrefs.length !== 1 || hrefs[0] !== expected) failures.push(`${path}: <link rel="alternate" hreflang="${code}"> is ${hrefs.join(', ') || 'missing'}, expected exactly ${expected}.`);
	}
	for (const href of byLang.get('x-default') ?? []) {
		const expected = `${SITE}${localizedPath(path, 'en')}`;
		if (href !== expected) failures.push(`${path}: <link rel="alternate" hreflang="x-default"> is ${href}, expected the default-language twin ${expected}.`);
	}
	for (const code of byLang.keys()) {
		if (code !== 'x-default' && !(LOCALES as readonly string[]).includes(code)) failures.push(`${path}: <link rel="alternate" hreflang="${code}"> names a language the site does not have.`);
	}

	// Each UI string that exists on the page is in the page's language.
	const probes = PROBES.map((p) => ({ where: p.where, selector: p.selector, read: p.read, expected: p.expected(locale), prefix: Boolean(p.prefix) }));
	const seen = await page.evaluate((list) => {
		const out: { where: string; value: string; expected: string; prefix: boolean }[] = [];
		for (const probe of list) {
			for (const el of document.querySelectorAll(probe.selector)) {
				let value: string;
				if (probe.read === 'text') value = el.textContent ?? '';
				else if (probe.read === 'firstText') value = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())?.textContent ?? '';
				else value = el.getAttribute(probe.read.slice(5)) ?? '';
				out.push({ where: probe.where, value: value.trim().replace(/\s+/g, ' '), expected: probe.expected, prefix: probe.prefix });
			}
		}
		return out;
	}, probes);
	for (const s of seen) {
		const expected = s.prefix ? s.expected.split('{{')[0]!.trim() : s.expected;
		const ok = s.prefix ? s.value.startsWith(expected) : s.value === expected;
		if (!ok) failures.push(`${path}: ${s.where} reads “${s.value}”, expected the ${locale} string “${expected}”.`);
	}
	const found = new Set(seen.map((s) => s.where));
	for (const required of ['skip link', 'search button name', 'theme select label', 'sidebar navigation name', 'language links name']) {
		if (!found.has(required)) failures.push(`${path}: no ${required} found: did a component override drop it?`);
	}

	// And no string of the other language anywhere in the interface (elements marked with another `lang` excepted).
	for (const other of otherLocales(locale)) {
		const foreign = foreignUiStrings(locale, other);
		const leaks = await page.evaluate(
			({ foreign: strings, pageLang }) => {
				const wanted = new Set(strings.map((s) => s.toLowerCase()));
				const prefixes = strings.filter((s) => s.length >= 8);
				const hits: string[] = [];
				const otherLang = (el: Element | null) => {
					const tagged = el?.closest('[lang]');
					return Boolean(tagged && tagged !== document.documentElement && !tagged.getAttribute('lang')?.startsWith(pageLang));
				};
				const check = (value: string | null, el: Element, how: string) => {
					const text = (value ?? '').trim().replace(/\s+/g, ' ');
					if (!text || otherLang(el)) return;
					if (wanted.has(text.toLowerCase()) || prefixes.some((p) => text.startsWith(p) && text.length < p.length + 80)) {
						const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
						hits.push(`${how} of <${name}>: “${text}”`);
					}
				};
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const parent = node.parentElement;
					if (parent && !parent.closest('script, style, pre, code')) check(node.textContent, parent, 'text');
				}
				for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [data-copied], [data-label-done], [data-label-play], [data-label-pause]')) {
					for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'data-copied', 'data-label-done', 'data-label-play', 'data-label-pause']) {
						if (el.hasAttribute(attr)) check(el.getAttribute(attr), el, attr);
					}
				}
				return hits;
			},
			{ foreign, pageLang: locale },
		);
		for (const leak of leaks)
			failures.push(`${path}: ${other} UI string on a ${locale} page, ${leak}. Translate it (src/i18n/${locale}.ts, Starlight's locale config) or mark the element with lang="${other}".`);
	}
	return failures;
}

/**
 * Steps a live diagram through every step, forward (first to last) or back, checking on each the
 * contrast that axe cannot see; `onStep` runs on each step too (e.g. another check of the same states).
 */
export async function contrastFailures(
	diagram: Locator,
	where: { path: string; locale: Locale; theme: Theme; count: number; forward: boolean },
	onStep?: (step: number) => Promise<void>,
): Promise<string[]> {
	const { path, locale, theme, count, forward } = where;
	const failures: string[] = [];
	const order = Array.from({ length: count }, (_, k) => (forward ? k + 1 : count - k));
	for (const [k, step] of order.entries()) {
		// The button pressed in the page, and the counter read in the same round trip: Playwright's own
		// click waits two frames for the button to be still, on each of the suite's thousand-odd steps
		// (that the buttons can be pressed is tests/e2e/diagram.spec.ts's and a11y.spec.ts's).
		const counter = await diagram.evaluate(
			(root, action) => {
				if (action) root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)?.click();
				return root.querySelector('.kp-counter')?.textContent ?? '';
			},
			k > 0 ? (forward ? 'next' : 'previous') : '',
		);
		expect(counter, `${path} (${theme} theme): the step counter`).toBe(messages[locale].ui.stepCounter(step, count));
		for (const s of await diagramContrast(diagram)) {
			if (s.ratio + 1e-6 < s.required) {
				failures.push(
					`${path} (${theme} theme, step ${step}): ${s.what} has contrast ${s.ratio.toFixed(2)}:1 < ${s.required}:1 ` +
						`(${s.foreground} on ${s.background}; rule: .${s.classes.replaceAll(' ', '.')}). Fix the colour or opacity in src/styles/diagram.css.`,
				);
			}
		}
		await onStep?.(step);
	}
	return [...new Set(failures)];
}
