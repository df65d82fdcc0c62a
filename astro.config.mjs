// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { LOCALES, LOCALE_LABELS } from './src/i18n/locales.ts';

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
			defaultLocale: 'en',
			// English is the default locale: with French as default, expressive-code's UI strings leaked
			// into English pages. The languages themselves are declared once, in src/i18n/locales.ts.
			locales: Object.fromEntries(LOCALES.map((code) => [code, { label: LOCALE_LABELS[code], lang: code }])),
			sidebar: [
				{
					label: 'Exposure',
					translations: { fr: 'Exposition' },
					items: [
						{ slug: 'exposure/kubectl-proxy' },
						{ slug: 'exposure/nodeport' },
					],
				},
			],
			components: {
				LanguageSelect: './src/components/LanguageLinks.astro',
			},
			customCss: ['./src/styles/diagram.css'],
		}),
		mdx(),
		{
			// The language-choosing page at `/`: injected so that no top-level `pages/` folder is needed.
			name: 'kube-paths:root',
			hooks: {
				'astro:config:setup': ({ injectRoute }) => {
					injectRoute({ pattern: '/', entrypoint: './src/pages/root.astro' });
				},
			},
		},
	],
});
