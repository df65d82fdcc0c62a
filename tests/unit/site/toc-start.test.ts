import { describe, expect, it } from 'vitest';
import { markTableOfContentsStart } from '../../../src/site/toc-start.ts';

// Starlight's markup for both tables of contents, as built here (classes shortened).
const entries =
	'<ul class="a"><li class="a"><a href="#_top" class="a"><span class="a">Vue d’ensemble</span></a></li><li class="a"><a href="#the-path" class="a"><span class="a">Le chemin</span></a></li></ul>';
const DESKTOP = `<starlight-toc data-min-h="2" data-max-h="3"><nav aria-labelledby="starlight__on-this-page"><h2 id="starlight__on-this-page">Sur cette page</h2>${entries}</nav></starlight-toc>`;
const MOBILE = `<mobile-starlight-toc data-min-h="2" data-max-h="3" class="b"><nav class="b"><details id="starlight__mobile-toc" class="b"><summary class="sl-flex b"><span class="toggle sl-flex b">Sur cette page</span><span class="display-current b"></span></summary><div class="dropdown b">${entries}</div></details></nav></mobile-starlight-toc>`;
const PAGE = `<body><header>${MOBILE}</header><main><a href="#_top">Aller au contenu</a><h1 id="_top">NodePort</h1></main><aside>${DESKTOP}</aside></body>`;

describe('markTableOfContentsStart', () => {
	const out = markTableOfContentsStart(PAGE, 'dist/fr/exposure/nodeport/index.html');

	it('marks the title entry of both tables of contents as the current one, and nothing else', () => {
		expect(out.match(/<a href="#_top" aria-current="true" class="a">/g)).toHaveLength(2);
		expect(out.match(/aria-current/g)).toHaveLength(2);
		// The skip link outside the tables of contents is left alone.
		expect(out).toContain('<main><a href="#_top">Aller au contenu</a>');
	});

	it('writes that entry into the mobile bar', () => {
		expect(out).toContain('<span class="display-current b">Vue d’ensemble</span>');
	});

	it('runs once: a page already marked stays as it is', () => {
		expect(markTableOfContentsStart(out)).toBe(out);
	});

	it('leaves a page without a table of contents as it is', () => {
		const plain = '<body><main><h1 id="_top">Accueil</h1></main></body>';
		expect(markTableOfContentsStart(plain)).toBe(plain);
	});

	it('fails, naming the file, when the markup is not the one it knows', () => {
		expect(() => markTableOfContentsStart(DESKTOP.replace('#_top', '#top'), 'dist/en/index.html')).toThrow('dist/en/index.html: <starlight-toc> has no link to #_top');
		expect(() => markTableOfContentsStart(MOBILE.replace('display-current', 'current'), 'dist/en/index.html')).toThrow('dist/en/index.html: <mobile-starlight-toc> has no .display-current');
	});
});
