// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { DEFAULT_LOCALE, LOCALES, LOCALE_LABELS } from './src/i18n/locales.ts';
import { SIDEBAR } from './src/site/pages.ts';
import { scenarios } from './src/model/scenarios/index.ts';
import { hopId } from './src/model/resolve.ts';
import { afterPaint } from './src/site/after-paint.ts';
import { precompressed } from './src/site/precompress.ts';
import { sitemapAlternates } from './src/site/sitemap.ts';

/** `#<from>-to-<to>`: the step anchors <Diagram> renders, which the links validator cannot see in Markdown. */
const DIAGRAM_STEP_IDS = new Set(Object.values(scenarios).flatMap((scenario) => scenario.path.map(hopId)));

/*
 * Why `srcDir: '.'`: the pages live in the top-level `content/docs/{en,fr}/` folder, and Starlight's
 * `docsLoader()` and its remark plugins derive the collection folder *and the page language* from
 * `<srcDir>/content/docs`. A custom glob loader pointed at `./content` loads the pages but breaks that
 * derivation (English pages got French heading-anchor labels). Setting `srcDir` to the project root
 * keeps every Starlight feature working; our own code is still under `src/` and imported by path, and
 * the only routes Astro would look for in `./pages` are injected below instead, so the top level stays
 * as designed.
 */
export default defineConfig({
	site: 'https://kube-paths.example.org',
	srcDir: '.',
	trailingSlash: 'always',
	markdown: {
		// `## Titre {#stable-id}`: the main sections keep the same anchor in both languages, so a link to
		// `#how-it-works` survives the language switch. Starlight adds its own plugins to this processor.
		processor: satteri({ features: { headingAttributes: true } }),
	},
	integrations: [
		starlight({
			title: 'kube-paths',
			description: 'How external traffic reaches Pods in Kubernetes, step by step.',
			defaultLocale: DEFAULT_LOCALE,
			head: [{ tag: 'link', attrs: { rel: 'expect', href: '#_top', blocking: 'render' } }],
			// English is the default locale: with French as default, expressive-code's UI strings leaked
			// into English pages. The languages themselves are declared once, in src/i18n/locales.ts.
			locales: Object.fromEntries(LOCALES.map((code) => [code, { label: LOCALE_LABELS[code], lang: code }])),
			// The site's structure lives in src/site/pages.ts (also read by the home page and the tests).
			sidebar: SIDEBAR.map((group) => ({
				label: group.label.en,
				translations: { fr: group.label.fr },
				items: group.slugs.map((slug) => ({ slug })),
			})),
			// Each page's footer says when it last changed (its last commit; nothing when git has no date
			// for it) and, beside it, what it was checked against (src/site/checked-against.ts).
			lastUpdated: true,
			components: {
				LastUpdated: './src/components/LastUpdated.astro',
				LanguageSelect: './src/components/LanguageLinks.astro',
				// Starlight's search with the Pagefind UI imported only when the dialog opens (and an a11y fix).
				Search: './src/components/Search.astro',
			},
			customCss: ['./src/styles/diagram.css', './src/styles/content.css'],
			// Every page's preview image in its head (og:image, twitter:image): src/site/route-data.ts.
			routeMiddleware: './src/site/route-data.ts',
			plugins: [
				// Scripts and the print stylesheet wait for the first paint, in dev and in the build (why:
				// src/site/after-paint.ts). Starlight's table of contents (desktop and mobile) only follows
				// the reader's scrolling, and its selectors cost 10-30 ms per copy on a long page: it waits
				// for the first interaction, and our overrides of its two components render its opening
				// state (the page title's entry current; src/site/toc-start.ts).
				afterPaint(),
				// Fails the build on a broken internal link or `#anchor` in the Markdown/MDX pages (links as
				// authored, with the trailing slash `trailingSlash: 'always'` requires), and on a link from one
				// language to the other: French pages link to French pages. Diagram step ids (`#<from>-to-<to>`)
				// are rendered by <Diagram>, outside Markdown: links to them are left to the browser crawl
				// (tests/e2e/links.spec.ts), which checks every link and anchor of the built pages.
				starlightLinksValidator({
					errorOnInconsistentLocale: true,
					exclude: ({ link }) => DIAGRAM_STEP_IDS.has(link.split('#')[1] ?? ''),
				}),
			],
		}),
		mdx(),
		// Starlight's own sitemap set-up, plus alternates that agree with the root page (why:
		// src/site/sitemap.ts). Starlight adds no sitemap when one is configured here.
		sitemap({
			i18n: { defaultLocale: DEFAULT_LOCALE, locales: Object.fromEntries(LOCALES.map((code) => [code, code])) },
			serialize: sitemapAlternates,
		}),
		{
			// The language-choosing page at `/`: injected so that no top-level `pages/` folder is needed.
			name: 'kube-paths:root',
			hooks: {
				'astro:config:setup': ({ injectRoute }) => {
					injectRoute({ pattern: '/', entrypoint: './src/pages/root.astro' });
					// Each page's preview image for shared links, rendered at build time (src/site/preview.ts).
					injectRoute({ pattern: '/og/[...id].png', entrypoint: './src/pages/preview-image.ts' });
				},
			},
		},
		// Last: the .gz and .br copies of the final files, after every rewrite above (src/site/precompress.ts).
		precompressed(),
	],
});
