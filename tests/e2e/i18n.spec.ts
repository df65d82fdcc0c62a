import { expect, test } from '@playwright/test';
import { LOCALES, messages, otherLocales, type Locale } from '../../src/i18n/index.ts';
import { localeOfPath, localizedPath } from '../../src/i18n/paths.ts';
import { SITE, sitemapPaths } from './helpers.ts';
import { foreignUiStrings, STARLIGHT } from './ui-strings.ts';

/*
 * Both languages, page for page: every page has its twin, says its language, points search engines to
 * its twin, and shows its interface (Starlight's, expressive-code's and ours) in its own language only.
 */

const PAGES = await sitemapPaths();

/** The source of a page: `/fr/exposure/nodeport/` → content/docs/fr/exposure/nodeport.mdx, `/fr/` → content/docs/fr/index.mdx. */
const sourceOf = (path: string) => `content/docs${path.replace(/\/$/, '')}${/^\/[^/]+\/$/.test(path) ? '/index' : ''}.mdx`;

test('every page of the sitemap has its twin in the other language', () => {
	const listed = new Set(PAGES);
	const missing: string[] = [];
	for (const path of PAGES) {
		const locale = localeOfPath(path);
		if (!locale) continue;
		for (const other of otherLocales(locale)) {
			const twin = localizedPath(path, other);
			if (!listed.has(twin)) missing.push(`${path} has no ${other} twin: add ${sourceOf(twin)} (same path as ${sourceOf(path)}).`);
		}
	}
	expect(missing, missing.join('\n')).toEqual([]);
});

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

for (const path of PAGES) {
	test(`${path}: language, hreflang alternates and interface strings`, async ({ page }) => {
		const locale = localeOfPath(path);
		const failures: string[] = [];
		if (!locale) {
			// The language-neutral root: it names every language and itself as the default.
			const response = await page.request.get(path);
			const html = await response.text();
			for (const code of [...LOCALES, 'x-default']) {
				const href = new RegExp(`<link[^>]*rel="alternate"[^>]*hreflang="${code}"[^>]*href="([^"]*)"`).exec(html)?.[1];
				const expected = code === 'x-default' ? `${SITE}/` : `${SITE}/${code}/`;
				if (href !== expected) failures.push(`${path}: <link rel="alternate" hreflang="${code}"> is ${href ?? 'missing'}, expected ${expected} (src/pages/root.astro).`);
			}
			expect(failures, failures.join('\n')).toEqual([]);
			return;
		}

		await page.goto(path);
		// The island must have run, so the diagram controls are there to check.
		for (const diagram of await page.locator('kp-diagram').all()) await expect(diagram).toHaveClass(/is-live/);

		// <html lang> matches the path.
		const lang = await page.locator('html').getAttribute('lang');
		if (lang !== locale) failures.push(`${path}: <html lang="${lang}">, expected "${locale}": the page is not under content/docs/${locale}/ or the locale config is wrong.`);

		// hreflang alternates: every language, each to its twin on the configured site (+ x-default if emitted).
		const alternates = await page
			.locator('head link[rel="alternate"][hreflang]')
			.evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang') ?? '', l.getAttribute('href') ?? ''] as const));
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
		expect(failures, failures.join('\n')).toEqual([]);
	});
}
